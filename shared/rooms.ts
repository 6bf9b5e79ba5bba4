import { z } from 'zod'

/** Kinds of workshop room. The kind picks the template a new room starts from. */
export const roomKinds = ['case', 'community', 'training'] as const
export type RoomKind = (typeof roomKinds)[number]

export const roomKindLabels: Record<RoomKind, { ja: string; en: string }> = {
  case: { ja: 'ケース検討', en: 'Case review' },
  community: { ja: '地域資源マップ', en: 'Community resource map' },
  training: { ja: '研修', en: 'Training' },
}

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
    .min(1, 'タイトルを入力してください')
    .max(MAX_TITLE_LENGTH, `タイトルは${MAX_TITLE_LENGTH}文字以内にしてください`),
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
 * a retry would not fix. The client maps
 * them to Japanese explanations; the reason string is a short English phrase (close reasons
 * are limited to 123 bytes).
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

export const closeCodeMessages: Record<number, { ja: string; en: string }> = {
  4400: { ja: '通信データが壊れていたため接続を切りました。ページを再読み込みしてください。', en: 'Malformed message; reload the page.' },
  4401: { ja: 'リンクにアクセス用の鍵がありません。招待されたリンクをそのまま開いてください。', en: 'The link has no access token.' },
  4403: { ja: 'このリンクではルームに入れません。ファシリテーターに正しいリンクを確認してください。', en: 'This link does not grant access to the room.' },
  4404: { ja: 'ルームが見つかりません。リンクが正しいか確認してください。', en: 'Room not found.' },
  4422: { ja: '受け取れない更新が送られたため接続を切りました。ページを再読み込みしてください。', en: 'An update could not be applied; reload the page.' },
  1013: { ja: '通信が追いつかないため再接続しています。そのままお待ちください。', en: 'Connection too slow; reconnecting.' },
  4429: { ja: 'ルームの参加人数が上限に達しています。しばらくしてから入り直してください。', en: 'The room is full.' },
  4430: { ja: 'この端末またはネットワークからの接続が多すぎます。しばらく待ってからページを再読み込みしてください。', en: 'Too many connections from this network; wait and reload.' },
  4431: { ja: '閲覧用リンクで参加できる人数が上限に達しています。編集用リンクをお持ちの方はそちらで入ってください。', en: 'No more places for view links.' },
  1008: { ja: '短時間に大量の通信があったため接続を切りました。自動で再接続します。続く場合はページを再読み込みしてください。', en: 'Too many requests; reconnecting.' },
  4500: { ja: 'サーバーで問題が起きました。しばらくしてから再読み込みしてください。', en: 'Server error; try again later.' },
  1009: { ja: '一度に送るデータが大きすぎます。画像などを小さくしてから再度お試しください。', en: 'Message too large.' },
}
