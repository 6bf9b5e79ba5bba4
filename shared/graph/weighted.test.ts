import { describe, expect, it } from 'vitest'
import { deriveGraph, type GraphEdge, type GraphElements } from './derive.ts'
import { loadSample } from './fixtures.ts'
import { actorNode } from './fixtures.ts'
import { communities, computeMetrics, coreNumbers, coreStructure, countedEdges, eigenvectorCentrality, seededRandom, supportGraph } from './metrics.ts'

/** Ties between actors named by id; strength normal unless said. */
function tied(pairs: [string, string, GraphEdge['strength']?, GraphEdge['status']?][], extra: string[] = []): GraphElements {
  const ids = [...new Set([...pairs.flatMap(([a, b]) => [a, b]), ...extra])]
  return {
    nodes: ids.map((id) => actorNode(id)),
    edges: pairs.map(([a, b, strength, status], i) => ({
      id: `e${i}`,
      source: a,
      target: b,
      type: '連携・協働',
      direction: 'none',
      strength: strength ?? 'normal',
      status: status ?? 'existing',
    })),
  }
}

const support = (g: GraphElements) => supportGraph(g, countedEdges(g))

describe('ties weighted by strength', () => {
  it('a strong tie carries three weak ones, a stressful tie no support, and parallel ties add up', () => {
    const g = tied([
      ['hub', 'a', 'strong'],
      ['hub', 'b', 'weak'],
      ['hub', 'c', 'stressful'],
      ['a', 'b', 'normal'],
      ['a', 'b', 'weak'],
      ['hub', 'd', 'strong', 'planned'],
    ])
    const m = computeMetrics(g)
    expect(m.nodes.get('hub')!.supportStrength).toBe(3 + 1)
    expect(m.nodes.get('a')!.supportStrength).toBe(3 + 2 + 1)
    expect(m.nodes.get('c')!.supportStrength).toBe(0)
    // The stressful tie is still a tie (degree) but listed apart, never as support.
    expect(m.nodes.get('c')!.degree.total).toBe(1)
    expect(m.nodes.get('c')!.stressfulTies).toBe(1)
    expect(m.network.stressfulTies).toEqual([{ id: 'e2', a: 'hub', b: 'c' }])
    // Planned ties count only "after the plan".
    expect(m.nodes.get('d')!.supportStrength).toBe(0)
    expect(computeMetrics(g, { statuses: ['existing', 'planned'] }).nodes.get('d')!.supportStrength).toBe(3)
  })

  it('eigenvector centrality: 1 for the centre, 1/√2 for the ends of a path of three, 0 without support', () => {
    const e = eigenvectorCentrality(support(tied([['a', 'b'], ['b', 'c']], ['alone'])))
    expect(e[1]).toBeCloseTo(1, 9)
    expect(e[0]).toBeCloseTo(Math.SQRT1_2, 6)
    expect(e[2]).toBeCloseTo(Math.SQRT1_2, 6)
    expect(e[3]).toBe(0)
  })

  it('eigenvector centrality ranks a strongly tied partner above a weakly tied one', () => {
    const g = tied([
      ['centre', 'x1', 'strong'],
      ['centre', 'x2', 'strong'],
      ['centre', 'strongPartner', 'strong'],
      ['centre', 'weakPartner', 'weak'],
    ])
    const m = computeMetrics(g)
    expect(m.nodes.get('centre')!.eigenvector).toBe(1)
    expect(m.nodes.get('strongPartner')!.eigenvector).toBeGreaterThan(2 * m.nodes.get('weakPartner')!.eigenvector)
    // Unweighted degree alone cannot tell them apart.
    expect(m.nodes.get('strongPartner')!.degree.total).toBe(m.nodes.get('weakPartner')!.degree.total)
  })
})

