import * as Y from 'yjs'
import { findStruct, isRootType, structsInRange, typeLocation } from './yjs-seams.ts'

/**
 * Checks a document update before it touches the room's Y.Doc, so that nothing the room could
 * not load again is ever applied, stored or broadcast.
 *
 * Why each bound:
 * - Values (JSON inside map entries, array items, embeds, formats) nested deeper than
 *   MAX_VALUE_DEPTH: Yjs, our encoders and every client read them recursively; an array
 *   nested 5,000 deep was accepted, stored, and then the room never loaded again.
 * - Shared types nested deeper than MAX_TYPE_DEPTH: the same recursion through toJSON().
 *   The room's layout (docs/ARCHITECTURE.md) nests types at most two levels.
 * - Subdocuments: not part of the room's layout; the server would create a Y.Doc per one.
 * - Writes to facilitator-only maps (shared/doc-access.ts) from an edit link are flagged, so
 *   that the room can undo them.
 */
export const MAX_VALUE_DEPTH = 64
export const MAX_TYPE_DEPTH = 8

export type GuardResult =
  /**
   * `restricted`: the update writes inside one of the restricted roots (see GuardOptions).
   * `deletedRecords`: records of `recordRoots` it deletes (keys it removes and does not set again).
   */
  | { ok: true; empty: boolean; restricted?: boolean; deletedRecords?: number }
  /** Not readable or not loadable: the sender is closed with 4422. */
  | { ok: false; kind: 'invalid'; reason: string }
  /** Readable, but this sender may not write it: dropped, the sender is told. */
  | { ok: false; kind: 'forbidden'; reason: string }

export interface GuardOptions {
  /**
   * Root maps the sender may not write (nor write inside): the result says `restricted` when
   * the update does, and the room undoes that part after applying it (refusing it would leave a
   * gap in the sender's clock, and Yjs would then hold all of the sender's later edits). When
   * set, every item must also resolve to a known root: an item whose position depends on
   * something the room does not have could later land anywhere, so it is refused (a stock
   * client sends it again in its sync step 2, which fills the gap).
   */
  restrictedRoots?: ReadonlySet<string>
  /** Root maps of records (actors, persons, relations, practices…): count what the update deletes. */
  recordRoots?: ReadonlySet<string>
  // Known limit: the room undoes restricted changes by the transaction's sender. An item held
  // for a missing dependency integrates in the transaction of whoever sends that dependency, so
  // an edit link that predicts a facilitator's next item id could place an item there. The
  // unresolvable-item refusal above closes the ordinary path to it.
}

type Struct = Y.Item | Y.GC | Y.Skip
interface Range {
  clock: number
  len: number
}

/** Each client's deleted ranges sorted and merged, so that no item is visited twice. */
function mergedRanges(ds: { clients: Map<number, Range[]> }): Map<number, Range[]> {
  const merged = new Map<number, Range[]>()
  for (const [client, ranges] of ds.clients) {
    const sorted = [...ranges].sort((a, b) => a.clock - b.clock)
    const out: Range[] = []
    for (const { clock, len } of sorted) {
      const last = out.at(-1)
      if (last && clock <= last.clock + last.len) last.len = Math.max(last.len, clock + len - last.clock)
      else out.push({ clock, len })
    }
    merged.set(client, out)
  }
  return merged
}
interface Location {
  root: string | null
  /** Nesting depth of the type the item sits in (a root type: 0). */
  depth: number
}
const UNKNOWN: Location = { root: null, depth: 0 }

