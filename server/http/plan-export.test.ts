import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addRecord, removeRecord } from '../../shared/model/ops.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import { readPlan } from '../../shared/plan/doc.ts'
import { addTask, updatePlanInfo } from '../../shared/plan/ops.ts'
import type { ApiErrorBody, CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))
type Role = 'facilitate' | 'edit' | 'view'
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-plan-xlsx-'))

/**
 * LibreOffice, as another office suite reads the download (its own profile, so it never waits
 * for another soffice; asynchronous, so the server in this process keeps answering). Returns
 * the output files it wrote, by name.
 */
async function soffice(file: string, to: string): Promise<Map<string, string>> {
  const out = fs.mkdtempSync(path.join(work, 'out-'))
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', to, '--outdir', out, file], { timeout: 120_000 })
  return new Map(fs.readdirSync(out).map((name) => [name, path.join(out, name)]))
}

/** Every sheet as CSV rows (UTF-8, all sheets: filter option 12 = -1). */
async function sheetsAsCsv(file: string): Promise<Map<string, string[][]>> {
  const files = await soffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1')
  const base = path.basename(file, '.xlsx')
  return new Map([...files].map(([name, p]) => [name.slice(base.length + 1, -'.csv'.length), parseCsv(fs.readFileSync(p, 'utf8'))]))
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endCell()
    else if (ch === '\n') {
      endCell()
      rows.push(row)
      row = []
    } else if (ch !== '\r') cell += ch
  }
  if (cell || row.length) {
    endCell()
    rows.push(row)
  }
  return rows
}

