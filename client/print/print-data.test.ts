import { describe, expect, it } from 'vitest'
import { compareModels, comparePlans } from '../../shared/history/diff'
import type { RecordDiffResponse } from '../../shared/history/records'
import type { MapModel } from '../../shared/model/schema'
import type { PlanData } from '../../shared/plan/schema'
import { changeSections, figureRows, formatDate, nameResolver, parsePrintQuery, printPath, readPlanBody, readRoomFileBody, roleRows } from './print-data'

const actor = (id: string, name: string) => ({ id, name, level: '市区町村（庁内）' as const, fields: ['高齢' as const], formal: true })
const model: MapModel = {
  info: { issues: [], summary: '二人暮らし' },
  actors: [actor('a-1', '地域包括支援センター'), actor('a-2', '保健センター')],
  persons: [{ id: 'p-1', label: '長男', ageBand: '50代', household: true, issues: ['無職'] }],
  relations: [{ id: 'r-1', from: 'a-1', to: 'p-1', type: '支援提供', direction: 'forward', strength: 'normal', status: 'planned' }],
}
const task = (id: string, owner: string, extra: object = {}) => ({ id, what: `task ${id}`, owner, with: [], status: '未着手' as const, ...extra })

describe('the print page address', () => {
  it('reads doc, record and persons, and writes them back the same way', () => {
    expect(parsePrintQuery('?doc=record&rid=r-abc&persons=0')).toEqual({ doc: 'record', recordId: 'r-abc', includePersons: false, from: null })
    expect(printPath('room 1', { doc: 'record', recordId: 'r-abc', includePersons: false })).toBe('/r/room%201/print?doc=record&rid=r-abc&persons=0')
    expect(printPath('x', { doc: 'plan', recordId: null, includePersons: true })).toBe('/r/x/print?doc=plan')
  })

  it('falls back to the plan with persons for anything else, and refuses a record id that is not one', () => {
    expect(parsePrintQuery('')).toEqual({ doc: 'plan', recordId: null, includePersons: true, from: null })
    expect(parsePrintQuery('?doc=record&rid=../../api')).toEqual({ doc: 'plan', recordId: null, includePersons: true, from: null })
  })
})

describe('reading what the server sent', () => {
  it('treats a missing plan as an empty one and drops fields and tasks that do not validate', () => {
    expect(readPlanBody(undefined)).toEqual({ info: {}, tasks: [], closure: null })
    const plan = readPlanBody({ info: { goals: '目標', nextMonitoring: '2026-02-30', bogus: 1 }, tasks: [task('t-2', 'a-1', { due: '2026-05-01' }), { id: 't-bad', what: '' }, task('t-1', 'a-1', { due: '2026-04-01' })] })
    expect(plan.info).toEqual({ goals: '目標' })
    expect(plan.tasks.map((t) => t.id)).toEqual(['t-1', 't-2'])
  })

  it('validates the model like an import, and an empty map is just empty', () => {
    const { model: read } = readRoomFileBody({ model: { ...model, persons: [{ id: 'p-1', label: '長男', ageBand: '50代', household: true, name: '山田太郎' }] } }, 'case')
    expect(read.persons).toEqual([])
    expect(read.actors).toHaveLength(2)
    expect(readRoomFileBody({ model: { info: { summary: 'まだ何もない' }, actors: [], persons: [], relations: [] } }, 'case').model).toMatchObject({ actors: [], info: { summary: 'まだ何もない' } })
  })

  it('keeps nothing about persons in the version without them, even if a server sent it', () => {
    const body = { model, plan: { info: { wishes: '家にいたい', keyPerson: 'p-1', goals: '目標' }, tasks: [task('t-1', 'a-1', { with: ['p-1', 'a-2'] }), task('t-2', 'p-1')] } }
    const { model: read, plan } = readRoomFileBody(body, 'case', false)
    expect(read.persons).toEqual([])
    expect(read.relations).toEqual([])
    expect(read.info.summary).toBeUndefined()
    expect(plan.info).toEqual({ goals: '目標' })
    expect(plan.tasks[0].with).toEqual(['a-2'])
    // A person's id written as a task's owner is no agency: blank, printed as a removed one.
    expect(plan.tasks.map((t) => t.owner)).toEqual(['a-1', ''])
    expect(readRoomFileBody(body, 'case', true).plan.info.keyPerson).toBe('p-1')
  })
})

