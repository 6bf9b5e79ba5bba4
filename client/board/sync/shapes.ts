/**
 * The shapes that draw records: a card per actor or person, an arrow per relation (its style
 * and its bindings to the two cards). Both directions of the projection build them here.
 */
import { toRichText, type IndexKey, type TLArrowShape, type TLParentId, type TLRecord, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw'
import { ACTOR_CARD, PERSON_CARD, type ActorCardShape, type PersonCardShape } from '../card-shapes'
import type { CardKind, RelationArrowStyle } from '../relation-style'

/** The relation an arrow draws (meta.relationId), if any. */
export function relationIdOf(shape: TLShape | TLRecord | undefined): string | null {
  if (!shape || shape.typeName !== 'shape' || shape.type !== 'arrow') return null
  const id = (shape.meta as { relationId?: unknown } | undefined)?.relationId
  return typeof id === 'string' && id ? id : null
}

/**
 * A relation arrow stores no label: each participant's board draws the relation's type in their
 * own language (relation-arrow.tsx). An arrow from an older version that stored the Japanese
 * type gets it cleared by the next reconciliation.
 */
const noLabelJson = JSON.stringify(toRichText(''))

/** Arrow props that follow from the relation (relation-style.ts). */
export function styleProps(style: RelationArrowStyle) {
  return {
    color: style.color,
    labelColor: style.labelColor,
    dash: style.dash,
    size: style.size,
    arrowheadStart: style.arrowheadStart,
    arrowheadEnd: style.arrowheadEnd,
    font: style.font,
    richText: toRichText(''),
  }
}

/** Whether the arrow already looks as its relation says (so nothing is written). */
export function sameStyle(arrow: Pick<TLArrowShape, 'props'>, style: RelationArrowStyle): boolean {
  const p = arrow.props
  return (
    p.color === style.color &&
    p.labelColor === style.labelColor &&
    p.dash === style.dash &&
    p.size === style.size &&
    p.arrowheadStart === style.arrowheadStart &&
    p.arrowheadEnd === style.arrowheadEnd &&
    p.font === style.font &&
    JSON.stringify(p.richText) === noLabelJson
  )
}

/** A new card shape for record `recordId`. */
export function cardPartial(
  kind: CardKind,
  recordId: string,
  base: { id: TLShapeId; parentId: TLParentId; x: number; y: number; index?: IndexKey },
  size: { w: number; h: number },
): TLShapePartial<ActorCardShape> | TLShapePartial<PersonCardShape> {
  const { w, h } = size
  return kind === 'actor'
    ? { ...base, type: ACTOR_CARD, props: { actorId: recordId, w, h } }
    : { ...base, type: PERSON_CARD, props: { personId: recordId, w, h } }
}

/** Binding props of a relation arrow's end: to the middle of its card. */
export const centreAnchor = { normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const }