describe('plan download: the 役割分担 as an Excel workbook', () => {
  let server: RunningServer
  let room: CreateRoomResponse
  const clients: Client[] = []
  const token = (role: Role) => room.links[role].split('#k=')[1]
  const download = (role: Role, query = '') => fetch(`${server.url}/api/rooms/${room.roomId}/plan/tasks.xlsx${query}`, { headers: { authorization: `Bearer ${token(role)}` } })
  const save = async (res: Response, name: string) => {
    expect(res.status).toBe(200)
    const file = path.join(work, name)
    fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
    return file
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-plan-export-'))
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
    const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '第3回 重層的支援会議 "8050"/世帯', kind: 'case' }) })
    room = (await res.json()) as CreateRoomResponse
    const editor = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token('edit'))
    clients.push(editor)
    await waitForSync(editor.provider)
    const doc = editor.doc
    applyImport(doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    addRecord(doc, 'actor', { id: 'a-moved', name: '転出した事業所', level: '市区町村（委託・法人・事業所）', fields: ['障害'], formal: true })
    updatePlanInfo(doc, { direction: '母の介護と長男の社会参加を両輪で支える', goals: '長男が月1回外出できる', wishes: '母は自宅で暮らし続けたい', consent: 'あり', keyPerson: 'p-son', nextMonitoring: '2026-06-01' })
    addTask(doc, { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', with: ['p-son', 'a-houkatsu'], due: '2000-05-01', note: '=1+1' })
    addTask(doc, { id: 't-care', what: '要介護認定の申請', owner: 'a-houkatsu', with: ['p-mother'], due: '2026-04-20', status: '完了' })
    addTask(doc, { id: 't-moved', what: '通所先の調整', owner: 'a-moved' })
    removeRecord(doc, 'actor', 'a-moved')
    for (let i = 0; i < 200 && (await server.rooms.read(room.roomId, (d) => readPlan(d).data.tasks.length)) < 3; i++) await new Promise((r) => setTimeout(r, 20))
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('reads back in LibreOffice: one row per task, names resolved, Japanese intact', async () => {
    const res = await download('edit')
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toBe(
      `attachment; filename="${room.roomId}-plan-tasks.xlsx"; filename*=UTF-8''${encodeURIComponent('第3回 重層的支援会議 _8050__世帯-役割分担.xlsx')}`,
    )
    const sheets = await sheetsAsCsv(await save(res, 'with-persons.xlsx'))
    expect([...sheets.keys()].sort()).toEqual(['役割分担', '支援プラン'].sort())
    expect(sheets.get('役割分担')).toEqual([
      ['No.', '何を', '担当（誰が）', '誰と', '期限', '状況', '期限切れ', 'メモ'],
      ['1', '長男への訪問', 'ひきこもり地域支援センター', '長男（50代）、地域包括支援センター', '2000-05-01', '未着手', '期限切れ', '=1+1'],
      ['2', '要介護認定の申請', '地域包括支援センター', '母（80代）', '2026-04-20', '完了', '', ''],
      ['3', '通所先の調整', '（削除された機関）', '', '', '未着手', '', ''],
    ])
    expect(sheets.get('支援プラン')).toEqual([
      ['支援方針', '母の介護と長男の社会参加を両輪で支える'],
      ['目標', '長男が月1回外出できる'],
      ['本人の意向', '母は自宅で暮らし続けたい'],
      ['本人同意', 'あり'],
      ['キーパーソン', '長男（50代）'],
      ['次回モニタリング日', '2026-06-01'],
      ['終結', '終結していません'],
    ])
  })

  it('writes due dates as date cells, and LibreOffice keeps the header’s filter', async () => {
    const file = await save(await download('facilitate'), 'dates.xlsx')
    const flat = fs.readFileSync((await soffice(file, 'fods')).get('dates.fods')!, 'utf8')
    const dates = [...flat.matchAll(/office:value-type="date" office:date-value="([^"]+)"/g)].map((m) => m[1])
    expect(dates).toEqual(['2000-05-01', '2026-04-20', '2026-06-01'])

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(file)
    const sheet = book.getWorksheet('役割分担')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30)
    // Saved again by LibreOffice, the header still filters: it read the autofilter.
    const resaved = new ExcelJS.Workbook()
    await resaved.xlsx.readFile((await soffice(file, 'xlsx')).get('dates.xlsx')!)
    expect(resaved.getWorksheet('役割分担')!.autoFilter).toBe('A1:H4')
  })

  it('without persons writes no person and no 本人の意向, and a view link must ask for that', async () => {
    const refused = await download('view')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as ApiErrorBody).error.code).toBe('PERSONS_NEED_EDIT_LINK')
    const res = await download('view', '?persons=0')
    expect(res.headers.get('content-disposition')).toContain(`filename="${room.roomId}-plan-tasks-no-persons.xlsx"`)
    const sheets = await sheetsAsCsv(await save(res, 'no-persons.xlsx'))
    expect(sheets.get('役割分担')!.map((r) => r[3])).toEqual(['誰と', '地域包括支援センター', '', ''])
    expect(sheets.get('支援プラン')!.map((r) => r[0])).toEqual(['支援方針', '目標', '本人同意', 'キーパーソン', '次回モニタリング日', '終結'])
    expect(sheets.get('支援プラン')!.find((r) => r[0] === 'キーパーソン')![1]).toBe('')
    // No cell names a person (the plan's own text may speak of 母 and 長男: it is the agencies' words).
    const cells = [...sheets.values()].flat(2)
    for (const p of sample.persons as { label: string }[]) expect(cells.filter((c) => c.split('、').includes(p.label))).toEqual([])
    expect(cells.join('\n')).not.toContain('暮らし続けたい')
  })

  it('has English headings with lang=en, and refuses another lang', async () => {
    const sheets = await sheetsAsCsv(await save(await download('edit', '?lang=en'), 'english.xlsx'))
    expect(sheets.get('Tasks')![0]).toEqual(['No.', 'What', 'Responsible (who)', 'With whom', 'Due', 'Status', 'Overdue', 'Note'])
    expect(sheets.get('Tasks')![1].slice(5, 7)).toEqual(['Not started', 'Overdue'])
    // Persons in English too: role and age band, never the stored Japanese term.
    expect(sheets.get('Tasks')![1][3]).toMatch(/^Eldest son \(50s\), /)
    expect(sheets.get('Tasks')![2][3]).toBe('Mother (80s)')
    expect(sheets.get('Support plan')!.map((r) => r[0])).toContain('Next monitoring date')
    const bad = await download('edit', '?lang=fr')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as ApiErrorBody).error.code).toBe('INVALID_QUERY')
  })
})
