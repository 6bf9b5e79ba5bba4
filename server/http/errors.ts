import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { apiErrorCatalog, type ApiErrorKey } from '../../shared/i18n/api-errors.ts'
import { bothLangs } from '../../shared/i18n/catalog.ts'
import { bilingual, message as catalogMessage, type MessageParams } from '../../shared/i18n/message.ts'
import type { ApiErrorBody } from '../../shared/rooms.ts'

/** Every API error: a stable code, a Japanese message that says what to do, and English. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, messageEn: string) {
  const body: ApiErrorBody = { error: { code, message, messageEn } }
  return c.json(body, status)
}

/** An API error whose text is one key of apiErrorCatalog (shared/i18n/api-errors.ts). */
export function catalogApiError(c: Context, status: ContentfulStatusCode, code: string, key: ApiErrorKey, params: MessageParams = {}) {
  const text = bilingual(catalogMessage(apiErrorCatalog, key, params))
  return apiError(c, status, code, text.ja, text.en)
}

/** 「60秒」 / "60 seconds", 「2分」 / "2 minutes": how long to wait before a retry (Retry-After). */
export function waitText(seconds: number): { ja: string; en: string } {
  if (seconds === 1) return bothLangs(apiErrorCatalog, 'waitSecond')
  if (seconds < 90) return bilingual(catalogMessage(apiErrorCatalog, 'waitSeconds', { seconds }))
  return bilingual(catalogMessage(apiErrorCatalog, 'waitMinutes', { minutes: Math.ceil(seconds / 60) }))
}

function access<S extends ContentfulStatusCode, C extends string>(status: S, code: C, key: ApiErrorKey) {
  const { ja, en } = bothLangs(apiErrorCatalog, key)
  return [status, code, ja, en] as const
}

/** [status, code, Japanese, English] per refusal of rooms/room-access.ts `authorize`. */
export const accessErrors = {
  'missing-token': access(401, 'MISSING_TOKEN', 'missingToken'),
  forbidden: access(403, 'FORBIDDEN', 'forbidden'),
  'not-found': access(404, 'ROOM_NOT_FOUND', 'roomNotFound'),
} as const
