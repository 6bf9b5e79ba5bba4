import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deriveGraph, type GraphElements } from './derive.ts'
import { loadSample, sampleNames } from './fixtures.ts'
import { GEXF_NS, toGexf } from './gexf.ts'
import { computeMetrics } from './metrics.ts'
import { syntheticModel } from './synthetic.ts'
import { localName, parseXml, type XmlElement } from './xml.ts'

/**
 * GEXF read back by networkx (read_gexf, GEXF 1.2draft, which Debian's networkx 2.8 reads too), never skipped:
 * the same nodes, edges and attributes, and networkx recomputes the weighted figures (support
 * strength, eigenvector centrality, k-core, modularity of our groups) from the file alone.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-gexf-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

let python: string | null = null
function findPython(): string {
  if (python) return python
  const candidates = [process.env.GRAPH_TEST_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c)
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', 'import networkx.readwrite.gexf as g; assert "1.2draft" in g.GEXF.versions'], { encoding: 'utf8' })
    if (!r.error && r.status === 0) return (python = c)
  }
  throw new Error(`python3 with networkx is needed for this test: apt-get install python3-networkx (tried ${candidates.join(', ')})`)
}

const networkxScript = String.raw`
import json, sys
import networkx as nx
G = nx.read_gexf(sys.argv[1])
groups = json.loads(sys.argv[2])
H = nx.Graph()
H.add_nodes_from(G.nodes())
for u, v, d in G.edges(data=True):
    if d.get("status") == "existing" and d.get("support") and u != v:
        if H.has_edge(u, v):
            H[u][v]["weight"] += d["weight"]
        else:
            H.add_edge(u, v, weight=d["weight"])
grouped = {n for g in groups for n in g}
partition = [set(g) for g in groups] + [{n} for n in H.nodes() if n not in grouped]
print(json.dumps({
  "directed": G.is_directed(),
  "nodes": {n: d for n, d in G.nodes(data=True)},
  "edges": [dict(d, source=u, target=v) for u, v, d in G.edges(data=True)],
  "strength": dict(H.degree(weight="weight")),
  "eigenvector": nx.eigenvector_centrality(H, weight="weight", max_iter=5000, tol=1e-12) if H.number_of_edges() else {},
  "core": nx.core_number(H),
  "modularity": nx.community.modularity(H, partition, weight="weight") if H.number_of_edges() else 0,
}, ensure_ascii=False))
`

interface NetworkxView {
  directed: boolean
  nodes: Record<string, Record<string, unknown>>
  edges: Record<string, unknown>[]
  strength: Record<string, number>
  eigenvector: Record<string, number>
  core: Record<string, number>
  modularity: number
}

function readWithNetworkx(name: string, xml: string, groups: string[][]): NetworkxView {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, xml)
  const r = spawnSync(findPython(), ['-c', networkxScript, file, JSON.stringify(groups)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`networkx could not read ${name}:\n${r.stderr}`)
  return JSON.parse(r.stdout) as NetworkxView
}

/** What networkx should see for a node: its attributes, lists as JSON strings, and its colour as viz. */
function expectedNode(n: GraphElements['nodes'][number]) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(n)) if (k !== 'id') out[k] = Array.isArray(v) ? JSON.stringify(v) : v
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(n.color.slice(i, i + 2), 16))
  return { ...out, viz: { color: { r, g, b, a: 1 } } }
}

