/**
 * The graph's image and document exports, from the scene on screen: SVG and PNG of the page
 * (title, date, graph, legend, optional key figures), and a PDF, A4 landscape, of the same
 * page followed by the analysis table. Text is outlines everywhere (fontBook.ts).
 */
import type { GraphElements } from '../../../shared/graph/derive'
import type { GraphMetrics } from '../../../shared/graph/metrics'
import { metricExplanationCatalog } from '../../../shared/i18n/analysis'
import { fill, inLang, type Lang } from '../../../shared/i18n/catalog'
import { composeGraphPage } from './compose'
import { analysisTable, keyFigures, legendContent } from './content'
import { graphExportText } from './exportText'
import type { FontBook } from './fontBook'
import { renderPdf, type Deflate } from './pdf'
import { pictureTexts, type Item, type Picture } from './picture'
import type { GraphScene } from './scene'
import { renderSvg } from './svgRender'
import { wrapLines } from './wrap'

export interface GraphExportRequest {
  scene: GraphScene
  /** The graph the figures are of (persons left out when the export leaves them out). */
  graph: GraphElements
  metrics: GraphMetrics
  lang: Lang
  title: string
  date: Date
  includeFigures: boolean
}

/** A4 landscape in PDF points. */
export const A4_LANDSCAPE = { width: 841.89, height: 595.28 }

function sceneMarks(scene: GraphScene): { family: boolean; cut: boolean } {
  return { family: scene.edges.some((e) => e.family), cut: scene.nodes.some((n) => n.cut) }
}

function dateLine(date: Date, lang: Lang): string {
  const text = date.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' })
  return fill(inLang(graphExportText, lang).dateLine, { date: text })
}

function graphPage(req: GraphExportRequest, fonts: FontBook, page?: { width: number; height: number }, includeFigures = req.includeFigures): Picture {
  return composeGraphPage(req.scene, fonts, {
    title: req.title,
    date: dateLine(req.date, req.lang),
    legend: legendContent(req.lang, sceneMarks(req.scene)),
    figures: includeFigures ? keyFigures(req.graph, req.metrics, req.lang) : undefined,
    page,
  })
}

/** Every text a page could draw, so that the font subsets are loaded before layout measures. */
function allTexts(req: GraphExportRequest, withTable: boolean): string[] {
  const texts = [req.title, dateLine(req.date, req.lang)]
  for (const n of req.scene.nodes) texts.push(n.label)
  for (const e of req.scene.edges) if (e.label) texts.push(e.label)
  for (const g of req.scene.groups) texts.push(g.label)
  const legend = legendContent(req.lang, { family: true, cut: true })
  texts.push(legend.heading, ...legend.notes, ...legend.entries.map((e) => e.label))
  const figures = keyFigures(req.graph, req.metrics, req.lang)
  texts.push(figures.heading, figures.note ?? '', ...figures.rows.flatMap((r) => [r.label, r.value]))
  if (withTable) {
    const table = analysisTable(req.graph, req.metrics, req.lang)
    const X = inLang(graphExportText, req.lang)
    texts.push(table.heading, ...table.columns, ...table.rows.flatMap((r) => [r.name, ...r.cells]), fill(X.tablePageTitle, { title: req.title }), '0123456789/ …')
    texts.push(inLang(metricExplanationCatalog, req.lang).countedTies)
  }
  return texts
}

export async function graphSvg(req: GraphExportRequest, fonts: FontBook): Promise<string> {
  await fonts.prepare(allTexts(req, false))
  return renderSvg(graphPage(req, fonts), fonts)
}

/** Where the table's columns start, and the numbers' right edges, on an A4 landscape page. */
const TABLE = { margin: 40, nameWidth: 300, numberWidth: 62, row: 18, font: 10.5 }

