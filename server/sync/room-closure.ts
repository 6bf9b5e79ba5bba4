import type * as Y from 'yjs'
import { facilitatorOnlyRoots, serverOnlyRoots } from '../../shared/doc-access.ts'
import { closureMap, readClosure } from '../../shared/plan/doc.ts'
import type { Closure } from '../../shared/plan/schema.ts'
import type { RoomConnection } from './connection.ts'

/**
 * 終結 (docs/ARCHITECTURE.md §5): a facilitator closes a case through the HTTP API, and the
 * server writes `planClosure` in the live document as its own change, so every participant
 * sees it at once and it is stored like any edit. While it holds a closure the room takes no
 * client update, and restores and room-file uploads are refused.
 */

/** Thrown by a room's content replacement (restore, room file) while the case is closed. */
export class CaseClosedError extends Error {
  constructor() {
    super('the case is closed')
    this.name = 'CaseClosedError'
  }
}

/** Writes the closure as one change in `origin`; null when the case is already closed. */
export function writeClosure(doc: Y.Doc, reason: string, origin: unknown, now: Date = new Date()): Closure | null {
  if (readClosure(doc)) return null
  const closure: Closure = { closedAt: now.toISOString(), reason }
  doc.transact(() => {
    const map = closureMap(doc)
    map.set('closedAt', closure.closedAt)
    map.set('reason', closure.reason)
  }, origin)
  return closure
}

/** Removes the closure as one change in `origin`; false when the case was not closed. */
export function clearClosure(doc: Y.Doc, origin: unknown): boolean {
  const map = closureMap(doc)
  if (map.size === 0) return false
  doc.transact(() => map.clear(), origin)
  return true
}

const editorRestricted: ReadonlySet<string> = new Set([...facilitatorOnlyRoots, ...serverOnlyRoots])

/**
 * Roots a connection may not write: the server-only closure for everyone, the facilitator's
 * settings too for an edit link. A view link writes nothing (its updates are dropped whole).
 */
export function restrictedRootsOf(conn: RoomConnection): ReadonlySet<string> | undefined {
  if (!conn.canEdit) return undefined
  return conn.canFacilitate ? serverOnlyRoots : editorRestricted
}

/**
 * What a sender is told when its write to `roots` was undone: the closure is named as the
 * server's whatever the link, since an edit link writing it is not a matter of settings.
 */
export function restrictedRefusal(roots: readonly string[]): string {
  return roots.some((root) => serverOnlyRoots.has(root)) ? 'only the server writes the case closure' : 'only the facilitator may change these settings'
}
