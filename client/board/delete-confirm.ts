/**
 * What a deletion on the board takes with it, and whether to ask first.
 *
 * Deleting a card removes its record from the map (board-to-model.ts: ops.removeRecord, which
 * also removes every relation from or to it), and deleting a relation arrow removes its
 * relation. So the ties counted are those of the model, not only the arrows drawn: a relation
 * whose arrow is not on the board (yet) goes too.
 *
 * Asked: more than one card, or one card that has ties. Not asked: one card without ties, one
 * arrow, drawings (as tldraw does).
 */
import type { Editor, TLShapeId } from 'tldraw'
import * as Y from 'yjs'
import { fill, inLang, type Lang } from '../../shared/i18n/catalog'
import { collection } from '../../shared/model/doc'
import { boardText } from './board-labels'
import { cardRecordRef, isCardShape } from './card-shapes'
import { cardShapeId, type CardKind } from './relation-style'
import { relationIdOf } from './sync/shapes'

export interface DeletionInput {
  /** The records whose cards are deleted. */
  cards: readonly { kind: CardKind; id: string }[]
  /** The relations whose arrows are deleted. */
  relationArrows: readonly string[]
  /** Other shapes deleted: drawings, notes, plain arrows, frames. */
  otherShapes: number
  /** Every relation of the model (id, from, to). */
  relations: Iterable<{ id: string; from: unknown; to: unknown }>
}

export interface DeletionSummary {
  actors: number
  persons: number
  /** Relations removed: those from or to a deleted card's record, and those of deleted arrows. */
  ties: number
  others: number
}

export function summarizeDeletion({ cards, relationArrows, otherShapes, relations }: DeletionInput): DeletionSummary {
  const records = new Map<string, CardKind>()
  for (const card of cards) records.set(card.id, card.kind)
  const existing = new Set<string>()
  const ties = new Set<string>()
  for (const r of relations) {
    existing.add(r.id)
    if (records.has(r.from as string) || records.has(r.to as string)) ties.add(r.id)
  }
  for (const rid of relationArrows) if (existing.has(rid)) ties.add(rid)
  let actors = 0
  let persons = 0
  for (const kind of records.values()) {
    if (kind === 'actor') actors++
    else persons++
  }
  return { actors, persons, ties: ties.size, others: otherShapes }
}

export function needsConfirmation(s: DeletionSummary): boolean {
  const cards = s.actors + s.persons
  return cards > 1 || (cards === 1 && s.ties > 0)
}

/** The sentences of the confirmation, in the participant's language. */
export function deletionSentences(s: DeletionSummary, lang: Lang): string[] {
  const B = inLang(boardText, lang)
  const actors = fill(s.actors === 1 ? B.deleteActorOne : B.deleteActors, { count: s.actors })
  const persons = fill(s.persons === 1 ? B.deletePersonOne : B.deletePersons, { count: s.persons })
  const cards = s.actors && s.persons ? fill(B.deleteActorsAndPersons, { actors, persons }) : s.actors ? actors : persons
  const out = [fill(B.deleteCards, { cards })]
  if (s.ties) out.push(fill(s.ties === 1 ? B.deleteTieOne : B.deleteTies, { count: s.ties }))
  if (s.others) out.push(fill(s.others === 1 ? B.deleteOtherOne : B.deleteOthers, { count: s.others }))
  return out
}

/**
 * What `editor.deleteShapes(ids)` would delete: the shapes that are not locked, with their
 * descendants (a frame takes its cards along), as tldraw does.
 */
export function deletionOf(editor: Editor, doc: Y.Doc, ids: readonly TLShapeId[]): DeletionSummary {
  const all = new Set<TLShapeId>()
  for (const id of ids) {
    const shape = editor.getShape(id)
    if (!shape || shape.isLocked) continue
    for (const each of editor.getShapeAndDescendantIds([id])) all.add(each)
  }
  const relationMap = collection(doc, 'relation')
  const cards: { kind: CardKind; id: string }[] = []
  const relationArrows: string[] = []
  let otherShapes = 0
  for (const id of all) {
    const shape = editor.getShape(id)
    if (isCardShape(shape)) {
      const ref = cardRecordRef(shape)
      // A card of an existing record, under its own id (not a copy in flight).
      if (shape.id === cardShapeId(ref.kind, ref.id) && collection(doc, ref.kind).has(ref.id)) {
        cards.push(ref)
        continue
      }
    }
    const rid = relationIdOf(shape)
    // An arrow of a relation that is gone is a drawing.
    if (rid && relationMap.has(rid)) relationArrows.push(rid)
    else otherShapes++
  }
  const relations = [...relationMap.entries()].map(([id, r]) => (r instanceof Y.Map ? { id, from: r.get('from'), to: r.get('to') } : { id, from: null, to: null }))
  return summarizeDeletion({ cards, relationArrows, otherShapes, relations })
}
