import { roomKinds, type RoomKind } from '../rooms.ts'
import { forExport, type ExportOptions, type GraphEdge, type GraphElements, type GraphNode } from './derive.ts'
import { escapeAttr, escapeText, localName, parseXml, XmlParseError, type XmlElement } from './xml.ts'

/**
 * GraphML export (for Gephi, yEd, Cytoscape desktop, networkx, R igraph) and a reader of it.
 * Valid against the GraphML 1.0 schema; shared/graph/graphml.xsd is the subset we emit.
 *
 * Conventions a reader must know (also declared as keys in the file):
 *  - edgedefault="directed" and source/target are always the relation's from/to; the `direction`
 *    attribute says how to read the arrow (forward, backward, both, none). Swapping ends
 *    for 'backward' would lose which end the user drew from.
 *  - lists (fields, issues) are strings holding a JSON array: GraphML has no list type and
 *    a free-text tag may contain any separator.
 *  - attributes that do not apply (a person's level, an actor's age band) are left out, as
 *    GraphML intends for missing values.
 */

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns'

type AttrType = 'string' | 'boolean'
type Value = string | boolean | string[]
interface KeySpec<T> {
  name: string
  type: AttrType
  list?: boolean
  get: (item: T) => Value | undefined
}

const nodeKeys: KeySpec<GraphNode>[] = [
  { name: 'kind', type: 'string', get: (n) => n.kind },
  { name: 'label', type: 'string', get: (n) => n.label },
  { name: 'color', type: 'string', get: (n) => n.color },
  { name: 'field', type: 'string', get: (n) => n.field },
  { name: 'fields', type: 'string', list: true, get: (n) => n.fields },
  { name: 'level', type: 'string', get: (n) => n.level },
  { name: 'formal', type: 'boolean', get: (n) => n.formal },
  { name: 'contact', type: 'string', get: (n) => n.contact },
  { name: 'ageBand', type: 'string', get: (n) => n.ageBand },
  { name: 'household', type: 'boolean', get: (n) => n.household },
  { name: 'issues', type: 'string', list: true, get: (n) => n.issues },
  { name: 'note', type: 'string', get: (n) => n.note },
]

const edgeKeys: KeySpec<GraphEdge>[] = [
  { name: 'type', type: 'string', get: (e) => e.type },
  { name: 'direction', type: 'string', get: (e) => e.direction },
  { name: 'strength', type: 'string', get: (e) => e.strength },
  { name: 'status', type: 'string', get: (e) => e.status },
  { name: 'note', type: 'string', get: (e) => e.note },
]

const graphKeys: KeySpec<GraphElements>[] = [{ name: 'mapKind', type: 'string', get: (g) => g.kind }]

const keyId = (scope: 'node' | 'edge' | 'graph', name: string) => `${scope[0]}_${name}`

function encodeValue(spec: KeySpec<never>, value: Value): string {
  if (spec.list) return JSON.stringify(value)
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value)
}

function dataLines<T>(scope: 'node' | 'edge' | 'graph', specs: KeySpec<T>[], item: T, indent: string): string[] {
  const lines: string[] = []
  for (const spec of specs) {
    const value = spec.get(item)
    if (value === undefined) continue
    lines.push(`${indent}<data key="${keyId(scope, spec.name)}">${escapeText(encodeValue(spec as KeySpec<never>, value))}</data>`)
  }
  return lines
}

