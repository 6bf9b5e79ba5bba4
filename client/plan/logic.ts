/**
 * The plan tab's decisions that need no React: which meeting a consent belongs to, how an id
 * of the map is named, the overdue count, the closure's date, and the personal-information
 * warning for the plan's free text. Tested in logic.test.ts.
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { messageIn, message } from '../../shared/i18n/message'
import { personalInfoCatalog } from '../../shared/i18n/validation'
import { ageBandCatalog } from '../../shared/i18n/vocabulary'
import { findPersonalInfo } from '../../shared/model/personal-info'
import type { MapModel } from '../../shared/model/schema'
import { overdueTasks } from '../../shared/plan/doc'
import type { PlanTask } from '../../shared/plan/schema'
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

/** The day a case was closed, in the participant's local calendar: 2026/12/01. */
export function closureDate(closedAt: string): string {
  const date = new Date(closedAt)
  if (Number.isNaN(date.getTime())) return '—'
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())}`
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
