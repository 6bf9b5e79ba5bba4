/**
 * Pure helpers of the meeting records dialog: the attendees field, today's date, and a record
 * comparison (shared/history/diff.ts) in words — the ties that moved forward or were lost, the
 * agencies and persons added or removed, and the map's figures before → after. No React here,
 * so they are unit-tested (records-summary.test.ts).
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { personRoleCatalog, relationTypeCatalog, statusCatalog } from '../../shared/i18n/vocabulary'
import type { Figures, ModelComparison, PlanComparison, RelationChange, RelationRef } from '../../shared/history/diff'
import { MAX_RECORD_ATTENDEES, MAX_RECORD_ATTENDEE_LENGTH } from '../../shared/history/records'
import { planSections, planUnchanged } from './plan-summary'
import { recordsText, type RecordsTextKey } from './records-labels'

/** 「福祉総務課、地域包括支援センター, 社協」 → each 所属 once, trimmed, in the order typed. */
export function parseAttendees(text: string): string[] {
  const parts = text
    .split(/[,、，\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
  return [...new Set(parts)].slice(0, MAX_RECORD_ATTENDEES).map((s) => s.slice(0, MAX_RECORD_ATTENDEE_LENGTH))
}

/** The attendees as one line, separated as the language writes lists; 「記録なし」 when none. */
export function attendeesText(attendees: readonly string[], lang: Lang): string {
  const L = inLang(recordsText, lang)
  return attendees.length === 0 ? L.attendeesNone : attendees.join(L.listSeparator)
}

/** The local date as YYYY-MM-DD (the default of the date field). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** What names the ids of a comparison: the map now, then the comparison's own refs. */
export interface NameSource {
  actors: readonly { id: string; name: string }[]
  persons: readonly { id: string; label: string }[]
}

/**
 * id → name: the current model first, then the comparison's refs (removed ones), else the id.
 * A person's role (本人, 母…) is shown in `lang` when it is a suggested one.
 */
export function nameResolver(diff: ModelComparison, current: NameSource | undefined, lang: Lang): (id: string) => string {
  const names = new Map<string, string>()
  const role = (label: string) => labelOf(personRoleCatalog, lang, label)
  for (const ref of [...diff.actors.removed, ...diff.actors.changed, ...diff.actors.added]) names.set(ref.id, ref.label)
  for (const ref of [...diff.persons.removed, ...diff.persons.changed, ...diff.persons.added]) names.set(ref.id, role(ref.label))
  for (const a of current?.actors ?? []) names.set(a.id, a.name)
  for (const p of current?.persons ?? []) names.set(p.id, role(p.label))
  return (id) => names.get(id) || id
}

export type Tone = 'progress' | 'loss' | 'neutral'

export interface Section {
  key: RecordsTextKey
  heading: string
  tone: Tone
  items: string[]
}

/**
 * The comparison as sections, in reading order; empty sections are left out. Loss holds the ties
 * that went from existing to planned or missing and the existing ties removed (as `summary.loss`
 * counts them), so 削除されたつながり lists only removed planned or missing ties.
 */
export function comparisonSections(diff: ModelComparison & Partial<PlanComparison>, name: (id: string) => string, lang: Lang): Section[] {
  const L = inLang(recordsText, lang)
  const type = (t: string) => labelOf(relationTypeCatalog, lang, t)
  const status = (s: string) => labelOf(statusCatalog, lang, s)
  const ends = (r: { from: string; to: string; type: string }) => ({ from: name(r.from), to: name(r.to), type: type(r.type) })
  const moved = (c: RelationChange) => fill(L.tieStatusItem, { ...ends(c), before: status(c.statusBefore), after: status(c.statusAfter) })
  const withStatus = (r: RelationRef) => fill(L.tieWithStatus, { ...ends(r), status: status(r.status) })
  const other = (c: RelationChange) => (c.statusBefore === c.statusAfter ? fill(L.tieDetailsChanged, ends(c)) : moved(c))
  const { relations } = diff
  const removedExisting = relations.removed.filter((r) => r.status === 'existing')
  const section = (key: RecordsTextKey, tone: Tone, items: string[]): Section => ({ key, heading: L[key], tone, items })
  const sections = [
    section('progress', 'progress', relations.changed.filter((c) => c.kind === 'progress').map(moved)),
    section('loss', 'loss', [
      ...relations.changed.filter((c) => c.kind === 'loss').map(moved),
      ...removedExisting.map((r) => fill(L.tieRemovedLoss, { ...ends(r), status: status(r.status) })),
    ]),
    section('actorsAdded', 'neutral', diff.actors.added.map((r) => r.label)),
    section('actorsRemoved', 'neutral', diff.actors.removed.map((r) => r.label)),
    section('personsAdded', 'neutral', diff.persons.added.map((r) => name(r.id))),
    section('personsRemoved', 'neutral', diff.persons.removed.map((r) => name(r.id))),
    section('tiesAdded', 'neutral', relations.added.map(withStatus)),
    section('tiesRemoved', 'neutral', relations.removed.filter((r) => r.status !== 'existing').map(withStatus)),
    section('otherChanges', 'neutral', relations.changed.filter((c) => c.kind === 'other').map(other)),
    ...planSections(diff, name, lang).map((s) => section(s.key, s.tone, s.items)),
  ]
  return sections.filter((s) => s.items.length > 0)
}

export type Trend = 'better' | 'worse' | 'same'

export interface FigureRow {
  key: RecordsTextKey
  /** 「孤立している機関：9 → 8」 */
  text: string
  /** For the figures that list agencies or persons: who joined and who left the list, in words. */
  details: string[]
  /** null for figures that are neither better nor worse (the number of agencies). */
  trend: Trend | null
  trendText: string
}

type FigureDef = { key: RecordsTextKey; value: (f: Figures) => number; shown?: (f: Figures) => string; ids?: (f: Figures) => readonly string[]; higherIsBetter: boolean | null }

const figureDefs: FigureDef[] = [
  { key: 'figureActors', value: (f) => f.actors, higherIsBetter: null },
  { key: 'figureTies', value: (f) => f.countedTies, higherIsBetter: true },
  { key: 'figureIsolated', value: (f) => f.isolatedActors.length, ids: (f) => f.isolatedActors, higherIsBetter: false },
  { key: 'figureGap', value: (f) => f.gapPersons.length, ids: (f) => f.gapPersons, higherIsBetter: false },
  { key: 'figureCutPoints', value: (f) => f.cutPoints.length, ids: (f) => f.cutPoints, higherIsBetter: false },
  { key: 'figureDensity', value: (f) => Number(f.density.toFixed(2)), shown: (f) => f.density.toFixed(2), higherIsBetter: true },
]

/**
 * The figures before → after, with whether the change helps (fewer isolated agencies, more
 * ties…), and for the lists of agencies or persons, who joined and who left them.
 */
export function figureRows(diff: ModelComparison, name: (id: string) => string, lang: Lang): FigureRow[] {
  const L = inLang(recordsText, lang)
  const { before, after } = diff.figures
  return figureDefs.map((def) => {
    const shown = def.shown ?? ((f: Figures) => String(def.value(f)))
    const delta = def.value(after) - def.value(before)
    const trend: Trend | null = def.higherIsBetter === null ? null : delta === 0 ? 'same' : delta > 0 === def.higherIsBetter ? 'better' : 'worse'
    const details: string[] = []
    if (def.ids) {
      const was = new Set(def.ids(before))
      const now = new Set(def.ids(after))
      const joined = [...now].filter((id) => !was.has(id)).map(name)
      const left = [...was].filter((id) => !now.has(id)).map(name)
      if (joined.length > 0) details.push(fill(L.figureJoined, { names: joined.join(L.listSeparator) }))
      if (left.length > 0) details.push(fill(L.figureLeft, { names: left.join(L.listSeparator) }))
    }
    return {
      key: def.key,
      text: fill(L.figureItem, { label: L[def.key], before: shown(before), after: shown(after) }),
      details,
      trend,
      trendText: trend ? L[trend] : '',
    }
  })
}

/** True when the comparison found nothing added, removed or changed. */
export function nothingChanged(diff: ModelComparison & Partial<PlanComparison>): boolean {
  const groups = [diff.actors, diff.persons, diff.relations]
  return groups.every((g) => g.added.length === 0 && g.removed.length === 0 && g.changed.length === 0) && planUnchanged(diff)
}
