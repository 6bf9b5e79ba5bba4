import type { RoomCounts } from './restore.ts'

/**
 * The HTTP contract of a room's history (README "HTTP API"), read by the server that answers
 * and the client that asks.
 */

/** Why a version was taken. */
export const versionReasons = ['periodic', 'bulk-delete', 'before-restore', 'before-replace', 'closing'] as const
export type VersionReason = (typeof versionReasons)[number]

/** One restorable version, as `GET /api/rooms/:id/versions` lists it. */
export interface VersionInfo {
  id: string
  /** ISO date and time the version was taken. */
  createdAt: string
  reason: VersionReason
  counts: RoomCounts
  /** 所属 of the participants connected when it was taken (no names). */
  orgs: string[]
}

export interface VersionsResponse {
  /** Newest first. */
  versions: VersionInfo[]
}

export interface RestoreResponse {
  /** The version restored. */
  restored: string
  /** The version made of the state just before the restore (restoring it undoes this one). */
  saved: string
}
