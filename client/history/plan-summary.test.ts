import { describe, expect, it } from 'vitest'
import type { PlanComparison } from '../../shared/history/diff'
import { planSections, planUnchanged } from './plan-summary'

const names: Record<string, string> = { 'a-hoken': '保健センター', 'a-shakyo': '社会福祉協議会' }
const name = (id: string) => names[id] ?? id

function diff(): PlanComparison {
  return {
    tasks: {
      added: [
        { id: 't-new', what: '居場所の見学に同行', owner: 'a-shakyo', due: '2026-12-20', status: '未着手' },
        { id: 't-done-new', what: '家計相談の予約', owner: 'a-hoken', status: '完了' },
      ],
      removed: [{ id: 't-old', what: '民生委員の訪問', owner: 'a-gone', status: '実施中' }],
      changed: [
        { id: 't-1', what: '受診同行', owner: 'a-hoken', statusBefore: '実施中', statusAfter: '完了', dueBefore: '2026-11-30', dueAfter: '2026-11-30' },
        { id: 't-2', what: '就労相談へつなぐ', owner: 'a-shakyo', statusBefore: '未着手', statusAfter: '未着手', dueBefore: '2026-11-01', dueAfter: '2027-01-15' },
        { id: 't-3', what: 'ゴミ出しの見守り', owner: 'a-shakyo', statusBefore: '未着手', statusAfter: '見直し' },
      ],
      completed: [
        { id: 't-1', what: '受診同行', owner: 'a-hoken', due: '2026-11-30', status: '完了' },
        { id: 't-done-new', what: '家計相談の予約', owner: 'a-hoken', status: '完了' },
      ],
      overdue: [{ id: 't-4', what: '住まいの相談', owner: 'a-hoken', due: '2026-10-01', status: '実施中' }],
    },
    plan: { changedFields: ['direction', 'nextMonitoring'] },
  }
}

describe('meeting records: the 支援プラン part of a comparison (plan-summary.ts)', () => {
  it('lists completed tasks as progress and overdue ones as loss, each task once', () => {
    const by = Object.fromEntries(planSections(diff(), name, 'ja').map((s) => [s.key, s]))
    expect(by.tasksCompleted).toEqual({ key: 'tasksCompleted', tone: 'progress', items: ['受診同行（担当：保健センター、期限 2026-11-30）', '家計相談の予約（担当：保健センター）'] })
    expect(by.tasksOverdue).toEqual({ key: 'tasksOverdue', tone: 'loss', items: ['住まいの相談（担当：保健センター、期限 2026-10-01）'] })
    // Completed tasks are not repeated under added or changed.
    expect(by.tasksAdded.items).toEqual(['居場所の見学に同行（担当：社会福祉協議会、期限 2026-12-20）'])
    expect(by.tasksChanged.items).toEqual(['就労相談へつなぐ（担当：社会福祉協議会）期限 2026-11-01→2027-01-15', 'ゴミ出しの見守り（担当：社会福祉協議会）未着手→見直し'])
    expect(by.tasksRemoved.items).toEqual(['民生委員の訪問（担当：a-gone）'])
    expect(by.planFieldsChanged.items).toEqual(['支援方針', '次回モニタリング日'])
  })

  it('writes it in English, statuses and field names included', () => {
    const by = Object.fromEntries(planSections(diff(), name, 'en').map((s) => [s.key, s]))
    expect(by.tasksChanged.items[1]).toBe('ゴミ出しの見守り (responsible: 社会福祉協議会) Not started → Under review')
    expect(by.planFieldsChanged.items).toEqual(['Direction of support', 'Next monitoring date'])
  })

  it('is empty for a comparison without a plan part or without plan changes', () => {
    expect(planSections({}, name, 'ja')).toEqual([])
    expect(planUnchanged({})).toBe(true)
    const none: PlanComparison = { tasks: { added: [], removed: [], changed: [], completed: [], overdue: [] }, plan: { changedFields: [] } }
    expect(planUnchanged(none)).toBe(true)
    expect(planUnchanged(diff())).toBe(false)
  })
})
