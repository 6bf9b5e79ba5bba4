import { describe, expect, it } from 'vitest'
import type { MapModel } from '../../shared/model/schema'
import type { PlanTask } from '../../shared/plan/schema'
import { inLang } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import { planText } from './labels'
import { addTaskBlocker, cardName, closureDate, consentMeetingKey, dateCommit, lengthStatus, overdueBanner, ownerName, planPersonalInfoWarning, reasonPreview } from './logic'

const model: MapModel = {
  info: { issues: [] },
  actors: [{ id: 'a-hoken', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true }],
  persons: [{ id: 'p-son', label: '長男', ageBand: '50代', household: true, issues: [] }],
  relations: [],
}

const task = (id: string, due: string | undefined, status: PlanTask['status'] = '未着手'): PlanTask => ({ id, what: id, owner: 'a-hoken', with: [], due, status })

describe('which meeting a consent belongs to', () => {
  it('says 重層的支援会議 with consent, 支援会議 without, and both while not asked', () => {
    const ja = inLang(planText, 'ja')
    expect(ja[consentMeetingKey('あり')]).toBe('重層的支援会議で支援プランを協議できます。')
    expect(ja[consentMeetingKey('なし')]).toBe('支援会議（守秘義務のもと）での検討になります。')
    expect(ja[consentMeetingKey(undefined)]).toMatch(/重層的支援会議.*支援会議/)
    expect(inLang(planText, 'en')[consentMeetingKey('なし')]).toMatch(/confidentiality/)
  })
})

describe('the overdue banner of the room shell', () => {
  it('counts open tasks past their date, not done or rethought ones, and is absent without any', () => {
    const tasks = [task('t-1', '2026-03-01'), task('t-2', '2026-03-01', '完了'), task('t-3', '2026-03-01', '見直し'), task('t-4', '2026-02-10', '実施中'), task('t-5', undefined), task('t-6', '2026-03-02')]
    expect(overdueBanner(tasks, '2026-03-02', 'ja')).toBe('期限を過ぎたタスクが 2 件あります')
    expect(overdueBanner(tasks, '2026-03-02', 'en')).toBe('2 task(s) are past their due date')
    expect(overdueBanner(tasks, '2026-03-01', 'ja')).toBe('期限を過ぎたタスクが 1 件あります')
    expect(overdueBanner(tasks, '2026-02-01', 'ja')).toBeNull()
    expect(overdueBanner([], '2026-03-02', 'ja')).toBeNull()
  })
})

describe('names in the plan', () => {
  it('names an actor by name and a person by role and age band, in the reader’s language', () => {
    expect(cardName(model, 'a-hoken', 'ja')).toBe('保健センター')
    expect(cardName(model, 'p-son', 'ja')).toBe('長男（50代）')
    expect(cardName(model, 'p-son', 'en')).not.toMatch(/[\u3040-\u30ff\u3400-\u9fff（）]/)
    expect(cardName(model, 'p-ghost', 'ja')).toBeNull()
  })

  it('shows a removed owner as （削除された機関）, and a person is never an owner', () => {
    expect(ownerName(model, 'a-hoken', 'ja')).toBe('保健センター')
    expect(ownerName(model, 'a-gone', 'ja')).toBe('（削除された機関）')
    expect(ownerName(model, 'p-son', 'en')).toBe('(removed agency)')
  })
})

describe('the closure date', () => {
  it('is the local calendar day, written as every view writes dates', () => {
    const closedAt = new Date(2026, 11, 1, 23, 50).toISOString()
    // One formatter for dates in every view (the print, the plan tab, the banner).
    expect(closureDate(closedAt, 'ja')).toBe(formatDate(closedAt, 'ja'))
    expect(closureDate(closedAt, 'ja')).toBe('2026年12月1日')
    expect(closureDate(closedAt, 'en')).toBe('1 December 2026')
    expect(closureDate('not a date', 'ja')).toBe('—')
  })
})

describe('what the forms keep and refuse', () => {
  it('counts a text near its limit and says by how much it is over (spaces around it do not count)', () => {
    expect(lengthStatus('a'.repeat(239), 300)).toMatchObject({ count: 239, showCounter: false, over: 0 })
    expect(lengthStatus('a'.repeat(240), 300)).toMatchObject({ count: 240, showCounter: true, over: 0 })
    expect(lengthStatus(`  ${'a'.repeat(300)}  `, 300)).toMatchObject({ count: 300, over: 0 })
    expect(lengthStatus('a'.repeat(312), 300)).toMatchObject({ count: 312, over: 12 })
  })

  it('saves a date once it is complete and real, refuses a partial or impossible one, and saves a cleared field', () => {
    expect(dateCommit('2026-04-30', '', false)).toEqual({ kind: 'save', value: '2026-04-30' })
    expect(dateCommit('2026-04-30', '2026-04-30', false)).toEqual({ kind: 'none' })
    expect(dateCommit('', '2026-04-30', false)).toEqual({ kind: 'save', value: '' })
    // The browser gives '' with badInput for 2026-02-3_ or 2026-02-31 typed in.
    expect(dateCommit('', '2026-04-30', true)).toEqual({ kind: 'invalid' })
    expect(dateCommit('2026-02-30', '', false)).toEqual({ kind: 'invalid' })
    expect(dateCommit('0202-01-01', '', false)).toEqual({ kind: 'invalid' })
  })

  it('says why a task cannot be added yet', () => {
    expect(addTaskBlocker('', '')).toBe('addNeedsBoth')
    expect(addTaskBlocker('  ', 'a-1')).toBe('addNeedsWhat')
    expect(addTaskBlocker('訪問', '')).toBe('addNeedsOwner')
    expect(addTaskBlocker('訪問', 'a-1')).toBeNull()
    expect(inLang(planText, 'ja').addNeedsBoth).toBe('追加するには「何を」を入力し、担当の機関を選んでください。')
  })

  it('cuts a long or many-line closure reason in the banner, and leaves a short one whole', () => {
    expect(reasonPreview('転居')).toEqual({ text: '転居', clamped: false })
    const long = '長男の就労が安定し、'.repeat(30)
    const cut = reasonPreview(long)
    expect(cut.clamped).toBe(true)
    expect([...cut.text].length).toBeLessThanOrEqual(101)
    expect(cut.text.endsWith('…')).toBe(true)
    expect(reasonPreview('転居\n（県外）')).toEqual({ text: '転居 （県外）', clamped: true })
  })
})

describe('personal information in the plan’s free text', () => {
  it('warns about a name in 本人の意向, naming the field, and stays quiet for roles', () => {
    expect(planPersonalInfoWarning('山田太郎さんは自宅で暮らしたい', '本人の意向', 'ja')).toMatch(/^本人の意向の「山田太郎」は氏名のように見えます。/)
    expect(planPersonalInfoWarning('Call 090-1234-5678', "The person's wishes", 'en')).toMatch(/^The person's wishes “090-1234-5678” looks like a phone number\./)
    expect(planPersonalInfoWarning('母と二人で自宅で暮らし続けたい', '本人の意向', 'ja')).toBeNull()
    expect(planPersonalInfoWarning(undefined, '本人の意向', 'ja')).toBeNull()
  })
})
