/**
 * Labels that do not overlap at the fitted zoom, on the live instance. Node labels grow when
 * the view is zoomed out (useCytoscape), so fitting changes their size: fit, push apart the
 * nodes whose boxes (card and label) overlap, fit again, until nothing moves. Then the tie
 * labels that would cover a card, a label or another tie label are left out (class
 * LABEL_OFF); hovering a tie or its card shows them (LABEL_PEEK), and so does selecting the card
 * (LABEL_CHOSEN).
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'
import { fitAll } from './layout'
import { crowded, separate, stretchTo, type Box, type Placed } from './labelSpacing'

// The instance's own classes, not the map's: overlaySync.baseElements leaves label-* out of the diff.
export const LABEL_OFF = 'label-off'
export const LABEL_PEEK = 'label-peek'
export const LABEL_CHOSEN = 'label-chosen'

/** Screen pixels kept between two label boxes. */
const GAP_PX = 6
/** Beyond this, the passes cost more than they give: large maps hide small labels anyway. */
const MAX_NODES = 300
const MAX_EDGES = 800
/** Up to this many cards, labels grow as the view zooms out (useCytoscape); beyond, they keep their size. */
export const GROWING_LABELS_MAX_NODES = 80
/**
 * Spacing stops after this long, or this many fits: the view is fitted all the same. A map whose
 * labels grow may need several fits, each a little further out.
 */
const BUDGET_MS = { small: 2000, large: 400 }
const MAX_FITS = 30

const box = (b: { x1: number; y1: number; x2: number; y2: number }): Box => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 })

function movable(cy: Core): NodeSingular[] {
  return cy
    .nodes(':childless')
    .filter((n) => n.visible())
    .toArray() as NodeSingular[]
}

export interface SettleOptions {
  /** With it, the view glides from where it was. */
  animate: boolean
  /**
   * A computed layout (not the user's own positions) may be stretched to the view's shape first,
   * so that a square map in a wide view uses its width (labelSpacing.stretchTo).
   */
  stretch?: boolean
}

/**
 * Fits the view and spaces the nodes until no two node boxes overlap at that zoom; then leaves
 * out the tie labels that do not fit.
 */
export function settleLabels(cy: Core, { animate, stretch = false }: SettleOptions) {
  const nodes = movable(cy)
  const start = { zoom: cy.zoom(), pan: { ...cy.pan() } }
  const aspect = cy.height() > 0 ? cy.width() / cy.height() : 1
  if (nodes.length <= MAX_NODES) {
    if (stretch) {
      const wide = stretchTo(new Map(nodes.map((n) => [n.id(), { ...n.position() }])), aspect)
      cy.batch(() => nodes.forEach((n) => void n.position(wide.get(n.id())!)))
    }
    const began = performance.now()
    const until = began + (nodes.length <= GROWING_LABELS_MAX_NODES ? BUDGET_MS.small : BUDGET_MS.large)
    let fits = 0
    let settled = false
    for (; fits < MAX_FITS && performance.now() < until; fits++) {
      fitAll(cy, false)
      const gap = GAP_PX / cy.zoom()
      const items: Placed[] = nodes.map((n) => {
        const p = n.position()
        const b = n.boundingBox({ includeLabels: true, includeOverlays: false })
        return { id: n.id(), at: { x: p.x, y: p.y }, box: { x1: b.x1 - p.x, y1: b.y1 - p.y, x2: b.x2 - p.x, y2: b.y2 - p.y } }
      })
      // Moves across are cheaper while the map is narrower than the view, dearer once wider.
      const bb = cy.elements().boundingBox({ includeLabels: true })
      const weight = bb.w > 0 && bb.h > 0 ? Math.min(3, Math.max(1 / 3, aspect / (bb.w / bb.h))) : 1
      const moved = separate(items, gap, { aspect: weight, until })
      if (moved.size === 0) {
        settled = true
        break
      }
      cy.batch(() => moved.forEach((p, id) => void cy.getElementById(id).position(p)))
    }
    // How many fits it took ("+": stopped before nothing overlapped) and how long, for the tests
    // and a bug report.
    const took = Math.round(performance.now() - began)
    cy.container()?.setAttribute('data-label-fits', `${fits}${settled ? '' : '+'} ${took}ms`)
  }
  fitAll(cy, false)
  cullEdgeLabels(cy)
  if (animate) {
    const end = { zoom: cy.zoom(), pan: { ...cy.pan() } }
    cy.viewport(start)
    cy.animate(end, { duration: 200 })
  }
}

/** Missing and stressful ties keep their labels first: they are what a meeting talks about. */
function priority(e: EdgeSingular): number {
  const s = e.data('status')
  return s === 'missing' ? 0 : e.data('strength') === 'stressful' ? 1 : s === 'planned' ? 2 : 3
}

/** Leaves out the tie labels that would overlap a card, a node label or a tie label kept before. */
export function cullEdgeLabels(cy: Core) {
  const edges = cy.edges().filter((e) => e.visible())
  if (edges.length > MAX_EDGES || cy.nodes().length > MAX_NODES) {
    cy.edges(`.${LABEL_OFF}`).removeClass(LABEL_OFF)
    return
  }
  cy.batch(() => edges.removeClass(LABEL_OFF))
  const gap = GAP_PX / 2 / cy.zoom()
  const obstacles = movable(cy).map((n) => box(n.boundingBox({ includeLabels: true, includeOverlays: false })))
  const candidates = (edges.toArray() as EdgeSingular[])
    .filter((e) => e.style('label'))
    .sort((a, b) => priority(a) - priority(b) || a.id().localeCompare(b.id()))
    .map((e) => ({ id: e.id(), box: box(e.boundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false })) }))
    .filter((c) => Number.isFinite(c.box.x1) && c.box.x2 > c.box.x1)
  const off = crowded(obstacles, candidates, gap)
  cy.batch(() => off.forEach((id) => void cy.getElementById(id).addClass(LABEL_OFF)))
}

/** The ties of the selected card (class chosen, elements.ts) show their labels, even those left out. */
export function markChosenTies(cy: Core) {
  const ties = cy.nodes('.chosen').connectedEdges()
  cy.batch(() => {
    cy.edges(`.${LABEL_CHOSEN}`).difference(ties).removeClass(LABEL_CHOSEN)
    ties.addClass(LABEL_CHOSEN)
  })
}
