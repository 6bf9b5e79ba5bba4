import ExcelJS from 'exceljs'
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog.ts'
import { consentCatalog, planFieldCatalog, taskStatusCatalog } from '../../shared/i18n/plan.ts'
import { ageBandCatalog, personRoleCatalog } from '../../shared/i18n/vocabulary.ts'
import type { MapModel } from '../../shared/model/schema.ts'
import { DEFAULT_TIME_ZONE, isOverdue, localDate } from '../../shared/plan/doc.ts'
import type { PlanData, PlanInfo } from '../../shared/plan/schema.ts'
import { NO_KEY_PERSON } from '../../shared/plan/vocabulary.ts'
import { addFilterDatabaseName } from './exceljs-seams.ts'
import { planXlsxCatalog } from './plan-labels.ts'

export interface PlanWorkbookOptions {
  /** false: the plan was read without persons (exportPlan) and persons' labels are not written. */
  includePersons: boolean
  lang?: Lang
  /** YYYY-MM-DD the 期限切れ column is judged on; default today in `timeZone`. */
  asOf?: string
  /** The meetings' calendar (config TZ): today, and the day a closure's moment falls on. */
  timeZone?: string
}

/**
 * The 役割分担 as a workbook a town hall opens in Excel: one row per task (soonest due first,
 * as the plan reads), due dates as real date cells so they sort and filter, and a second sheet
 * with the plan's fields. Text cells are strings, never formulas, whatever they start with.
 */
export function planWorkbook(plan: PlanData, model: MapModel, options: PlanWorkbookOptions): ExcelJS.Workbook {
  const lang = options.lang ?? 'ja'
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  const asOf = options.asOf ?? localDate(new Date(), timeZone)
  const words = inLang(planXlsxCatalog, lang)
  const field = inLang(planFieldCatalog, lang)
  const names = new Map<string, string>(model.actors.map((a) => [a.id, a.name]))
  // A person by role and age band in the book's language, as the printed plan names them.
  const person = (p: MapModel['persons'][number]) => fill(words.personWithAge, { role: labelOf(personRoleCatalog, lang, p.label), age: labelOf(ageBandCatalog, lang, p.ageBand) })
  if (options.includePersons) for (const p of model.persons) names.set(p.id, person(p))

  const book = new ExcelJS.Workbook()
  book.creator = 'jusou-map'
  const tasks = book.addWorksheet(sheetName(words.tasksSheet), {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed for a meeting: A4 landscape, as wide as the page, the header on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  })
  const wrapped = { font, alignment: { wrapText: true, vertical: 'top' } } as const
  const plain = { font, alignment: { vertical: 'top' } } as const
  tasks.columns = [
    { header: words.number, key: 'no', width: 6, style: { font, alignment: { vertical: 'top', horizontal: 'center' } } },
    { header: field.what, key: 'what', width: 40, style: wrapped },
    { header: field.owner, key: 'owner', width: 26, style: wrapped },
    { header: field.with, key: 'with', width: 30, style: wrapped },
    { header: field.due, key: 'due', width: 12, style: { ...plain, numFmt: 'yyyy-mm-dd' } },
    { header: field.status, key: 'status', width: 10, style: plain },
    { header: words.overdue, key: 'overdue', width: 10, style: plain },
    { header: field.note, key: 'note', width: 40, style: wrapped },
  ]
  plan.tasks.forEach((task, i) => {
    const partners = task.with.map((id) => names.get(id)).filter((n): n is string => n !== undefined)
    const row = tasks.addRow({
      no: i + 1,
      what: cellText(task.what),
      owner: cellText(names.get(task.owner) ?? words.ownerGone),
      with: cellText(partners.join(words.listSeparator)),
      due: task.due ? excelDate(task.due) : null,
      status: labelOf(taskStatusCatalog, lang, task.status),
      overdue: isOverdue(task, asOf) ? words.overdue : '',
      note: cellText(task.note ?? ''),
    })
    fitHeight(row, tasks)
  })
  tasks.getRow(1).font = { ...font, bold: true }
  const filtered = `$A$1:$H$${plan.tasks.length + 1}`
  tasks.autoFilter = filtered.replace(/\$/g, '')
  addFilterDatabaseName(book, tasks, filtered)

  const sheet = book.addWorksheet(sheetName(words.planSheet), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = [
    { width: 22, style: { font: { ...font, bold: true }, alignment: { vertical: 'top' } } },
    { width: 80, style: wrapped },
  ]
  const info: PlanInfo = plan.info
  const keyPerson = info.keyPerson === NO_KEY_PERSON ? words.keyPersonNone : info.keyPerson ? (names.get(info.keyPerson) ?? '') : ''
  const rows: [string, string | Date][] = [
    [field.direction, cellText(info.direction ?? '')],
    [field.goals, cellText(info.goals ?? '')],
    ...(options.includePersons ? [[field.wishes, cellText(info.wishes ?? '')] as [string, string]] : []),
    [field.consent, info.consent ? labelOf(consentCatalog, lang, info.consent) : ''],
    [field.keyPerson, cellText(keyPerson)],
    [field.nextMonitoring, info.nextMonitoring ? excelDate(info.nextMonitoring) : ''],
    [words.closure, plan.closure ? cellText(fill(words.closed, { date: localDate(new Date(plan.closure.closedAt), timeZone), reason: plan.closure.reason })) : words.open],
  ]
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value])
    if (value instanceof Date) {
      row.getCell(2).numFmt = 'yyyy-mm-dd'
      row.getCell(2).alignment = { vertical: 'top', horizontal: 'left' }
    }
    fitHeight(row, sheet)
  }
  return book
}

/** The font Japanese Excel opens new books with (游ゴシック); other suites substitute their own. */
const font = { name: 'Yu Gothic', size: 11 }

/**
 * Sets a row's height for its wrapped text: neither Excel nor LibreOffice grows a row when it
 * opens a file, so a long 支援方針 would show one line. Full-width characters count two columns.
 */
function fitHeight(row: ExcelJS.Row, sheet: ExcelJS.Worksheet): void {
  let lines = 1
  row.eachCell((cell, column) => {
    if (typeof cell.value !== 'string' || !cell.alignment?.wrapText) return
    const width = Math.max(1, (sheet.getColumn(column).width ?? 10) - 1)
    const count = cell.value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidth(part) / width)), 0)
    lines = Math.max(lines, count)
  })
  if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT)
}

/** Points per line of 11-point 游ゴシック, as Excel sizes its default rows. */
const LINE_HEIGHT = 18.75

function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  return width
}

/** A calendar day as the Date ExcelJS turns into that day's serial number (it counts in UTC). */
function excelDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

/**
 * Text as a cell may hold it: XML 1.0 has no place for most control characters or lone
 * surrogates (one would make the whole file unreadable), and a cell holds at most 32,767.
 */
export function cellText(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  return clean.length > 32_767 ? clean.slice(0, 32_767) : clean
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31)
}
