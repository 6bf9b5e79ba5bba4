/**
 * From the derived graph to what cytoscape draws: filtering, the ego network, and the visual
 * attributes of each element (kept as element data so that the SVG export draws exactly what
 * the canvas shows). Pure functions: no cytoscape instance needed.
 */
import type { ElementDefinition, StylesheetJson } from 'cytoscape'
import type { GraphEdge, GraphElements, GraphNode } from '../../shared/graph/derive'
import type { GraphMetrics } from '../../shared/graph/metrics'
import { labelOf, type Lang } from '../../shared/i18n/catalog'
import { fieldCatalog, personRoleCatalog, relationTypeCatalog } from '../../shared/i18n/vocabulary'
import { graphTieStyle } from '../../shared/legend/legend'
import type { Field, Level, RelationType, Status } from '../../shared/model/vocabulary'
import { LABEL_CHOSEN, LABEL_OFF, LABEL_PEEK } from './labelFit'
import { breakable, shortLabel } from './labelText'
import { overlayStylesheet } from './overlayStyle'

/** Installed Japanese fonts only (nothing is downloaded). Double quotes: cytoscape rejects single. */
export const FONT_FAMILY = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif'

export type LayoutName = 'fcose' | 'concentric' | 'field' | 'household'
export type SizeMetric = 'none' | 'degree' | 'betweenness' | 'closeness' | 'support' | 'eigenvector'
export type Formality = 'all' | 'formal' | 'informal'

export interface GraphFilters {
  hiddenFields: Field[]
  hiddenLevels: Level[]
  formality: Formality
  showPersons: boolean
  hiddenTypes: RelationType[]
  hiddenStatuses: Status[]
}

export const defaultFilters: GraphFilters = {
  hiddenFields: [],
  hiddenLevels: [],
  formality: 'all',
  showPersons: true,
  hiddenTypes: [],
  hiddenStatuses: [],
}

/** What the filters let through. Persons are not filtered by field / level / formality. */
export function filterGraph(graph: GraphElements, f: GraphFilters): GraphElements {
  const hiddenFields = new Set(f.hiddenFields)
  const hiddenLevels = new Set(f.hiddenLevels)
  const nodes = graph.nodes.filter((n) => {
    if (n.kind === 'person') return f.showPersons
    if (n.fields && n.fields.length > 0 && n.fields.every((x) => hiddenFields.has(x))) return false
    if (n.level && hiddenLevels.has(n.level)) return false
    if (f.formality === 'formal' && !n.formal) return false
    if (f.formality === 'informal' && n.formal) return false
    return true
  })
  const ids = new Set(nodes.map((n) => n.id))
  const hiddenTypes = new Set(f.hiddenTypes)
  const hiddenStatuses = new Set(f.hiddenStatuses)
  const edges = graph.edges.filter(
    (e) => ids.has(e.source) && ids.has(e.target) && !hiddenTypes.has(e.type) && !hiddenStatuses.has(e.status),
  )
  return { ...graph, nodes, edges }
}

/** The nodes within `steps` ties of `center` (any direction, any status), and the ties among them. */
export function egoGraph(graph: GraphElements, center: string, steps: number): GraphElements {
  if (!graph.nodes.some((n) => n.id === center)) return graph
  const adjacent = new Map<string, string[]>()
  for (const e of graph.edges) {
    ;(adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target)
    ;(adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source)
  }
  const keep = new Set([center])
  let frontier = [center]
  for (let s = 0; s < steps; s++) {
    const next: string[] = []
    for (const id of frontier) {
      for (const w of adjacent.get(id) ?? []) {
        if (keep.has(w)) continue
        keep.add(w)
        next.push(w)
      }
    }
    frontier = next
  }
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  }
}


export function nodeShape(n: GraphNode): 'round-rectangle' | 'ellipse' | 'diamond' {
  return n.kind === 'person' ? 'diamond' : n.formal ? 'round-rectangle' : 'ellipse'
}

