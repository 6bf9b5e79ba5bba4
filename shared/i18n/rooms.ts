import type { RoomKind, closeCodes } from '../rooms.ts'
import { apiErrorCatalog } from './api-errors.ts'
import { defineCatalog } from './catalog.ts'

/** Kinds of workshop room (shared/rooms.ts roomKinds). */
export const roomKindCatalog = defineCatalog(
  'rooms.kind',
  { case: 'ケース検討', community: '地域資源マップ', training: '研修' } satisfies Record<RoomKind, string>,
  { case: 'Case review', community: 'Community resource map', training: 'Training' },
)

/** A WebSocket close code our server sends, as a catalog key: '4403'. */
export type CloseCodeKey = `${(typeof closeCodes)[keyof typeof closeCodes]}`

/**
 * What a participant reads when the room connection closes, keyed by close code
 * (shared/rooms.ts closeCodes). The close frame's own reason is a short English phrase for
 * logs; these sentences say what to do. Refused access says what the HTTP API says for the
 * same refusal (apiErrorCatalog), so it is written once.
 */
export const closeCodeCatalog = defineCatalog(
  'rooms.closeCode',
  {
    '4400': '通信データが壊れていたため接続を切りました。ページを再読み込みしてください。',
    '4401': apiErrorCatalog.ja.missingToken,
    '4403': apiErrorCatalog.ja.forbidden,
    '4404': apiErrorCatalog.ja.roomNotFound,
    '4422': '受け取れない更新が送られたため接続を切りました。ページを再読み込みしてください。',
    '1013': '通信が追いつかないため再接続しています。そのままお待ちください。',
    '4429': 'ルームの参加人数が上限に達しています。しばらくしてから入り直してください。',
    '4430': 'この端末またはネットワークからの接続が多すぎます。しばらく待ってからページを再読み込みしてください。',
    '4431': '閲覧用リンクで参加できる人数が上限に達しています。編集用リンクをお持ちの方はそちらで入ってください。',
    '1008': '短時間に大量の通信があったため接続を切りました。自動で再接続します。続く場合はページを再読み込みしてください。',
    '4500': 'サーバーで問題が起きました。しばらくしてから再読み込みしてください。',
    '1009': '一度に送るデータが大きすぎます。画像などを小さくしてから再度お試しください。',
  } satisfies Record<CloseCodeKey, string>,
  {
    '4400': 'The connection was closed because the data received was damaged. Please reload the page.',
    '4401': apiErrorCatalog.en.missingToken,
    '4403': apiErrorCatalog.en.forbidden,
    '4404': apiErrorCatalog.en.roomNotFound,
    '4422': 'The connection was closed because a change could not be accepted. Please reload the page.',
    '1013': 'The connection could not keep up and is reconnecting. Please wait.',
    '4429': 'The room is full. Please try again a little later.',
    '4430': 'Too many connections from this device or network. Please wait a while, then reload the page.',
    '4431': 'All places for view-only links are taken. If you have an edit link, please join with that instead.',
    '1008': 'The connection was closed because it sent too much in a short time. It reconnects by itself; if this keeps happening, reload the page.',
    '4500': 'Something went wrong on the server. Please reload the page a little later.',
    '1009': 'Too much data was sent at once. Make images or other content smaller and try again.',
  },
)

/** The close code as a catalog key, or null for a code the catalog does not explain. */
export function closeCodeKey(code: number): CloseCodeKey | null {
  const key = String(code)
  return Object.hasOwn(closeCodeCatalog.ja, key) ? (key as CloseCodeKey) : null
}

/** Messages of the room-creation form's validation (shared/rooms.ts createRoomRequest). */
export const roomRequestCatalog = defineCatalog(
  'rooms.request',
  {
    titleRequired: 'タイトルを入力してください',
    titleTooLong: 'タイトルは{max}文字以内にしてください',
  },
  {
    titleRequired: 'Please enter a title.',
    titleTooLong: 'The title must be {max} characters or fewer.',
  },
)