describe('the printed words', () => {
  it('writes dates as the language does', () => {
    expect(formatDate('2026-04-01', 'ja')).toBe('2026年4月1日')
    expect(formatDate('2026-04-01', 'en')).toBe('1 April 2026')
    expect(formatDate('2026-12-01T10:00:00.000Z', 'ja')).toMatch(/^2026年12月[12]日$/)
    expect(formatDate('someday', 'ja')).toBe('someday')
  })

  it('names persons by role and age band, and a removed owner as such', () => {
    const name = nameResolver(model, null, 'ja')
    expect(name('p-1')).toBe('長男（50代）')
    expect(nameResolver(model, null, 'en')('p-1')).toBe('Eldest son (50s)')
    expect(name('a-gone')).toBe('削除された機関')
  })

  it('groups the 役割分担 by agency in the order of their first task, and marks overdue tasks', () => {
    const rows = roleRows(model, [task('t-3', 'a-1'), task('t-1', 'a-2', { due: '2026-03-01' }), task('t-2', 'a-1', { due: '2026-03-05', status: '完了' })], '2026-04-01')
    expect(rows.map((r) => [r.owner, r.tasks.map((t) => [t.id, t.overdue])])).toEqual([
      ['a-2', [['t-1', true]]],
      ['a-1', [['t-2', false], ['t-3', false]]],
    ])
  })

  it('says what changed: ties moved forward, tasks completed and overdue, the figures', () => {
    const after: MapModel = { ...model, relations: [{ ...model.relations[0], status: 'existing' }] }
    const before: PlanData = { info: {}, tasks: [task('t-1', 'a-1'), task('t-2', 'a-2', { due: '2026-03-01' })], closure: null }
    const later: PlanData = { info: { goals: 'x' }, tasks: [task('t-1', 'a-1', { status: '完了' }), task('t-2', 'a-2', { due: '2026-03-01' })], closure: null }
    const diff: RecordDiffResponse = {
      ...compareModels(model, after),
      ...comparePlans(before, later, { asOf: '2026-04-01' }),
      from: 'r1',
      to: 'now',
      personsIncluded: true,
    }
    const sections = changeSections(diff, nameResolver(after, diff, 'ja'), 'ja')
    expect(sections.map((s) => [s.key, s.items])).toEqual([
      ['tiesProgress', ['地域包括支援センター → 長男（50代）：支援提供（予定→既存）']],
      ['tasksCompleted', ['task t-1（地域包括支援センター）']],
      ['tasksOverdue', ['task t-2（保健センター、期限 2026年3月1日）']],
    ])
    expect(figureRows(diff).map((r) => [r.key, r.before, r.after])).toContainEqual(['figureTies', '0', '1'])
    expect(figureRows({ ...diff, personsIncluded: false }).map((r) => r.key)).not.toContain('figurePersons')
  })

  it('lists a task added already done once, as done, and each list as the plan reads (soonest due first)', () => {
    const later: PlanData = {
      info: {},
      tasks: [task('t-a', 'a-1', { status: '完了' }), task('t-b', 'a-1', { due: '2026-05-01' }), task('t-c', 'a-2', { due: '2026-04-01' })],
      closure: null,
    }
    const diff: RecordDiffResponse = { ...compareModels(model, model), ...comparePlans({ info: {}, tasks: [], closure: null }, later, { asOf: '2026-03-01' }), from: 'r1', to: 'now', personsIncluded: true }
    const sections = changeSections(diff, nameResolver(model, diff, 'ja'), 'ja')
    expect(sections.map((s) => [s.key, s.items])).toEqual([
      ['tasksCompleted', ['task t-a（地域包括支援センター）']],
      ['tasksAdded', ['task t-c（保健センター、期限 2026年4月1日）', 'task t-b（地域包括支援センター、期限 2026年5月1日）']],
    ])
  })

  it('prints a task whose owner a file without persons left blank, as a removed agency', () => {
    const plan = readPlanBody({ tasks: [task('t-1', ''), task('t-2', 'a-1')] })
    expect(plan.tasks.map((t) => [t.id, t.owner])).toEqual([['t-1', ''], ['t-2', 'a-1']])
    expect(nameResolver(model, null, 'ja')('')).toBe('削除された機関')
  })

  it('reads a comparison from a server without plans (no tasks part)', () => {
    const diff = { ...compareModels(model, model), from: 'r1', to: 'now', personsIncluded: true } as unknown as RecordDiffResponse
    expect(changeSections(diff, () => '', 'ja')).toEqual([])
  })
})
