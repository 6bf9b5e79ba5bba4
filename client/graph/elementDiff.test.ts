import cytoscape from 'cytoscape'
import type { ElementDefinition } from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { deriveGraph, type GraphElements } from '../../shared/graph/derive'
import { actorNode, graphOf, loadSample } from '../../shared/graph/fixtures'
import { applyElementDiff, currentElements, diffElements, type ElementDiff } from './elementDiff'
import { toElements, type LayoutName } from './elements'

/** What GraphView hands to cytoscape for this graph (every node the default size). */
function els(graph: GraphElements, layout: LayoutName = 'fcose', selected: string | null = null): ElementDefinition[] {
  return toElements(graph, { sizes: new Map(), layout, selected, articulation: new Set() })
}

const ids = (list: ElementDefinition[]) => list.map((e) => e.data.id)

const nothing: Omit<ElementDiff, 'structureChanged'> = {
  removeEdges: [],
  addParents: [],
  removeNodes: [],
  moveNodes: [],
  removeParents: [],
  addNodes: [],
  addEdges: [],
  update: [],
}

/** The diff without the element definitions: ids only, easier to read in a failure. */
function summary(diff: ElementDiff) {
  return {
    ...diff,
    addParents: ids(diff.addParents),
    addNodes: diff.addNodes.map((n) => ({ id: n.element.data.id, peers: n.peers })),
    addEdges: ids(diff.addEdges),
    update: ids(diff.update),
  }
}

describe('diffElements (elementDiff.ts)', () => {
  const base = graphOf([
    ['a', 'b'],
    ['b', 'c'],
  ])

  it('finds nothing to do when the elements are the same, on a real sample map', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    expect(graph.nodes.length).toBeGreaterThan(10)
    expect(summary(diffElements(els(graph), els(graph)))).toEqual({ ...nothing, structureChanged: false })
  })

  it('updates only the renamed agency, and moves nothing', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    const renamed = { ...graph, nodes: graph.nodes.map((n, i) => (i === 3 ? { ...n, label: `${n.label}（改称）` } : n)) }
    const diff = diffElements(els(graph), els(renamed))
    expect(summary(diff)).toEqual({ ...nothing, update: [graph.nodes[3].id], structureChanged: false })
    expect(diff.update[0].data.label).toBe(`${graph.nodes[3].label}（改称）`)
  })

  it('adds a new card with the cards it is tied to, and its tie, leaving the rest untouched', () => {
    const next: GraphElements = { ...base, nodes: [...base.nodes, actorNode('d')], edges: [...base.edges, { ...base.edges[0], id: 'e2', source: 'c', target: 'd' }] }
    const diff = diffElements(els(base), els(next))
    expect(summary(diff)).toEqual({ ...nothing, addNodes: [{ id: 'd', peers: ['c'] }], addEdges: ['e2'], structureChanged: true })
    expect(diff.addNodes[0].element.data.label).toBe('d')
  })

  it('removes a card and its ties', () => {
    const next = graphOf([['a', 'b']])
    expect(summary(diffElements(els(base), els(next)))).toEqual({ ...nothing, removeEdges: ['e1'], removeNodes: ['c'], structureChanged: true })
  })

  it('a new or removed tie alone changes no structure: the layout stays', () => {
    const fewer = graphOf([['a', 'b']], ['c'])
    expect(summary(diffElements(els(base), els(fewer)))).toEqual({ ...nothing, removeEdges: ['e1'], structureChanged: false })
    expect(summary(diffElements(els(fewer), els(base)))).toEqual({ ...nothing, addEdges: ['e1'], structureChanged: false })
  })

  it('replaces a tie whose ends changed (cytoscape cannot re-point one), and updates one whose status changed', () => {
    const next: GraphElements = {
      ...base,
      edges: [
        { ...base.edges[0], target: 'c' },
        { ...base.edges[1], status: 'planned' },
      ],
    }
    const diff = diffElements(els(base), els(next))
    expect(summary(diff)).toEqual({ ...nothing, removeEdges: ['e0'], addEdges: ['e0'], update: ['e1'], structureChanged: false })
    expect(diff.addEdges[0].data.target).toBe('c')
    expect(diff.update[0].classes).toBe('planned')
  })

  it('updates a node whose classes alone changed (the selection)', () => {
    expect(summary(diffElements(els(base), els(base, 'fcose', 'b')))).toEqual({ ...nothing, update: ['b'], structureChanged: false })
    expect(summary(diffElements(els(base, 'fcose', 'b'), els(base)))).toEqual({ ...nothing, update: ['b'], structureChanged: false })
  })

  it('groups cards by field and ungroups them again', () => {
    const mixed: GraphElements = { ...base, nodes: [actorNode('a'), actorNode('b', ['障害']), actorNode('c')] }
    const grouped = diffElements(els(mixed), els(mixed, 'field'))
    expect(summary(grouped)).toEqual({
      ...nothing,
      addParents: ['field:高齢', 'field:障害'],
      moveNodes: [
        { id: 'a', parent: 'field:高齢' },
        { id: 'b', parent: 'field:障害' },
        { id: 'c', parent: 'field:高齢' },
      ],
      structureChanged: true,
    })
    const ungrouped = diffElements(els(mixed, 'field'), els(mixed))
    expect(summary(ungrouped)).toEqual({
      ...nothing,
      moveNodes: [
        { id: 'a', parent: null },
        { id: 'b', parent: null },
        { id: 'c', parent: null },
      ],
      removeParents: ['field:高齢', 'field:障害'],
      structureChanged: true,
    })
  })

  it('moves a card whose field changed to its new group, and drops the group left empty', () => {
    const before: GraphElements = { ...base, nodes: [actorNode('a'), actorNode('b', ['障害']), actorNode('c')] }
    // deriveGraph colours a card by its first field: the colour changes with the group.
    const after: GraphElements = { ...base, nodes: [actorNode('a'), { ...actorNode('b'), color: '#8a5a00' }, actorNode('c')] }
    const diff = diffElements(els(before, 'field'), els(after, 'field'))
    expect(summary(diff)).toEqual({ ...nothing, moveNodes: [{ id: 'b', parent: 'field:高齢' }], removeParents: ['field:障害'], update: ['b'], structureChanged: true })
    // The parent is not data to set: cytoscape ignores it there, the move carries it.
    const sameColour = diffElements(els(before, 'field'), els({ ...after, nodes: [actorNode('a'), actorNode('b'), actorNode('c')] }, 'field'))
    expect(summary(sameColour)).toEqual({ ...nothing, moveNodes: [{ id: 'b', parent: 'field:高齢' }], removeParents: ['field:障害'], structureChanged: true })
  })
})

