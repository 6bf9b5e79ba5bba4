/**
 * Presence over Yjs awareness (not over the document: cursors are ephemeral and must never be
 * stored by the server).
 *
 * Awareness local state (contract with server/ and bench/):
 *   { user: { id, name, org, color }, presence: { cursor, currentPageId, selectedShapeIds,
 *     camera, screenBounds, chatMessage, brush, scribbles, followingUserId, meta } | null }
 * `user` is set as soon as the participant has entered their name, even when the board is not
 * shown (the participant list works without tldraw). `presence` is set only while a board is
 * mounted. `user.id` is the stable per-browser tldraw user id, so that tldraw's "follow" works.
 *
 * Local presence is derived from the tldraw store and published at most every
 * PRESENCE_INTERVAL_MS (20 Hz), trailing edge included so the last position is never lost.
 * Remote states become tldraw `instance_presence` records (through mergeRemoteChanges, so
 * they never reach the document or the undo stack) which tldraw renders as named cursors,
 * selections and brushes. The cursor label is `名前（所属）`.
 */
import { InstancePresenceRecordType, react, type TLInstancePresence, type TLStore } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { presenceWithoutUser } from '../library-seams'
import { participantLabel } from '../session/participant'
import { boardLang } from './board-lang'
import { visibleCursorIds } from './cursor-cap'

export const PRESENCE_INTERVAL_MS = 50

export interface AwarenessUser {
  id: string
  name: string
  org: string
  color: string
}

export type AwarenessPresence = Pick<
  TLInstancePresence,
  | 'cursor'
  | 'currentPageId'
  | 'selectedShapeIds'
  | 'camera'
  | 'screenBounds'
  | 'chatMessage'
  | 'brush'
  | 'scribbles'
  | 'followingUserId'
  | 'meta'
>

export interface AwarenessState {
  user?: AwarenessUser
  presence?: AwarenessPresence | null
}

export function setLocalUser(awareness: Awareness, user: AwarenessUser): void {
  awareness.setLocalStateField('user', user)
}

function currentPresence(store: TLStore): AwarenessPresence | null {
  // tldraw's presence reads instance, pointer, camera and page state from the store; the user
  // fields it also fills in are ignored (ours travel in `user`).
  const state = presenceWithoutUser(store)
  if (!state) return null
  return {
    cursor: state.cursor as AwarenessPresence['cursor'],
    currentPageId: state.currentPageId,
    selectedShapeIds: state.selectedShapeIds,
    camera: state.camera,
    screenBounds: state.screenBounds,
    chatMessage: state.chatMessage,
    brush: state.brush,
    scribbles: state.scribbles,
    followingUserId: state.followingUserId,
    meta: {},
  }
}

/** Build the tldraw record for a remote awareness state, or null if it has no presence. */
export function presenceRecordFor(
  clientId: number,
  state: AwarenessState | undefined,
  lastActivityTimestamp: number,
): TLInstancePresence | null {
  const user = state?.user
  const presence = state?.presence
  if (!user || !presence || typeof presence !== 'object') return null
  const name = typeof user.name === 'string' ? user.name : ''
  const org = typeof user.org === 'string' ? user.org : ''
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(String(clientId)),
    userId: typeof user.id === 'string' && user.id ? user.id : `client-${clientId}`,
    userName: participantLabel(name, org, boardLang.get()),
    color: typeof user.color === 'string' && user.color ? user.color : '#7B66DC',
    lastActivityTimestamp,
    currentPageId: presence.currentPageId,
    cursor: presence.cursor ?? null,
    selectedShapeIds: Array.isArray(presence.selectedShapeIds) ? presence.selectedShapeIds : [],
    camera: presence.camera ?? null,
    screenBounds: presence.screenBounds ?? null,
    chatMessage: typeof presence.chatMessage === 'string' ? presence.chatMessage : '',
    brush: presence.brush ?? null,
    scribbles: Array.isArray(presence.scribbles) ? presence.scribbles : [],
    followingUserId: presence.followingUserId ?? null,
    meta: {},
  })
}

export interface PresenceBindingOptions {
  store: TLStore
  awareness: Awareness
  intervalMs?: number
}

export function bindPresence({ store, awareness, intervalMs = PRESENCE_INTERVAL_MS }: PresenceBindingOptions): () => void {
  // ---- Local → awareness (throttled) -----------------------------------------------------
  let lastSent = 0
  let pending: AwarenessPresence | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const send = () => {
    timer = null
    lastSent = Date.now()
    awareness.setLocalStateField('presence', pending)
  }
  const stopReacting = react('publish presence to awareness', () => {
    pending = currentPresence(store)
    if (timer) return
    const wait = intervalMs - (Date.now() - lastSent)
    if (wait <= 0) send()
    else timer = setTimeout(send, wait)
  })

  // ---- Remote awareness → instance_presence records -----------------------------------------
  // lastActivityTimestamp is our own receive time of the last *change*, not the sender's clock
  // (clocks on office PCs differ); periodic awareness renewals without change do not count, so
  // tldraw's idle/inactive fading of cursors works.
  const shown = new Set<number>()
  // Receive time of each peer's last presence change: decides whose cursor is drawn when
  // more people are present than MAX_VISIBLE_CURSORS (see cursor-cap.ts).
  const lastActivity = new Map<number, number>()

  const sync = (clientIds: number[], removed: number[]) => {
    const states = awareness.getStates() as Map<number, AwarenessState>
    const now = Date.now()
    const records = new Map<number, TLInstancePresence>()
    const recordOf = (clientId: number): TLInstancePresence | null => {
      try {
        return presenceRecordFor(clientId, states.get(clientId), now)
      } catch {
        return null
      }
    }
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const record = recordOf(clientId)
      if (record) {
        records.set(clientId, record)
        lastActivity.set(clientId, now)
      } else {
        lastActivity.delete(clientId)
      }
    }
    for (const clientId of removed) lastActivity.delete(clientId)

    const visible = visibleCursorIds(lastActivity, shown, now)
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = []
    for (const clientId of visible) {
      // Changed peers, and peers that just became visible again.
      if (!records.has(clientId) && shown.has(clientId)) continue
      const record = records.get(clientId) ?? recordOf(clientId)
      if (!record) continue
      toPut.push(record)
      shown.add(clientId)
    }
    for (const clientId of [...shown]) {
      if (visible.has(clientId)) continue
      toRemove.push(InstancePresenceRecordType.createId(String(clientId)))
      shown.delete(clientId)
    }
    if (!toPut.length && !toRemove.length) return
    store.mergeRemoteChanges(() => {
      const existing = toRemove.filter((id) => store.has(id))
      if (existing.length) store.remove(existing)
      for (const record of toPut) {
        try {
          store.put([record])
        } catch {
          // a malformed state from a peer: ignore it rather than break the board
        }
      }
    })
  }

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    sync([...added, ...updated], removed)
  awareness.on('change', onChange)
  sync([...awareness.getStates().keys()], [])

  return () => {
    stopReacting()
    if (timer) clearTimeout(timer)
    awareness.off('change', onChange)
    if (awareness.getLocalState() !== null) awareness.setLocalStateField('presence', null)
    const ids = [...shown].map((id) => InstancePresenceRecordType.createId(String(id))).filter((id) => store.has(id))
    if (ids.length) store.mergeRemoteChanges(() => store.remove(ids))
    shown.clear()
    lastActivity.clear()
  }
}
