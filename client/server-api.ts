/**
 * Thin wrappers around our HTTP API (shared/rooms.ts is the contract). Every failure becomes
 * an ApiError carrying both the Japanese and English message, so the UI can show whichever
 * language is selected.
 */
import type {
  ApiErrorBody,
  ClientConfigResponse,
  CreateRoomRequest,
  CreateRoomResponse,
  RoomInfoResponse,
} from '../shared/rooms'
import { inLang, type Lang } from '../shared/i18n/catalog'
import { appText } from './i18n'

export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    readonly messageJa: string,
    readonly messageEn: string,
  ) {
    super(messageEn)
    this.name = 'ApiError'
  }

  get isNetworkError(): boolean {
    return this.status === 0
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const error = (value as { error?: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } })
  } catch {
    throw new ApiError(0, 'network', appText.ja.networkError, appText.en.networkError)
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  if (!response.ok) {
    if (isApiErrorBody(body)) {
      const { code, message, messageEn } = body.error
      throw new ApiError(response.status, code, message, messageEn ?? message)
    }
    throw new ApiError(response.status, `http_${response.status}`, appText.ja.unexpectedError, appText.en.unexpectedError)
  }
  return body as T
}

export function createRoom(input: CreateRoomRequest): Promise<CreateRoomResponse> {
  return request<CreateRoomResponse>('/api/rooms', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
}

export function getRoomInfo(roomId: string, token: string): Promise<RoomInfoResponse> {
  return request<RoomInfoResponse>(`/api/rooms/${encodeURIComponent(roomId)}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
}

/** A call to one of a room's routes (`/api/rooms/:id` + `subPath`) with the room's token. */
export function roomRequest<T>(roomId: string, token: string, subPath: string, init: RequestInit = {}): Promise<T> {
  return request<T>(`/api/rooms/${encodeURIComponent(roomId)}${subPath}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  })
}

export function getClientConfig(): Promise<ClientConfigResponse> {
  return request<ClientConfigResponse>('/api/config')
}

/** Message of any error in the selected language. */
export function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) return lang === 'en' ? error.messageEn : error.messageJa
  return inLang(appText, lang).unexpectedError
}
