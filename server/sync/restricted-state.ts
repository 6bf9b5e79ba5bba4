import * as Y from 'yjs'

/**
 * A write to roots the sender may not change (shared/doc-access.ts: an edit link's write to
 * facilitator-only settings, anyone's write to the server-only closure) is applied and then
 * undone as the server's own change: refusing it would leave a gap in the sender's clock. These
 * read the roots' values before and put them back after.
 */

/** Plain values of the given root maps (they hold settings, never nested types). */
export function restrictedState(doc: Y.Doc, roots: Iterable<string>): Map<string, Map<string, unknown>> {
  const state = new Map<string, Map<string, unknown>>()
  for (const root of roots) state.set(root, new Map(doc.getMap<unknown>(root).entries()))
  return state
}

export function restoreRestrictedState(doc: Y.Doc, before: Map<string, Map<string, unknown>>, origin: unknown): void {
  doc.transact(() => {
    for (const [root, values] of before) {
      const map = doc.getMap<unknown>(root)
      for (const key of [...map.keys()]) if (!values.has(key)) map.delete(key)
      for (const [key, value] of values) {
        if (!(value instanceof Y.AbstractType) && JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
      }
    }
  }, origin)
}

/** The roots whose keys or values differ between two snapshots (empty: the same state). */
export function changedRoots(a: Map<string, Map<string, unknown>>, b: Map<string, Map<string, unknown>>): string[] {
  const changed: string[] = []
  for (const [root, values] of a) {
    const other = b.get(root)
    const same = other !== undefined && other.size === values.size && [...values].every(([key, value]) => other.has(key) && JSON.stringify(other.get(key)) === JSON.stringify(value))
    if (!same) changed.push(root)
  }
  return changed
}
