import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as Y from 'yjs'
import { compareModels, comparePlans } from '../../shared/history/diff.ts'
import {
  MAX_RECORD_ATTENDEE_LENGTH,
  MAX_RECORD_ATTENDEES,
  MAX_RECORD_TITLE_LENGTH,
  type CreateRecordRequest,
  type CreateRecordResponse,
  type RecordDiffResponse,
  type RecordsResponse,
} from '../../shared/history/records.ts'
import { docFromState, roomCounts } from '../../shared/history/restore.ts'
import type { ApiErrorKey } from '../../shared/i18n/api-errors.ts'
import type { MessageParams } from '../../shared/i18n/message.ts'
import { collection, readModel } from '../../shared/model/doc.ts'
import type { MapModel } from '../../shared/model/schema.ts'
import { DEFAULT_TIME_ZONE, localDate, readPlan } from '../../shared/plan/doc.ts'
import type { PlanData } from '../../shared/plan/schema.ts'
import { exportRoomFile } from '../../shared/room-file/room-file.ts'
import { canEdit } from '../rooms/room-access.ts'
import { includePersonsOr } from './persons-query.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { RecordStore } from '../storage/records.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { facilitatorOnly, jsonBodyOr, roomAccess, type RoomAccessEnv } from './access.ts'
import { catalogApiError } from './errors.ts'

export interface RecordsDeps {
  directory: RoomDirectory
  records: RecordStore
  rooms: RoomManager
  /** The meetings' calendar (config TZ): "today" for a record's date and overdue tasks. */
  timeZone?: string
}

/**
 * A room's meeting records, under /api (README "History API"; shared/history/records.ts):
 *   POST /rooms/:roomId/records                      facilitator link: save the map as it is now
 *   GET  /rooms/:roomId/records                      any link: the list, newest first
 *   GET  /rooms/:roomId/records/:rid/diff?to=now|rid any link: what changed since the record
 * A view link's diff always leaves persons and their ties out (docs/domain.md §8.5); edit and
 * facilitate links get them unless `?persons=0`. Responses are no-store: they hold case data.
 */
export function createRecordsApi({ directory, records, rooms, timeZone = DEFAULT_TIME_ZONE }: RecordsDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()
  const today = () => localDate(new Date(), timeZone)
  const noStore = { 'Cache-Control': 'no-store' }

  app.post(
    '/rooms/:roomId/records',
    roomAccess(directory),
    facilitatorOnly,
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) => catalogApiError(c, 413, 'BODY_TOO_LARGE', 'recordTooLarge'),
    }),
    async (c) => {
      const access = c.get('access')
      const body = await jsonBodyOr(c)
      if (body instanceof Response) return body
      const parsed = parseRecordRequest(body)
      if (!parsed.ok) return catalogApiError(c, 400, 'INVALID_RECORD', parsed.key, parsed.params)
      const roomId = access.room.id
      const attendees = parsed.value.attendees ?? (await rooms.connectedOrgs(roomId))
      const { state, counts } = await rooms.read(roomId, (doc) => ({ state: Y.encodeStateAsUpdate(doc), counts: roomCounts(doc) }))
      const recordId = await records.save(roomId, state, { title: parsed.value.title, date: parsed.value.date ?? today(), attendees, counts })
      const res: CreateRecordResponse = { recordId }
      return c.json(res, 201, noStore)
    },
  )

  app.get('/rooms/:roomId/records', roomAccess(directory), async (c) => {
    const res: RecordsResponse = { records: await records.list(c.get('access').room.id) }
    return c.json(res, 200, noStore)
  })

  app.get('/rooms/:roomId/records/:recordId/diff', roomAccess(directory), async (c) => {
    const access = c.get('access')
    const roomId = access.room.id
    const persons = c.req.query('persons')
    if (persons !== undefined && !['0', '1', 'false', 'true'].includes(persons)) {
      return catalogApiError(c, 400, 'INVALID_QUERY', 'invalidPersonsQuery')
    }
    // A view link is for observers and projectors: never persons, whatever it asks.
    const includePersons = canEdit(access.role) && persons !== '0' && persons !== 'false'
    const from = c.req.param('recordId')
    const to = c.req.query('to') ?? 'now'
    const fromState = await records.state(roomId, from)
    if (!fromState) return catalogApiError(c, 404, 'RECORD_NOT_FOUND', 'recordNotFound')
    // Overdue tasks are judged on the day of the later side: today, or that record's meeting.
    let after: Side
    let asOf: string
    if (to === 'now') {
      after = await rooms.read(roomId, sideOf)
      asOf = today()
    } else {
      const toState = await records.state(roomId, to)
      if (!toState) return catalogApiError(c, 404, 'RECORD_NOT_FOUND', 'recordNotFound')
      after = sideOfState(toState)
      asOf = (await records.list(roomId)).find((r) => r.id === to)?.date ?? today()
    }
    const before = sideOfState(fromState)
    const personIds = new Set([...before.personIds, ...after.personIds])
    const res: RecordDiffResponse = {
      from,
      to,
      personsIncluded: includePersons,
      ...compareModels(before.model, after.model, { includePersons, roomKind: access.room.kind }),
      ...comparePlans(before.plan, after.plan, { asOf, includePersons, personIds }),
    }
    return c.json(res, 200, noStore)
  })

  // The frozen copy of the room as a room file (shared/room-file): the persons rule of downloads.
  app.get('/rooms/:roomId/records/:recordId/room.json', roomAccess(directory), async (c) => {
    const access = c.get('access')
    const includePersons = includePersonsOr(c, access)
    if (includePersons instanceof Response) return includePersons
    const state = await records.state(access.room.id, c.req.param('recordId'))
    if (!state) return catalogApiError(c, 404, 'RECORD_NOT_FOUND', 'recordNotFound')
    const doc = docFromState(state)
    try {
      const name = `${access.room.id}-record-${c.req.param('recordId')}${includePersons ? '' : '-no-persons'}-room.json`
      return c.json(exportRoomFile(doc, access.room, { includePersons }), 200, { ...noStore, 'Content-Disposition': `attachment; filename="${name}"` })
    } finally {
      doc.destroy()
    }
  })

  return app
}

