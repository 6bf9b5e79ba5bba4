import type { ModelComparison, PlanComparison } from './diff.ts'
import type { RoomCounts } from './restore.ts'

/**
 * The HTTP contract of a room's meeting records (README "History API"): a record is the state
 * of the map at a meeting (支援会議・事例検討), kept with its title, date and the 所属 of those
 * present, and never thinned. Comparing a record with the map now, or with a later record,
 * shows what the meetings moved: ties put in place, ties lost, agencies added or gone.
 */

export const MAX_RECORD_TITLE_LENGTH = 200
export const MAX_RECORD_ATTENDEES = 50
export const MAX_RECORD_ATTENDEE_LENGTH = 100

/** `POST /api/rooms/:id/records` (facilitator link). */
export interface CreateRecordRequest {
  /** 1–200 characters once trimmed. */
  title: string
  /** YYYY-MM-DD; default: today on the server (its local time). */
  date?: string
  /** 所属 only, never names: ≤ 50 of ≤ 100 characters. Default: the 所属 of those connected now. */
  attendees?: string[]
}

export interface CreateRecordResponse {
  recordId: string
}

/** One meeting record, as `GET /api/rooms/:id/records` lists it. */
export interface RecordInfo {
  id: string
  title: string
  /** Date of the meeting, YYYY-MM-DD. */
  date: string
  /** 所属 of those present (no names). */
  attendees: string[]
  /** ISO date and time the record was saved. */
  createdAt: string
  counts: RoomCounts
}

export interface RecordsResponse {
  /** Newest first. */
  records: RecordInfo[]
}

/**
 * `GET /api/rooms/:id/records/:rid/diff?to=now|<rid>`: from the record to the map now or to
 * another record. Without persons (a view link always; others with `?persons=0`), persons and
 * every tie that touches one are left out of both sides and `persons` lists nothing; the plan
 * comparison leaves out 本人の意向 and persons as partners or key person.
 *
 * `tasks` and `plan` compare the 支援プラン: `tasks.overdue` are the later side's tasks overdue
 * on its day — today (the server's local date) for `to=now`, else the later record's meeting date.
 */
export interface RecordDiffResponse extends ModelComparison, PlanComparison {
  from: string
  to: 'now' | string
  personsIncluded: boolean
}