export function checkUpdate(doc: Y.Doc, update: Uint8Array, options: GuardOptions = {}): GuardResult {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } }
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded
  } catch (err) {
    // Also catches a stack overflow inside Yjs' recursive value reader.
    return { ok: false, kind: 'invalid', reason: `undecodable update: ${(err as Error).name}` }
  }
  const { structs, ds } = decoded
  if (structs.length === 0 && ds.clients.size === 0) return { ok: true, empty: true }

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    const problem = contentProblem(s.content)
    if (problem) return { ok: false, kind: 'invalid', reason: problem }
  }

  const locate = locator(doc, structs)
  const forbidden = options.restrictedRoots
  let restricted = false
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue
    const at = locate(s)
    if (s.content instanceof Y.ContentType && at.depth + 1 > MAX_TYPE_DEPTH) {
      return { ok: false, kind: 'invalid', reason: `shared types nested deeper than ${MAX_TYPE_DEPTH}` }
    }
    if (forbidden) {
      if (at.root === null && !at.harmless) return { ok: false, kind: 'forbidden', reason: 'update depends on state the room does not have' }
      if (at.root !== null && forbidden.has(at.root)) restricted = true
    }
  }
  // Yjs does not merge a received delete set: overlapping ranges would rescan the same items.
  // Merged only when something reads them: most updates need neither check.
  const deletions = (forbidden && !restricted) || options.recordRoots ? mergedRanges(ds) : new Map<number, Range[]>()
  if (forbidden && !restricted) {
    for (const [client, ranges] of deletions) {
      for (const { clock, len } of ranges) {
        for (const target of structsInRange(doc, client, clock, len)) {
          if (!(target instanceof Y.Item)) continue
          const { root } = typeLocation(doc, target.parent as Y.AbstractType<unknown>)
          if (root !== null && forbidden.has(root)) restricted = true
        }
      }
    }
  }
  const deletedRecords = options.recordRoots && deletions.size > 0 ? countDeletedRecords(doc, structs, deletions, options.recordRoots) : 0
  return { ok: true, empty: false, ...(restricted ? { restricted } : {}), ...(deletedRecords > 0 ? { deletedRecords } : {}) }
}

/**
 * Records the update removes from record roots: live entries of those maps in its delete set,
 * minus keys it writes again (an overwrite deletes the old item too, but removes nothing).
 */
function countDeletedRecords(doc: Y.Doc, structs: Struct[], deletions: Map<number, Range[]>, roots: ReadonlySet<string>): number {
  const removed = new Set<string>()
  for (const [client, ranges] of deletions) {
    for (const { clock, len } of ranges) {
      for (const target of structsInRange(doc, client, clock, len)) {
        if (!(target instanceof Y.Item) || target.deleted || target.parentSub === null) continue
        const parent = target.parent as Y.AbstractType<unknown>
        if (!isRootType(parent)) continue // inside a record, not a record
        const { root } = typeLocation(doc, parent)
        if (root !== null && roots.has(root)) removed.add(`${root}\u0000${target.parentSub}`)
      }
    }
  }
  if (removed.size === 0) return 0
  for (const s of structs) {
    // Only a record written again (a Y.Map) replaces the one deleted; null or a plain value removes it.
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue
    // A new entry of a root map names its root by string; one that overwrites a key names only
    // its left neighbour (the entry it replaces), whose position says which key it is.
    if (typeof s.parent === 'string' && s.parentSub !== null) removed.delete(`${s.parent}\u0000${s.parentSub}`)
    else if (s.parent === null && s.origin) {
      const left = findStruct(doc, s.origin.client, s.origin.clock)
      if (left instanceof Y.Item && left.parentSub !== null && isRootType(left.parent as Y.AbstractType<unknown>)) {
        const { root } = typeLocation(doc, left.parent as Y.AbstractType<unknown>)
        if (root !== null) removed.delete(`${root}\u0000${left.parentSub}`)
      }
    }
  }
  return removed.size
}

/**
 * Why a stored update or snapshot must not be loaded, or null: the content rules of
 * checkUpdate that need no document (rows stored before the guard existed may break them).
 */
export function storedUpdateProblem(update: Uint8Array): string | null {
  let decoded: { structs: Struct[] }
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded
  } catch (err) {
    return `undecodable: ${(err as Error).name}`
  }
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue
    const problem = contentProblem(s.content)
    if (problem) return problem
  }
  return null
}

