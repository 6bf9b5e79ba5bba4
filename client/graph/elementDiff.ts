/**
 * What changes in cytoscape when the elements change, so that everyone keeps their mental map:
 * a renamed agency or a new tie moves nothing, a new card appears next to the cards it is tied
 * to, and elements whose data did not change are not touched. `diffElements` is pure (unit
 * tested); `applyElementDiff` carries a diff out on the instance, in the order cytoscape needs.
 */
import type { Core, ElementDefinition } from 'cytoscape'
import type { Point } from './rings'

export interface ElementDiff {
  /** Edges gone, now something else, or with other ends: cytoscape cannot re-point an edge in place. */
  removeEdges: string[]
  /** New field groups (compound nodes), added before nodes move into them. */
  addParents: ElementDefinition[]
  removeNodes: string[]
  /** Nodes whose field group changed; null takes a node out of every group. */
  moveNodes: { id: string; parent: string | null }[]
  removeParents: string[]
  /** New nodes and the nodes they are tied to (once per tie), which place them. */
  addNodes: { element: ElementDefinition; peers: string[] }[]
  addEdges: ElementDefinition[]
  /** Kept elements whose data or classes changed. */
  update: ElementDefinition[]
  /** The set of nodes or the grouping changed: the layout runs again (layout.ts needsLayout). */
  structureChanged: boolean
}

// Immutable in cytoscape's data(): a changed parent is a move, changed ends a removal.
const structuralKeys = new Set(['id', 'source', 'target', 'parent'])

function classSet(classes: ElementDefinition['classes']): Set<string> {
  const list = Array.isArray(classes) ? classes : (classes ?? '').split(/\s+/)
  return new Set(list.filter(Boolean))
}

function changed(current: ElementDefinition, wanted: ElementDefinition): boolean {
  for (const [key, value] of Object.entries(wanted.data)) {
    if (!structuralKeys.has(key) && current.data[key] !== value) return true
  }
  const had = classSet(current.classes)
  const has = classSet(wanted.classes)
  return had.size !== has.size || [...has].some((c) => !had.has(c))
}

const parentOf = (e: ElementDefinition): string | null => (e.data.parent as string | undefined) ?? null

/**
 * From the elements cytoscape holds (`current`, e.g. from `currentElements`) to `wanted`
 * (toElements). Follows the order of applyElementDiff, so that an id freed by one step (an edge
 * that became a node) is free for the next.
 */
export function diffElements(current: readonly ElementDefinition[], wanted: readonly ElementDefinition[]): ElementDiff {
  const wantedById = new Map(wanted.map((e) => [e.data.id!, e]))
  const currentById = new Map(current.map((e) => [e.data.id!, e]))
  // The ids cytoscape holds after each step.
  const live = new Set(currentById.keys())
  const fresh = new Set<string>()

  const removeEdges: string[] = []
  const edgesAt = new Map<string, string[]>()
  for (const e of current) {
    if (e.group !== 'edges') continue
    const id = e.data.id!
    const w = wantedById.get(id)
    if (!w || w.group !== 'edges' || w.data.source !== e.data.source || w.data.target !== e.data.target) {
      removeEdges.push(id)
      live.delete(id)
      continue
    }
    for (const end of [e.data.source as string, e.data.target as string]) (edgesAt.get(end) ?? edgesAt.set(end, []).get(end)!).push(id)
  }

  const addParents: ElementDefinition[] = []
  for (const e of wanted) {
    const id = e.data.id!
    if (e.group === 'nodes' && e.data.compound && !live.has(id)) {
      addParents.push(e)
      live.add(id)
      fresh.add(id)
    }
  }

  const removeNodes: string[] = []
  const moveNodes: { id: string; parent: string | null }[] = []
  for (const e of current) {
    if (e.group !== 'nodes' || e.data.compound) continue
    const id = e.data.id!
    const w = wantedById.get(id)
    if (!w || w.group !== 'nodes') {
      removeNodes.push(id)
      live.delete(id)
      // cytoscape removes a node's edges with it.
      for (const edge of edgesAt.get(id) ?? []) live.delete(edge)
    } else if (parentOf(w) !== parentOf(e)) {
      moveNodes.push({ id, parent: parentOf(w) })
    }
  }

  const removeParents: string[] = []
  for (const e of current) {
    const id = e.data.id!
    if (e.group === 'nodes' && e.data.compound && !wantedById.has(id)) {
      removeParents.push(id)
      live.delete(id)
    }
  }

  const peers = new Map<string, string[]>()
  for (const e of wanted) {
    if (e.group !== 'edges') continue
    const { source, target } = e.data as { source: string; target: string }
    ;(peers.get(source) ?? peers.set(source, []).get(source)!).push(target)
    ;(peers.get(target) ?? peers.set(target, []).get(target)!).push(source)
  }
  const addNodes: { element: ElementDefinition; peers: string[] }[] = []
  for (const e of wanted) {
    const id = e.data.id!
    if (e.group !== 'nodes' || e.data.compound || live.has(id)) continue
    addNodes.push({ element: e, peers: peers.get(id) ?? [] })
    live.add(id)
    fresh.add(id)
  }

  const addEdges: ElementDefinition[] = []
  const update: ElementDefinition[] = []
  for (const e of wanted) {
    const id = e.data.id!
    if (!live.has(id)) {
      if (e.group === 'edges') addEdges.push(e)
      continue
    }
    if (!fresh.has(id) && changed(currentById.get(id)!, e)) update.push(e)
  }

  const nodeSetChanged = removeNodes.length > 0 || addNodes.length > 0
  const parentsChanged = addParents.length > 0 || moveNodes.length > 0 || removeParents.length > 0
  return { removeEdges, addParents, removeNodes, moveNodes, removeParents, addNodes, addEdges, update, structureChanged: nodeSetChanged || parentsChanged }
}

/** What cytoscape holds now, in the form diffElements compares. */
export function currentElements(cy: Core): ElementDefinition[] {
  return cy.elements().map((el) => ({ group: el.group(), data: el.data(), classes: el.classes().join(' ') }))
}

export function applyElementDiff(cy: Core, diff: ElementDiff): void {
  cy.batch(() => {
    for (const id of diff.removeEdges) cy.getElementById(id).remove()
    for (const e of diff.addParents) cy.add(e)
    for (const id of diff.removeNodes) cy.getElementById(id).remove()
    for (const { id, parent } of diff.moveNodes) cy.getElementById(id).move({ parent })
    for (const id of diff.removeParents) {
      const n = cy.getElementById(id)
      n.children().move({ parent: null })
      n.remove()
    }
    const extent = cy.extent()
    const centre = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 }
    for (const { element, peers } of diff.addNodes) {
      // Next to the nodes it is tied to (those placed already, this run's included), or in the middle of the view.
      const near: Point[] = []
      for (const peer of peers) {
        const node = cy.getElementById(peer)
        if (node.nonempty()) near.push(node.position())
      }
      const base = near.length > 0 ? { x: near.reduce((s, p) => s + p.x, 0) / near.length, y: near.reduce((s, p) => s + p.y, 0) / near.length } : centre
      cy.add({ ...element, position: { x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 } })
    }
    for (const e of diff.addEdges) cy.add(e)
    for (const e of diff.update) {
      const el = cy.getElementById(e.data.id!)
      el.data(e.data)
      el.classes(e.classes ?? '')
    }
  })
}
