import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addRecord, removeRecord } from '../model/ops.ts'
import { closureMap, isOverdue, localDate, overdueTasks, readPlan, tasksMap } from './doc.ts'
import { addTask, PlanValidationError, removeTask, updatePlanInfo, updateTask } from './ops.ts'
import { isCalendarDate } from './schema.ts'

function room() {
  const doc = new Y.Doc()
  addRecord(doc, 'actor', { id: 'a-hoken', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true })
  addRecord(doc, 'actor', { id: 'a-shakyo', name: '社会福祉協議会', level: '市区町村（委託・法人・事業所）', fields: ['地域福祉（社協）'], formal: true })
  addRecord(doc, 'person', { id: 'p-son', label: '長男', ageBand: '50代', household: true, issues: [] })
  return doc
}

function refusal(fn: () => unknown): PlanValidationError {
  try {
    fn()
  } catch (error) {
    if (error instanceof PlanValidationError) return error
    throw error
  }
  throw new Error('not refused')
}

describe('plan dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2026-04-01')).toBe(true)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    for (const bad of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-4-1', '令和8年4月1日', '2026/04/01', '']) expect(isCalendarDate(bad), bad).toBe(false)
  })

  it('refuses a task due on a date that does not exist, in Japanese, naming the field', () => {
    const doc = room()
    const error = refusal(() => addTask(doc, { what: '受診同行', owner: 'a-hoken', due: '2026-02-30' }))
    expect(error.message).toBe('期限: 日付は 2026-04-01 のような年-月-日で、実在する日を指定してください')
    expect(error.messageIn('en')).toMatch(/^Due: Use a date that exists/)
    expect(tasksMap(doc).size).toBe(0)
  })

  it('refuses a next monitoring date in another format', () => {
    const error = refusal(() => updatePlanInfo(room(), { nextMonitoring: '2026/05/01' }))
    expect(error.message).toMatch(/^次回モニタリング日: 日付は/)
  })
})

describe('plan ids', () => {
  it('refuses a task owned by an actor that is not on the map, in Japanese', () => {
    const doc = room()
    const error = refusal(() => addTask(doc, { what: '訪問', owner: 'a-nowhere' }))
    expect(error.message).toBe('担当はこのマップの機関から選んでください（a-nowhere はありません）')
    expect(tasksMap(doc).size).toBe(0)
  })

  it('refuses a person as owner: the owner is an agency', () => {
    expect(refusal(() => addTask(room(), { what: '訪問', owner: 'p-son' })).message).toMatch(/担当はこのマップの機関から/)
  })

  it('refuses unknown partners and key persons, accepts persons as partners and "none"', () => {
    const doc = room()
    expect(refusal(() => addTask(doc, { what: '訪問', owner: 'a-hoken', with: ['a-ghost'] })).message).toMatch(/a-ghost はありません/)
    expect(refusal(() => updatePlanInfo(doc, { keyPerson: 'p-ghost' })).message).toMatch(/^キーパーソンは/)
    const task = addTask(doc, { what: '訪問', owner: 'a-hoken', with: ['p-son', 'a-shakyo', 'a-hoken'] })
    expect(task.with).toEqual(['p-son', 'a-shakyo'])
    expect(updatePlanInfo(doc, { keyPerson: 'none' }).keyPerson).toBe('none')
    expect(updatePlanInfo(doc, { keyPerson: 'a-shakyo' }).keyPerson).toBe('a-shakyo')
  })
})

