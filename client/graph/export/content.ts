/**
 * What the exported pages say, in the participant's language: the legend (as the graph's own,
 * with the shared legend's ties and words), the key figures from the analysis (shared/graph/
 * metrics.ts) and the rows of the analysis table.
 */
import type { GraphElements } from '../../../shared/graph/derive'
import type { GraphMetrics } from '../../../shared/graph/metrics'
import { analysisPanelCatalog } from '../../../shared/i18n/analysis'
import { fill, inLang, type Lang } from '../../../shared/i18n/catalog'
import { describeTie, legendText } from '../../../shared/legend/labels'
import { familyTie, graphTieStyle, tieLegend, tieLegendKeys, tieStyle } from '../../../shared/legend/legend'
import { nodeLabel } from '../elements'
import { graphText } from '../labels'
import { shortLabel } from '../labelText'
import type { LegendEntry, SideSection } from './compose'
import { graphExportText } from './exportText'

/** Names listed in one key figure before 「ほかN件」. */
const MAX_NAMES = 8

/** The graph's legend (client/graph/Legend.tsx): card shapes, the marks drawn, the shared ties. */
export function legendContent(lang: Lang, marks: { family: boolean; cut: boolean }): { heading: string; entries: LegendEntry[]; notes: string[] } {
  const L = inLang(graphText, lang)
  const T = inLang(legendText, lang)
  const entries: LegendEntry[] = [
    { label: L.legendFormal, node: 'round-rectangle' },
    { label: L.legendInformal, node: 'ellipse', informal: true },
    { label: L.legendPerson, node: 'diamond' },
  ]
  if (marks.cut) entries.push({ label: T.cutPoint, node: 'round-rectangle', cut: true })
  for (const key of tieLegendKeys) entries.push({ label: describeTie(key, T), tie: tieStyle(tieLegend[key]) })
  if (marks.family) entries.push({ label: describeTie('family', T), tie: graphTieStyle({ ...tieLegend.existing, type: familyTie.type }) })
  return { heading: L.legend, entries, notes: [L.legendArrow] }
}

function names(ids: string[], nameOf: (id: string) => string, lang: Lang): string {
  const L = inLang(graphText, lang)
  const X = inLang(graphExportText, lang)
  if (ids.length === 0) return L.noneFound
  const shown = ids.slice(0, MAX_NAMES).map(nameOf)
  if (ids.length > MAX_NAMES) shown.push(fill(X.moreNames, { n: ids.length - MAX_NAMES }))
  return shown.join(L.listSeparator)
}

/** 主な数値: counts, the most connected actors, the key (cut-point) agencies and the isolated ones. */
export function keyFigures(graph: GraphElements, metrics: GraphMetrics, lang: Lang): SideSection {
  const L = inLang(graphText, lang)
  const A = inLang(analysisPanelCatalog, lang)
  const X = inLang(graphExportText, lang)
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  // Names as the cards show them (a long name shortened with …), on one line.
  const nameOf = (id: string) => {
    const n = byId.get(id)
    return n ? shortLabel(nodeLabel(n, lang)).replace(/\n/g, ' ') : id
  }
  const actors = graph.nodes.filter((n) => n.kind === 'actor')
  const hubs = actors
    .map((n) => ({ id: n.id, n: metrics.nodes.get(n.id)?.degree.total ?? 0 }))
    .filter((h) => h.n > 0)
    .sort((a, b) => b.n - a.n || nameOf(a.id).localeCompare(nameOf(b.id), lang))
    .slice(0, 3)
  const cutActors = metrics.network.articulationPoints.filter((id) => byId.get(id)?.kind === 'actor')
  return {
    heading: X.figuresHeading,
    rows: [
      { label: L.nodeCount, value: fill(X.actorsAndPersons, { actors: actors.length, persons: graph.nodes.length - actors.length }) },
      { label: L.tieCount, value: fill(X.tieCountValue, { n: metrics.network.tieCount }) },
      { label: X.hubs, value: hubs.length === 0 ? L.noneFound : hubs.map((h) => fill(X.hubEntry, { name: nameOf(h.id), n: h.n })).join(L.listSeparator) },
      { label: A.articulationActors, value: names(cutActors, nameOf, lang) },
      { label: L.isolated, value: names(metrics.network.isolatedActors, nameOf, lang) },
    ],
    note: A.isolatedNotCounted,
  }
}

export interface TableRow {
  name: string
  cells: string[]
}

/** The analysis panel's table (機関・人物ごとの指標), most 媒介 first, as the panel sorts it. */
export function analysisTable(graph: GraphElements, metrics: GraphMetrics, lang: Lang): { heading: string; columns: string[]; rows: TableRow[] } {
  const L = inLang(graphText, lang)
  const A = inLang(analysisPanelCatalog, lang)
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–')
  const rows = graph.nodes
    .map((n) => ({ n, m: metrics.nodes.get(n.id) }))
    .sort((a, b) => (b.m?.betweenness ?? 0) - (a.m?.betweenness ?? 0) || nodeLabel(a.n, lang).localeCompare(nodeLabel(b.n, lang), lang))
    .map(({ n, m }) => ({
      name: nodeLabel(n, lang) + (n.kind === 'person' ? L.personMark : ''),
      cells: [
        String(m?.degree.total ?? 0),
        String(m?.degree.in ?? 0),
        String(m?.degree.out ?? 0),
        String(m?.supportStrength ?? 0),
        fmt(m?.eigenvector ?? 0),
        fmt(m?.betweenness ?? 0),
        fmt(m?.closeness ?? 0),
      ],
    }))
  return {
    heading: L.actorsTable,
    columns: [L.name, L.degree, L.inDegree, L.outDegree, A.supportStrengthShort, A.eigenvectorShort, L.betweenness, L.closeness],
    rows,
  }
}
