import { ArrowShapeUtil, type TLArrowShape } from 'tldraw'

/**
 * tldraw's arrow, except that the label of a relation arrow cannot be typed on the board: it is
 * the relation's type, derived from the model (sync/model-to-board.ts) and changed in the
 * inspector. A typed label would be overwritten by the next reconciliation.
 */
export class RelationArrowShapeUtil extends ArrowShapeUtil {
  override canEdit(shape: TLArrowShape): boolean {
    const relationId = (shape.meta as { relationId?: unknown }).relationId
    if (typeof relationId === 'string' && relationId) return false
    return super.canEdit(shape)
  }
}
