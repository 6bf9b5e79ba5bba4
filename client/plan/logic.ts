/**
 * The plan tab's decisions that need no React: which meeting a consent belongs to, how an id
 * of the map is named, the overdue count, the closure's date, and the personal-information
 * warning for the plan's free text. Tested in logic.test.ts.
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import { messageIn, message } from '../../shared/i18n/message'
import { personalInfoCatalog } from '../../shared/i18n/validation'
import { ageBandCatalog } from '../../shared/i18n/vocabulary'
import { findPersonalInfo } from '../../shared/model/personal-info'
import type { MapModel } from '../../shared/model/schema'
import { overdueTasks } from '../../shared/plan/doc'
import { isCalendarDate, type PlanTask } from '../../shared/plan/schema'
import type { Consent } from '../../shared/plan/vocabulary'
import { personRole } from '../model/vocabulary'
import { planText, type PlanTextKey } from './labels'

/** With consent a 重層的支援会議 may agree the plan; without it only a 支援会議 (守秘義務) may discuss the case. */
export function consentMeetingKey(consent: Consent | undefined): PlanTextKey {
  if (consent === 'あり') return 'consentMeetingGiven'
  if (consent === 'なし') return 'consentMeetingNone'
  return 'consentMeetingUnknown'
}

/** How the plan names a card of the map: an actor by its name, a person by role and age band. */
export function cardName(model: MapModel, id: string, lang: Lang): string | null {
  const actor = model.actors.find((a) => a.id === id)
  if (actor) return actor.name
  const person = model.persons.find((p) => p.id === id)
  if (!person) return null
  const role = personRole(person.label, lang)
  const age = labelOf(ageBandCatalog, lang, person.ageBand)
  return lang === 'en' ? `${role} (${age})` : `${role}（${age}）`
}

/** The owner's name, or 「（削除された機関）」 when the actor was removed from the map. */
export function ownerName(model: MapModel, owner: string, lang: Lang): string {
  return (model.actors.some((a) => a.id === owner) && cardName(model, owner, lang)) || inLang(planText, lang).ownerGone
}

/** The room shell's banner: null when no task is overdue (or the room has none). */
export function overdueBanner(tasks: readonly PlanTask[], today: string, lang: Lang): string | null {
  const count = overdueTasks(tasks, today).length
  return count === 0 ? null : fill(inLang(planText, lang).overdueBanner, { count })
}

/** The day a case was closed, in the participant's local calendar, as every view writes dates. */
export function closureDate(closedAt: string, lang: Lang): string {
  return Number.isNaN(new Date(closedAt).getTime()) ? '—' : formatDate(closedAt, lang)
}

/** A text field's length against its limit: the counter shows from 80 %, and over it nothing is saved. */
export function lengthStatus(text: string, max: number): { count: number; max: number; over: number; showCounter: boolean } {
  const count = text.trim().length
  return { count, max, over: Math.max(0, count - max), showCounter: count >= max * 0.8 }
}

export type DateCommit = { kind: 'save'; value: string } | { kind: 'none' } | { kind: 'invalid' }

/**
 * What a date field does when the focus leaves it (or on Enter): save a real date (1900–2200)
 * that differs from the stored one, save a cleared field as cleared, and refuse — with a
 * message, keeping the draft — a date typed only in part or that does not exist (the browser
 * reports those as `badInput` with an empty value).
 */
export function dateCommit(draft: string, stored: string, badInput: boolean): DateCommit {
  if (badInput || (draft !== '' && !isCalendarDate(draft))) return { kind: 'invalid' }
  return draft === stored ? { kind: 'none' } : { kind: 'save', value: draft }
}

/**
 * The closed banner's reason, on every page and tab: a long one (or one of several lines) is cut
 * to its first `max` characters on one line, with the rest behind 「理由をすべて表示」, so that
 * it does not push the room under the fold.
 */
export function reasonPreview(reason: string, max = 100): { text: string; clamped: boolean } {
  const line = reason.replace(/\s+/g, ' ').trim()
  const chars = [...line]
  if (chars.length <= max && !/\n/.test(reason.trim())) return { text: reason, clamped: false }
  return { text: chars.length <= max ? line : `${chars.slice(0, max).join('').trimEnd()}…`, clamped: true }
}

/** Why タスクを追加 is disabled, or null when it is not. */
export function addTaskBlocker(what: string, owner: string): 'addNeedsWhat' | 'addNeedsOwner' | 'addNeedsBoth' | null {
  if (!what.trim() && !owner) return 'addNeedsBoth'
  if (!what.trim()) return 'addNeedsWhat'
  return owner ? null : 'addNeedsOwner'
}

/**
 * The warning under a plan text (本人の意向, a task…) that looks like a name, an address or a
 * phone number (shared/model/personal-info.ts): it only warns, like the person fields do.
 */
export function planPersonalInfoWarning(text: string | undefined, field: string, lang: Lang): string | null {
  if (!text) return null
  const matches = findPersonalInfo(text)
  if (matches.length === 0) return null
  const kindKey = { name: 'kindName', address: 'kindAddress', phone: 'kindPhone', email: 'kindEmail' } as const
  const kinds = matches.map((m) => messageIn(message(personalInfoCatalog, kindKey[m.kind]), lang))
  const found = lang === 'en' ? matches.map((m) => `“${m.text}”`).join(', ') : matches.map((m) => `「${m.text}」`).join('')
  return fill(inLang(planText, lang).personalInfo, {
    field,
    found,
    kinds: kinds.join(lang === 'en' ? ' / ' : '・'),
    how: messageIn(message(personalInfoCatalog, 'howOther'), lang),
  })
}
