import { Hono } from 'hono'
import type { RoomDirectory } from '../storage/doc-store.ts'
import { CaseClosedError } from '../sync/room-closure.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { facilitatorOnly, roomAccess, type RoomAccessEnv } from './access.ts'
import { catalogApiError } from './errors.ts'

export interface HistoryDeps {
  directory: RoomDirectory
  rooms: RoomManager
}

/**
 * A room's restorable versions, under /api (README "HTTP API"):
 *   GET  /rooms/:roomId/versions               any link: the list, newest first
 *   POST /rooms/:roomId/versions/:vid/restore  facilitator link: every participant returns to it
 *                                              (409 CASE_CLOSED while the case is closed)
 */
export function createHistoryApi({ directory, rooms }: HistoryDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()

  app.get('/rooms/:roomId/versions', roomAccess(directory), async (c) => {
    const versions = await rooms.versions(c.get('access').room.id)
    return c.json({ versions }, 200, { 'Cache-Control': 'no-store' })
  })

  app.post('/rooms/:roomId/versions/:versionId/restore', roomAccess(directory), facilitatorOnly, async (c) => {
    const access = c.get('access')
    let result
    try {
      result = await rooms.restoreVersion(access.room.id, c.req.param('versionId'))
    } catch (err) {
      if (err instanceof CaseClosedError) return catalogApiError(c, 409, 'CASE_CLOSED', 'caseClosed')
      throw err
    }
    if (!result) return catalogApiError(c, 404, 'VERSION_NOT_FOUND', 'versionNotFound')
    return c.json(result)
  })

  return app
}
