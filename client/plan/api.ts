/**
 * The plan's HTTP routes: closing and reopening a case (facilitator; the server writes
 * `planClosure`, which reaches every participant through the sync) and the 役割分担 as an Excel
 * file. Errors are ApiErrors carrying the server's Japanese and English message.
 */
import type { Lang } from '../../shared/i18n/catalog'
import type { Closure } from '../../shared/plan/schema'
import type { ApiErrorBody } from '../../shared/rooms'
import { appText } from '../i18n'
import { ApiError, roomRequest } from '../server-api'

function unexpected(status = 200): ApiError {
  return new ApiError(status, 'unexpected_body', appText.ja.unexpectedError, appText.en.unexpectedError)
}

export async function closeCase(roomId: string, token: string, reason: string): Promise<Closure> {
  const body = await roomRequest<Closure>(roomId, token, '/closure', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason }),
  })
  if (!body || typeof body.closedAt !== 'string') throw unexpected()
  return body
}

export async function reopenCase(roomId: string, token: string): Promise<void> {
  // Every state-changing call is JSON from our origin (server/http/request-guard.ts), DELETE too.
  const body = await roomRequest<{ reopened?: unknown }>(roomId, token, '/closure', {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  if (!body || body.reopened !== true) throw unexpected()
}

/** The 役割分担 as .xlsx in `lang`; `withoutPersons` for a view link (the server refuses it persons). */
export async function fetchTasksXlsx(roomId: string, token: string, withoutPersons: boolean, lang: Lang): Promise<Blob> {
  const query = new URLSearchParams({ ...(withoutPersons ? { persons: '0' } : {}), ...(lang === 'en' ? { lang } : {}) }).toString()
  let response: Response
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/plan/tasks.xlsx${query ? `?${query}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  } catch {
    throw new ApiError(0, 'network', appText.ja.networkError, appText.en.networkError)
  }
  if (response.ok) return response.blob()
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null
  const error = body?.error
  if (error && typeof error.message === 'string') throw new ApiError(response.status, error.code, error.message, error.messageEn ?? error.message)
  throw unexpected(response.status)
}
