import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { deriveGraph, type GraphElements } from './derive.ts'
import { graphFromGraphml, readGraphml, toGraphml } from './graphml.ts'
import { computeMetrics } from './metrics.ts'
import { syntheticModel } from './synthetic.ts'
import { loadSample, sampleNames } from './fixtures.ts'
import { parseXml } from './xml.ts'

/**
 * GraphML checked by outside tools, never skipped: xmllint (Debian libxml2-utils) validates
 * against shared/graph/graphml.xsd, networkx (Debian python3-networkx) reads the file back and
 * recomputes the structure metrics. A missing tool fails the test with the package to install.
 */

const xsd = path.resolve(import.meta.dirname, 'graphml.xsd')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-graphml-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

function xmllint(file: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { encoding: 'utf8' })
  if (r.error) throw new Error(`xmllint is needed for this test: apt-get install libxml2-utils (${r.error.message})`)
  return { ok: r.status === 0, output: r.stderr }
}

let python: string | null = null
function findPython(): string {
  if (python) return python
  const candidates = [process.env.GRAPH_TEST_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c)
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', 'import networkx'], { encoding: 'utf8' })
    if (!r.error && r.status === 0) return (python = c)
  }
  throw new Error(`python3 with networkx is needed for this test: apt-get install python3-networkx (tried ${candidates.join(', ')})`)
}

const networkxScript = String.raw`
import json, sys
import networkx as nx
G = nx.read_graphml(sys.argv[1], force_multigraph=True, edge_key_type=str)
H = nx.Graph()
H.add_nodes_from(G.nodes())
H.add_edges_from((u, v) for u, v, d in G.edges(data=True) if d.get("status") == "existing")
print(json.dumps({
  "directed": G.is_directed(),
  "graph": G.graph,
  "nodes": {n: d for n, d in G.nodes(data=True)},
  "edges": {k: dict(d, source=u, target=v) for u, v, k, d in G.edges(keys=True, data=True)},
  "metrics": {
    "betweenness": nx.betweenness_centrality(H, normalized=True),
    "betweennessRaw": nx.betweenness_centrality(H, normalized=False),
    "closeness": nx.closeness_centrality(H),
    "density": nx.density(H),
    "components": sorted(sorted(c) for c in nx.connected_components(H)),
    "articulation": sorted(nx.articulation_points(H)),
    "bridges": sorted(sorted(e) for e in nx.bridges(H)),
  },
}, ensure_ascii=False))
`

interface NetworkxView {
  directed: boolean
  graph: Record<string, unknown>
  nodes: Record<string, Record<string, unknown>>
  edges: Record<string, Record<string, unknown>>
  metrics: {
    betweenness: Record<string, number>
    betweennessRaw: Record<string, number>
    closeness: Record<string, number>
    density: number
    components: string[][]
    articulation: string[]
    bridges: string[][]
  }
}

function readWithNetworkx(file: string): NetworkxView {
  const r = spawnSync(findPython(), ['-c', networkxScript, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`networkx could not read ${path.basename(file)}:\n${r.stderr}`)
  return JSON.parse(r.stdout) as NetworkxView
}

function write(name: string, xml: string): string {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, xml)
  return file
}

/** What networkx should see for a node or edge: our attributes with lists as JSON strings. */
function asGraphmlData(item: object, skip: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(item)) if (!skip.includes(k)) out[k] = Array.isArray(v) ? JSON.stringify(v) : v
  return out
}

