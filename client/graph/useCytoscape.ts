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
import { cullEdgeLabels, GROWING_LABELS_MAX_NODES, LABEL_PEEK } from './labelFit'
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

/** How far labels grow in model units when zoomed out (the fitted view of a 50-agency map is about 0.3). */
export const MAX_GROW = 2.4

export interface CytoscapeHandlers {
  /** A tap on a card (a record id), or null for a tap on the background. */
  onSelect: (id: string | null) => void
  /** A node or a field group was dropped: where its cards are now. */
  onMoved: (positions: Positions) => void
  /** Just before the instance is destroyed (a layout still running must stop on it). */
  onDestroy: () => void
  /** The pointer is over a card (its full name, where it is drawn), or left it (null). */
  onHover: (hover: NodeHover | null) => void
}

/** A card under the pointer, in the container's pixels. */
export interface NodeHover {
  id: string
  name: string
  x: number
  /** The top and bottom of the card and its label. */
  top: number
  bottom: number
}

export interface Cytoscape {
  /** null until cytoscape has loaded, and after the instance is destroyed. */
  cy: Core | null
  /** The factor labels are grown by for the current zoom (1 = their own size). */
  labelScale: () => number
  /** Presentation mode: labels sized for a projector (about 19 px on screen instead of 10). */
  setLargeType: (large: boolean) => void
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
  const largeRef = useRef(false)
  const [cy, setCy] = useState<Core | null>(null)
  // Set by the instance: recomputes the label size for the zoom and the type size.
  const rescaleRef = useRef<() => void>(() => {})

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
      // Labels stay legible when zoomed out: the font grows in model units (up to MAX_GROW×, so
      // about 10 px on screen down to zoom 0.3), rebuilt in 10 % steps rather than on every wheel
      // tick. labelFit spaces the cards for the grown labels.
      // Presentation mode aims at about 19 px (up to 3×), on every map.
      scaleRef.current = 1
      let styledLarge = false
      const rescale = () => {
        // On a large map, grown labels would cover each other: there they stay at their size and
        // appear as one zooms in (min-zoomed-font-size hides the unreadable ones).
        const large = largeRef.current
        const grow = large ? 1.35 / instance.zoom() : instance.nodes().length <= GROWING_LABELS_MAX_NODES ? 0.8 / instance.zoom() : 1
        const next = Math.round(Math.min(large ? 3 : MAX_GROW, Math.max(large ? 1.35 : 1, grow)) * 10) / 10
        if (next !== scaleRef.current || large !== styledLarge) {
          scaleRef.current = next
          styledLarge = large
          instance.style(stylesheet(next, { large }))
          // Bigger labels take more room: the tie labels that no longer fit are left out (a layout
          // settling does that once at its end, labelFit.settleLabels).
          if (instance.container()?.getAttribute('data-layout-state') !== 'running') cullEdgeLabels(instance)
        }
      }
      rescaleRef.current = rescale
      instance.on('zoom', rescale)
      // The full name at the card; the ties of a hovered card, or a hovered tie, show their labels.
      const hover = (n: cytoscape.NodeSingular | null) => {
        if (!n) return handlersRef.current.onHover(null)
        const p = n.renderedPosition()
        const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false })
        handlersRef.current.onHover({ id: n.id(), name: String(n.data('fullLabel') ?? n.data('label') ?? ''), x: p.x, top: b.y1, bottom: b.y2 })
      }
      instance.on('mouseover', 'node', (e) => {
        const node = e.target as cytoscape.NodeSingular
        if (node.data('compound')) return
        node.connectedEdges().addClass(LABEL_PEEK)
        hover(node)
      })
      instance.on('mouseout', 'node', (e) => {
        ;(e.target as cytoscape.NodeSingular).connectedEdges().removeClass(LABEL_PEEK)
        hover(null)
      })
      instance.on('mouseover', 'edge', (e) => void (e.target as cytoscape.EdgeSingular).addClass(LABEL_PEEK))
      instance.on('mouseout', 'edge', (e) => void (e.target as cytoscape.EdgeSingular).removeClass(LABEL_PEEK))
      instance.on('pan zoom drag', () => hover(null))
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
      rescaleRef.current = () => {}
      setCy(null)
    }
    // One instance per room: another room starts from a fresh one (layout, zoom, positions).
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- roomId is read by no code here; it is when to recreate
  }, [roomId, containerRef])

  return {
    cy,
    labelScale: () => scaleRef.current,
    setLargeType: (large) => {
      largeRef.current = large
      rescaleRef.current()
    },
  }
}