function tablePages(req: GraphExportRequest, fonts: FontBook): Picture[] {
  const { width, height } = A4_LANDSCAPE
  const table = analysisTable(req.graph, req.metrics, req.lang)
  const X = inLang(graphExportText, req.lang)
  const basis = wrapLines(inLang(metricExplanationCatalog, req.lang).countedTies, width - 2 * TABLE.margin, (s) => fonts.width(s, 9))
  const top = TABLE.margin + 52
  const bottom = height - TABLE.margin - basis.length * 13 - 8
  const perPage = Math.max(1, Math.floor((bottom - top - TABLE.row) / TABLE.row))
  const pageCount = Math.max(1, Math.ceil(table.rows.length / perPage))
  const fit = (text: string, max: number, size: number) => {
    if (fonts.width(text, size) <= max) return text
    let chars = [...text]
    while (chars.length > 1 && fonts.width(chars.join('') + '…', size) > max) chars = chars.slice(0, -1)
    return chars.join('') + '…'
  }
  const pages: Picture[] = []
  for (let p = 0; p < pageCount; p++) {
    const items: Item[] = [
      { kind: 'text', text: fit(fill(X.tablePageTitle, { title: req.title }), width - 2 * TABLE.margin - 80, 15), x: TABLE.margin, y: TABLE.margin + 15, size: 15, fill: '#1d2430', bold: true },
      { kind: 'text', text: fill(X.pageNumber, { page: p + 2, pages: pageCount + 1 }), x: width - TABLE.margin, y: TABLE.margin + 15, size: 10, fill: '#5b6472', anchor: 'end' },
      { kind: 'text', text: dateLine(req.date, req.lang), x: TABLE.margin, y: TABLE.margin + 34, size: 10, fill: '#5b6472' },
    ]
    const colRight = (i: number) => TABLE.margin + TABLE.nameWidth + (i + 1) * TABLE.numberWidth
    let y = top
    items.push({ kind: 'rect', x: TABLE.margin - 4, y: y - 13, w: TABLE.nameWidth + 7 * TABLE.numberWidth + 8, h: TABLE.row, fill: '#e9edf2' })
    table.columns.forEach((c, i) =>
      items.push(
        i === 0
          ? { kind: 'text', text: c, x: TABLE.margin, y, size: TABLE.font, fill: '#1d2430', bold: true }
          : { kind: 'text', text: fit(c, TABLE.numberWidth - 6, TABLE.font), x: colRight(i - 1), y, size: TABLE.font, fill: '#1d2430', bold: true, anchor: 'end' },
      ),
    )
    for (const [r, row] of table.rows.slice(p * perPage, (p + 1) * perPage).entries()) {
      y += TABLE.row
      if (r % 2 === 1) items.push({ kind: 'rect', x: TABLE.margin - 4, y: y - 13, w: TABLE.nameWidth + 7 * TABLE.numberWidth + 8, h: TABLE.row, fill: '#f5f7f9' })
      items.push({ kind: 'group', className: 'row', title: row.name, items: [
        { kind: 'text', text: fit(row.name.replace(/\s*\n\s*/g, ' '), TABLE.nameWidth - 10, TABLE.font), x: TABLE.margin, y, size: TABLE.font, fill: '#1d2430' },
        ...row.cells.map((cell, i): Item => ({ kind: 'text', text: cell, x: colRight(i), y, size: TABLE.font, fill: '#1d2430', anchor: 'end' })),
      ] })
    }
    basis.forEach((line, i) => items.push({ kind: 'text', text: line, x: TABLE.margin, y: bottom + 16 + i * 13, size: 9, fill: '#5b6472' }))
    pages.push({ width, height, title: req.title, items })
  }
  return pages
}

export async function graphPdf(req: GraphExportRequest, fonts: FontBook, deflate?: Deflate): Promise<Uint8Array> {
  await fonts.prepare(allTexts(req, true))
  const first = graphPage(req, fonts, A4_LANDSCAPE, true)
  const pages = [first, ...tablePages(req, fonts)]
  await fonts.prepare(pages.flatMap((p) => pictureTexts(p.items)))
  return renderPdf(pages, fonts, { title: req.title, deflate })
}
