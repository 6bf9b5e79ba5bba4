import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyImport, parseImport } from '../model/transfer.ts'
import { closureMap, planInfoMap, readClosure, readPlan, tasksMap } from '../plan/doc.ts'
import { addTask, updatePlanInfo } from '../plan/ops.ts'
import { exportRoomFile, parseRoomFile, type RoomFile } from './room-file.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'samples', 'case-8050.json'), 'utf8'))
const room = { title: '8050の事例', kind: 'case' as const }

/** The sample case with a plan: the son as key person and partner, the mother's wishes. */
function caseRoom(): Y.Doc {
  const doc = new Y.Doc()
  applyImport(doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
  updatePlanInfo(doc, { direction: '母の介護と長男の社会参加を両輪で支える', wishes: '母は自宅で暮らし続けたい', consent: 'あり', keyPerson: 'p-son', nextMonitoring: '2026-06-01' })
  addTask(doc, { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', with: ['p-son', 'a-houkatsu'], due: '2026-05-01' })
  addTask(doc, { id: 't-care', what: '要介護認定の申請', owner: 'a-houkatsu', with: ['p-mother'], status: '完了' })
  return doc
}

/** A file edited by hand: JSON in, JSON out, like a download opened in an editor. */
const asJson = (file: RoomFile) => JSON.parse(JSON.stringify(file)) as RoomFile

describe('the plan in a room file', () => {
  it('goes with the room, and comes back whole in another room', () => {
    const from = caseRoom()
    const file = asJson(exportRoomFile(from, room, { includePersons: true }))
    expect(file.plan).toEqual(readPlan(from).data)
    expect(file.plan.info.wishes).toBe('母は自宅で暮らし続けたい')

    const to = new Y.Doc()
    addTask(to, { id: 't-old', what: '置き換えられるタスク', owner: seedActor(to) })
    const parsed = parseRoomFile(file, 'case')
    expect(parsed.report.plan).toEqual({ accepted: { fields: 5, tasks: 2 }, rejected: [], closureIgnored: false })
    parsed.apply(to)
    expect(readPlan(to).data).toEqual(readPlan(from).data)
  })

  it('without persons, holds no wishes, no person as key person and no person as partner', () => {
    const file = exportRoomFile(caseRoom(), room, { includePersons: false })
    expect(file.plan.info).toEqual({ direction: '母の介護と長男の社会参加を両輪で支える', consent: 'あり', nextMonitoring: '2026-06-01' })
    expect(file.plan.tasks.map((t) => t.with)).toEqual([['a-houkatsu'], []])
    const text = JSON.stringify(file.plan)
    for (const id of ['p-son', 'p-mother', '暮らし続けたい']) expect(text).not.toContain(id)
  })

  it('without persons, blanks a task owner that is no agency of the map (a person’s id a client wrote)', () => {
    const doc = caseRoom()
    tasksMap(doc).get('t-visit')!.set('owner', 'p-son')
    const file = exportRoomFile(doc, room, { includePersons: false })
    expect(file.plan.tasks.map((t) => t.owner)).toEqual(['', 'a-houkatsu'])
    expect(JSON.stringify(file.plan)).not.toContain('p-son')
    expect(exportRoomFile(doc, room, { includePersons: true }).plan.tasks[0].owner).toBe('p-son')
  })

  it('keeps an actor as key person, and "none", without persons', () => {
    const doc = caseRoom()
    updatePlanInfo(doc, { keyPerson: 'a-minsei' })
    expect(exportRoomFile(doc, room, { includePersons: false }).plan.info.keyPerson).toBe('a-minsei')
    updatePlanInfo(doc, { keyPerson: 'none' })
    expect(exportRoomFile(doc, room, { includePersons: false }).plan.info.keyPerson).toBe('none')
  })

  it('uploaded without persons, keeps the room’s wishes, person key person and person partners', () => {
    const doc = caseRoom()
    const file = asJson(exportRoomFile(doc, room, { includePersons: false }))
    // Edited elsewhere: the visit is done, the plan's direction sharpened.
    file.plan.tasks[0].status = '完了'
    file.plan.info.direction = '長男の受診を優先する'
    parseRoomFile(file, 'case').apply(doc)
    const { data } = readPlan(doc)
    expect(data.info).toEqual({ direction: '長男の受診を優先する', wishes: '母は自宅で暮らし続けたい', consent: 'あり', keyPerson: 'p-son', nextMonitoring: '2026-06-01' })
    expect(data.tasks.find((t) => t.id === 't-visit')).toMatchObject({ status: '完了', with: ['a-houkatsu', 'p-son'] })
    expect(data.tasks.find((t) => t.id === 't-care')!.with).toEqual(['p-mother'])
  })

  it('rejects bad tasks and fields one by one, in Japanese and English, and imports the rest', () => {
    const file = asJson(exportRoomFile(caseRoom(), room, { includePersons: true }))
    file.plan.tasks.push(
      { id: 't-gone', what: '退去した機関の支援', owner: 'a-nowhere', with: [], status: '未着手' },
      { id: 't-bad', what: '', owner: 'a-hoken', with: [], status: '未着手' },
      { id: 't-date', what: '面談', owner: 'a-hoken', with: [], due: '2026-02-30', status: '未着手' },
      { id: 't-visit', what: '重複', owner: 'a-hoken', with: [], status: '未着手' },
    )
    ;(file.plan.info as Record<string, unknown>).consent = 'たぶん'
    ;(file.plan.info as Record<string, unknown>).secret = 'x'
    const parsed = parseRoomFile(file, 'case')
    const report = parsed.report.plan!
    expect(report.accepted).toEqual({ fields: 4, tasks: 2 })
    expect(report.rejected.map(({ kind, id }) => `${kind}:${id}`)).toEqual(['plan:consent', 'plan:secret', 'task:t-gone', 'task:t-bad', 'task:t-date', 'task:t-visit'])
    expect(report.rejected.find((r) => r.id === 't-gone')).toMatchObject({ message: '担当はこのマップの機関から選んでください（a-nowhere はありません）', messageEn: 'Choose the responsible agency from this map (a-nowhere is not on it).' })
    expect(report.rejected.find((r) => r.id === 't-date')!.message).toMatch(/^期限: 日付は/)
    // English names the stored values to type (あり, 未着手…) as they are, and nothing else in Japanese.
    for (const r of report.rejected) expect(r.messageEn.replace(/[^\x00-\x7f]+ \(/g, '(')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    const doc = new Y.Doc()
    parsed.apply(doc)
    expect(readPlan(doc).data.tasks.map((t) => t.id)).toEqual(['t-visit', 't-care'])
    expect(readPlan(doc).data.info.consent).toBeUndefined()
  })

  it('refuses a key person who is not on the imported map', () => {
    const file = asJson(exportRoomFile(caseRoom(), room, { includePersons: true }))
    file.plan.info.keyPerson = 'p-ghost'
    const parsed = parseRoomFile(file, 'case')
    expect(parsed.report.plan!.rejected).toEqual([{ kind: 'plan', id: 'keyPerson', message: expect.stringMatching(/^キーパーソンは/), messageEn: expect.any(String) }])
  })

  it('never imports a closure: an upload neither closes a case nor reopens one', () => {
    const closed = caseRoom()
    closureMap(closed).set('closedAt', '2026-12-01T10:00:00.000Z')
    closureMap(closed).set('reason', '終結')
    const file = asJson(exportRoomFile(closed, room, { includePersons: true }))
    expect(file.plan.closure).toEqual({ closedAt: '2026-12-01T10:00:00.000Z', reason: '終結' })
    const parsed = parseRoomFile(file, 'case')
    expect(parsed.report.plan!.closureIgnored).toBe(true)
    const open = new Y.Doc()
    parsed.apply(open)
    expect(readClosure(open)).toBeNull()
    expect(readPlan(open).data.tasks).toHaveLength(2)
  })

  it('leaves the plan alone when the file has none (a sample file or a model export)', () => {
    const doc = caseRoom()
    const before = readPlan(doc).data
    const parsed = parseRoomFile(sample, 'case')
    expect(parsed.report.plan).toBeNull()
    parsed.apply(doc)
    expect(readPlan(doc).data).toEqual(before)
    const withoutPlan: Partial<RoomFile> = asJson(exportRoomFile(doc, room, { includePersons: true }))
    delete withoutPlan.plan
    tasksMap(doc).clear()
    planInfoMap(doc).set('goals', '残る目標')
    parseRoomFile(withoutPlan, 'case').apply(doc)
    expect(readPlan(doc).data.info.goals).toBe('残る目標')
  })
})

function seedActor(doc: Y.Doc): string {
  applyImport(doc, { info: { issues: [] }, actors: [{ id: 'a-seed', name: '仮の機関', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true }], persons: [], relations: [] }, { replace: true })
  return 'a-seed'
}
