import * as Y from 'yjs'
import { bilingual, message, type Message } from '../i18n/message.ts'
import { quadrantValidationCatalog } from '../i18n/validation.ts'
import { collection as modelCollection } from '../model/doc.ts'
import {
  defaultQuadrantSettings,
  parseOptions,
  practiceCardSchema,
  quadrantGroupSchema,
  quadrantIssueMessage,
  quadrantSettingsSchema,
  voteEntrySchema,
  type PracticeCard,
  type QuadrantData,
  type QuadrantGroup,
  type QuadrantProblem,
  type QuadrantSettings,
  type VoteEntry,
} from './schema.ts'

/**
 * Where the quadrant diagram lives in a room's Y.Doc, next to the map model:
 *
 * - `practices`        Y.Map cardId → Y.Map (one nested map per card, so one person moving a
 *                      card and another fixing its text both win)
 * - `quadrantGroups`   Y.Map groupId → Y.Map
 * - `votes`            Y.Map voterId → Y.Map cardId → count. Each voter's votes sit under the
 *                      voter's own key, written only by that voter's client; so two voters
 *                      never race on one key. See summary.ts (tallyVotes) for the limit rule.
 * - `quadrantSettings` Y.Map of plain values (voteLimit …), written by the facilitator.
 */
export const quadrantMapNames = {
  practice: 'practices',
  group: 'quadrantGroups',
  vote: 'votes',
  settings: 'quadrantSettings',
} as const

export function practicesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(quadrantMapNames.practice)
}
export function groupsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(quadrantMapNames.group)
}
export function votesMap(doc: Y.Doc): Y.Map<Y.Map<number>> {
  return doc.getMap<Y.Map<number>>(quadrantMapNames.vote)
}
export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(quadrantMapNames.settings)
}

/** Every shared type the diagram uses, e.g. for a Y.UndoManager scope. */
export function quadrantTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [practicesMap(doc), groupsMap(doc), votesMap(doc), settingsMap(doc)] as Y.AbstractType<unknown>[]
}

export interface QuadrantReadResult {
  data: QuadrantData
  /** Records that arrived through sync but cannot be used (or only in part). */
  problems: QuadrantProblem[]
}

function report(problems: QuadrantProblem[], kind: QuadrantProblem['kind'], id: string, m: Message): void {
  const text = bilingual(m)
  problems.push({ kind, id, message: text.ja, messageEn: text.en })
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Reads and validates the diagram. Invalid records are reported and skipped, never fatal: one
 * bad card must not blank the plenary screen. Two kinds of dangling reference are reported but
 * the card is kept, because hiding a participant's practice is worse than showing it slightly
 * wrong: a group deleted while someone added a card to it (the card is shown as グループなし),
 * and actors removed from the map (their ids are dropped from the card).
 */
export function readQuadrant(doc: Y.Doc): QuadrantReadResult {
  const problems: QuadrantProblem[] = []

  const groups: QuadrantGroup[] = []
  groupsMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return void report(problems, 'group', key, message(quadrantValidationCatalog, 'badGroup'))
    const parsed = quadrantGroupSchema.safeParse({ ...value.toJSON(), id: key }, parseOptions)
    if (parsed.success) groups.push(parsed.data)
    else report(problems, 'group', key, quadrantIssueMessage(parsed.error))
  })
  groups.sort((a, b) => a.order - b.order || byId(a, b))
  const groupIds = new Set(groups.map((g) => g.id))
  const actorIds = modelCollection(doc, 'actor')

  const practices: PracticeCard[] = []
  practicesMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return void report(problems, 'practice', key, message(quadrantValidationCatalog, 'badCard'))
    const parsed = practiceCardSchema.safeParse({ ...value.toJSON(), id: key }, parseOptions)
    if (!parsed.success) return void report(problems, 'practice', key, quadrantIssueMessage(parsed.error))
    const card = parsed.data
    if (!groupIds.has(card.groupId)) {
      report(problems, 'practice', key, message(quadrantValidationCatalog, 'cardGroupMissing', { id: card.groupId }))
    }
    if (card.actorIds) {
      const missing = card.actorIds.filter((a) => !actorIds.has(a))
      if (missing.length > 0) {
        report(problems, 'practice', key, message(quadrantValidationCatalog, 'actorsMissing', { ids: missing.join(', ') }))
        card.actorIds = card.actorIds.filter((a) => actorIds.has(a))
      }
    }
    practices.push(card)
  })
  // Creation order is also drawing order: the same on every peer, whatever order updates came in.
  practices.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : byId(a, b)))

  const votes: VoteEntry[] = []
  votesMap(doc).forEach((perVoter, voterId) => {
    if (!(perVoter instanceof Y.Map)) return void report(problems, 'vote', voterId, message(quadrantValidationCatalog, 'badVotes'))
    perVoter.forEach((count, cardId) => {
      const parsed = voteEntrySchema.safeParse({ voterId, cardId, count }, parseOptions)
      if (parsed.success) votes.push(parsed.data)
      else report(problems, 'vote', `${voterId}/${cardId}`, quadrantIssueMessage(parsed.error))
    })
  })
  votes.sort((a, b) => (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0))

  return { data: { practices, groups, votes, settings: readSettings(doc, problems) }, problems }
}

/** Field by field, so that one bad value falls back to its default without losing the others. */
export function readSettings(doc: Y.Doc, problems: QuadrantProblem[] = []): QuadrantSettings {
  const settings: Record<string, unknown> = { ...defaultQuadrantSettings }
  settingsMap(doc).forEach((value, key) => {
    if (!Object.hasOwn(quadrantSettingsSchema.shape, key)) return void report(problems, 'settings', key, message(quadrantValidationCatalog, 'unknownSetting', { key }))
    const parsed = quadrantSettingsSchema.safeParse({ ...defaultQuadrantSettings, [key]: value }, parseOptions)
    if (parsed.success) settings[key] = parsed.data[key as keyof QuadrantSettings]
    else report(problems, 'settings', key, quadrantIssueMessage(parsed.error))
  })
  return settings as QuadrantSettings
}
