import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import type { BoardUndo } from './undo'

/** What the room page needs to show the panel next to a mounted board. */
export interface BoardController {
  editor: Editor
  doc: Y.Doc
  canEdit: boolean
  roomKind: RoomKind
  undo: BoardUndo | null
  /** Deletes the selection, asking first when it takes more than one card or a card's ties. */
  deleteSelection: () => void
}
