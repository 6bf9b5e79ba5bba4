/**
 * Every place where the client relies on a library's private fields, undocumented behaviour or
 * a type it would not accept as is. Kept in one module, each pinned against the installed
 * version by library-seams.test.ts, so that an upgrade breaks one named seam instead of the
 * board or the connection in some far corner.
 */
import type { Ext } from 'cytoscape'
import { getDefaultUserPresence, type Editor, type TLStore, type TLUser } from 'tldraw'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

// ---- Yjs ------------------------------------------------------------------------------------

/**
 * Where a nested type lives: the map (or array) it is stored in and, in a map, its key. Yjs only
 * keeps this on the type's `_item` (`parent`, `parentSub`). The model keeps each record as a
 * Y.Map inside its collection, so this is how a change to one field is traced to its record.
 * Null for a top-level type. `parent` may be an ID while the item is not integrated yet.
 */
export function storedUnder(type: { readonly _item: Y.Item | null }): { parent: unknown; key: string | null } | null {
  const item = type._item
  return item ? { parent: item.parent, key: item.parentSub } : null
}

// ---- tldraw ---------------------------------------------------------------------------------

/**
 * Delivers the store's pending changes to its listeners now. tldraw delivers them once per
 * animation frame; the Yjs binding must write them before it applies a remote change (or a
 * change with another origin) to the same records. `_flushHistory` is public but internal.
 */
export function flushStoreHistory(store: TLStore): void {
  store._flushHistory()
}

/**
 * The presence tldraw would publish for this store (cursor, page, camera, selection…), without a
 * user record: getDefaultUserPresence only reads the user's id, name and colour, and ours travel
 * separately (presence.ts ignores those fields).
 */
export function presenceWithoutUser(store: TLStore): ReturnType<typeof getDefaultUserPresence> {
  const placeholder = { id: 'user:placeholder', name: '', color: '' } as unknown as TLUser
  return getDefaultUserPresence(store, placeholder)
}

/** What the editor's undo is redirected to (undo.ts's BoardUndo). */
export interface UndoTarget {
  canUndo: { get(): boolean }
  canRedo: { get(): boolean }
  undo(): void
  redo(): void
  stopCapturing(): void
}

/** The Editor methods redirected; all are plain methods of Editor.prototype. */
export const redirectedEditorMethods = ['getCanUndo', 'getCanRedo', 'undo', 'redo', 'markHistoryStoppingPoint'] as const

/**
 * Per-user undo instead of tldraw's: the editor's undo/redo (and so its keyboard shortcuts,
 * toolbar and menu items, which all go through the actions overridden in <Tldraw overrides>)
 * call `undo`, and the buttons' enabled state reads it. Each new tldraw action
 * (markHistoryStoppingPoint) starts a new undo step. tldraw has no option for this: the
 * methods are shadowed on the instance, and deleting the shadows restores the prototype's.
 * Returns the restore function.
 */
export function redirectEditorUndo(editor: Editor, undo: UndoTarget): () => void {
  const patched = editor as unknown as Record<string, unknown>
  const mark = editor.markHistoryStoppingPoint.bind(editor)
  patched.getCanUndo = () => undo.canUndo.get()
  patched.getCanRedo = () => undo.canRedo.get()
  patched.undo = () => {
    undo.undo()
    return editor
  }
  patched.redo = () => {
    undo.redo()
    return editor
  }
  patched.markHistoryStoppingPoint = (name?: string) => {
    undo.stopCapturing()
    return mark(name)
  }
  return () => {
    for (const key of redirectedEditorMethods) delete patched[key]
  }
}

// ---- y-websocket ----------------------------------------------------------------------------

type AwarenessUpdateHandler = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void

type ProviderInternals = { _awarenessUpdateHandler: AwarenessUpdateHandler }

/**
 * The stock provider sends every awareness update it applies back to the server, including
 * the ones the server just sent it (yjs/yjs#732). In a 200-person plenary that multiplies the
 * cursor traffic by the room size. Only changes made here (origin other than the provider
 * itself) need to go out; the server relays everyone's state. The provider's handler is the
 * private `_awarenessUpdateHandler`, registered on awareness 'update'.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const internals = provider as unknown as ProviderInternals
  const sendAll = internals._awarenessUpdateHandler
  const sendOwn: AwarenessUpdateHandler = (change, origin) => {
    if (origin !== provider) sendAll(change, origin)
  }
  provider.awareness.off('update', sendAll)
  provider.awareness.on('update', sendOwn)
  // destroy() unsubscribes whatever this field holds.
  internals._awarenessUpdateHandler = sendOwn
}

// ---- cytoscape-fcose -----------------------------------------------------------------------

/**
 * The fcose layout extension, loaded on demand (its own chunk: participants who never open the
 * graph tab do not download it). cytoscape-fcose ships no type declarations; its module's
 * default export is the extension function that `cytoscape.use` registers.
 */
export async function loadFcose(): Promise<Ext> {
  // @ts-expect-error cytoscape-fcose ships no type declarations
  const module = (await import('cytoscape-fcose')) as { default: Ext }
  return module.default
}
