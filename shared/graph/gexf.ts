import { forExport, type ExportOptions, type GraphEdge, type GraphElements, type GraphNode } from './derive.ts'
import { strengthWeight } from './support.ts'
import { escapeAttr, escapeText } from './xml.ts'

/**
 * GEXF 1.2 export (1.2draft: Gephi's own format, which Gephi, sigma.js and every networkx read;
 * Debian's networkx 2.8 cannot read 1.3). The attributes are those of the GraphML export, declared in <attributes>, so a
 * file opened in Gephi has the same columns in its Data Laboratory; each node also carries its
 * colour as viz:color so that Gephi starts from the app's colours.
 *
 * Conventions a reader must know:
 *  - defaultedgetype="directed" and source/target are the relation's from/to; `direction`
 *    says how to read the arrow (forward, backward, both, none), as in GraphML. Writing
 *    'none' ties as undirected edges would make a mixed graph, which networkx refuses.
 *  - the edge weight is the support weight of shared/graph/support.ts (strong 3, normal 2,
 *    weak 1), so Gephi's weighted degree and modularity weigh ties like the app does. A
 *    stressful tie is written with weight 1 and `support` false: Gephi drops every edge of
 *    weight 0 on import, and the tie must stay visible; filter on `support` to leave it out
 *    of weighted measures, as the app does.
 *  - lists (fields, issues) are strings holding a JSON array, as in GraphML.
 */

export const GEXF_NS = 'http://www.gexf.net/1.2draft'
export const GEXF_VIZ_NS = 'http://www.gexf.net/1.2draft/viz'

type AttrType = 'string' | 'boolean'
interface AttrSpec<T> {
  id: string
  type: AttrType
  list?: boolean
  get: (item: T) => string | boolean | string[] | undefined
}

// Node label and edge weight are GEXF's own attributes, not columns.
const nodeAttrs: AttrSpec<GraphNode>[] = [
  { id: 'kind', type: 'string', get: (n) => n.kind },
  { id: 'field', type: 'string', get: (n) => n.field },
  { id: 'fields', type: 'string', list: true, get: (n) => n.fields },
  { id: 'level', type: 'string', get: (n) => n.level },
  { id: 'formal', type: 'boolean', get: (n) => n.formal },
  { id: 'color', type: 'string', get: (n) => n.color },
  { id: 'contact', type: 'string', get: (n) => n.contact },
  { id: 'ageBand', type: 'string', get: (n) => n.ageBand },
  { id: 'household', type: 'boolean', get: (n) => n.household },
  { id: 'issues', type: 'string', list: true, get: (n) => n.issues },
  { id: 'note', type: 'string', get: (n) => n.note },
]

const edgeAttrs: AttrSpec<GraphEdge>[] = [
  { id: 'type', type: 'string', get: (e) => e.type },
  { id: 'direction', type: 'string', get: (e) => e.direction },
  { id: 'strength', type: 'string', get: (e) => e.strength },
  { id: 'status', type: 'string', get: (e) => e.status },
  { id: 'support', type: 'boolean', get: (e) => e.strength !== 'stressful' },
  { id: 'note', type: 'string', get: (e) => e.note },
]

/** The weight Gephi sees; never 0 (see above). */
export function gexfWeight(e: GraphEdge): number {
  return strengthWeight[e.strength] || 1
}

function attvalues<T>(specs: AttrSpec<T>[], item: T, indent: string): string[] {
  const values: string[] = []
  for (const spec of specs) {
    const v = spec.get(item)
    if (v === undefined) continue
    const text = spec.list ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v)
    values.push(`${indent}  <attvalue for="${spec.id}" value="${escapeAttr(text)}"/>`)
  }
  return values.length === 0 ? [] : [`${indent}<attvalues>`, ...values, `${indent}</attvalues>`]
}

function vizColor(hex: string, indent: string): string[] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return []
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16))
  return [`${indent}<viz:color r="${r}" g="${g}" b="${b}"/>`]
}

export interface GexfOptions extends ExportOptions {
  /** Written as <meta lastmodifieddate>, YYYY-MM-DD; left out when not given (stable output). */
  date?: string
}

export function toGexf(source: GraphElements, options: GexfOptions = {}): string {
  const graph = forExport(source, options)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NS}" xmlns:viz="${GEXF_VIZ_NS}" version="1.2">`,
    options.date ? `  <meta lastmodifieddate="${escapeAttr(options.date)}">` : '  <meta>',
    // The map kind (case / community…): the one graph-level fact GraphML carries as mapKind.
    ...(graph.kind ? [`    <description>${escapeText(`mapKind=${graph.kind}`)}</description>`] : []),
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
  ]
  const declare = (cls: 'node' | 'edge', specs: AttrSpec<never>[]) => {
    out.push(`    <attributes class="${cls}" mode="static">`)
    for (const s of specs) out.push(`      <attribute id="${s.id}" title="${s.id}" type="${s.type}"/>`)
    out.push('    </attributes>')
  }
  declare('node', nodeAttrs as AttrSpec<never>[])
  declare('edge', edgeAttrs as AttrSpec<never>[])
  out.push('    <nodes>')
  for (const n of graph.nodes) {
    out.push(`      <node id="${escapeAttr(n.id)}" label="${escapeAttr(n.label)}">`, ...attvalues(nodeAttrs, n, '        '), ...vizColor(n.color, '        '), '      </node>')
  }
  out.push('    </nodes>', '    <edges>')
  for (const e of graph.edges) {
    out.push(
      `      <edge id="${escapeAttr(e.id)}" source="${escapeAttr(e.source)}" target="${escapeAttr(e.target)}" label="${escapeAttr(e.type)}" weight="${gexfWeight(e)}">`,
      ...attvalues(edgeAttrs, e, '        '),
      '      </edge>',
    )
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '')
  return out.join('\n')
}