/** Why this content may not enter the document, or null. */
function contentProblem(content: Y.Item['content']): string | null {
  if (content instanceof Y.ContentDoc) return 'subdocuments are not part of a room'
  let values: unknown[] | null = null
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) values = content.arr
  else if (content instanceof Y.ContentEmbed) values = [content.embed]
  else if (content instanceof Y.ContentFormat) values = [content.value]
  if (values && valueDepth(values) > MAX_VALUE_DEPTH) return `values nested deeper than ${MAX_VALUE_DEPTH}`
  return null
}

/** Nesting depth of plain values (the array passed in is level 0), without recursion. */
export function valueDepth(values: unknown[]): number {
  let max = 0
  const stack: [unknown, number][] = values.map((v) => [v, 1])
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) continue
    if (depth > max) max = depth
    if (max > MAX_VALUE_DEPTH) return max
    const children = Array.isArray(value) ? value : Object.values(value as object)
    for (const child of children) stack.push([child, depth + 1])
  }
  return max
}

/**
 * Where each item of the update will sit once integrated: its root type and nesting depth. An
 * item names its parent only when it has no neighbours; otherwise it sits where its origin
 * does. Resolved iteratively (typed text is a chain of thousands of origins).
 */
function locator(doc: Y.Doc, structs: Struct[]): (item: Y.Item) => Location & { harmless?: boolean } {
  const byClient = new Map<number, Struct[]>()
  for (const s of structs) {
    const list = byClient.get(s.id.client)
    if (list) list.push(s)
    else byClient.set(s.id.client, [s])
  }
  const inUpdate = (id: Y.ID): Struct | null => {
    const list = byClient.get(id.client)
    if (!list) return null
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s
    }
    return null
  }
  const memo = new Map<Y.Item, Location & { harmless?: boolean }>()

  return (start) => {
    const path: { item: Y.Item; add: number }[] = []
    const seen = new Set<Y.Item>()
    let base: Location & { harmless?: boolean } = UNKNOWN
    let item = start
    for (;;) {
      const known = memo.get(item)
      if (known) {
        base = known
        break
      }
      if (seen.has(item)) break // a cycle of origins: never resolvable
      seen.add(item)
      const parent = item.parent as unknown
      let next: Y.ID | null = null
      let add = 0
      if (typeof parent === 'string') {
        base = { root: parent, depth: 0 }
        path.push({ item, add: 0 })
        break
      } else if (parent instanceof Y.ID) {
        next = parent
        add = 1
      } else {
        next = (item.origin ?? item.rightOrigin) as Y.ID | null
      }
      path.push({ item, add })
      if (!next) break
      const local = inUpdate(next)
      if (local instanceof Y.Item) {
        item = local
        continue
      }
      if (local) break // a GC or Skip of the update itself: unknown
      const there = findStruct(doc, next.client, next.clock)
      if (!there) break
      if (there instanceof Y.GC) {
        // The neighbour was deleted and collected: Yjs integrates the item as deleted.
        base = { root: null, depth: 0, harmless: true }
        break
      }
      if (add === 1) {
        // `there` is the item holding the parent type.
        const content = there.content
        if (!(content instanceof Y.ContentType)) break
        const at = typeLocation(doc, content.type as Y.AbstractType<unknown>)
        base = { root: at.root, depth: at.depth - 1 }
      } else {
        base = typeLocation(doc, there.parent as Y.AbstractType<unknown>)
      }
      break
    }
    // Unwind: each step adds its own nesting to what it resolved to.
    let depth = base.depth
    for (let i = path.length - 1; i >= 0; i--) {
      depth += path[i].add
      const loc = { root: base.root, depth, harmless: base.harmless }
      memo.set(path[i].item, loc)
    }
    return memo.get(start) ?? base
  }
}
