import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { facilitatorOnly, jsonBodyOr, roomAccess, type RoomAccessEnv } from './access.ts'
import { catalogApiError } from './errors.ts'

export interface ClosureDeps {
  directory: RoomDirectory
  rooms: RoomManager
}

/** The longest reason accepted, once trimmed (closureSchema in shared/plan/schema.ts). */
export const MAX_CLOSURE_REASON_LENGTH = 500

/**
 * 終結 of a case, under /api (README "HTTP API"), facilitator link only:
 *   POST   /rooms/:roomId/closure  {reason}  → 200 {closedAt, reason}; 409 ALREADY_CLOSED, NOT_A_CASE
 *   DELETE /rooms/:roomId/closure            → 200 {reopened: true};   409 NOT_CLOSED
 * The server writes `planClosure` in the live document (server/sync/room-closure.ts), so every
 * participant sees the change at once; while it is there the room takes no document change.
 */
export function createClosureApi({ directory, rooms }: ClosureDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()

  app.post(
    '/rooms/:roomId/closure',
    roomAccess(directory),
    facilitatorOnly,
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => catalogApiError(c, 413, 'BODY_TOO_LARGE', 'closureTooLarge') }),
    async (c) => {
      const body = await jsonBodyOr(c)
      if (body instanceof Response) return body
      // Only a case room shows the plan tab, where a closure is seen and reopened.
      if (c.get('access').room.kind !== 'case') return catalogApiError(c, 409, 'NOT_A_CASE', 'closureCaseOnly')
      const reason = closureReason(body)
      if (reason === null) return catalogApiError(c, 400, 'INVALID_CLOSURE', 'invalidClosure', { max: MAX_CLOSURE_REASON_LENGTH })
      const closure = await rooms.closeCase(c.get('access').room.id, reason)
      if (!closure) return catalogApiError(c, 409, 'ALREADY_CLOSED', 'alreadyClosed')
      return c.json(closure, 200, { 'Cache-Control': 'no-store' })
    },
  )

  app.delete('/rooms/:roomId/closure', roomAccess(directory), facilitatorOnly, async (c) => {
    if (!(await rooms.reopenCase(c.get('access').room.id))) return catalogApiError(c, 409, 'NOT_CLOSED', 'notClosed')
    return c.json({ reopened: true as const }, 200, { 'Cache-Control': 'no-store' })
  })

  return app
}

/** `{reason}` with 1–500 characters once trimmed, and nothing else; null otherwise. */
export function closureReason(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null
  const { reason, ...rest } = body as { reason?: unknown }
  if (Object.keys(rest).length > 0 || typeof reason !== 'string') return null
  const trimmed = reason.trim()
  return trimmed.length >= 1 && trimmed.length <= MAX_CLOSURE_REASON_LENGTH ? trimmed : null
}
