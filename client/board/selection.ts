import type { Editor } from 'tldraw'
import { cardRecordRef, isCardShape } from './card-shapes'
import { cardShapeId } from './relation-style'

/**
 * Selection shared between the board and the other views (the relationship graph): both name
 * a selected card by its model record id, never by a tldraw shape id.
 */
export function selectedRecordOnBoard(editor: Editor): string | null {
  const ids = editor.getSelectedShapeIds()
  if (ids.length !== 1) return null
  const shape = editor.getShape(ids[0])
  return isCardShape(shape) ? cardRecordRef(shape).id : null
}

/** Selects the card of a record on the board (or clears the selection if it has none). */
export function selectRecordOnBoard(editor: Editor, recordId: string | null): void {
  if (!recordId) {
    editor.selectNone()
    return
  }
  const shapeId = [cardShapeId('actor', recordId), cardShapeId('person', recordId)].find((id) => editor.getShape(id))
  if (shapeId) editor.select(shapeId)
  else editor.selectNone()
}
