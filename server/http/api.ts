import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createRoomRequest, type ClientConfigResponse, type RoomInfoResponse } from '../../shared/rooms.ts'
import { createRoom } from '../rooms/room-access.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import { roomAccess, type RoomAccessEnv } from './access.ts'
import { apiError } from './errors.ts'

export interface ApiDeps {
  directory: RoomDirectory
  publicUrl: string | null
  clientConfig: ClientConfigResponse
}

/** The JSON API under /api. Rooms cannot be listed: every room route needs its token. */
export function createApi({ directory, publicUrl, clientConfig }: ApiDeps): Hono<RoomAccessEnv> {
  const api = new Hono<RoomAccessEnv>()

  api.get('/config', (c) => c.json(clientConfig))

  api.post(
    '/rooms',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (c) =>
        apiError(c, 413, 'BODY_TOO_LARGE', '送信内容が大きすぎます。タイトルを短くしてください。', 'Request body too large.'),
    }),
    async (c) => {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        return apiError(c, 400, 'INVALID_JSON', 'リクエストの形式が正しくありません（JSON）。', 'Request body is not valid JSON.')
      }
      const parsed = createRoomRequest.safeParse(body)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const field = issue?.path.join('.') || 'body'
        const message =
          field === 'kind'
            ? 'ルームの種類は「ケース検討」「地域資源マップ」「研修」から選んでください。'
            : field === 'title' && issue?.code !== 'invalid_type'
              ? issue.message
              : 'タイトルと種類を入力してください。'
        return apiError(c, 400, 'INVALID_ROOM', message, `Invalid field "${field}": ${issue?.message ?? ''}`)
      }
      const origin = publicUrl ?? new URL(c.req.url).origin
      return c.json(await createRoom(directory, parsed.data, origin), 201)
    },
  )

  api.get('/rooms/:roomId', roomAccess(directory), (c) => {
    const access = c.get('access')
    const info: RoomInfoResponse = {
      roomId: access.room.id,
      title: access.room.title,
      kind: access.room.kind,
      createdAt: access.room.createdAt,
      role: access.role,
    }
    return c.json(info)
  })
  return api
}
