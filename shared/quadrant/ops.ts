import * as Y from 'yjs'
import type { z } from 'zod'
import { CatalogError, message, type Message } from '../i18n/message.ts'
import { quadrantValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import { groupsMap, practicesMap, readSettings, settingsMap, votesMap } from './doc.ts'
import { referencePractices } from './reference.ts'
import {
  parseOptions,
  practiceCardSchema,
  quadrantGroupSchema,
  quadrantIssueMessage,
  quadrantSettingsSchema,
  voteEntrySchema,
  type PracticeCard,
  type QuadrantGroup,
  type QuadrantRecordKind,
  type QuadrantSettings,
} from './schema.ts'
import { groupPalette } from './vocabulary.ts'

/**
 * Every change to the quadrant diagram goes through these functions, whichever view makes it.
 * Each is one Yjs transaction (one step for remote peers and for undo); `origin` lets a client's
 * Y.UndoManager track only its own user's changes. Who may do what (e.g. only the facilitator
 * sets the vote limit) is decided by the caller's role, not here.
 */

/**
 * A change the diagram refuses. `.message` is the Japanese sentence; `messageIn('en')` (or
 * `messageEn`) the English one; `key` and `params` name it in its catalog
 * (shared/i18n/validation.ts).
 */
export class QuadrantValidationError extends CatalogError {
  constructor(
    readonly kind: QuadrantRecordKind,
    problem: Message,
  ) {
    super(problem)
    this.name = 'QuadrantValidationError'
  }
}

/** Thrown when a participant has no votes left; the message can be shown as is. */
export class VoteLimitError extends QuadrantValidationError {
  constructor(
    readonly limit: number,
    readonly used: number,
  ) {
    super('vote', limit === 0 ? message(quadrantValidationCatalog, 'votingClosed') : message(quadrantValidationCatalog, 'voteLimit', { limit, used }))
    this.name = 'VoteLimitError'
  }
}

export function newQuadrantId(prefix: 'q' | 'g'): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  return `${prefix}-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`
}

function parse<T>(kind: QuadrantRecordKind, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data, parseOptions)
  if (!parsed.success) throw new QuadrantValidationError(kind, quadrantIssueMessage(parsed.error))
  return parsed.data
}

/** Writes only changed fields, so a concurrent edit of another field of the record survives. */
function writeFields(target: Y.Map<unknown>, record: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue
    if (value === undefined || value === '') target.delete(key)
    else if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
  }
}

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''))
}

function assertGroup(doc: Y.Doc, groupId: string): void {
  if (!(groupsMap(doc).get(groupId) instanceof Y.Map)) {
    throw new QuadrantValidationError('practice', message(quadrantValidationCatalog, 'groupNotFound'))
  }
}

function existingCard(doc: Y.Doc, id: string): Y.Map<unknown> {
  const target = practicesMap(doc).get(id)
  if (!(target instanceof Y.Map)) throw new QuadrantValidationError('practice', message(validationCatalog, 'cardDeleted'))
  return target
}

/** Keeps the document small and the CSV readable; 1e-4 is far below a pixel. */
function position(value: number): number {
  if (!Number.isFinite(value)) throw new QuadrantValidationError('practice', message(quadrantValidationCatalog, 'coordinateNotNumber'))
  // Dragging past the edge is ordinary on a board: the card stops at the edge.
  return Math.round(Math.min(1, Math.max(-1, value)) * 10_000) / 10_000 || 0
}

// ---- practice cards ----

export type NewPractice = Omit<z.input<typeof practiceCardSchema>, 'id' | 'createdAt'> & { id?: string; createdAt?: string }

export function addPractice(doc: Y.Doc, data: NewPractice, origin?: unknown): PracticeCard {
  const card = parse('practice', practiceCardSchema, {
    ...data,
    id: data.id ?? newQuadrantId('q'),
    createdAt: data.createdAt ?? new Date().toISOString(),
  })
  assertGroup(doc, card.groupId)
  if (practicesMap(doc).has(card.id)) throw new QuadrantValidationError('practice', message(quadrantValidationCatalog, 'duplicateCard'))
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    practicesMap(doc).set(card.id, map)
    writeFields(map, card)
  }, origin)
  return card
}

/** Moves a card; positions beyond the edge are brought back onto the diagram. */
export function movePractice(doc: Y.Doc, id: string, x: number, y: number, origin?: unknown): { x: number; y: number } {
  const target = existingCard(doc, id)
  const to = { x: position(x), y: position(y) }
  // Only x and y are written: someone fixing the card's text at the same time keeps their edit.
  doc.transact(() => writeFields(target, to), origin)
  return to
}

