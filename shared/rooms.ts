import { z } from 'zod'
import { fill } from './i18n/catalog.ts'
import { roomRequestCatalog } from './i18n/rooms.ts'

/** Kinds of workshop room. The kind picks the template a new room starts from. */
export const roomKinds = ['case', 'community', 'training'] as const
export type RoomKind = (typeof roomKinds)[number]

/**
 * Capability roles. Each room has one link per role; the token in the link is the only
 * way in. facilitate ⊃ edit ⊃ view.
 */
export const roles = ['facilitate', 'edit', 'view'] as const
export type Role = (typeof roles)[number]

export const MAX_TITLE_LENGTH = 200

export const createRoomRequest = z.object({
  title: z
    .string()
    .trim()
    // server/http/api.ts answers with both languages of these keys (roomRequestCatalog).
    .min(1, roomRequestCatalog.ja.titleRequired)
    .max(MAX_TITLE_LENGTH, fill(roomRequestCatalog.ja.titleTooLong, { max: MAX_TITLE_LENGTH })),
  kind: z.enum(roomKinds),
})
export type CreateRoomRequest = z.infer<typeof createRoomRequest>

export interface RoomLinks {
  facilitate: string
  edit: string
  view: string
}

export interface CreateRoomResponse {
  roomId: string
  title: string
  kind: RoomKind
  createdAt: string
  /** Absolute URLs: `${origin}/r/${roomId}#k=${token}`. The token sits in the fragment so
   *  that it never reaches access logs or Referer headers. */
  links: RoomLinks
}

export interface RoomInfoResponse {
  roomId: string
  title: string
  kind: RoomKind
  createdAt: string
  role: Role
}

export interface ClientConfigResponse {
  /** tldraw license key from the server's configuration, or null when none is set. */
  tldrawLicenseKey: string | null
  maxMessageBytes: number
}

/** Every HTTP error body has this shape; `message` is Japanese and says what to do. */
export interface ApiErrorBody {
  error: { code: string; message: string; messageEn: string }
}

/** Path prefix of the room WebSocket; stock y-websocket clients use `${origin}/ws` as serverUrl
 *  and the room id as room name, with `params: { token }`. */
export const WS_PATH = '/ws'

/**
 * WebSocket close codes our server uses (4000–4999 are application codes). The stock
 * y-websocket provider stops reconnecting after a code in 4400–4499: those are refusals that
 * a retry would not fix. The client explains them with closeCodeCatalog (shared/i18n/rooms.ts);
 * the reason string is a short English phrase (close reasons are limited to 123 bytes).
 */
export const closeCodes = {
  badMessage: 4400,
  missingToken: 4401,
  forbidden: 4403,
  roomNotFound: 4404,
  invalidUpdate: 4422,
  roomFull: 4429,
  /** Too many connections from one address, or too many attempts: final until reloaded. */
  tooManyConnections: 4430,
  /** View links have taken all the places reserved for them. */
  viewersFull: 4431,
  /** Standard "policy violation": the connection asked more than one participant ever does
   *  (sync requests, messages, presence ids). Outside 4400–4499: the provider reconnects. */
  policy: 1008,
  /** The client fell too far behind. Standard "try again later": outside 4400–4499, which
   *  the stock provider treats as final, so it reconnects and resyncs on its own. */
  tooSlow: 1013,
  serverError: 4500,
  /** Standard code sent by `ws` when a frame exceeds maxPayload. */
  messageTooBig: 1009,
} as const