export function toGraphml(source: GraphElements, options: ExportOptions = {}): string {
  const graph = forExport(source, options)
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<graphml xmlns="${GRAPHML_NS}">`]
  const declare = (scope: 'node' | 'edge' | 'graph', specs: KeySpec<never>[]) => {
    for (const s of specs) {
      out.push(`  <key id="${keyId(scope, s.name)}" for="${scope}" attr.name="${escapeAttr(s.name)}" attr.type="${s.type}"/>`)
    }
  }
  declare('graph', graphKeys as KeySpec<never>[])
  declare('node', nodeKeys as KeySpec<never>[])
  declare('edge', edgeKeys as KeySpec<never>[])
  out.push('  <graph id="G" edgedefault="directed">')
  out.push(...dataLines('graph', graphKeys, graph, '    '))
  for (const n of graph.nodes) {
    out.push(`    <node id="${escapeAttr(n.id)}">`, ...dataLines('node', nodeKeys, n, '      '), '    </node>')
  }
  for (const e of graph.edges) {
    out.push(
      `    <edge id="${escapeAttr(e.id)}" source="${escapeAttr(e.source)}" target="${escapeAttr(e.target)}">`,
      ...dataLines('edge', edgeKeys, e, '      '),
      '    </edge>',
    )
  }
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}

// ---- reading ---------------------------------------------------------------------------

export type GraphmlValue = string | number | boolean
export interface GraphmlItem {
  id: string
  data: Record<string, GraphmlValue>
}
export interface GraphmlDocument {
  directed: boolean
  graphData: Record<string, GraphmlValue>
  nodes: GraphmlItem[]
  edges: (GraphmlItem & { source: string; target: string })[]
}

interface KeyDecl {
  scope: string
  name: string
  type: string
  default?: string
}

function convert(raw: string, type: string): GraphmlValue {
  switch (type) {
    case 'boolean':
      return raw.trim() === 'true' || raw.trim() === '1'
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return Number(raw)
    default:
      return raw
  }
}

/** Any GraphML document's first graph, attributes by their attr.name and typed by attr.type. */
export function readGraphml(xml: string): GraphmlDocument {
  const root = parseXml(xml)
  if (localName(root.name) !== 'graphml') throw new XmlParseError('not a GraphML document')
  const keys = new Map<string, KeyDecl>()
  for (const k of root.children.filter((c) => localName(c.name) === 'key')) {
    const def = k.children.find((c) => localName(c.name) === 'default')
    keys.set(k.attributes.id, {
      scope: k.attributes.for ?? 'all',
      name: k.attributes['attr.name'] ?? k.attributes.id,
      type: k.attributes['attr.type'] ?? 'string',
      default: def?.text,
    })
  }
  const graph = root.children.find((c) => localName(c.name) === 'graph')
  if (!graph) throw new XmlParseError('no <graph> element')

  const dataOf = (el: XmlElement, scope: string): Record<string, GraphmlValue> => {
    const data: Record<string, GraphmlValue> = Object.create(null)
    for (const k of keys.values()) {
      if (k.default !== undefined && (k.scope === scope || k.scope === 'all')) data[k.name] = convert(k.default, k.type)
    }
    for (const d of el.children.filter((c) => localName(c.name) === 'data')) {
      const key = keys.get(d.attributes.key)
      if (!key) throw new XmlParseError(`<data> refers to undeclared key "${d.attributes.key}"`)
      data[key.name] = convert(d.text, key.type)
    }
    return data
  }

  const nodes: GraphmlItem[] = []
  const edges: GraphmlDocument['edges'] = []
  for (const c of graph.children) {
    const name = localName(c.name)
    if (name === 'node') nodes.push({ id: c.attributes.id, data: dataOf(c, 'node') })
    else if (name === 'edge') {
      edges.push({ id: c.attributes.id ?? `e${edges.length}`, source: c.attributes.source, target: c.attributes.target, data: dataOf(c, 'edge') })
    }
  }
  return { directed: graph.attributes.edgedefault === 'directed', graphData: dataOf(graph, 'graph'), nodes, edges }
}

/** Reads back a file written by toGraphml into graph elements (the round trip). */
export function graphFromGraphml(xml: string): GraphElements {
  const doc = readGraphml(xml)
  const toItem = <T>(data: Record<string, GraphmlValue>, specs: KeySpec<T>[], base: Partial<T>): T => {
    const item = { ...base } as Record<string, unknown>
    for (const spec of specs) {
      const value = data[spec.name]
      if (value === undefined) continue
      item[spec.name] = spec.list ? (JSON.parse(String(value)) as string[]) : value
    }
    return item as T
  }
  const graph: GraphElements = {
    nodes: doc.nodes.map((n) => toItem<GraphNode>(n.data, nodeKeys, { id: n.id })),
    edges: doc.edges.map((e) => toItem<GraphEdge>(e.data, edgeKeys, { id: e.id, source: e.source, target: e.target })),
  }
  const kind = doc.graphData.mapKind
  if (typeof kind === 'string' && (roomKinds as readonly string[]).includes(kind)) graph.kind = kind as RoomKind
  return graph
}