export type PracticePatch = Partial<Omit<PracticeCard, 'id' | 'createdAt'>>

/** Applies a partial change; `undefined` or '' clears an optional field. */
export function updatePractice(doc: Y.Doc, id: string, patch: PracticePatch, origin?: unknown): PracticeCard {
  const target = existingCard(doc, id)
  const merged = withoutEmpty({ ...(target.toJSON() as Record<string, unknown>), ...patch, id })
  const card = parse('practice', practiceCardSchema, merged)
  if (patch.groupId !== undefined) assertGroup(doc, card.groupId)
  doc.transact(() => writeFields(target, pick(card, patch)), origin)
  return card
}

/**
 * The parsed (trimmed, defaulted) values of the patched fields only: untouched fields are not
 * rewritten, and a cleared field comes out undefined or '' so writeFields deletes it.
 */
function pick(record: object, patch: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, (record as Record<string, unknown>)[k]]))
}

/** Votes on the card stay stored but count nowhere (votes.ts); undo brings the card back with them. */
export function deletePractice(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => practicesMap(doc).delete(id), origin)
}

/**
 * Puts reference practices (all 17, or the numbers given) on a group's board at their reference
 * positions. Numbers already on that board are skipped, so pressing the button twice adds
 * nothing. Ids are derived from group and number, so two facilitators adding the deck at the
 * same moment end up with one set of cards, not two.
 */
export function addReferencePractices(
  doc: Y.Doc,
  groupId: string,
  options: { nos?: readonly number[]; authorName?: string; authorOrg?: string; createdAt?: string } = {},
  origin?: unknown,
): PracticeCard[] {
  assertGroup(doc, groupId)
  const present = new Set<number>()
  practicesMap(doc).forEach((card) => {
    if (card instanceof Y.Map && card.get('groupId') === groupId && typeof card.get('referenceNo') === 'number') {
      present.add(card.get('referenceNo') as number)
    }
  })
  const wanted = options.nos ? new Set(options.nos) : null
  const start = Date.parse(options.createdAt ?? new Date().toISOString())
  const cards = referencePractices
    .filter((r) => (!wanted || wanted.has(r.no)) && !present.has(r.no))
    .map((r, i) => {
      const derived = `ref${r.no}-${groupId}`
      return parse('practice', practiceCardSchema, {
        id: derived.length <= 64 ? derived : newQuadrantId('q'),
        text: r.text,
        authorName: options.authorName ?? '',
        authorOrg: options.authorOrg ?? '',
        x: r.x,
        y: r.y,
        groupId,
        refGroup: r.group,
        referenceNo: r.no,
        // One millisecond apart, so creation order (the list and drawing order) is deck order.
        createdAt: new Date(start + i).toISOString(),
      })
    })
  if (cards.length === 0) return []
  doc.transact(() => {
    for (const card of cards) {
      const map = new Y.Map<unknown>()
      practicesMap(doc).set(card.id, map)
      writeFields(map, card)
    }
  }, origin)
  return cards
}

// ---- workshop groups ----

export function createGroup(
  doc: Y.Doc,
  data: { name: string; color?: string; order?: number; id?: string },
  origin?: unknown,
): QuadrantGroup {
  const existing = [...groupsMap(doc).values()].filter((g) => g instanceof Y.Map)
  const orders = existing.map((g) => g.get('order')).filter((o): o is number => typeof o === 'number')
  const group = parse('group', quadrantGroupSchema, {
    id: data.id ?? newQuadrantId('g'),
    name: data.name,
    color: data.color ?? groupPalette[existing.length % groupPalette.length],
    order: data.order ?? (orders.length ? Math.max(...orders) + 1 : 0),
  })
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    groupsMap(doc).set(group.id, map)
    writeFields(map, group)
  }, origin)
  return group
}

export function updateGroup(doc: Y.Doc, id: string, patch: Partial<Omit<QuadrantGroup, 'id'>>, origin?: unknown): QuadrantGroup {
  const target = groupsMap(doc).get(id)
  if (!(target instanceof Y.Map)) throw new QuadrantValidationError('group', message(quadrantValidationCatalog, 'groupDeleted'))
  const group = parse('group', quadrantGroupSchema, { ...(target.toJSON() as object), ...patch, id })
  doc.transact(() => writeFields(target, pick(group, patch)), origin)
  return group
}

