/**
 * Undo and redo for one participant, covering the board AND the model.
 *
 * tldraw's own undo only knows the tldraw store, but one user action here often touches both:
 * deleting a card removes its record and its relations (model maps) and the card and arrows
 * (tldraw map). So undo is one Y.UndoManager per client over the 'tldraw' map and the model
 * maps, tracking only this client's origins (BINDING_ORIGIN for board changes, MODEL_ORIGIN
 * for model ops). Colleagues' changes arrive with other origins and are never on this stack;
 * and Y.UndoManager does not overwrite a value a colleague changed after us.
 *
 * captureTimeout merges the writes of one action (the card, then its record one frame later,
 * then the arrows) into one step; `stopCapturing` is called whenever tldraw starts a new
 * action (markHistoryStoppingPoint) and before each inspector edit, so that two actions in
 * quick succession stay two steps.
 *
 * tldraw's undo/redo actions (keyboard shortcuts, toolbar and menu) are redirected here
 * (Board.tsx, through library-seams.ts), and the enabled state of its buttons reads
 * `canUndo`/`canRedo`.
 */
import { atom, type Atom } from 'tldraw'
import * as Y from 'yjs'
import { collection, infoMap } from '../../shared/model/doc'
import { MODEL_ORIGIN } from './origins'
import { BINDING_ORIGIN, getTldrawMap } from './yjs-store-binding'

export const UNDO_CAPTURE_MS = 500

export class BoardUndo {
  readonly manager: Y.UndoManager
  private readonly canUndoState = atom('board can undo', false)
  private readonly canRedoState = atom('board can redo', false)

  constructor(
    doc: Y.Doc,
    /** Writes pending board changes to the Y.Doc (so the last action is on the stack). */
    private readonly flush: () => void = () => {},
  ) {
    this.manager = new Y.UndoManager(
      [getTldrawMap(doc), collection(doc, 'actor'), collection(doc, 'person'), collection(doc, 'relation'), infoMap(doc)],
      { trackedOrigins: new Set<unknown>([BINDING_ORIGIN, MODEL_ORIGIN]), captureTimeout: UNDO_CAPTURE_MS },
    )
    const update = () => {
      this.canUndoState.set(this.manager.canUndo())
      this.canRedoState.set(this.manager.canRedo())
    }
    this.manager.on('stack-item-added', update)
    this.manager.on('stack-item-popped', update)
    this.manager.on('stack-cleared', update)
  }

  get canUndo(): Atom<boolean> {
    return this.canUndoState
  }
  get canRedo(): Atom<boolean> {
    return this.canRedoState
  }

  undo(): void {
    this.flush()
    this.manager.stopCapturing()
    this.manager.undo()
  }

  redo(): void {
    this.flush()
    this.manager.redo()
  }

  /** The next tracked change starts a new undo step. */
  stopCapturing(): void {
    this.flush()
    this.manager.stopCapturing()
  }

  destroy(): void {
    this.manager.destroy()
  }
}