function expectNetworkxAgrees(graph: GraphElements, view: NetworkxView) {
  expect(view.directed).toBe(true)
  expect(Object.keys(view.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort())
  for (const n of graph.nodes) expect(view.nodes[n.id], n.id).toEqual(expectedNode(n))
  expect(view.edges).toHaveLength(graph.edges.length)
  const byId = new Map(view.edges.map((e) => [e.id as string, e]))
  for (const e of graph.edges) {
    const { id, ...rest } = e
    expect(byId.get(id), id).toEqual({
      ...rest,
      id,
      label: e.type,
      support: e.strength !== 'stressful',
      weight: { strong: 3, normal: 2, weak: 1, stressful: 1 }[e.strength],
    })
  }

  const ours = computeMetrics(graph)
  for (const n of graph.nodes) {
    const m = ours.nodes.get(n.id)!
    expect(m.supportStrength, n.id).toBeCloseTo(view.strength[n.id], 9)
    expect(m.core, n.id).toBe(view.core[n.id])
  }
  // networkx divides by the Euclidean norm, we by the largest value.
  const max = Math.max(0, ...Object.values(view.eigenvector))
  for (const n of graph.nodes) {
    const m = ours.nodes.get(n.id)!
    // A node without support has 0 (networkx leaves it a vanishing share of the start vector).
    const theirs = m.supportStrength === 0 ? 0 : view.eigenvector[n.id] / max
    expect(m.eigenvector, n.id).toBeCloseTo(theirs, 5)
  }
  expect(ours.network.modularity).toBeCloseTo(view.modularity, 9)
}

describe('GEXF export', () => {
  it('is a GEXF 1.2 document with the attributes declared and each value typed', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    const root = parseXml(toGexf(graph, { date: '2026-12-03' }))
    expect(localName(root.name)).toBe('gexf')
    expect(root.attributes).toMatchObject({ xmlns: GEXF_NS, version: '1.2' })
    const child = (el: XmlElement, name: string) => el.children.find((c) => localName(c.name) === name)!
    expect(child(root, 'meta').attributes.lastmodifieddate).toBe('2026-12-03')
    const g = child(root, 'graph')
    expect(g.attributes.defaultedgetype).toBe('directed')
    const declared = (cls: string) =>
      g.children.find((c) => localName(c.name) === 'attributes' && c.attributes.class === cls)!.children.map((a) => `${a.attributes.id}:${a.attributes.type}`)
    expect(declared('node')).toEqual(expect.arrayContaining(['kind:string', 'field:string', 'level:string', 'formal:boolean']))
    expect(declared('edge')).toEqual(expect.arrayContaining(['type:string', 'strength:string', 'status:string', 'support:boolean']))
    const nodes = child(g, 'nodes').children
    const edges = child(g, 'edges').children
    expect(nodes).toHaveLength(graph.nodes.length)
    expect(edges).toHaveLength(graph.edges.length)
    // Gephi drops edges of weight 0 on import: a stressful tie is kept with weight 1 and support false.
    const stressful = edges.find((e) => child(e, 'attvalues').children.some((v) => v.attributes.for === 'strength' && v.attributes.value === 'stressful'))!
    expect(stressful.attributes.weight).toBe('1')
    expect(child(stressful, 'attvalues').children.find((v) => v.attributes.for === 'support')!.attributes.value).toBe('false')
    expect(edges.every((e) => Number(e.attributes.weight) > 0)).toBe(true)
  })

  for (const name of sampleNames) {
    it(`${name}: networkx reads the same nodes, edges and attributes, and the same weighted figures`, () => {
      const graph = deriveGraph(loadSample(name))
      expectNetworkxAgrees(graph, readWithNetworkx(`${name}.gexf`, toGexf(graph), computeMetrics(graph).network.communities))
    })
  }

  it('agrees with networkx on a synthetic 300-actor network with persons', () => {
    const graph = deriveGraph(syntheticModel({ actors: 300, relations: 1200, persons: 40, seed: 7 }))
    expectNetworkxAgrees(graph, readWithNetworkx('synthetic.gexf', toGexf(graph), computeMetrics(graph).network.communities))
  })

  it('leaves persons and their ties out on request', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    const xml = toGexf(graph, { includePersons: false })
    const view = readWithNetworkx('no-persons.gexf', xml, [])
    expect(Object.values(view.nodes).every((n) => n.kind === 'actor')).toBe(true)
    expect(Object.keys(view.nodes)).toHaveLength(graph.nodes.filter((n) => n.kind === 'actor').length)
    expect(view.edges.every((e) => !String(e.source).startsWith('p-') && !String(e.target).startsWith('p-'))).toBe(true)
    expect(xml).not.toContain('長男')
  })

  it('escapes what XML cannot carry as it is, and networkx reads it back unchanged', () => {
    const tricky: GraphElements = {
      kind: 'case',
      nodes: [
        { id: 'a-1', kind: 'actor', label: `<&">' 相談 & "支援"`, color: '#123456', field: '高齢', fields: ['高齢', '障害'], level: '地域', formal: false, contact: "O'Brien & Co.", note: 'line 1\nline 2\ttab 🙂' },
        { id: 'p-1', kind: 'person', label: '本人', color: '#4d4d4d', ageBand: '50代', household: true, issues: ['a,b', 'say "hi"', '<tag>'] },
      ],
      edges: [{ id: 'r-1', source: 'a-1', target: 'p-1', type: '支援提供', direction: 'both', strength: 'stressful', status: 'missing', note: '&amp; stays' }],
    }
    expectNetworkxAgrees(tricky, readWithNetworkx('tricky.gexf', toGexf(tricky), []))
  })
})
