/**
 * How a relation looks on the board: an eco-map drawn with tldraw arrows, derived from the
 * relation record every time (the arrow never holds data of its own).
 *
 * Eco-map conventions (docs/domain.md §5): colour, dash and size come from the one legend every
 * view shares (shared/legend/legend.ts, tieStyle(r).tldraw), so the board, the graph, the printed
 * eco-map and the exports draw a tie alike. Stressful ties are zig-zags on paper; tldraw arrows
 * cannot zig-zag, so the board draws them with the hand-drawn ('draw') dash, and the legend says so.
 * - direction → arrowheads: forward = end, backward = start, both, none.
 * - label = the relation type (つなぎ, 連携・協働 …) with its status, in each participant's own
 *   language: `relationLabel` is drawn by RelationArrowShapeUtil (relation-arrow.tsx) and is
 *   not stored in the arrow, whose stored label stays empty (a stored text would show one
 *   language to every peer).
 */
import { createBindingId, createShapeId, type TLArrowShapeArrowheadStyle, type TLBindingId, type TLDefaultColorStyle, type TLDefaultDashStyle, type TLDefaultSizeStyle, type TLShapeId } from 'tldraw'
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { tieStyle } from '../../shared/legend/legend'
import { relationTypeCatalog } from '../../shared/i18n/vocabulary'
import type { Relation } from '../../shared/model/schema'
import { boardText } from './board-labels'

export interface RelationArrowStyle {
  color: TLDefaultColorStyle
  labelColor: TLDefaultColorStyle
  dash: TLDefaultDashStyle
  size: TLDefaultSizeStyle
  arrowheadStart: TLArrowShapeArrowheadStyle
  arrowheadEnd: TLArrowShapeArrowheadStyle
  font: 'sans'
}

type Styled = Pick<Relation, 'direction' | 'strength' | 'status'>

export function relationArrowStyle(r: Styled): RelationArrowStyle {
  const { color, dash, size } = tieStyle(r).tldraw
  const heads: Record<Relation['direction'], [TLArrowShapeArrowheadStyle, TLArrowShapeArrowheadStyle]> = {
    forward: ['none', 'arrow'],
    backward: ['arrow', 'none'],
    both: ['arrow', 'arrow'],
    none: ['none', 'none'],
  }
  const [arrowheadStart, arrowheadEnd] = heads[r.direction] ?? heads.forward
  return { color, labelColor: color, dash, size, arrowheadStart, arrowheadEnd, font: 'sans' }
}

/** The arrow's label in `lang`: the relation type, with 「予定」 or 「不足」 for its status. */
export function relationLabel(r: Pick<Relation, 'type' | 'status'>, lang: Lang): string {
  const type = labelOf(relationTypeCatalog, lang, r.type)
  const text = inLang(boardText, lang)
  return r.status === 'missing' ? fill(text.relationMissing, { type }) : r.status === 'planned' ? fill(text.relationPlanned, { type }) : type
}

// ---- Deterministic ids -------------------------------------------------------------------
// Derived from record ids, so that two clients creating the same card or arrow at the same
// time write the same key and converge instead of duplicating it.

export type CardKind = 'actor' | 'person'

export const HOUSEHOLD_FRAME_ID = createShapeId('household')
export const DISTRICT_FRAME_ID = createShapeId('district')

export function cardShapeId(kind: CardKind, recordId: string): TLShapeId {
  return createShapeId(`${kind}-${recordId}`)
}

export function relationArrowId(relationId: string): TLShapeId {
  return createShapeId(`rel-${relationId}`)
}

export function relationBindingId(relationId: string, terminal: 'start' | 'end'): TLBindingId {
  return createBindingId(`rel-${relationId}-${terminal}`)
}