describe('reading a plan', () => {
  it('keeps a task whose owner was removed, reports it, and drops removed partners', () => {
    const doc = room()
    addTask(doc, { id: 't-1', what: '就労相談へつなぐ', owner: 'a-shakyo', with: ['p-son', 'a-hoken'], due: '2026-06-01' })
    updatePlanInfo(doc, { keyPerson: 'p-son', direction: '長男の社会参加を支える' })
    removeRecord(doc, 'actor', 'a-shakyo')
    removeRecord(doc, 'person', 'p-son')
    const { data, problems } = readPlan(doc)
    expect(data.tasks).toHaveLength(1)
    expect(data.tasks[0]).toMatchObject({ owner: 'a-shakyo', with: ['a-hoken'] })
    expect(data.info).toEqual({ direction: '長男の社会参加を支える' })
    expect(problems.map((p) => p.message)).toEqual(['キーパーソンに選ばれていたカードがマップから削除されています。選び直してください', '担当の機関がマップから削除されています。担当を選び直してください'])
  })

  it('still takes changes to a task whose owner or partner was removed from the map', () => {
    const doc = room()
    addTask(doc, { id: 't-1', what: '就労相談へつなぐ', owner: 'a-shakyo', with: ['p-son', 'a-hoken'] })
    removeRecord(doc, 'actor', 'a-shakyo')
    removeRecord(doc, 'person', 'p-son')
    expect(updateTask(doc, 't-1', { status: '完了' })).toMatchObject({ status: '完了', owner: 'a-shakyo', with: ['a-hoken'] })
    expect(tasksMap(doc).get('t-1')?.get('with')).toEqual(['a-hoken'])
    expect(updateTask(doc, 't-1', { owner: 'a-hoken' })).toMatchObject({ owner: 'a-hoken', with: [] })
    // A new owner or partner must still be on the map.
    expect(refusal(() => updateTask(doc, 't-1', { owner: 'a-shakyo' })).message).toMatch(/a-shakyo はありません/)
    expect(refusal(() => updateTask(doc, 't-1', { with: ['p-son'] })).message).toMatch(/p-son はありません/)
  })

  it('skips a task written with a bad status by another client, and says why', () => {
    const doc = room()
    const bad = new Y.Map<unknown>()
    tasksMap(doc).set('t-bad', bad)
    bad.set('what', 'x')
    bad.set('owner', 'a-hoken')
    bad.set('status', 'finished')
    const { data, problems } = readPlan(doc)
    expect(data.tasks).toEqual([])
    expect(problems[0]).toMatchObject({ kind: 'task', id: 't-bad' })
    expect(problems[0].message).toMatch(/^状況: /)
  })

  it('orders tasks by due date, undated last, and clears a field set to empty', () => {
    const doc = room()
    addTask(doc, { id: 't-b', what: 'B', owner: 'a-hoken' })
    addTask(doc, { id: 't-c', what: 'C', owner: 'a-hoken', due: '2026-07-01' })
    addTask(doc, { id: 't-a', what: 'A', owner: 'a-hoken', due: '2026-05-01', note: 'メモ' })
    updateTask(doc, 't-a', { note: '' })
    expect(readPlan(doc).data.tasks.map((t) => t.id)).toEqual(['t-a', 't-c', 't-b'])
    expect(readPlan(doc).data.tasks[0].note).toBeUndefined()
    removeTask(doc, 't-c')
    expect(readPlan(doc).data.tasks.map((t) => t.id)).toEqual(['t-a', 't-b'])
  })
})

describe('overdue tasks', () => {
  it('are past their date and neither done nor under review', () => {
    const doc = room()
    addTask(doc, { id: 't-1', what: '1', owner: 'a-hoken', due: '2026-03-01' })
    addTask(doc, { id: 't-2', what: '2', owner: 'a-hoken', due: '2026-03-01', status: '完了' })
    addTask(doc, { id: 't-3', what: '3', owner: 'a-hoken', due: '2026-03-02', status: '実施中' })
    addTask(doc, { id: 't-4', what: '4', owner: 'a-hoken' })
    const tasks = readPlan(doc).data.tasks
    expect(overdueTasks(tasks, '2026-03-02').map((t) => t.id)).toEqual(['t-1'])
    expect(isOverdue(tasks.find((t) => t.id === 't-3')!, '2026-03-03')).toBe(true)
    expect(localDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
    // The server's day is the meetings' calendar whatever its clock runs in.
    expect(localDate(new Date('2026-01-05T15:30:00.000Z'), 'Asia/Tokyo')).toBe('2026-01-06')
    expect(localDate(new Date('2026-01-05T15:30:00.000Z'), 'UTC')).toBe('2026-01-05')
  })
})

describe('a closed case', () => {
  it('takes no plan change', () => {
    const doc = room()
    addTask(doc, { id: 't-1', what: '訪問', owner: 'a-hoken' })
    closureMap(doc).set('closedAt', '2026-12-01T10:00:00.000Z')
    closureMap(doc).set('reason', '支援の見通しがついたため')
    expect(readPlan(doc).data.closure).toEqual({ closedAt: '2026-12-01T10:00:00.000Z', reason: '支援の見通しがついたため' })
    expect(refusal(() => updateTask(doc, 't-1', { status: '完了' })).message).toBe('この事例は終結しているため変更できません')
    expect(refusal(() => updatePlanInfo(doc, { goals: 'x' })).message).toBe('この事例は終結しているため変更できません')
  })
})
