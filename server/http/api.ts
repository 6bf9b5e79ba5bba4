import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { apiErrorCatalog } from '../../shared/i18n/api-errors.ts'
import { bothLangs, fill } from '../../shared/i18n/catalog.ts'
import { roomRequestCatalog } from '../../shared/i18n/rooms.ts'
import { createRoomRequest, MAX_TITLE_LENGTH, type ClientConfigResponse, type RoomInfoResponse } from '../../shared/rooms.ts'
import { createRoom } from '../rooms/room-access.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import { jsonBodyOr, roomAccess, type RoomAccessEnv } from './access.ts'
import { apiError, catalogApiError } from './errors.ts'

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
      onError: (c) => catalogApiError(c, 413, 'BODY_TOO_LARGE', 'bodyTooLarge'),
    }),
    async (c) => {
      const body = await jsonBodyOr(c)
      if (body instanceof Response) return body
      const parsed = createRoomRequest.safeParse(body)
      if (!parsed.success) {
        const text = roomRequestRefusal(parsed.error.issues[0])
        return apiError(c, 400, 'INVALID_ROOM', text.ja, text.en)
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

/** What the home page's form got wrong, in words its user can act on. */
function roomRequestRefusal(issue: z.core.$ZodIssue | undefined): { ja: string; en: string } {
  const field = issue?.path.join('.')
  if (field === 'kind') return bothLangs(apiErrorCatalog, 'invalidRoomKind')
  if (field === 'title' && issue?.code === 'too_small') return bothLangs(roomRequestCatalog, 'titleRequired')
  if (field === 'title' && issue?.code === 'too_big') {
    const max = { max: MAX_TITLE_LENGTH }
    return { ja: fill(roomRequestCatalog.ja.titleTooLong, max), en: fill(roomRequestCatalog.en.titleTooLong, max) }
  }
  return bothLangs(apiErrorCatalog, 'invalidRoom')
}
