import * as Y from 'yjs'
import type { DocStore, StoredDoc } from '../storage/doc-store.ts'
import { storedUpdateProblem } from './update-guard.ts'

/** Something stored that the room could not load: kept aside, never silently lost. */
export interface ReplayProblem {
  /** Sequence number of the update, or null for the snapshot. */
  seq: number | null
  data: Uint8Array
  reason: string
}

/**
 * Rebuilds a room's document from storage: the one place stored updates are replayed (the sync
 * room and the HTTP read path both use it).
 *
 * Normally one transaction applies the snapshot and the log. If any of it is unreadable or
 * unloadable (a row written before the update guard existed, a damaged page), the room still
 * opens: each part is tried on its own and what fails is returned for quarantine, instead of
 * failing the whole room for every participant for good.
 */
export function replayStored(stored: StoredDoc): { doc: Y.Doc; problems: ReplayProblem[] } {
  const parts = [
    ...(stored.snapshot ? [{ seq: null, data: stored.snapshot }] : []),
    ...stored.updates.map((data, i) => ({ seq: stored.seqs[i], data })),
  ]
  const unreadable = parts.map((p) => storedUpdateProblem(p.data))
  if (unreadable.every((r) => r === null)) {
    const doc = new Y.Doc()
    try {
      Y.transact(doc, () => {
        for (const p of parts) Y.applyUpdate(doc, p.data)
      })
      return { doc, problems: [] }
    } catch {
      doc.destroy()
    }
  }

  // Slow path: part by part. A part that throws may have changed the document halfway, so
  // the document is rebuilt from the parts that loaded.
  const problems: ReplayProblem[] = []
  const good: Uint8Array[] = []
  let doc = new Y.Doc()
  parts.forEach((part, i) => {
    const reason = unreadable[i]
    if (reason) return void problems.push({ ...part, reason })
    try {
      Y.applyUpdate(doc, part.data)
      good.push(part.data)
    } catch (err) {
      problems.push({ ...part, reason: `could not be applied: ${(err as Error).name}` })
      doc.destroy()
      doc = new Y.Doc()
      Y.transact(doc, () => {
        for (const u of good) Y.applyUpdate(doc, u)
      })
    }
  })
  return { doc, problems }
}

/**
 * Loads a room from storage; what cannot be loaded is quarantined in the same step, and what
 * did load becomes the room's snapshot, so the room opens from now on. Used by the sync room
 * and by `npm run room:repair`.
 */
export async function loadRoomDoc(store: DocStore, roomId: string): Promise<{ doc: Y.Doc; stored: StoredDoc; problems: ReplayProblem[] }> {
  const stored = await store.load(roomId)
  const { doc, problems } = replayStored(stored)
  if (problems.length > 0) {
    try {
      await store.quarantine(roomId, problems, Y.encodeStateAsUpdate(doc), stored.lastSeq)
    } catch (err) {
      doc.destroy()
      throw err
    }
  }
  return { doc, stored, problems }
}