/**
 * Removes a group. A group with cards is removed only together with moving its cards to
 * another group, in the same transaction: a participant's practice is never deleted by a
 * group operation.
 */
export function deleteGroup(doc: Y.Doc, id: string, options: { moveCardsTo?: string } = {}, origin?: unknown): void {
  const cards = [...practicesMap(doc).entries()].filter(([, card]) => card instanceof Y.Map && card.get('groupId') === id)
  if (cards.length > 0) {
    if (options.moveCardsTo === undefined) {
      throw new QuadrantValidationError('group', message(quadrantValidationCatalog, 'groupHasCards', { count: cards.length }))
    }
    if (options.moveCardsTo === id) throw new QuadrantValidationError('group', message(quadrantValidationCatalog, 'moveToOtherGroup'))
    assertGroup(doc, options.moveCardsTo)
  }
  doc.transact(() => {
    for (const [, card] of cards) card.set('groupId', options.moveCardsTo)
    groupsMap(doc).delete(id)
  }, origin)
}

// ---- votes ----

/**
 * The voter's stored votes on existing cards: the same number the read side's
 * `remaining` is computed from (votes.ts), so the button and the summary agree.
 */
function storedVotes(doc: Y.Doc, voterId: string): number {
  const perVoter = votesMap(doc).get(voterId)
  if (!(perVoter instanceof Y.Map)) return 0
  const cards = practicesMap(doc)
  let stored = 0
  perVoter.forEach((count, cardId) => {
    if (cards.get(cardId) instanceof Y.Map && voteEntrySchema.safeParse({ voterId, cardId, count }).success) stored += count
  })
  return stored
}

/**
 * One more vote from `voterId` (the participant's stable id) on a card. Checks the limit
 * before writing; the read side clamps as well (votes.ts), which is what holds when the same
 * participant votes from two devices at once. Only the voter's own client should call this:
 * it writes under the voter's key only.
 */
export function vote(doc: Y.Doc, voterId: string, cardId: string, origin?: unknown): number {
  parse('vote', voteEntrySchema, { voterId, cardId, count: 1 })
  existingCard(doc, cardId)
  const limit = readSettings(doc).voteLimit
  const used = storedVotes(doc, voterId)
  if (used >= limit) throw new VoteLimitError(limit, used)
  let count = 0
  doc.transact(() => {
    let perVoter = votesMap(doc).get(voterId)
    if (!(perVoter instanceof Y.Map)) {
      // If the same voter creates this map on two devices before they sync, one map wins and
      // the other's votes are lost: a lost vote, never one too many.
      perVoter = new Y.Map<number>()
      votesMap(doc).set(voterId, perVoter)
    }
    const before = perVoter.get(cardId)
    count = (typeof before === 'number' && Number.isInteger(before) && before > 0 ? before : 0) + 1
    perVoter.set(cardId, count)
  }, origin)
  return count
}

/** Takes back one of the voter's votes on a card. Returns false when there was none. */
export function unvote(doc: Y.Doc, voterId: string, cardId: string, origin?: unknown): boolean {
  const perVoter = votesMap(doc).get(voterId)
  if (!(perVoter instanceof Y.Map) || !perVoter.has(cardId)) return false
  const before = perVoter.get(cardId)
  doc.transact(() => {
    if (typeof before === 'number' && Number.isInteger(before) && before > 1) perVoter.set(cardId, before - 1)
    else perVoter.delete(cardId)
  }, origin)
  return true
}

/** Facilitator: clears everyone's votes, e.g. before a second round. */
export function clearVotes(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => {
    for (const voterId of [...votesMap(doc).keys()]) votesMap(doc).delete(voterId)
  }, origin)
}

// ---- settings ----

export function updateQuadrantSettings(doc: Y.Doc, patch: Partial<QuadrantSettings>, origin?: unknown): QuadrantSettings {
  const settings = parse('settings', quadrantSettingsSchema, { ...readSettings(doc), ...patch })
  doc.transact(() => writeFields(settingsMap(doc), pick(settings, patch)), origin)
  return settings
}

/** Facilitator: votes per participant. Votes already cast beyond a lowered limit stop counting. */
export function setVoteLimit(doc: Y.Doc, voteLimit: number, origin?: unknown): QuadrantSettings {
  return updateQuadrantSettings(doc, { voteLimit }, origin)
}