function expectNetworkxAgrees(graph: GraphElements, view: NetworkxView) {
  expect(view.directed).toBe(true)
  expect(Object.keys(view.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort())
  for (const n of graph.nodes) expect(view.nodes[n.id], n.id).toEqual(asGraphmlData(n, ['id']))
  expect(Object.keys(view.edges).sort()).toEqual(graph.edges.map((e) => e.id).sort())
  for (const e of graph.edges) expect(view.edges[e.id], e.id).toEqual(asGraphmlData(e, ['id']))

  // The metrics, recomputed by networkx from the exported file, match ours.
  const ours = computeMetrics(graph)
  for (const n of graph.nodes) {
    const m = ours.nodes.get(n.id)!
    expect(m.betweenness, n.id).toBeCloseTo(view.metrics.betweenness[n.id], 9)
    expect(m.betweennessRaw, n.id).toBeCloseTo(view.metrics.betweennessRaw[n.id], 9)
    expect(m.closeness, n.id).toBeCloseTo(view.metrics.closeness[n.id], 9)
  }
  expect(ours.network.density).toBeCloseTo(view.metrics.density, 12)
  expect(ours.network.components.map((c) => [...c].sort()).sort()).toEqual(view.metrics.components)
  expect(ours.network.articulationPoints).toEqual(view.metrics.articulation)
  expect(ours.network.bridges.map((b) => [b.a, b.b])).toEqual(view.metrics.bridges)
}

describe('GraphML export of the samples', () => {
  for (const name of sampleNames) {
    it(`${name}: validates against graphml.xsd, networkx reads the same graph and metrics, our reader round-trips`, () => {
      const graph = deriveGraph(loadSample(name))
      const xml = toGraphml(graph)
      const file = write(`${name}.graphml`, xml)
      const lint = xmllint(file)
      expect(lint.ok, lint.output).toBe(true)
      expectNetworkxAgrees(graph, readWithNetworkx(file))
      expect(graphFromGraphml(xml)).toEqual(graph)
    })
  }

  it('leaves persons and their ties out on request, and the result still validates', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    const xml = toGraphml(graph, { includePersons: false })
    const back = graphFromGraphml(xml)
    expect(back.nodes.some((n) => n.kind === 'person')).toBe(false)
    expect(back.nodes).toHaveLength(graph.nodes.filter((n) => n.kind === 'actor').length)
    expect(back.edges.every((e) => !e.source.startsWith('p-') && !e.target.startsWith('p-'))).toBe(true)
    expect(xml).not.toContain('長男')
    expect(xmllint(write('no-persons.graphml', xml)).ok).toBe(true)
  })

  it('the schema catches what a broken writer would produce', () => {
    const xml = toGraphml(deriveGraph(loadSample('community-platform')))
    const dangling = xml.replace(/source="[^"]+"/, 'source="no-such-node"')
    const undeclared = xml.replace('<data key="n_label">', '<data key="n_name">')
    const noEdgedefault = xml.replace(' edgedefault="directed"', '')
    for (const [name, broken] of Object.entries({ dangling, undeclared, noEdgedefault })) {
      expect(broken, name).not.toBe(xml)
      expect(xmllint(write(`${name}.graphml`, broken)).ok, name).toBe(false)
    }
  })

  it('agrees with networkx on a synthetic 300-actor network with persons', () => {
    const graph = deriveGraph(syntheticModel({ actors: 300, relations: 1200, persons: 40, seed: 7 }))
    const xml = toGraphml(graph)
    const file = write('synthetic.graphml', xml)
    expect(xmllint(file).ok).toBe(true)
    expectNetworkxAgrees(graph, readWithNetworkx(file))
  })
})

describe('GraphML escaping', () => {
  const tricky: GraphElements = {
    kind: 'case',
    nodes: [
      {
        id: 'a-1',
        kind: 'actor',
        label: `<&">' 相談 & "支援" <script>`,
        color: '#123456',
        field: '高齢',
        fields: ['高齢', '障害'],
        level: '地域',
        formal: false,
        contact: "O'Brien & Co. ]]> --",
        note: 'line 1\nline 2\r\nline 3\ttabbed 🙂',
      },
      { id: 'p-1', kind: 'person', label: '本人', color: '#4d4d4d', ageBand: '50代', household: true, issues: ['a,b', 'say "hi"', '<tag>'] },
    ],
    edges: [{ id: 'r-1', source: 'a-1', target: 'p-1', type: '支援提供', direction: 'both', strength: 'stressful', status: 'missing', note: '&amp; stays &amp;' }],
  }

  it('survives a round trip through our reader, xmllint and networkx', () => {
    const xml = toGraphml(tricky)
    expect(graphFromGraphml(xml)).toEqual(tricky)
    const file = write('tricky.graphml', xml)
    expect(xmllint(file).ok).toBe(true)
    expectNetworkxAgrees(tricky, readWithNetworkx(file))
  })

  it('replaces characters XML 1.0 cannot carry instead of writing a broken file', () => {
    const bad: GraphElements = { nodes: [{ ...tricky.nodes[1], label: 'a\u0001b\uD800c' }], edges: [] }
    const xml = toGraphml(bad)
    expect(graphFromGraphml(xml).nodes[0].label).toBe('a\uFFFDb\uFFFDc')
    expect(xmllint(write('control.graphml', xml)).ok).toBe(true)
  })

  it('reader applies <default> values and refuses DTDs', () => {
    const doc = readGraphml(`<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="weight" attr.type="double"><default>1.5</default></key>
  <graph edgedefault="undirected"><node id="x"/><node id="y"><data key="d0">2</data></node><edge source="x" target="y"/></graph>
</graphml>`)
    expect(doc.directed).toBe(false)
    expect(doc.nodes.map((n) => n.data.weight)).toEqual([1.5, 2])
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(/DTD/)
  })
})
