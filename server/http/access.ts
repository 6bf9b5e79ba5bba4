import type { Context, MiddlewareHandler } from 'hono'
import { authorize, type AccessResult } from '../rooms/room-access.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import { accessErrors, apiError, catalogApiError } from './errors.ts'

export type GrantedAccess = Extract<AccessResult, { ok: true }>
/** What a route behind `roomAccess` finds on its context: `c.get('access')`. */
export type RoomAccessEnv = { Variables: { access: GrantedAccess } }

/** The token of an `Authorization: Bearer …` header, or null. Room tokens never travel in URLs. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() || null
}

/**
 * Every room route of the HTTP API checks access here, the same way the WebSocket upgrade
 * does (rooms/room-access.ts): the route's `:roomId` and the Bearer token give a role, or
 * the request ends with the matching 401/403/404 error body.
 */
export function roomAccess(directory: RoomDirectory): MiddlewareHandler<RoomAccessEnv> {
  return async (c, next) => {
    const access = await authorize(directory, c.req.param('roomId') ?? '', bearerToken(c.req.header('authorization')))
    if (!access.ok) {
      const [status, code, message, messageEn] = accessErrors[access.reason]
      return apiError(c, status, code, message, messageEn)
    }
    c.set('access', access)
    await next()
  }
}

/** After roomAccess: only a facilitator link goes on (restore, replace, record); others get 403. */
export const facilitatorOnly: MiddlewareHandler<RoomAccessEnv> = async (c, next) => {
  if (c.get('access').role !== 'facilitate') return catalogApiError(c, 403, 'FACILITATOR_ONLY', 'facilitatorOnly')
  await next()
}

/** The request's JSON body, or the 400 INVALID_JSON answer when it is not JSON. */
export async function jsonBodyOr(c: Context): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown
  } catch {
    return catalogApiError(c, 400, 'INVALID_JSON', 'invalidJson')
  }
}
