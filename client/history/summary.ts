/**
 * Pure helpers of the history dialog: what changed between two versions, and the words and
 * dates the dialog shows. No React here, so they are unit-tested (summary.test.ts).
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import type { RoomCounts } from '../../shared/history/restore'
import type { VersionInfo } from '../../shared/history/versions'

/** The counts a version shows, in this order. */
export const countKeys = ['actors', 'persons', 'relations', 'practices'] as const satisfies readonly (keyof RoomCounts)[]
export type CountKey = (typeof countKeys)[number]
import { historyText } from './labels'

export interface CountChange {
  key: CountKey
  /** newer − older: negative when records were removed. */
  delta: number
}

/** The counts that differ between a version and the next older one, in the catalog's order. */
export function changeSummary(newer: RoomCounts, older: RoomCounts): CountChange[] {
  const changes: CountChange[] = []
  for (const key of countKeys) {
    const delta = (newer[key] ?? 0) - (older[key] ?? 0)
    if (delta !== 0) changes.push({ key, delta })
  }
  return changes
}

/** A signed number with a real minus sign: +3, −14. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${Math.abs(n)}` : '0'
}

/** One change in words: 「機関 −14」, "Agencies −14". */
export function changeText(change: CountChange, lang: Lang): string {
  const L = inLang(historyText, lang)
  return fill(L.countItem, { label: L[change.key], n: signed(change.delta) })
}

/** All changes in one line: 「機関 −14・つながり −21」; 「変更なし」 when nothing changed. */
export function changesText(changes: readonly CountChange[], lang: Lang): string {
  const L = inLang(historyText, lang)
  return changes.length === 0 ? L.noChange : changes.map((c) => changeText(c, lang)).join(L.countSeparator)
}

/** The counts of a version: 「機関 14・人物 4・つながり 21・取組カード 0」. */
export function countsText(counts: RoomCounts, lang: Lang): string {
  const L = inLang(historyText, lang)
  return countKeys.map((key) => fill(L.countItem, { label: L[key], n: counts[key] ?? 0 })).join(L.countSeparator)
}

const dateFormats: Record<Lang, Intl.DateTimeFormatOptions> = {
  ja: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  en: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
}
const locales: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' }

/**
 * Local date and time of a version: 「2026年12月2日 15:04」, "2 Dec 2026, 15:04". `timeZone` is
 * for tests; the dialog shows the browser's own zone. An unreadable date is shown as it came.
 */
export function versionTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locales[lang], { ...dateFormats[lang], timeZone }).format(date)
}

/** The reason a version was taken, in words; an unknown reason (a newer server) as it came. */
export function reasonText(reason: string, lang: Lang): string {
  const key = `reason-${reason}`
  const label = labelOf(historyText, lang, key)
  return label === key ? reason : label
}

/** The 所属 present when the version was taken, each once, in the order given. */
export function orgsText(orgs: readonly string[], lang: Lang): string {
  const L = inLang(historyText, lang)
  const unique = [...new Set(orgs.map((o) => o.trim()).filter(Boolean))]
  return unique.length === 0 ? L.orgsNone : unique.join(L.orgsSeparator)
}

/** Each version with what changed since the next older one (none for the oldest). */
export function withChanges(versions: readonly VersionInfo[]): { version: VersionInfo; changes: CountChange[] | null }[] {
  return versions.map((version, i) => {
    const older = versions[i + 1]
    return { version, changes: older ? changeSummary(version.counts, older.counts) : null }
  })
}
