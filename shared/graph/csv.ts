import { graphCsvCatalog } from '../i18n/analysis.ts'
import { labelOf, type Catalog, type Lang } from '../i18n/catalog.ts'
import {
  ageBandCatalog,
  directionCatalog,
  fieldCatalog,
  issueTagCatalog,
  levelCatalog,
  relationTypeCatalog,
  statusCatalog,
  strengthCatalog,
} from '../i18n/vocabulary.ts'
import { forExport, type ExportOptions, type GraphEdge, type GraphElements, type GraphNode } from './derive.ts'

/**
 * Node and edge lists as CSV for Excel: UTF-8 with a BOM (without it Japanese Excel reads
 * Shift_JIS and shows mojibake), CRLF line ends and RFC 4180 quoting. Headers and category
 * values are in the reader's language (Japanese unless told) because the readers are workshop
 * participants, not programs; ids stay as they are so that the two files can be joined.
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

const yesNo = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? '' : v ? yes : no)

/** Japanese unless told: headings and category words (graphCsvCatalog); names, notes and ids as written. */
export type CsvOptions = ExportOptions & { lang?: Lang }

function nodeColumns(lang: Lang): [string, (n: GraphNode) => string][] {
  const t = graphCsvCatalog[lang]
  const list = (catalog: Catalog<string> | null, items: readonly string[] | undefined) =>
    (items ?? []).map((item) => (catalog ? labelOf(catalog, lang, item) : item)).join(t.listSeparator)
  const term = (catalog: Catalog<string>, value: string | undefined) => (value === undefined ? '' : labelOf(catalog, lang, value))
  return [
    [t.id, (n) => n.id],
    [t.kind, (n) => (n.kind === 'actor' ? t.kindActor : t.kindPerson)],
    [t.label, (n) => n.label],
    [t.mainField, (n) => term(fieldCatalog, n.field)],
    [t.fields, (n) => list(fieldCatalog, n.fields)],
    [t.level, (n) => term(levelCatalog, n.level)],
    [t.formality, (n) => yesNo(n.formal, t.formal, t.informal)],
    [t.contact, (n) => n.contact ?? ''],
    [t.ageBand, (n) => term(ageBandCatalog, n.ageBand)],
    [t.household, (n) => yesNo(n.household, t.householdYes, t.householdNo)],
    [t.issues, (n) => list(issueTagCatalog, n.issues)],
    [t.note, (n) => n.note ?? ''],
    [t.color, (n) => n.color],
  ]
}

export function nodesCsv(source: GraphElements, options: CsvOptions = {}): string {
  const graph = forExport(source, options)
  const columns = nodeColumns(options.lang ?? 'ja')
  return toCsv([columns.map(([h]) => h), ...graph.nodes.map((n) => columns.map(([, get]) => get(n)))])
}

export function edgesCsv(source: GraphElements, options: CsvOptions = {}): string {
  const graph = forExport(source, options)
  const lang = options.lang ?? 'ja'
  const t = graphCsvCatalog[lang]
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]))
  const columns: [string, (e: GraphEdge) => string][] = [
    [t.id, (e) => e.id],
    [t.sourceId, (e) => e.source],
    [t.source, (e) => labels.get(e.source) ?? ''],
    [t.targetId, (e) => e.target],
    [t.target, (e) => labels.get(e.target) ?? ''],
    [t.type, (e) => labelOf(relationTypeCatalog, lang, e.type)],
    [t.direction, (e) => directionCatalog[lang][e.direction]],
    [t.strength, (e) => strengthCatalog[lang][e.strength]],
    [t.status, (e) => statusCatalog[lang][e.status]],
    [t.note, (e) => e.note ?? ''],
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