describe('applyElementDiff (elementDiff.ts) on a headless cytoscape', () => {
  function instance(elements: ElementDefinition[]) {
    const cy = cytoscape({ headless: true, styleEnabled: false })
    cy.add(elements.map((e, i) => (e.group === 'nodes' && !e.data.compound ? { ...e, position: { x: i * 200, y: 0 } } : e)))
    return cy
  }
  /** What cytoscape holds, comparable with toElements output. */
  function holds(cy: cytoscape.Core) {
    return new Map(currentElements(cy).map((e) => [e.data.id, { group: e.group, data: { ...e.data, parent: e.data.parent ?? undefined }, classes: e.classes }]))
  }
  function expected(list: ElementDefinition[]) {
    return new Map(list.map((e) => [e.data.id, { group: e.group, data: { ...e.data, parent: e.data.parent ?? undefined }, classes: e.classes }]))
  }

  it('turns what cytoscape holds into the wanted elements, touching only what changed', () => {
    const before = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'x'],
    ])
    const after: GraphElements = {
      nodes: [{ ...actorNode('a'), label: 'A（改称）' }, actorNode('b'), { ...actorNode('c', ['障害']), color: '#8a5a00' }, actorNode('d')],
      edges: [{ ...before.edges[0] }, { ...before.edges[1], status: 'missing' }, { ...before.edges[0], id: 'e9', source: 'd', target: 'b' }],
    }
    const cy = instance(els(before))
    const touched: string[] = []
    cy.on('data', (e) => void touched.push(e.target.id()))
    const positionOfB = { ...cy.getElementById('b').position() }

    const diff = diffElements(currentElements(cy), els(after))
    applyElementDiff(cy, diff)

    expect(holds(cy)).toEqual(expected(els(after)))
    expect(touched.sort()).toEqual(['a', 'c', 'e1'])
    expect(cy.getElementById('b').position()).toEqual(positionOfB)
    // The new card lands next to the card it is tied to.
    const d = cy.getElementById('d').position()
    expect(Math.abs(d.x - positionOfB.x)).toBeLessThanOrEqual(60)
    expect(Math.abs(d.y - positionOfB.y)).toBeLessThanOrEqual(60)
    // Applied, the same elements give an empty diff.
    expect(summary(diffElements(currentElements(cy), els(after)))).toEqual({ ...nothing, structureChanged: false })
  })

  it('groups and ungroups by field on the instance, keeping every card where it was', () => {
    const graph: GraphElements = { ...graphOf([['a', 'b']]), nodes: [actorNode('a'), actorNode('b', ['障害'])] }
    const cy = instance(els(graph))
    const where = () => cy.nodes(':childless').map((n) => [n.id(), { ...n.position() }])
    const start = where()
    applyElementDiff(cy, diffElements(currentElements(cy), els(graph, 'field')))
    expect(holds(cy)).toEqual(expected(els(graph, 'field')))
    expect(cy.getElementById('a').parent().map((p) => p.id())).toEqual(['field:高齢'])
    applyElementDiff(cy, diffElements(currentElements(cy), els(graph)))
    expect(holds(cy)).toEqual(expected(els(graph)))
    expect(where()).toEqual(start)
  })
})
