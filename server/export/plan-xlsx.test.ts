import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { MapModel } from '../../shared/model/schema.ts'
import type { PlanData } from '../../shared/plan/schema.ts'
import { cellText, planWorkbook } from './plan-xlsx.ts'

const model = {
  info: { issues: [] },
  actors: [{ id: 'a-hoken', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true }],
  persons: [{ id: 'p-son', label: '長男', ageBand: '50代', household: true, issues: [] }],
  relations: [],
} as MapModel

const plan = (fields: Partial<PlanData> = {}): PlanData => ({ info: {}, tasks: [], closure: null, ...fields })

describe('the 役割分担 workbook', () => {
  it('says when and why a closed case was closed', () => {
    const book = planWorkbook(plan({ closure: { closedAt: '2026-12-01T12:00:00.000Z', reason: '支援の見通しがついたため' }, info: { keyPerson: 'none' } }), model, { includePersons: true })
    const rows = book.getWorksheet('支援プラン')!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows.map((r) => r[1])).toEqual(['支援方針', '目標', '本人の意向', '本人同意', 'キーパーソン', '次回モニタリング日', '終結'])
    expect(rows.find((r) => r[1] === 'キーパーソン')![2]).toBe('不在')
    expect(rows.find((r) => r[1] === '終結')![2]).toBe('2026-12-01 に終結（理由: 支援の見通しがついたため）')
  })

  it('keeps the file readable whatever characters a task holds', async () => {
    const what = 'a\u0000b\u0007c\ud800d\ufffe<&>"\'\n改行'
    expect(cellText(what)).toBe('abcd<&>"\'\n改行')
    const book = planWorkbook(plan({ tasks: [{ id: 't-1', what, owner: 'a-hoken', with: [], status: '未着手', note: 'x'.repeat(40_000) }] }), model, { includePersons: true })
    const again = new ExcelJS.Workbook()
    await again.xlsx.load(await book.xlsx.writeBuffer())
    const row = again.getWorksheet('役割分担')!.getRow(2)
    expect(row.getCell(2).value).toBe('abcd<&>"\'\n改行')
    expect(String(row.getCell(8).value)).toHaveLength(32_767)
  })

  it('makes a row tall enough for a long 支援方針, since no office suite grows it on opening', () => {
    const book = planWorkbook(plan({ info: { direction: 'あ'.repeat(110), goals: '短い目標' } }), model, { includePersons: true })
    const sheet = book.getWorksheet('支援プラン')!
    // 110 full-width characters, two columns each, in a column 80 wide: three lines.
    expect(sheet.getRow(1).height).toBe(3 * 18.75)
    expect(sheet.getRow(2).height).toBeUndefined()
  })

  it('says the day of closure on the meetings’ calendar, not the server clock’s', () => {
    // 00:30 in Tokyo on 1 December is still 30 November in UTC.
    const closure = { closedAt: '2026-11-30T15:30:00.000Z', reason: '転居' }
    const closedOn = (timeZone: string) => {
      const rows = planWorkbook(plan({ closure }), model, { includePersons: true, timeZone }).getWorksheet('支援プラン')!.getSheetValues().filter(Boolean) as unknown[][]
      return rows.find((r) => r[1] === '終結')![2]
    }
    expect(closedOn('Asia/Tokyo')).toBe('2026-12-01 に終結（理由: 転居）')
    expect(closedOn('UTC')).toBe('2026-11-30 に終結（理由: 転居）')
    expect(planWorkbook(plan({ closure }), model, { includePersons: true }).getWorksheet('支援プラン')!.getRow(7).getCell(2).value).toBe('2026-12-01 に終結（理由: 転居）')
  })

  it('names a person by role and age band in the book’s language', () => {
    const tasks = [{ id: 't-1', what: '訪問', owner: 'a-hoken', with: ['p-son'], status: '未着手' as const }]
    const book = planWorkbook(plan({ tasks, info: { keyPerson: 'p-son' } }), model, { includePersons: true, lang: 'en' })
    expect(book.getWorksheet('Tasks')!.getRow(2).getCell(4).value).toBe('Eldest son (50s)')
    expect(book.getWorksheet('Support plan')!.getRow(5).getCell(2).value).toBe('Eldest son (50s)')
  })

  it('names a person partner only with persons', () => {
    const tasks = [{ id: 't-1', what: '訪問', owner: 'a-hoken', with: ['p-son'], status: '未着手' as const }]
    expect(planWorkbook(plan({ tasks }), model, { includePersons: true }).getWorksheet('役割分担')!.getRow(2).getCell(4).value).toBe('長男（50代）')
    expect(planWorkbook(plan({ tasks }), model, { includePersons: false }).getWorksheet('役割分担')!.getRow(2).getCell(4).value).toBe('')
  })
})