/** Node size in px from the chosen metric, 34–90 scaled to the largest value on the map. */
export function nodeSizes(graph: GraphElements, metrics: GraphMetrics, by: SizeMetric): Map<string, number> {
  const value = (id: string): number => {
    const m = metrics.nodes.get(id)
    if (!m) return 0
    switch (by) {
      case 'degree':
        return m.degree.total
      case 'betweenness':
        return m.betweenness
      case 'closeness':
        return m.closeness
      case 'support':
        return m.supportStrength
      case 'eigenvector':
        return m.eigenvector
      default:
        return 0
    }
  }
  const max = Math.max(0, ...graph.nodes.map((n) => value(n.id)))
  return new Map(graph.nodes.map((n) => [n.id, by === 'none' || max === 0 ? 44 : 34 + (56 * value(n.id)) / max]))
}

export function fieldParentId(field: string): string {
  return `field:${field}`
}

/**
 * A node's label as drawn and listed: an agency's name as written; a person's role in the
 * participant's language when it is one of the suggested roles (本人 → The person supported).
 */
export function nodeLabel(n: GraphNode, lang: Lang): string {
  return n.kind === 'person' ? labelOf(personRoleCatalog, lang, n.label) : n.label
}

/**
 * `lang` (Japanese unless told) names what is drawn: field groups, tie types and persons'
 * roles; the images exported from the canvas (svg.ts, PNG) carry the same labels.
 */
export function toElements(
  graph: GraphElements,
  options: {
    sizes: Map<string, number>
    layout: LayoutName
    selected: string | null
    articulation: Set<string>
    lang?: Lang
    /** Fill colours that replace the field colours (まとまりで色分け, communityColors.ts). */
    colors?: Map<string, string>
  },
): ElementDefinition[] {
  const lang = options.lang ?? 'ja'
  const out: ElementDefinition[] = []
  const grouped = options.layout === 'field'
  if (grouped) {
    const present = new Set(graph.nodes.filter((n) => n.kind === 'actor' && n.field).map((n) => n.field!))
    for (const f of present) {
      out.push({ group: 'nodes', data: { id: fieldParentId(f), label: labelOf(fieldCatalog, lang, f), compound: 1 }, classes: 'field-group' })
    }
  }
  for (const n of graph.nodes) {
    const size = options.sizes.get(n.id) ?? 44
    const classes = [n.kind, n.kind === 'actor' ? (n.formal ? 'formal' : 'informal') : '']
    if (options.articulation.has(n.id)) classes.push('cut')
    if (n.id === options.selected) classes.push('chosen')
    // label: as drawn (shortened); fullLabel: the whole name (tooltip, details); wrapLabel:
    // the drawn label with break opportunities between Japanese characters (labelText.ts).
    const full = nodeLabel(n, lang)
    const label = shortLabel(full)
    const data: Record<string, unknown> = {
      id: n.id,
      label,
      fullLabel: full,
      wrapLabel: breakable(label),
      color: options.colors?.get(n.id) ?? n.color,
      shape: nodeShape(n),
      size,
      kind: n.kind,
    }
    if (grouped && n.kind === 'actor' && n.field) data.parent = fieldParentId(n.field)
    out.push({ group: 'nodes', data, classes: classes.filter(Boolean).join(' ') })
  }
  for (const e of graph.edges) out.push({ group: 'edges', data: edgeData(e, lang), classes: edgeClasses(e).join(' ') })
  return out
}

export function edgeData(e: GraphEdge, lang: Lang = 'ja'): Record<string, unknown> {
  const forward = e.direction === 'forward' || e.direction === 'both'
  const backward = e.direction === 'backward' || e.direction === 'both'
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    label: labelOf(relationTypeCatalog, lang, e.type),
    // Colour, width and dash: the one legend every view shares (shared/legend/legend.ts).
    ...tieData(e),
    targetArrow: forward ? 'triangle' : 'none',
    sourceArrow: backward ? 'triangle' : 'none',
    status: e.status,
    strength: e.strength,
  }
}

/**
 * `dash` (an SVG dasharray in px, which cytoscape reads as its line-dash-pattern) only on a
 * dashed or dotted tie: the stylesheet's edge[dash]. A string, so that elementDiff sees it unchanged.
 */
