/**
 * The history routes of the HTTP API: the restorable versions of a room, and restoring one.
 * Listing is open to every role; restoring is for the facilitator (the server answers 403
 * otherwise). The restore itself reaches every participant through the document sync: these
 * calls only ask for it.
 */
import type { RestoreResponse, VersionInfo, VersionsResponse } from '../../shared/history/versions'
import { ApiError, roomRequest } from '../server-api'
import { appText } from '../i18n'

function unexpected(): ApiError {
  return new ApiError(200, 'unexpected_body', appText.ja.unexpectedError, appText.en.unexpectedError)
}

export async function listVersions(roomId: string, token: string, signal?: AbortSignal): Promise<VersionInfo[]> {
  const body = await roomRequest<VersionsResponse>(roomId, token, '/versions', { signal })
  if (!body || !Array.isArray(body.versions)) throw unexpected()
  return body.versions
}

export async function restoreVersion(roomId: string, token: string, versionId: string): Promise<RestoreResponse> {
  const body = await roomRequest<RestoreResponse>(roomId, token, `/versions/${encodeURIComponent(versionId)}/restore`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  if (!body || typeof body.saved !== 'string') throw unexpected()
  return body
}