describe('k-core: core and periphery', () => {
  it('a triangle is the core, a pendant its periphery, an isolated agency neither', () => {
    const g = tied([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'p']], ['alone'])
    const s = coreStructure(support(g))
    expect(Object.fromEntries(s.coreOf)).toEqual({ a: 2, b: 2, c: 2, p: 1, alone: 0 })
    expect(s.maxCore).toBe(2)
    expect(s.core).toEqual(['a', 'b', 'c'])
    expect(s.periphery).toEqual(['p'])
  })

  it('finds the deepest core: a 4-clique hanging off a ring', () => {
    const clique = ['k1', 'k2', 'k3', 'k4']
    const pairs: [string, string][] = []
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) pairs.push([clique[i], clique[j]])
    pairs.push(['k1', 'r1'], ['r1', 'r2'], ['r2', 'r3'], ['r3', 'k1'], ['r3', 'leaf'])
    const g = tied(pairs)
    const numbers = coreNumbers(support(g))
    expect(Array.from(numbers)).toEqual([3, 3, 3, 3, 2, 2, 2, 1])
    const s = computeMetrics(g).network
    expect(s.maxCore).toBe(3)
    expect(s.core).toEqual(clique)
    expect(s.periphery).toEqual(['leaf', 'r1', 'r2', 'r3'])
  })

  it('a network of chains has no core: everyone is periphery', () => {
    const s = computeMetrics(tied([['a', 'b'], ['b', 'c'], ['c', 'd']])).network
    expect(s.maxCore).toBe(1)
    expect(s.core).toEqual([])
    expect(s.periphery).toEqual(['a', 'b', 'c', 'd'])
  })

  it('leaves stressful ties out of the core', () => {
    const s = computeMetrics(tied([['a', 'b'], ['b', 'c'], ['c', 'a', 'stressful']])).network
    expect(s.maxCore).toBe(1)
  })
})

describe('communities (Louvain)', () => {
  const twoTriangles = tied([
    ['a1', 'a2', 'strong'],
    ['a2', 'a3', 'strong'],
    ['a3', 'a1', 'strong'],
    ['b1', 'b2', 'strong'],
    ['b2', 'b3', 'strong'],
    ['b3', 'b1', 'strong'],
    ['a1', 'b1', 'weak'],
  ], ['alone'])

  it('splits two tight groups joined by a weak tie, and leaves an untied agency in no group', () => {
    const m = computeMetrics(twoTriangles)
    expect(m.network.communities).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
    ])
    expect(m.nodes.get('a2')!.community).toBe(0)
    expect(m.nodes.get('b3')!.community).toBe(1)
    expect(m.nodes.get('alone')!.community).toBe(-1)
    expect(m.network.modularity).toBeGreaterThan(0.4)
  })

  it('follows the strength of the ties: a node goes with its strong partners, not its weak ones', () => {
    const g = tied([
      ['a1', 'a2', 'strong'],
      ['a2', 'a3', 'strong'],
      ['a3', 'a1', 'strong'],
      ['b1', 'b2', 'strong'],
      ['b2', 'b3', 'strong'],
      ['b3', 'b1', 'strong'],
      ['x', 'a1', 'strong'],
      ['x', 'a2', 'strong'],
      ['x', 'b1', 'weak'],
      ['x', 'b2', 'weak'],
    ])
    expect(computeMetrics(g).network.communities[0]).toEqual(['a1', 'a2', 'a3', 'x'])
    // The same ties with the strengths swapped put x with the b group.
    const swapped = { ...g, edges: g.edges.map((e, i) => (i >= 6 ? { ...e, strength: i < 8 ? ('weak' as const) : ('strong' as const) } : e)) }
    expect(computeMetrics(swapped).network.communities[0]).toEqual(['b1', 'b2', 'b3', 'x'])
  })

  it('is deterministic: the same map gives the same groups on every run (seeded)', () => {
    const g = deriveGraph(loadSample('community-platform'))
    const s = support(countedOnly(g))
    const first = communities(s)
    for (let i = 0; i < 5; i++) expect(communities(s)).toEqual(first)
    expect(first.groups.length).toBeGreaterThan(1)
    const r1 = seededRandom(42)
    const r2 = seededRandom(42)
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()])
  })

  it('has no groups when nothing is tied', () => {
    const m = computeMetrics(tied([], ['a', 'b']))
    expect(m.network.communities).toEqual([])
    expect(m.network.modularity).toBe(0)
    expect(m.nodes.get('a')!.eigenvector).toBe(0)
  })
})

function countedOnly(g: GraphElements): GraphElements {
  return { ...g, edges: countedEdges(g) }
}

describe('the 8050 case sample', () => {
  it('cut points include persons (母, 長女), which the panel shows apart from agencies', () => {
    const g = deriveGraph(loadSample('case-8050'))
    const m = computeMetrics(g)
    const kindOf = new Map(g.nodes.map((n) => [n.id, n.kind]))
    const persons = m.network.articulationPoints.filter((id) => kindOf.get(id) === 'person')
    expect(persons.map((id) => g.nodes.find((n) => n.id === id)!.label).sort()).toEqual(['母', '長女（別居）'].sort())
    // Every isolated agency has a planned or a missing tie: the reason the panel says they are not counted.
    for (const id of m.network.isolatedActors) {
      const d = m.nodes.get(id)!.degree.byStatus
      expect(d.planned + d.missing, id).toBeGreaterThan(0)
    }
    expect(m.network.stressfulTies).toHaveLength(1)
  })
})
