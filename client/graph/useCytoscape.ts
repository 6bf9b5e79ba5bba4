/**
 * The cytoscape instance of a graph view: loaded on first use, created in the container, its
 * labels kept legible when zoomed out, and taps and drags passed to the view. One instance per
 * room; it is destroyed when the room changes or the view unmounts.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type cytoscape from 'cytoscape'
import type { Core } from 'cytoscape'
import { loadFcose } from '../library-seams'
import { stylesheet } from './elements'
import { overlayClass } from './overlayStyle'
import type { Positions } from './positions'

/**
 * cytoscape and fcose are loaded when the tab first opens (their own chunk): participants who
 * stay on the board do not download them.
 */
let loading: Promise<typeof cytoscape> | null = null
function loadCytoscape(): Promise<typeof cytoscape> {
  loading ??= Promise.all([import('cytoscape'), loadFcose()]).then(([c, fcose]) => {
    c.default.use(fcose)
    return c.default
  })
  return loading
}

export interface CytoscapeHandlers {
  /** A tap on a card (a record id), or null for a tap on the background. */
  onSelect: (id: string | null) => void
  /** A node or a field group was dropped: where its cards are now. */
  onMoved: (positions: Positions) => void
  /** Just before the instance is destroyed (a layout still running must stop on it). */
  onDestroy: () => void
}

export interface Cytoscape {
  /** null until cytoscape has loaded, and after the instance is destroyed. */
  cy: Core | null
  /** The factor labels are grown by for the current zoom (1 = their own size). */
  labelScale: () => number
}

/**
 * The instance lives in `containerRef`'s element. The handlers are read when an event fires,
 * so they may change on every render.
 */
export function useCytoscape(roomId: string, containerRef: RefObject<HTMLDivElement | null>, handlers: CytoscapeHandlers): Cytoscape {
  const handlersRef = useRef(handlers)
  // After each render, before any event of the next: events see the latest handlers.
  useLayoutEffect(() => {
    handlersRef.current = handlers
  })
  const scaleRef = useRef(1)
  const [cy, setCy] = useState<Core | null>(null)

  useEffect(() => {
    let cancelled = false
    let created: Core | null = null
    void loadCytoscape().then((cytoscape) => {
      if (cancelled || !containerRef.current) return
      created = setUp(cytoscape, containerRef.current)
      setCy(created)
    })
    const setUp = (cytoscape: typeof import('cytoscape'), container: HTMLDivElement): Core => {
      const instance = cytoscape({
        container,
        style: stylesheet(),
        minZoom: 0.1,
        maxZoom: 5,
        boxSelectionEnabled: false,
      })
      // Labels stay legible when zoomed out: the font grows in model units (up to 1.8×, so about
      // 10 px on screen at zoom 0.42), rebuilt in 10 % steps rather than on every wheel tick.
      scaleRef.current = 1
      instance.on('zoom', () => {
        // On a large map, grown labels would cover each other: there they stay at their size and
        // appear as one zooms in (min-zoomed-font-size hides the unreadable ones).
        const grow = instance.nodes().length <= 80 ? 0.75 / instance.zoom() : 1
        const next = Math.round(Math.min(1.8, Math.max(1, grow)) * 10) / 10
        if (next !== scaleRef.current) {
          scaleRef.current = next
          instance.style(stylesheet(next))
        }
      })
      instance.on('tap', 'node', (e) => {
        const node = e.target as cytoscape.NodeSingular
        // A ghost of 記録と比較 is no card of the map: there is nothing to select.
        if (!node.data('compound') && !node.hasClass(overlayClass.ghost)) handlersRef.current.onSelect(node.id())
      })
      instance.on('tap', (e) => {
        if (e.target === instance) handlersRef.current.onSelect(null)
      })
      instance.on('dragfree', 'node', (e) => {
        const node = e.target as cytoscape.NodeSingular
        const moved: Positions = {}
        ;(node.isParent() ? node.children() : node).forEach((n) => {
          const p = n.position()
          moved[n.id()] = { x: p.x, y: p.y }
        })
        handlersRef.current.onMoved(moved)
      })
      return instance
    }
    return () => {
      cancelled = true
      handlersRef.current.onDestroy()
      created?.destroy()
      setCy(null)
    }
    // One instance per room: another room starts from a fresh one (layout, zoom, positions).
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- roomId is read by no code here; it is when to recreate
  }, [roomId, containerRef])

  return { cy, labelScale: () => scaleRef.current }
}
