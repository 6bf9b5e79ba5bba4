import * as Y from 'yjs'

/**
 * The server's only reads of Yjs internals, in one place with tests that pin them
 * (yjs-seams.test.ts), so that a Yjs upgrade that changes them breaks here and nowhere else.
 *
 * - `doc.store.pendingStructs` / `pendingDs`: updates whose dependencies have not arrived are
 *   held there, outside the document and outside storage. Yjs re-merges them on every later
 *   update and never drops them, so the server bounds them itself (room.ts).
 * - Item fields of decoded updates and of integrated items (`parent`, `origin`,
 *   `rightOrigin`, `content`, a type's `_item`): the update guard resolves which shared type
 *   an update writes to before applying it (update-guard.ts).
 */

interface StoreInternals {
  pendingStructs: { missing: Map<number, number>; update: Uint8Array } | null
  pendingDs: Uint8Array | null
}

const internals = (doc: Y.Doc) => doc.store as unknown as StoreInternals

/** Bytes of updates the document holds because their dependencies are missing. */
export function pendingBytes(doc: Y.Doc): number {
  const s = internals(doc)
  return (s.pendingStructs?.update.byteLength ?? 0) + (s.pendingDs?.byteLength ?? 0)
}

/** Forgets held updates. They were never integrated, stored or broadcast. */
export function dropPending(doc: Y.Doc): void {
  const s = internals(doc)
  s.pendingStructs = null
  s.pendingDs = null
}

/** An item or GC of the document with this id, or null if the document has no such clock. */
export function findStruct(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  if (Y.getState(doc.store, client) <= clock) return null
  return Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC
}

/** True for a top-level shared type (doc.getMap(name)), false for one nested in another. */
export function isRootType(type: Y.AbstractType<unknown>): boolean {
  return type._item === null
}

/** Root key and nesting depth of an integrated shared type (a root type has depth 0). */
export function typeLocation(doc: Y.Doc, type: Y.AbstractType<unknown>): { root: string | null; depth: number } {
  let depth = 0
  let t = type
  while (t._item) {
    const parent = t._item.parent
    if (!(parent instanceof Y.AbstractType)) return { root: null, depth }
    t = parent
    depth++
  }
  for (const [key, value] of doc.share) if (value === t) return { root: key, depth }
  return { root: null, depth }
}

/** The integrated items of one client in the clock range [clock, clock + len), in order. */
export function* structsInRange(doc: Y.Doc, client: number, clock: number, len: number): Generator<Y.Item | Y.GC> {
  const structs = doc.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined
  if (!structs || structs.length === 0) return
  const last = structs[structs.length - 1]
  if (clock >= last.id.clock + last.length) return
  let i = clock <= structs[0].id.clock ? 0 : Y.findIndexSS(structs as never, clock)
  for (; i < structs.length && structs[i].id.clock < clock + len; i++) yield structs[i]
}
