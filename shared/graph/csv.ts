import { directionLabels, statusLabels, strengthLabels } from '../model/vocabulary.ts'
import { forExport, type ExportOptions, type GraphEdge, type GraphElements, type GraphNode } from './derive.ts'

/**
 * Node and edge lists as CSV for Excel: UTF-8 with a BOM (without it Japanese Excel reads
 * Shift_JIS and shows mojibake), CRLF line ends and RFC 4180 quoting. Headers and category
 * values are Japanese because the readers are workshop participants, not programs; ids stay
 * as they are so that the two files can be joined.
 */

export const BOM = '\uFEFF'

/**
 * A cell that starts with = + - @ (or a tab / CR) would be run as a formula by Excel: anyone
 * with an edit link could plant one in a name. Such cells get a leading apostrophe, which
 * Excel shows as plain text (OWASP "CSV injection").
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** RFC 4180: quote a field containing a comma, a quote, CR or LF; double inner quotes. */
export function csvField(value: string): string {
  const v = neutralise(value)
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function toCsv(rows: string[][]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('')
}

const list = (items: readonly string[] | undefined) => (items ?? []).join('、')
const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? '' : v ? yes : no)

const nodeColumns: [string, (n: GraphNode) => string][] = [
  ['ID', (n) => n.id],
  ['種別', (n) => (n.kind === 'actor' ? '機関・団体' : '人物')],
  ['名称・続柄', (n) => n.label],
  ['主な分野', (n) => n.field ?? ''],
  ['分野', (n) => list(n.fields)],
  ['階層', (n) => n.level ?? ''],
  ['フォーマル／インフォーマル', (n) => yesNo(n.formal, 'フォーマル', 'インフォーマル')],
  ['担当部署・窓口', (n) => n.contact ?? ''],
  ['年代', (n) => n.ageBand ?? ''],
  ['世帯員', (n) => yesNo(n.household, '世帯員', '世帯外')],
  ['課題タグ', (n) => list(n.issues)],
  ['メモ', (n) => n.note ?? ''],
  ['色', (n) => n.color],
]

export function nodesCsv(source: GraphElements, options: ExportOptions = {}): string {
  const graph = forExport(source, options)
  return toCsv([nodeColumns.map(([h]) => h), ...graph.nodes.map((n) => nodeColumns.map(([, get]) => get(n)))])
}

export function edgesCsv(source: GraphElements, options: ExportOptions = {}): string {
  const graph = forExport(source, options)
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]))
  const columns: [string, (e: GraphEdge) => string][] = [
    ['ID', (e) => e.id],
    ['起点ID', (e) => e.source],
    ['起点', (e) => labels.get(e.source) ?? ''],
    ['終点ID', (e) => e.target],
    ['終点', (e) => labels.get(e.target) ?? ''],
    ['関係の種類', (e) => e.type],
    ['向き', (e) => directionLabels[e.direction].ja],
    ['強さ', (e) => strengthLabels[e.strength].ja],
    ['状態', (e) => statusLabels[e.status].ja],
    ['メモ', (e) => e.note ?? ''],
  ]
  return toCsv([columns.map(([h]) => h), ...graph.edges.map((e) => columns.map(([, get]) => get(e)))])
}

/** RFC 4180 reader (BOM tolerated), for tests and for re-reading an exported file. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < src.length) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i += 2
      } else if (c === '"') {
        quoted = false
        i++
      } else {
        field += c
        i++
      }
    } else if (c === '"' && field === '') {
      quoted = true
      i++
    } else if (c === ',') {
      row.push(field)
      field = ''
      i++
    } else if (c === '\r' || c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
