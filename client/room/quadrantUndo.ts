import type * as Y from 'yjs'
import { planTypes } from '../../shared/plan/doc'
import { quadrantTypes } from '../../shared/quadrant/doc'

/**
 * The room's undo is the board's Y.UndoManager (client/board/undo.ts): Ctrl+Z anywhere in the
 * room and tldraw's undo button reach it. The quadrant view writes with the same origin as the
 * lists (MODEL_ORIGIN), so with the quadrant maps in its scope one undo takes back this user's
 * last change wherever they made it. Adding a type twice is a no-op.
 */
export function coverQuadrant(manager: Y.UndoManager, doc: Y.Doc): void {
  manager.addToScope(quadrantTypes(doc))
}

/** The same for the 支援プラン: its fields and tasks (never the closure, which only the server writes). */
export function coverPlan(manager: Y.UndoManager, doc: Y.Doc): void {
  manager.addToScope(planTypes(doc))
}
