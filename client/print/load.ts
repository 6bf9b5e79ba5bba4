/**
 * Everything a printable document needs, fetched with the room's token through the HTTP API:
 * the room (title, kind, role), the room file (or a record's frozen copy), the records, and the
 * comparison with the last record. A view link is always given the version without persons
 * (the server refuses it persons with 403 PERSONS_NEED_EDIT_LINK).
 */
import type { RecordDiffResponse, RecordInfo, RecordsResponse } from '../../shared/history/records'
import type { MapModel } from '../../shared/model/schema'
import { localDate } from '../../shared/plan/doc'
import type { PlanData } from '../../shared/plan/schema'
import type { RoomInfoResponse } from '../../shared/rooms'
import { appText } from '../i18n'
import { ApiError, getRoomInfo, roomRequest } from '../server-api'
import { printText } from './labels'
import { readRoomFileBody, type PrintRequest } from './print-data'

export interface PrintData {
  room: RoomInfoResponse
  request: PrintRequest
  /** What the document holds: false for the version without persons, and always for a view link. */
  includePersons: boolean
  model: MapModel
  plan: PlanData
  /** The record printed (doc=record), or the newest record (doc=plan); null when there is none. */
  record: RecordInfo | null
  /** Where "what changed" starts: the record before this one, or for the plan the newest record. */
  previous: RecordInfo | null
  diff: RecordDiffResponse | null
  /** The day overdue is judged on: the meeting's date for a record, else today. */
  asOf: string
}

const recordPath = (id: string) => `/records/${encodeURIComponent(id)}`

function notFound(): ApiError {
  return new ApiError(404, 'RECORD_NOT_FOUND', printText.ja.recordNotFound, printText.en.recordNotFound)
}

function unexpected(): ApiError {
  return new ApiError(200, 'unexpected_body', appText.ja.unexpectedError, appText.en.unexpectedError)
}

export async function loadPrintData(roomId: string, token: string, request: PrintRequest, signal?: AbortSignal): Promise<PrintData> {
  const room = await getRoomInfo(roomId, token)
  const includePersons = request.includePersons && room.role !== 'view'
  const query = includePersons ? '' : '?persons=0'
  const and = includePersons ? '' : '&persons=0'
  const get = <T>(path: string) => roomRequest<T>(roomId, token, path, { signal })

  const list = await get<RecordsResponse>('/records')
  if (!list || !Array.isArray(list.records)) throw unexpected()
  // Newest first (shared/history/records.ts).
  const records = list.records
  let record: RecordInfo | null
  let previous: RecordInfo | null
  let fileBody: Promise<unknown>
  let diff: Promise<RecordDiffResponse | null>
  if (request.doc === 'record') {
    const at = records.findIndex((r) => r.id === request.recordId)
    if (at < 0) throw notFound()
    record = records[at]
    previous = records[at + 1] ?? null
    fileBody = get<unknown>(`${recordPath(record.id)}/room.json${query}`)
    diff = previous ? get<RecordDiffResponse>(`${recordPath(previous.id)}/diff?to=${encodeURIComponent(record.id)}${and}`) : Promise.resolve(null)
  } else {
    record = records[0] ?? null
    previous = record
    fileBody = get<unknown>(`/room.json${query}`)
    diff = record ? get<RecordDiffResponse>(`${recordPath(record.id)}/diff?to=now${and}`) : Promise.resolve(null)
  }
  const [body, comparison] = await Promise.all([fileBody, diff])
  if (comparison && (!comparison.relations || !comparison.figures)) throw unexpected()
  const { model, plan } = readRoomFileBody(body, room.kind, includePersons)
  return {
    room,
    request,
    includePersons,
    model,
    plan,
    record,
    previous,
    diff: comparison,
    asOf: request.doc === 'record' && record ? record.date : localDate(),
  }
}
