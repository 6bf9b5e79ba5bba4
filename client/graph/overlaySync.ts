/**
 * The 記録と比較 overlay on the live cytoscape instance, as a layer of its own: classes named
 * `cmp-…`, a `cmpLabel` data field and ghost elements. `baseElements` hands the element diffing
 * (elementDiff.ts) the map without that layer, so the diff never removes a ghost nor counts a
 * class of the overlay as a change; `syncOverlay` lays the layer again after every diff.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import type { OverlayPlan } from './compareOverlay'
import { allOverlayClasses, overlayClass } from './overlayStyle'
import type { Point } from './rings'

const GHOSTS = `.${overlayClass.ghost}`
const overlayClassList = allOverlayClasses.join(' ')
/** The instances an overlay was laid on (and not taken away since). */
const overlaid = new WeakSet<Core>()

/**
 * What cytoscape holds of the map itself (no ghosts, no overlay classes, none of labelFit's
 * label-* classes), as diffElements compares it.
 */
export function baseElements(cy: Core): ElementDefinition[] {
  return cy
    .elements()
    .not(GHOSTS)
    .map((el) => ({
      group: el.group(),
      data: el.data(),
      classes: el
        .classes()
        .filter((c) => !c.startsWith('cmp-') && !c.startsWith('label-'))
        .join(' '),
    }))
}

/** Lays the plan over what cytoscape shows (null: takes the overlay away). Returns the count of ghost nodes added. */
export function syncOverlay(cy: Core, plan: OverlayPlan | null): number {
  // Without a comparison, every change of the map would otherwise walk every element for nothing.
  if (!plan && !overlaid.has(cy)) return 0
  if (plan) overlaid.add(cy)
  else overlaid.delete(cy)
  let added = 0
  cy.batch(() => {
    const wanted = new Map((plan?.ghosts ?? []).map((g) => [g.data.id!, g]))
    // A ghost whose ends changed is drawn anew (cytoscape cannot re-point an edge).
    cy.elements(GHOSTS).forEach((el) => {
      const w = wanted.get(el.id())
      if (!w || (el.isEdge() && (w.data.source !== el.data('source') || w.data.target !== el.data('target')))) el.remove()
    })
    const toPlace: string[] = []
    for (const g of wanted.values()) {
      const el = cy.getElementById(g.data.id!)
      if (el.nonempty()) {
        el.data(g.data)
        continue
      }
      if (g.group === 'nodes') toPlace.push(g.data.id!)
      cy.add(g)
    }
    // Ghosts are read, not handled: they cannot be dragged or selected.
    cy.nodes(GHOSTS).ungrabify().unselectify()
    if (toPlace.length > 0) {
      const known = (id: string) => {
        const n = cy.getElementById(id)
        return n.nonempty() && !toPlace.includes(id) ? n.position() : undefined
      }
      const placed = ghostPositions(toPlace, peersIn(cy, toPlace), known, mapBox(cy))
      for (const [id, p] of placed) cy.getElementById(id).position(p)
      added = toPlace.length
    }
    cy.elements().not(GHOSTS).forEach((el) => {
      const cls = plan?.classes.get(el.id())
      el.removeClass(overlayClassList)
      if (cls) el.addClass(cls)
      const label = plan?.labels.get(el.id())
      if (label !== undefined) el.data('cmpLabel', label)
      else if (el.data('cmpLabel') !== undefined) el.removeData('cmpLabel')
    })
  })
  return added
}

/**
 * Takes the overlay off for an image export (the images are of the map now) and returns what
 * puts it back: call it at once after the export, in the same task.
 */
export function hideOverlay(cy: Core): () => void {
  const ghosts = cy.elements(GHOSTS)
  const classed = cy.elements().not(GHOSTS).filter((el) => el.classes().some((c) => c.startsWith('cmp-')))
  const saved = classed.map((el) => [el, el.classes().filter((c) => c.startsWith('cmp-'))] as const)
  const labels = cy.elements('[cmpLabel]').map((el) => [el, el.data('cmpLabel') as string] as const)
  cy.batch(() => {
    ghosts.style('display', 'none')
    classed.removeClass(overlayClassList)
    for (const [el] of labels) el.removeData('cmpLabel')
  })
  return () =>
    cy.batch(() => {
      ghosts.removeStyle('display')
      for (const [el, classes] of saved) el.addClass(classes.join(' '))
      for (const [el, label] of labels) el.data('cmpLabel', label)
    })
}

/** For a computed layout: targets for the ghost nodes, next to their peers' targets. */
export function ghostTargets(cy: Core, targets: Map<string, Point>): Map<string, Point> {
  const ghosts = cy.nodes(GHOSTS).map((n) => n.id())
  if (ghosts.length === 0) return targets
  const xs = [...targets.values()]
  const box = xs.length > 0 ? { x1: Math.min(...xs.map((p) => p.x)), y2: Math.max(...xs.map((p) => p.y)) } : { x1: 0, y2: 0 }
  const placed = ghostPositions(ghosts, peersIn(cy, ghosts), (id) => targets.get(id), box)
  return new Map([...targets, ...placed])
}

function peersIn(cy: Core, ids: string[]): Map<string, string[]> {
  return new Map(ids.map((id) => [id, (cy.getElementById(id) as NodeSingular).neighborhood('node').map((n) => n.id())]))
}

function mapBox(cy: Core): { x1: number; y2: number } {
  const bb = cy.nodes().not(GHOSTS).boundingBox({ includeLabels: false })
  return Number.isFinite(bb.x1) && bb.w > 0 ? { x1: bb.x1, y2: bb.y2 } : { x1: 0, y2: 0 }
}

/**
 * Where ghost nodes go: beside the cards they were tied to (those placed first, then ghosts tied
 * only to other ghosts), spread around them; a ghost tied to nothing drawn sits in a row under
 * the map. Deterministic, so the same comparison looks the same every time.
 */
export function ghostPositions(
  ids: readonly string[],
  peers: Map<string, string[]>,
  known: (id: string) => Point | undefined,
  box: { x1: number; y2: number },
): Map<string, Point> {
  const out = new Map<string, Point>()
  const at = (id: string) => out.get(id) ?? known(id)
  let pending = [...ids]
  let round = 0
  for (let progress = true; progress && pending.length > 0; round++) {
    progress = false
    const next: string[] = []
    for (const id of pending) {
      const near = (peers.get(id) ?? []).map(at).filter((p): p is Point => !!p)
      if (near.length === 0) {
        next.push(id)
        continue
      }
      const cx = near.reduce((s, p) => s + p.x, 0) / near.length
      const cy = near.reduce((s, p) => s + p.y, 0) / near.length
      // The golden angle spreads the ghosts of one card around it without overlaps.
      const angle = (out.size + round) * 2.39996
      out.set(id, { x: cx + 110 * Math.cos(angle), y: cy + 110 * Math.sin(angle) })
      progress = true
    }
    pending = next
  }
  pending.forEach((id, i) => out.set(id, { x: box.x1 + i * 130, y: box.y2 + 140 }))
  return out
}
