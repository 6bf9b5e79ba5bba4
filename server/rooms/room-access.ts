import { roles, type CreateRoomRequest, type CreateRoomResponse, type Role } from '../../shared/rooms.ts'
import type { RoomDirectory, RoomRecord } from '../storage/doc-store.ts'
import { hashToken, looksLikeToken, newRoomId, newToken } from './tokens.ts'

/** Creates a room and its three capability links. Tokens leave the server only here, once. */
export async function createRoom(
  directory: RoomDirectory,
  input: CreateRoomRequest,
  origin: string,
): Promise<CreateRoomResponse> {
  const room: RoomRecord = { id: newRoomId(), title: input.title, kind: input.kind, createdAt: new Date().toISOString() }
  const tokens = Object.fromEntries(roles.map((r) => [r, newToken()])) as Record<Role, string>
  const hashes = Object.fromEntries(roles.map((r) => [r, hashToken(tokens[r])])) as Record<Role, string>
  await directory.create(room, hashes)
  const link = (role: Role) => `${origin}/r/${room.id}#k=${tokens[role]}`
  return {
    roomId: room.id,
    title: room.title,
    kind: room.kind,
    createdAt: room.createdAt,
    links: { facilitate: link('facilitate'), edit: link('edit'), view: link('view') },
  }
}

export type AccessResult =
  | { ok: true; room: RoomRecord; role: Role }
  | { ok: false; reason: 'missing-token' | 'forbidden' | 'not-found' }

/** Resolves a token to a role in a room. Shared by the HTTP API and the WebSocket upgrade. */
export async function authorize(
  directory: RoomDirectory,
  roomId: string,
  token: string | null | undefined,
): Promise<AccessResult> {
  if (!token) return { ok: false, reason: 'missing-token' }
  const room = /^[A-Za-z0-9_-]{1,64}$/.test(roomId) ? await directory.get(roomId) : null
  if (!room) return { ok: false, reason: 'not-found' }
  const role = looksLikeToken(token) ? await directory.roleForToken(roomId, hashToken(token)) : null
  if (!role) return { ok: false, reason: 'forbidden' }
  return { ok: true, room, role }
}

export function canEdit(role: Role): boolean {
  return role === 'edit' || role === 'facilitate'
}
