import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MapModel, Relation } from '../model/schema.ts'
import { parseImport } from '../model/transfer.ts'
import type { PlanData, PlanTask } from '../plan/schema.ts'
import { compareModels, comparePlans, mapFigures, modelWithoutPersons, tieChangeKind } from './diff.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'samples', 'case-8050.json'), 'utf8'))

/** The case sample as imported: relations numbered r-1 … r-22 in file order. */
function caseModel(): MapModel {
  return parseImport(sample, { roomKind: 'case' }).model
}

function tie(model: MapModel, from: string, to: string): Relation {
  const found = model.relations.find((r) => r.from === from && r.to === to)
  if (!found) throw new Error(`no tie ${from} → ${to}`)
  return found
}

function setStatus(model: MapModel, from: string, to: string, status: Relation['status']): string {
  const r = tie(model, from, to)
  r.status = status
  return r.id
}

function removeActor(model: MapModel, id: string): void {
  model.actors = model.actors.filter((a) => a.id !== id)
  model.relations = model.relations.filter((r) => r.from !== id && r.to !== id)
}

describe('compareModels', () => {
  it('finds nothing between a map and itself, and gives the same figures on both sides', () => {
    const diff = compareModels(caseModel(), caseModel())
    for (const part of [diff.actors, diff.persons, diff.relations]) expect(part).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.summary).toEqual({ progress: 0, loss: 0, other: 0 })
    expect(diff.figures.after).toEqual(diff.figures.before)
  })

  it('gives the figures of the case sample: counted ties are existing ones only', () => {
    expect(mapFigures(caseModel())).toEqual({
      actors: 15,
      persons: 3,
      ties: 22,
      countedTies: 9,
      density: 8 / 136,
      isolatedActors: ['a-cafe', 'a-hikikomori', 'a-hoken', 'a-jiritsu', 'a-jutaku', 'a-kazokukai', 'a-kenri', 'a-seikatsu', 'a-suishin'],
      gapPersons: [],
      cutPoints: ['a-csw', 'a-houkatsu', 'a-minsei', 'p-daughter', 'p-mother'],
    })
  })

  it('calls planned → existing, missing → existing and missing → planned progress', () => {
    const before = caseModel()
    const after = caseModel()
    const plannedToExisting = setStatus(after, 'a-caremgr', 'p-mother', 'existing')
    const missingToExisting = setStatus(after, 'a-kazokukai', 'p-mother', 'existing')
    const missingToPlanned = setStatus(after, 'a-hoken', 'p-son', 'planned')
    const diff = compareModels(before, after)
    expect(diff.relations.changed).toEqual(
      [
        { id: plannedToExisting, from: 'a-caremgr', to: 'p-mother', type: '支援提供', statusBefore: 'planned', statusAfter: 'existing', kind: 'progress' },
        { id: missingToExisting, from: 'a-kazokukai', to: 'p-mother', type: '見守り', statusBefore: 'missing', statusAfter: 'existing', kind: 'progress' },
        { id: missingToPlanned, from: 'a-hoken', to: 'p-son', type: '支援提供', statusBefore: 'missing', statusAfter: 'planned', kind: 'progress' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    )
    expect(diff.summary).toEqual({ progress: 3, loss: 0, other: 0 })
    // Two more existing ties; the 家族会 is no longer isolated.
    expect(diff.figures.after.countedTies).toBe(diff.figures.before.countedTies + 2)
    expect(diff.figures.before.isolatedActors).toContain('a-kazokukai')
    expect(diff.figures.after.isolatedActors).not.toContain('a-kazokukai')
    expect(diff.figures.after.density).toBeGreaterThan(diff.figures.before.density)
  })

  it('calls existing → missing or planned loss, and planned → missing or a changed note other', () => {
    const before = caseModel()
    const after = caseModel()
    const toMissing = setStatus(after, 'a-csw', 'p-son', 'missing')
    const toPlanned = setStatus(after, 'a-csw', 'a-houkatsu', 'planned')
    const plannedToMissing = setStatus(after, 'a-jiritsu', 'a-seikatsu', 'missing')
    const noted = tie(after, 'a-houkatsu', 'a-caremgr')
    noted.note = '月1回の定例'
    const diff = compareModels(before, after)
    const kinds = Object.fromEntries(diff.relations.changed.map((c) => [c.id, c.kind]))
    expect(kinds).toEqual({ [toMissing]: 'loss', [toPlanned]: 'loss', [plannedToMissing]: 'other', [noted.id]: 'other' })
    expect(diff.relations.changed.find((c) => c.id === noted.id)).toMatchObject({ statusBefore: 'existing', statusAfter: 'existing' })
    expect(diff.summary).toEqual({ progress: 0, loss: 2, other: 2 })
    // The outreach tie was the son's only existing formal one: he is now in a 狭間.
    expect(diff.figures.before.gapPersons).toEqual([])
    expect(diff.figures.after.gapPersons).toEqual(['p-son'])
    // 社協 no longer links 民生委員 to 包括: the network falls apart differently.
    expect(diff.figures.after.cutPoints).not.toEqual(diff.figures.before.cutPoints)
  })

  it('lists a removed actor with its name and its ties as removed, existing ones counting as loss', () => {
    const before = caseModel()
    const after = caseModel()
    const lost = after.relations.filter((r) => r.from === 'a-houkatsu' || r.to === 'a-houkatsu')
    removeActor(after, 'a-houkatsu')
    const diff = compareModels(before, after)
    expect(diff.actors).toEqual({ added: [], removed: [{ id: 'a-houkatsu', label: '地域包括支援センター' }], changed: [] })
    expect(diff.relations.removed.map((r) => r.id)).toEqual(lost.map((r) => r.id).sort())
    expect(diff.relations.removed.find((r) => r.from === 'a-houkatsu' && r.to === 'p-mother')).toMatchObject({ type: '支援提供', status: 'existing' })
    const existingLost = lost.filter((r) => r.status === 'existing').length
    expect(existingLost).toBe(3)
    expect(diff.summary).toEqual({ progress: 0, loss: existingLost, other: 0 })
    expect(diff.figures.after.actors).toBe(14)
    expect(diff.figures.after.ties).toBe(22 - lost.length)
    expect(diff.figures.after.cutPoints).not.toContain('a-houkatsu')
  })

  it('lists added and changed actors and persons by their later label, and added ties', () => {
    const before = caseModel()
    const after = caseModel()
    after.actors.push({ id: 'a-new', name: '障害者相談支援事業所', level: '市区町村（委託・法人・事業所）', formal: true, fields: ['障害'] })
    after.actors.find((a) => a.id === 'a-cafe')!.name = '居場所カフェ'
    after.persons.find((p) => p.id === 'p-son')!.issues.push('就労の希望')
    after.persons.push({ id: 'p-aunt', label: '叔母', ageBand: '70代', household: false, issues: [] })
    after.persons = after.persons.filter((p) => p.id !== 'p-daughter')
    after.relations = after.relations.filter((r) => r.from !== 'p-daughter' && r.to !== 'p-daughter')
    after.relations.push({ id: 'r-new', from: 'a-new', to: 'p-son', type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'planned' })
    const diff = compareModels(before, after)
    expect(diff.actors).toEqual({
      added: [{ id: 'a-new', label: '障害者相談支援事業所' }],
      removed: [],
      changed: [{ id: 'a-cafe', label: '居場所カフェ' }],
    })
    expect(diff.persons).toEqual({
      added: [{ id: 'p-aunt', label: '叔母' }],
      removed: [{ id: 'p-daughter', label: '長女（別居）' }],
      changed: [{ id: 'p-son', label: '長男' }],
    })
    expect(diff.relations.added).toEqual([{ id: 'r-new', from: 'a-new', to: 'p-son', type: 'つなぎ', status: 'planned' }])
    // The daughter's two existing ties went with her.
    expect(diff.relations.removed.map((r) => r.status)).toEqual(['existing', 'existing'])
    expect(diff.summary.loss).toBe(2)
    expect(diff.figures.after).toMatchObject({ actors: 16, persons: 3 })
    expect(diff.figures.after.isolatedActors).toContain('a-new')
  })

  it('leaves persons and their ties out when asked: no person id or label appears', () => {
    const before = caseModel()
    const after = caseModel()
    setStatus(after, 'a-caremgr', 'p-mother', 'existing')
    setStatus(after, 'a-jiritsu', 'a-seikatsu', 'existing')
    after.persons.push({ id: 'p-aunt', label: '叔母', ageBand: '70代', household: false, issues: [] })
    removeActor(after, 'a-kenri')
    const diff = compareModels(before, after, { includePersons: false })
    expect(diff.persons).toEqual({ added: [], removed: [], changed: [] })
    expect(diff.relations.changed.map((c) => [c.from, c.to, c.kind])).toEqual([['a-jiritsu', 'a-seikatsu', 'progress']])
    // 権利擁護 had only a tie to the mother: it goes, the tie is not shown.
    expect(diff.actors.removed).toEqual([{ id: 'a-kenri', label: '権利擁護センター' }])
    expect(diff.relations.removed).toEqual([])
    expect(diff.figures.before).toMatchObject({ persons: 0, gapPersons: [] })
    expect(diff.figures.after.persons).toBe(0)
    const text = JSON.stringify(diff)
    for (const p of [...before.persons, ...after.persons]) {
      expect(text).not.toContain(p.id)
      expect(text).not.toContain(`"${p.label}"`)
    }
    expect(modelWithoutPersons(before).relations.every((r) => r.from.startsWith('a-') && r.to.startsWith('a-'))).toBe(true)
  })

  it('is deterministic: the order of the input records does not matter, and lists are sorted by id', () => {
    const before = caseModel()
    const after = caseModel()
    setStatus(after, 'a-caremgr', 'p-mother', 'existing')
    setStatus(after, 'a-csw', 'a-houkatsu', 'missing')
    removeActor(after, 'a-suishin')
    removeActor(after, 'a-cafe')
    after.actors.push({ id: 'a-b', name: 'B', level: '地域', formal: false, fields: ['住民活動'] })
    after.actors.push({ id: 'a-a', name: 'A', level: '地域', formal: false, fields: ['住民活動'] })
    const diff = compareModels(before, after)
    const reversed = (m: MapModel): MapModel => ({ ...m, actors: [...m.actors].reverse(), persons: [...m.persons].reverse(), relations: [...m.relations].reverse() })
    expect(compareModels(reversed(before), reversed(after))).toEqual(diff)
    expect(diff.actors.added.map((a) => a.id)).toEqual(['a-a', 'a-b'])
    expect(diff.actors.removed.map((a) => a.id)).toEqual(['a-cafe', 'a-suishin'])
    const ids = diff.relations.removed.map((r) => r.id)
    expect(ids).toEqual([...ids].sort())
    expect(diff.relations.changed.map((c) => c.id)).toEqual([...diff.relations.changed.map((c) => c.id)].sort())
  })

  it('shows 狭間 only on case maps', () => {
    const model = caseModel()
    setStatus(model, 'a-csw', 'p-son', 'planned')
    expect(mapFigures(model).gapPersons).toEqual(['p-son'])
    expect(mapFigures(model, { roomKind: 'community' }).gapPersons).toEqual([])
    expect(compareModels(model, model, { roomKind: 'community' }).figures.after.gapPersons).toEqual([])
  })

  it('classifies every status change', () => {
    expect(tieChangeKind('planned', 'existing')).toBe('progress')
    expect(tieChangeKind('missing', 'existing')).toBe('progress')
    expect(tieChangeKind('missing', 'planned')).toBe('progress')
    expect(tieChangeKind('existing', 'missing')).toBe('loss')
    expect(tieChangeKind('existing', 'planned')).toBe('loss')
    expect(tieChangeKind('planned', 'missing')).toBe('other')
    expect(tieChangeKind('existing', 'existing')).toBe('other')
  })
})

describe('comparing two states of the 支援プラン', () => {
  const task = (id: string, fields: Partial<PlanTask> = {}): PlanTask => ({ id, what: `タスク${id}`, owner: 'a-houkatsu', with: [], status: '未着手', ...fields })
  const plan = (tasks: PlanTask[], info: PlanData['info'] = {}): PlanData => ({ info, tasks, closure: null })
  const asOf = '2026-05-10'

  it('finds nothing between equal plans, whatever the order of the tasks', () => {
    const a = plan([task('t-1', { due: '2026-06-01' }), task('t-2')], { direction: '方針' })
    const b = plan([task('t-2'), task('t-1', { due: '2026-06-01' })], { direction: '方針' })
    expect(comparePlans(a, b, { asOf })).toEqual({ tasks: { added: [], removed: [], changed: [], completed: [], overdue: [] }, plan: { changedFields: [] } })
  })

  it('lists tasks added and removed, sorted by id', () => {
    const d = comparePlans(plan([task('t-3'), task('t-1')]), plan([task('t-4', { due: '2026-07-01' }), task('t-2'), task('t-1')]), { asOf })
    expect(d.tasks.added).toEqual([
      { id: 't-2', what: 'タスクt-2', owner: 'a-houkatsu', status: '未着手' },
      { id: 't-4', what: 'タスクt-4', owner: 'a-houkatsu', due: '2026-07-01', status: '未着手' },
    ])
    expect(d.tasks.removed).toEqual([{ id: 't-3', what: 'タスクt-3', owner: 'a-houkatsu', status: '未着手' }])
    expect(d.tasks.changed).toEqual([])
  })

  it('reports a changed task with its status and due date before and after', () => {
    const d = comparePlans(
      plan([task('t-1', { due: '2026-05-01' }), task('t-2', { status: '実施中' }), task('t-3', { note: '前のメモ' }), task('t-4')]),
      plan([task('t-1', { due: '2026-06-15' }), task('t-2', { status: '見直し', owner: 'a-hoken' }), task('t-3', { note: '新しいメモ' }), task('t-4', { due: '2026-09-01' })]),
      { asOf },
    )
    expect(d.tasks.changed).toEqual([
      { id: 't-1', what: 'タスクt-1', owner: 'a-houkatsu', statusBefore: '未着手', statusAfter: '未着手', dueBefore: '2026-05-01', dueAfter: '2026-06-15' },
      { id: 't-2', what: 'タスクt-2', owner: 'a-hoken', statusBefore: '実施中', statusAfter: '見直し' },
      { id: 't-3', what: 'タスクt-3', owner: 'a-houkatsu', statusBefore: '未着手', statusAfter: '未着手' },
      { id: 't-4', what: 'タスクt-4', owner: 'a-houkatsu', statusBefore: '未着手', statusAfter: '未着手', dueAfter: '2026-09-01' },
    ])
    expect(d.tasks.completed).toEqual([])
  })

  it('counts as completed a task that became 完了, or was added already done, but not one that was done before', () => {
    const d = comparePlans(
      plan([task('t-1', { status: '実施中' }), task('t-2', { status: '完了' }), task('t-3', { status: '完了', note: 'a' })]),
      plan([task('t-1', { status: '完了' }), task('t-2', { status: '完了' }), task('t-3', { status: '完了', note: 'b' }), task('t-4', { status: '完了' })]),
      { asOf },
    )
    expect(d.tasks.completed.map((t) => t.id)).toEqual(['t-1', 't-4'])
    expect(d.tasks.changed.map((t) => t.id)).toEqual(['t-1', 't-3'])
  })

  it('lists the later side’s overdue tasks as of the given day, unchanged ones too', () => {
    const after = plan([
      task('t-late', { due: '2026-05-09' }),
      task('t-today', { due: '2026-05-10' }),
      task('t-done', { due: '2026-04-01', status: '完了' }),
      task('t-review', { due: '2026-04-01', status: '見直し' }),
      task('t-busy', { due: '2026-04-01', status: '実施中' }),
    ])
    const d = comparePlans(plan([task('t-late', { due: '2026-05-09' })]), after, { asOf })
    expect(d.tasks.overdue.map((t) => t.id)).toEqual(['t-busy', 't-late'])
    expect(comparePlans(after, after, { asOf: '2026-05-11' }).tasks.overdue.map((t) => t.id)).toEqual(['t-busy', 't-late', 't-today'])
  })

  it('names the plan fields that were set, changed or cleared, in the form’s order', () => {
    const d = comparePlans(
      plan([], { direction: '前の方針', goals: '目標', consent: 'なし', nextMonitoring: '2026-05-01' }),
      plan([], { direction: '新しい方針', goals: '目標', consent: 'あり', keyPerson: 'a-minsei' }),
      { asOf },
    )
    expect(d.plan.changedFields).toEqual(['direction', 'consent', 'keyPerson', 'nextMonitoring'])
  })

  it('without persons, never lists 本人の意向, nor a change that only concerns a person', () => {
    const before = plan([task('t-1', { with: ['a-hoken'] })], { wishes: '自宅で暮らしたい', keyPerson: 'p-son' })
    const after = plan([task('t-1', { with: ['a-hoken', 'p-son'] })], { wishes: '施設も考えたい', keyPerson: 'p-mother' })
    const personIds = new Set(['p-son', 'p-mother'])
    const hidden = comparePlans(before, after, { asOf, includePersons: false, personIds })
    expect(hidden.plan.changedFields).toEqual([])
    expect(hidden.tasks.changed).toEqual([])
    const shown = comparePlans(before, after, { asOf, personIds })
    expect(shown.plan.changedFields).toEqual(['wishes', 'keyPerson'])
    expect(shown.tasks.changed.map((t) => t.id)).toEqual(['t-1'])
    // A person's id a client wrote as a task's owner is blanked without persons.
    const owned = comparePlans(plan([]), plan([task('t-2', { owner: 'p-son' })]), { asOf, includePersons: false, personIds })
    expect(owned.tasks.added.map((t) => t.owner)).toEqual([''])
    expect(JSON.stringify(owned)).not.toContain('p-son')
    expect(comparePlans(plan([]), plan([task('t-2', { owner: 'p-son' })]), { asOf, personIds }).tasks.added[0].owner).toBe('p-son')
    // An actor as key person is no person's business: it is listed without persons too.
    expect(comparePlans(before, plan([], { keyPerson: 'a-minsei' }), { asOf, includePersons: false, personIds }).plan.changedFields).toEqual(['keyPerson'])
  })
})
