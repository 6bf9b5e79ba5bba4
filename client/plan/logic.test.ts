import { describe, expect, it } from 'vitest'
import type { MapModel } from '../../shared/model/schema'
import type { PlanTask } from '../../shared/plan/schema'
import { inLang } from '../../shared/i18n/catalog'
import { planText } from './labels'
import { cardName, closureDate, consentMeetingKey, overdueBanner, ownerName, planPersonalInfoWarning } from './logic'

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
  it('is the local calendar day, written YYYY/MM/DD', () => {
    const closedAt = new Date(2026, 11, 1, 23, 50).toISOString()
    expect(closureDate(closedAt)).toBe('2026/12/01')
    expect(closureDate('not a date')).toBe('—')
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
