import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiErrorBody } from '../../shared/rooms.ts'

/** Every API error: a stable code, a Japanese message that says what to do, and English. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, messageEn: string) {
  const body: ApiErrorBody = { error: { code, message, messageEn } }
  return c.json(body, status)
}

export const accessErrors = {
  'missing-token': [401, 'MISSING_TOKEN', 'アクセス用の鍵がありません。招待されたリンクをそのまま開いてください。', 'No access token: open the invitation link as it was given.'],
  forbidden: [403, 'FORBIDDEN', 'このリンクではルームに入れません。ファシリテーターに正しいリンクを確認してください。', 'This token does not grant access to the room.'],
  'not-found': [404, 'ROOM_NOT_FOUND', 'ルームが見つかりません。リンクが正しいか確認してください。', 'Room not found: check the link.'],
} as const
