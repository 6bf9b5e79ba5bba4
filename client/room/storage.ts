/**
 * What the browser remembers between visits.
 *
 * - The room token comes in the URL fragment (`#k=...`, never sent to the server in requests or
 *   Referer headers). We copy it to sessionStorage, keyed by room, so that a reload of the
 *   bare `/r/:roomId` URL in the same tab still works, but it does not outlive the tab.
 * - The participant profile (表示名 and 所属) is in localStorage, shared by all rooms.
 * - The last room info is cached in localStorage so that the room can open offline.
 */
import type { RoomInfoResponse } from '../../shared/rooms'

function safeGet(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

function safeSet(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value)
  } catch {
    // storage disabled or full: we just do not remember
  }
}

/** Token from a fragment like `#k=abc` (other fragment parameters are ignored). */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('k')
  return token && token.trim() ? token.trim() : null
}

const tokenKey = (roomId: string) => `jusou-token-${roomId}`

/** The token for this room: from the fragment (remembered for the tab) or from the tab's memory. */
export function resolveRoomToken(roomId: string, hash: string): string | null {
  const fromHash = tokenFromHash(hash)
  if (fromHash) {
    safeSet(() => sessionStorage, tokenKey(roomId), fromHash)
    return fromHash
  }
  return safeGet(() => sessionStorage, tokenKey(roomId))
}

export interface Profile {
  name: string
  org: string
}

const PROFILE_KEY = 'jusou-profile'

export function loadProfile(): Profile | null {
  const raw = safeGet(() => localStorage, PROFILE_KEY)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<Profile>
    if (typeof value.name === 'string' && value.name.trim() && typeof value.org === 'string' && value.org.trim()) {
      return { name: value.name.trim(), org: value.org.trim() }
    }
  } catch {
    // ignore a corrupt entry; the form asks again
  }
  return null
}

export function saveProfile(profile: Profile): void {
  safeSet(() => localStorage, PROFILE_KEY, JSON.stringify(profile))
}

const roomInfoKey = (roomId: string) => `jusou-roominfo-${roomId}`

/** Small non-cryptographic fingerprint (FNV-1a), so the cache can tell links apart without
 *  storing the token itself beyond the tab. */
function fingerprint(token: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

export function cacheRoomInfo(info: RoomInfoResponse, token: string): void {
  safeSet(() => localStorage, roomInfoKey(info.roomId), JSON.stringify({ ...info, link: fingerprint(token) }))
}

export function cachedRoomInfo(roomId: string, token: string): RoomInfoResponse | null {
  const raw = safeGet(() => localStorage, roomInfoKey(roomId))
  if (!raw) return null
  try {
    const { link, ...info } = JSON.parse(raw) as RoomInfoResponse & { link?: string }
    return info.roomId === roomId && link === fingerprint(token) ? info : null
  } catch {
    return null
  }
}
