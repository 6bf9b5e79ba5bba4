import { describe, expect, it } from 'vitest'
import { deriveGraph } from './derive.ts'
import { metricExplanationCatalog } from '../i18n/analysis.ts'
import { buildSimpleGraph, computeMetrics, countedEdges, cutStructure } from './metrics.ts'
import { syntheticModel } from './synthetic.ts'
import { actorNode, graphOf } from './fixtures.ts'

/** Per-node value of one metric, in the graph's node order, rounded for comparison. */
function column(m: ReturnType<typeof computeMetrics>, ids: string[], key: 'betweenness' | 'betweennessRaw' | 'closeness') {
  return ids.map((id) => Number(m.nodes.get(id)![key].toFixed(4)))
}

describe('structure metrics on textbook graphs', () => {
  it('path P5 (1–2–3–4–5)', () => {
    const ids = ['1', '2', '3', '4', '5']
    const m = computeMetrics(graphOf([['1', '2'], ['2', '3'], ['3', '4'], ['4', '5']]))
    // Node 3 lies on the paths 1-4, 1-5, 2-4, 2-5; node 2 on 1-3, 1-4, 1-5. Normalised by C(4,2) = 6.
    expect(column(m, ids, 'betweennessRaw')).toEqual([0, 3, 4, 3, 0])
    expect(column(m, ids, 'betweenness')).toEqual([0, 0.5, 0.6667, 0.5, 0])
    // Connected graph: closeness = (n-1)/Σd = 4/10, 4/7, 4/6, 4/7, 4/10.
    expect(column(m, ids, 'closeness')).toEqual([0.4, 0.5714, 0.6667, 0.5714, 0.4])
    expect(m.network.density).toBeCloseTo(4 / 10)
    expect(m.network.components).toEqual([ids])
    expect(m.network.articulationPoints).toEqual(['2', '3', '4'])
    expect(m.network.bridges.map((b) => `${b.a}-${b.b}`)).toEqual(['1-2', '2-3', '3-4', '4-5'])
  })

  it('star S5 (centre c and four leaves)', () => {
    const ids = ['c', 'l1', 'l2', 'l3', 'l4']
    const m = computeMetrics(graphOf([['c', 'l1'], ['c', 'l2'], ['c', 'l3'], ['c', 'l4']]))
    // Every one of the C(4,2) = 6 leaf pairs goes through the centre.
    expect(column(m, ids, 'betweennessRaw')).toEqual([6, 0, 0, 0, 0])
    expect(column(m, ids, 'betweenness')).toEqual([1, 0, 0, 0, 0])
    expect(column(m, ids, 'closeness')).toEqual([1, 0.5714, 0.5714, 0.5714, 0.5714])
    expect(m.network.density).toBeCloseTo(0.4)
    expect(m.network.components).toHaveLength(1)
    expect(m.network.articulationPoints).toEqual(['c'])
    expect(m.network.bridges).toHaveLength(4)
  })

  it('two triangles joined by a bridge (a b c)–(d e f), bridge c–d', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const m = computeMetrics(
      graphOf([['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['d', 'f']]),
    )
    // c and d each lie on all 3×3 = 9 cross pairs except those they end: 6 pairs; /C(5,2) = 10.
    expect(column(m, ids, 'betweennessRaw')).toEqual([0, 0, 6, 6, 0, 0])
    expect(column(m, ids, 'betweenness')).toEqual([0, 0, 0.6, 0.6, 0, 0])
    // a: 1+1+2+3+3 = 10 → 5/10; c: 1+1+1+2+2 = 7 → 5/7.
    expect(column(m, ids, 'closeness')).toEqual([0.5, 0.5, 0.7143, 0.7143, 0.5, 0.5])
    expect(m.network.density).toBeCloseTo(7 / 15)
    expect(m.network.components).toEqual([ids])
    expect(m.network.articulationPoints).toEqual(['c', 'd'])
    expect(m.network.bridges).toEqual([{ a: 'c', b: 'd', relations: ['e3'] }])
  })

  it('closeness on a disconnected graph follows Wasserman–Faust; components and isolated actors', () => {
    const m = computeMetrics(graphOf([['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e']], ['f']))
    // a reaches 2 of 5 others at total distance 2: (2/5)·(2/2) = 0.4; d: (1/5)·(1/1) = 0.2; f: 0.
    expect(column(m, ['a', 'd', 'f'], 'closeness')).toEqual([0.4, 0.2, 0])
    expect(m.network.components).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f']])
    expect(m.network.isolatedActors).toEqual(['f'])
    expect(m.network.density).toBeCloseTo(4 / 15)
    expect(m.network.bridges.map((b) => `${b.a}-${b.b}`)).toEqual(['d-e'])
    expect(m.network.articulationPoints).toEqual([])
  })

  it('treats parallel relations as one tie for paths but counts each for degree', () => {
    const m = computeMetrics(graphOf([['a', 'b'], ['a', 'b'], ['b', 'c']]))
    expect(m.network.connectedPairs).toBe(2)
    expect(m.network.tieCount).toBe(3)
    expect(m.network.density).toBeCloseTo(2 / 3)
    expect(m.network.bridges).toEqual([
      { a: 'a', b: 'b', relations: ['e0', 'e1'] },
      { a: 'b', b: 'c', relations: ['e2'] },
    ])
    expect(m.nodes.get('a')!.degree).toMatchObject({ total: 2, neighbors: 1 })
  })

  it('finds cut points and bridges on a 100,000-node chain without recursion', () => {
    // A recursive DFS would throw RangeError (call stack) long before this depth.
    const n = 100_000
    const pairs: [string, string][] = []
    for (let i = 1; i < n; i++) pairs.push([`n${i - 1}`, `n${i}`])
    const g = graphOf(pairs)
    const cuts = cutStructure(buildSimpleGraph(g, countedEdges(g)))
    expect(cuts.articulationPoints).toHaveLength(n - 2)
    expect(cuts.bridges).toHaveLength(n - 1)
  })
})

describe('which ties count', () => {
  it('counts only existing ties by default; planned ones on request', () => {
    const g = graphOf([['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd', { status: 'planned' }], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['a', 'f', { status: 'missing' }]])
    const today = computeMetrics(g)
    expect(today.countedStatuses).toEqual(['existing'])
    expect(today.network.components).toHaveLength(2)
    expect(today.network.bridges).toEqual([])
    const afterPlan = computeMetrics(g, { statuses: ['existing', 'planned'] })
    expect(afterPlan.network.components).toHaveLength(1)
    expect(afterPlan.network.bridges.map((b) => `${b.a}-${b.b}`)).toEqual(['c-d'])
    // byStatus shows every tie whatever is counted.
    expect(today.nodes.get('a')!.degree.byStatus).toEqual({ existing: 2, planned: 0, missing: 1 })
  })

  it('direction-aware degree: both counts both ways, none is undirected', () => {
    const g = graphOf([
      ['x', 'y', { direction: 'forward' }],
      ['x', 'z', { direction: 'backward' }],
      ['y', 'z', { direction: 'both' }],
      ['x', 'y', { direction: 'none' }],
      ['x', 'w', { direction: 'forward', status: 'missing' }],
    ])
    const d = (id: string) => {
      const { in: i, out, undirected, total, neighbors } = computeMetrics(g).nodes.get(id)!.degree
      return { in: i, out, undirected, total, neighbors }
    }
    expect(d('x')).toEqual({ in: 1, out: 1, undirected: 1, total: 3, neighbors: 2 })
    expect(d('y')).toEqual({ in: 2, out: 1, undirected: 1, total: 3, neighbors: 2 })
    expect(d('z')).toEqual({ in: 1, out: 2, undirected: 0, total: 2, neighbors: 2 })
    expect(d('w')).toEqual({ in: 0, out: 0, undirected: 0, total: 0, neighbors: 0 })
    expect(computeMetrics(g).network.isolatedActors).toEqual(['w'])
  })
})

describe('field × field matrix', () => {
  it('counts an actor for each of its fields, a relation once per cell, and lists fields that never meet', () => {
    const g = graphOf([
      ['A', 'B'],
      ['A', 'C'],
      ['C', 'B'],
    ])
    g.nodes = [actorNode('A', ['高齢']), actorNode('B', ['障害']), actorNode('C', ['高齢', '障害']), actorNode('D', ['就労'])]
    g.nodes.push({ id: 'P', kind: 'person', label: '本人', color: '#000', ageBand: '50代', household: true, issues: [] })
    g.edges.push({ id: 'ep', source: 'A', target: 'P', type: '支援提供', direction: 'forward', strength: 'normal', status: 'existing' })
    const { fieldMatrix } = computeMetrics(g)
    const cell = (x: string, y: string) => fieldMatrix.counts[fieldMatrix.fields.indexOf(x as never)][fieldMatrix.fields.indexOf(y as never)]
    // A–B: 高齢×障害. A–C: 高齢×高齢, 高齢×障害. C–B: 高齢×障害, 障害×障害.
    expect(cell('高齢', '障害')).toBe(3)
    expect(cell('障害', '高齢')).toBe(3)
    expect(cell('高齢', '高齢')).toBe(1)
    expect(cell('障害', '障害')).toBe(1)
    expect(cell('就労', '高齢')).toBe(0)
    expect(fieldMatrix.present).toEqual(['高齢', '障害', '就労'])
    expect(fieldMatrix.unconnectedPairs).toEqual([
      ['高齢', '就労'],
      ['障害', '就労'],
    ])
  })
})

describe('explanations and speed', () => {
  it('has a Japanese sentence for every metric', () => {
    for (const [name, text] of Object.entries(metricExplanationCatalog.ja)) {
      expect(text, name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
      expect(text.trim().endsWith('。'), name).toBe(true)
    }
  })

  it('derives 2,000 actors / 8,000 relations in well under 100 ms and computes all metrics in under 1 s', () => {
    const model = syntheticModel({ actors: 2000, relations: 8000 })
    const time = (f: () => unknown) => {
      let best = Infinity
      for (let i = 0; i < 3; i++) {
        const start = performance.now()
        f()
        best = Math.min(best, performance.now() - start)
      }
      return best
    }
    const graph = deriveGraph(model)
    expect(graph.nodes).toHaveLength(2000)
    expect(graph.edges).toHaveLength(8000)
    expect(time(() => deriveGraph(model))).toBeLessThan(100)
    expect(time(() => computeMetrics(graph))).toBeLessThan(1000)
  })
})
