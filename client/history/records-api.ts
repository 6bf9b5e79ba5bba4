/**
 * The meeting records routes of the HTTP API (README "History API", shared/history/records.ts):
 * save a record (facilitator link; the server answers 403 otherwise), list them, compare one
 * with the map now or another record, and fetch one's frozen copy as a room file.
 */
import type { CreateRecordRequest, CreateRecordResponse, RecordDiffResponse, RecordInfo, RecordsResponse } from '../../shared/history/records'
import { ApiError, roomRequest } from '../server-api'
import { appText } from '../i18n'

function unexpected(): ApiError {
  return new ApiError(200, 'unexpected_body', appText.ja.unexpectedError, appText.en.unexpectedError)
}

const recordPath = (recordId: string) => `/records/${encodeURIComponent(recordId)}`

export async function listRecords(roomId: string, token: string, signal?: AbortSignal): Promise<RecordInfo[]> {
  const body = await roomRequest<RecordsResponse>(roomId, token, '/records', { signal })
  if (!body || !Array.isArray(body.records)) throw unexpected()
  return body.records
}

export async function createRecord(roomId: string, token: string, input: CreateRecordRequest): Promise<string> {
  const body = await roomRequest<CreateRecordResponse>(roomId, token, '/records', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  if (!body || typeof body.recordId !== 'string') throw unexpected()
  return body.recordId
}

/** From record `recordId` to the map now (`to` = 'now') or to another record. */
export async function recordDiff(roomId: string, token: string, recordId: string, to: string, signal?: AbortSignal): Promise<RecordDiffResponse> {
  const body = await roomRequest<RecordDiffResponse>(roomId, token, `${recordPath(recordId)}/diff?to=${encodeURIComponent(to)}`, { signal })
  if (!body || !body.relations || !body.figures) throw unexpected()
  return body
}

/** The record as a room file (JSON), as a Blob to download; without persons unless `includePersons`. */
export async function recordRoomFile(roomId: string, token: string, recordId: string, includePersons: boolean): Promise<Blob> {
  const query = includePersons ? '' : '?persons=0'
  const body = await roomRequest<unknown>(roomId, token, `${recordPath(recordId)}/room.json${query}`)
  if (!body || typeof body !== 'object') throw unexpected()
  return new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' })
}
