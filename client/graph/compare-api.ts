/**
 * The two meeting-records routes the graph's 記録と比較 reads (shared/history/records.ts): the
 * room's records, and one record's frozen copy as a room file, of which only the model is used.
 * The copy is validated like an imported file: a bad record in it is left out, not drawn.
 */
import type { RecordInfo, RecordsResponse } from '../../shared/history/records'
import type { MapModel } from '../../shared/model/schema'
import { parseImport } from '../../shared/model/transfer'
import type { RoomKind } from '../../shared/rooms'
import { appText } from '../i18n'
import { ApiError, roomRequest } from '../server-api'

function unexpected(): ApiError {
  return new ApiError(200, 'unexpected_body', appText.ja.unexpectedError, appText.en.unexpectedError)
}

export async function fetchRecords(roomId: string, token: string, signal?: AbortSignal): Promise<RecordInfo[]> {
  const body = await roomRequest<RecordsResponse>(roomId, token, '/records', { signal })
  if (!body || !Array.isArray(body.records)) throw unexpected()
  return body.records
}

/** The map of a record. Without persons unless `includePersons` (a view link may not ask for them). */
export async function fetchRecordModel(
  roomId: string,
  token: string,
  recordId: string,
  options: { includePersons: boolean; roomKind: RoomKind },
  signal?: AbortSignal,
): Promise<MapModel> {
  const query = options.includePersons ? '' : '?persons=0'
  const body = await roomRequest<{ model?: unknown }>(roomId, token, `/records/${encodeURIComponent(recordId)}/room.json${query}`, { signal })
  if (!body || typeof body !== 'object' || typeof body.model !== 'object' || body.model === null) throw unexpected()
  return recordModel(body.model as Record<string, unknown>, options.roomKind)
}

/** A record of an empty map is an empty model (parseImport refuses an empty file). */
export function recordModel(model: Record<string, unknown>, roomKind: RoomKind): MapModel {
  const size = (key: string) => (Array.isArray(model[key]) ? (model[key] as unknown[]).length : 0)
  if (size('actors') + size('persons') + size('relations') === 0) return { info: { issues: [] }, actors: [], persons: [], relations: [] }
  return parseImport(model, { roomKind }).model
}