function tieData(e: GraphEdge): { color: string; width: number; dash?: string; zigzag: boolean } {
  const style = graphTieStyle(e)
  return { color: style.color, width: style.width, ...(style.dash ? { dash: style.dash } : {}), zigzag: style.zigzag }
}

function edgeClasses(e: GraphEdge): string[] {
  const c: string[] = [e.status]
  if (e.strength === 'stressful') c.push('stressful')
  if (graphTieStyle(e).zigzag) c.push('zigzag')
  if (e.type === '家族関係') c.push('family')
  return c
}

/**
 * `scale` enlarges labels when the view is zoomed out, so that they stay legible; `large`
 * (presentation mode) lets tie labels grow as much as the cards' labels.
 */
export function stylesheet(scale = 1, { large = false }: { large?: boolean } = {}): StylesheetJson {
  const k = scale
  return [
    {
      selector: 'node',
      style: {
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': 14 * k,
        'font-weight': 600,
        color: '#1d2430',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4 * k,
        'text-wrap': 'wrap',
        'text-max-width': `${140 * k}px`,
        'text-outline-color': '#ffffff',
        'text-outline-width': 3 * k,
        // Ties passing under a label fade behind it, so that its text reads on a busy map.
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-shape': 'round-rectangle' as never,
        'min-zoomed-font-size': 7,
      },
    },
    // Break opportunities between Japanese characters (cytoscape wraps only at white space).
    { selector: 'node[wrapLabel]', style: { label: 'data(wrapLabel)' } },
    {
      selector: 'node[size]',
      style: { shape: 'data(shape)' as never, width: 'data(size)', height: 'data(size)', 'background-color': 'data(color)' },
    },
    { selector: 'node.informal', style: { 'border-color': '#1d2430', 'border-style': 'dashed', 'border-width': 2 } },
    { selector: 'node.person', style: { 'border-color': '#ffffff', 'font-size': 15 * k } },
    { selector: 'node.cut', style: { 'border-color': '#1d2430', 'border-width': 4, 'border-style': 'double' } },
    {
      selector: 'node.field-group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#eef2f6',
        'background-opacity': 0.6,
        'border-color': '#b7c2cf',
        'border-width': 1,
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 16 * k,
        color: '#475264',
        padding: '18px',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'source-arrow-color': 'data(color)',
        'target-arrow-shape': 'data(targetArrow)' as never,
        'source-arrow-shape': 'data(sourceArrow)' as never,
        'arrow-scale': 1.1,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-family': FONT_FAMILY,
        'font-size': 11 * (large ? k : Math.min(k, 1.4)),
        color: '#3b4556',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 8,
      },
    },
    // cytoscape's own 'dotted' ignores the pattern: dots are round caps on a dashed line, as tldraw's.
    { selector: 'edge[dash]', style: { 'line-style': 'dashed', 'line-dash-pattern': 'data(dash)' as never, 'line-cap': 'round' } },
    {
      selector: 'edge.zigzag',
      style: {
        'curve-style': 'segments',
        'segment-distances': '-7 7 -7 7 -7 7 -7',
        'segment-weights': '0.2 0.3 0.4 0.5 0.6 0.7 0.8',
      },
    },
    // A tie label that would cover a card or another label is left out until hovered (labelFit.ts).
    { selector: `edge.${LABEL_OFF}`, style: { label: '' } },
    // Hovered, or a tie of the selected card: drawn at a size one can read even when zoomed far out.
    { selector: `edge.${LABEL_PEEK}, edge.${LABEL_CHOSEN}`, style: { label: 'data(label)', 'font-size': 14 * k, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    // 記録と比較 (overlayStyle.ts) over the map's own styles, under the selection's.
    ...overlayStylesheet(k),
    { selector: 'node.chosen', style: { 'overlay-color': '#1f6feb', 'overlay-opacity': 0.18, 'overlay-padding': 8, 'border-color': '#1f6feb', 'border-width': 4 } },
    { selector: 'node:selected', style: { 'border-color': '#1f6feb', 'border-width': 4 } },
  ]
}
