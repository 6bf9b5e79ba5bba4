import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ImportFormatError } from '../../shared/model/transfer.ts'
import { exportRoomFile, parseRoomFile } from '../../shared/room-file/room-file.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { RecordStore } from '../storage/records.ts'
import { CaseClosedError } from '../sync/room-closure.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { facilitatorOnly, jsonBodyOr, roomAccess, type RoomAccessEnv } from './access.ts'
import { apiError, catalogApiError } from './errors.ts'
import { includePersonsOr } from './persons-query.ts'

export interface RoomFileDeps {
  directory: RoomDirectory
  rooms: RoomManager
  records: RecordStore
  /** Largest room file accepted by PUT, in bytes. */
  maxBytes: number
}

/**
 * The whole room as one JSON file (shared/room-file/room-file.ts), under /api:
 *   GET /rooms/:roomId/room.json   the model, the quadrant, the plan and the history index; ?persons=0
 *   PUT /rooms/:roomId/room.json   facilitator link: replaces the content, after saving a version
 *                                  (409 CASE_CLOSED while the case is closed)
 */
export function createRoomFileApi({ directory, rooms, records, maxBytes }: RoomFileDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()

  app.get('/rooms/:roomId/room.json', roomAccess(directory), async (c) => {
    const access = c.get('access')
    const includePersons = includePersonsOr(c, access)
    if (includePersons instanceof Response) return includePersons
    const versions = (await rooms.versions(access.room.id)).map(({ id, createdAt, reason }) => ({ id, createdAt, reason }))
    const recordList = await records.list(access.room.id)
    const file = await rooms.read(access.room.id, (doc) => exportRoomFile(doc, access.room, { includePersons, versions, records: recordList }))
    const name = `${access.room.id}${includePersons ? '' : '-no-persons'}-room.json`
    return c.json(file, 200, { 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' })
  })

  app.put(
    '/rooms/:roomId/room.json',
    roomAccess(directory),
    facilitatorOnly,
    bodyLimit({ maxSize: maxBytes, onError: (c) => catalogApiError(c, 413, 'BODY_TOO_LARGE', 'roomFileTooLarge', { mb: Math.floor(maxBytes / 1024 / 1024) }) }),
    async (c) => {
      const access = c.get('access')
      const body = await jsonBodyOr(c)
      if (body instanceof Response) return body
      let parsed
      try {
        parsed = parseRoomFile(body, access.room.kind)
      } catch (err) {
        if (err instanceof ImportFormatError) return apiError(c, 400, 'INVALID_ROOM_FILE', err.message, err.messageEn)
        throw err
      }
      let versionId
      try {
        versionId = await rooms.replaceContent(access.room.id, parsed.apply)
      } catch (err) {
        if (err instanceof CaseClosedError) return catalogApiError(c, 409, 'CASE_CLOSED', 'caseClosed')
        throw err
      }
      return c.json({ ...parsed.report, versionId })
    },
  )

  return app
}