/** One side of a comparison: the map, the plan, and which ids are persons (left out without them). */
interface Side {
  model: MapModel
  plan: PlanData
  personIds: string[]
}

function sideOf(doc: Y.Doc): Side {
  return { model: readModel(doc).model, plan: readPlan(doc).data, personIds: [...collection(doc, 'person').keys()] }
}

function sideOfState(state: Uint8Array): Side {
  const doc = docFromState(state)
  try {
    return sideOf(doc)
  } finally {
    doc.destroy()
  }
}

type Parsed =
  | { ok: true; value: { title: string; date?: string; attendees?: string[] } }
  | { ok: false; key: ApiErrorKey; params?: MessageParams }

/** Checks a record request field by field, so the refusal names what to fix. */
export function parseRecordRequest(body: unknown): Parsed {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, key: 'invalidRecord' }
  const { title, date, attendees, ...rest } = body as Partial<Record<keyof CreateRecordRequest, unknown>>
  if (Object.keys(rest).length > 0) return { ok: false, key: 'invalidRecord' }
  const trimmed = typeof title === 'string' ? title.trim() : ''
  if (!trimmed || trimmed.length > MAX_RECORD_TITLE_LENGTH) return { ok: false, key: 'invalidRecordTitle', params: { max: MAX_RECORD_TITLE_LENGTH } }
  const value: { title: string; date?: string; attendees?: string[] } = { title: trimmed }
  if (date !== undefined) {
    if (typeof date !== 'string' || !isCalendarDate(date)) return { ok: false, key: 'invalidRecordDate' }
    value.date = date
  }
  if (attendees !== undefined) {
    const refused = { ok: false, key: 'invalidRecordAttendees', params: { maxCount: MAX_RECORD_ATTENDEES, maxLength: MAX_RECORD_ATTENDEE_LENGTH } } as const
    if (!Array.isArray(attendees) || attendees.length > MAX_RECORD_ATTENDEES) return refused
    const orgs: string[] = []
    for (const a of attendees) {
      if (typeof a !== 'string' || a.trim().length > MAX_RECORD_ATTENDEE_LENGTH) return refused
      const org = a.trim()
      if (org && !orgs.includes(org)) orgs.push(org)
    }
    value.attendees = orgs
  }
  return { ok: true, value }
}

/** YYYY-MM-DD naming a day that exists (no 2025-02-30). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = new Date(Date.UTC(y, mo - 1, d))
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
}
