import type { Role, RoomKind } from '../../shared/rooms.ts'
import type { RecordStore } from './records.ts'
import type { VersionStore } from './versions.ts'

/**
 * Durable storage of room documents as an append-only update log plus one snapshot.
 * Promise-based so that a networked database (PostgreSQL) can implement it later; the sync
 * code only relies on this contract: when `append` resolves, the updates survive a crash.
 */
export interface DocStore {
  load(roomId: string): Promise<StoredDoc>
  /** Appends updates in order, in one transaction. Resolves once they are durable. */
  append(roomId: string, updates: Uint8Array[]): Promise<AppendResult>
  /** Atomically replaces the log up to `uptoSeq` with `snapshot` (which must include it). */
  compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /**
   * In one transaction: keeps the parts of a room that could not be loaded in the quarantine
   * (recoverable, listed by `npm run room:repair`), stores `snapshot` — what did load — as the
   * room's snapshot even over one of the same sequence, and drops the log up to `uptoSeq`.
   */
  quarantine(roomId: string, parts: QuarantinedPart[], snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /** What was quarantined, newest first (all rooms when roomId is omitted). */
  listQuarantine(roomId?: string): Promise<QuarantineRecord[]>
  /** Restorable versions of the rooms (storage/versions.ts). */
  readonly versions: VersionStore
  /** Meeting records of the rooms, never thinned (storage/records.ts). */
  readonly records: RecordStore
}

export interface QuarantinedPart {
  /** Sequence number of the update, or null for the snapshot. */
  seq: number | null
  data: Uint8Array
  /** Why it could not be loaded: a short English phrase with no document content. */
  reason: string
}

export interface QuarantineRecord extends QuarantinedPart {
  id: number
  roomId: string
  quarantinedAt: string
}

export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of each update, in the same order. */
  seqs: number[]
  /** Sequence number of the newest update included (0 for an empty room). */
  lastSeq: number
  /** Updates and bytes stored since the snapshot: used to decide when to compact. */
  updatesSinceSnapshot: number
  bytesSinceSnapshot: number
}

export interface AppendResult {
  lastSeq: number
}

export interface RoomRecord {
  id: string
  title: string
  kind: RoomKind
  createdAt: string
}

/** Room metadata and capability tokens (stored hashed, never in clear). */
export interface RoomDirectory {
  create(room: RoomRecord, tokenHashes: Record<Role, string>): Promise<void>
  get(roomId: string): Promise<RoomRecord | null>
  roleForToken(roomId: string, tokenHash: string): Promise<Role | null>
}
