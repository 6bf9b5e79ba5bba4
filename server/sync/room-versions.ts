import * as Y from 'yjs'
import type * as awarenessProtocol from 'y-protocols/awareness'
import { roomCounts } from '../../shared/history/restore.ts'
import type { Logger } from '../log.ts'
import type { VersionReason } from '../../shared/history/versions.ts'
import type { VersionStore } from '../storage/versions.ts'

export interface VersionPolicy {
  /** A version is taken this long after the first change since the last one (and at unload). */
  versionIntervalMs: number
  /** An update that deletes more records than this at once gets a version of the state before it. */
  bulkDeleteRecords: number
}

const MAX_ORGS = 50
const BULK_VERSION_GAP_MS = 60_000
const MAX_ORG_LENGTH = 100

/**
 * When a room's restorable versions are taken: periodically while it is edited, right before
 * a bulk deletion or a restore, and when it is unloaded with changes since the last one.
 * Nothing a participant does is then more than one restore away (docs/ARCHITECTURE.md §7).
 *
 * `take` encodes the document at the moment it is called and, with SQLite, stores it before it
 * returns: the version of the state before a bulk deletion is written before the deletion is.
 */
export class RoomVersions {
  private changedSince = false
  /** Records deleted by editors since the last version. */
  private deletedSince = 0
  private lastBulkAt = -Infinity
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly roomId: string,
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly store: VersionStore,
    private readonly policy: VersionPolicy,
    private readonly log: Logger,
  ) {}

  /**
   * An editor's update is about to delete `records` records: true when a version of the state
   * before it must be taken first. Deletions add up since the last version, so removing a map
   * three records at a time is caught too; at most one such version per minute, so a client
   * deleting in a loop cannot fill the disk with copies.
   */
  deleting(records: number): boolean {
    if (records <= 0) return false
    this.deletedSince += records
    if (this.deletedSince <= this.policy.bulkDeleteRecords) return false
    const now = Date.now()
    if (now - this.lastBulkAt < BULK_VERSION_GAP_MS) return false
    this.lastBulkAt = now
    return true
  }

  /** The document changed: a periodic version will follow. */
  changed(): void {
    this.changedSince = true
    if (this.timer || this.policy.versionIntervalMs <= 0) return
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.changedSince) void this.take('periodic').catch(() => {})
    }, this.policy.versionIntervalMs)
    this.timer.unref()
  }

  /** Stores the document as it is now; resolves with the version's id. */
  take(reason: VersionReason): Promise<string> {
    const state = Y.encodeStateAsUpdate(this.doc)
    this.changedSince = false
    this.deletedSince = 0
    const saved = this.store.save(this.roomId, state, { reason, counts: roomCounts(this.doc), orgs: this.orgs() })
    saved.then(
      () => this.log.info('room.version_saved', { room: this.roomId, reason, bytes: state.byteLength }),
      (err: Error) => this.log.error('room.version_failed', { room: this.roomId, reason, error: err.message }),
    )
    return saved
  }

  /** At unload: the changes since the last version become one. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.changedSince) await this.take('closing').catch(() => {})
  }

  private orgs(): string[] {
    return presentOrgs(this.awareness)
  }
}

/**
 * 所属 of the participants present (their own words, as they entered them; never names), but
 * for the presence ids in `except` (view links: observers and projectors attend nothing).
 */
export function presentOrgs(awareness: awarenessProtocol.Awareness, except: ReadonlySet<number> = new Set()): string[] {
  const orgs = new Set<string>()
  for (const [id, state] of awareness.getStates()) {
    if (except.has(id)) continue
    const org = (state as { user?: { org?: unknown } }).user?.org
    if (typeof org === 'string' && org.trim()) orgs.add(org.trim().slice(0, MAX_ORG_LENGTH))
    if (orgs.size >= MAX_ORGS) break
  }
  return [...orgs].sort()
}
