/**
 * Yjs transaction origins of this client's writes. The origin is how a Y.UndoManager tells
 * "my user did this" (undoable, per user) from everything else (colleagues, the offline copy,
 * and the board's own bookkeeping).
 *
 * - BINDING_ORIGIN (yjs-store-binding.ts): tldraw store changes made by this user.
 * - MODEL_ORIGIN: model ops (shared/model/ops.ts) made by this user, from the board, the
 *   inspector, the lists, the palette or an import. The room page passes it to every model view
 *   through their `origin` prop, so that one Ctrl+Z covers an edit wherever it was made.
 * - RECONCILE_ORIGIN: board records the reconciliation writes on its own (a card for a record a
 *   colleague created but whose card has not arrived, a template frame). Not undoable: undoing
 *   must never take away something that belongs to the shared state rather than to my action.
 */
export { BINDING_ORIGIN } from './yjs-store-binding'

export const MODEL_ORIGIN = Symbol('model-edit')

export const RECONCILE_ORIGIN = Symbol('model-board-reconcile')
