import { closeCodes } from '../../shared/rooms.ts'
import type { RoomConnection } from './connection.ts'

/**
 * How a room treats participants whose sockets back up (a laptop on weak venue Wi-Fi, a
 * frozen tab). They must never slow the room down, and never lose document data: they miss
 * cursor ticks first, and are disconnected if they keep falling behind on the document —
 * the stock provider reconnects and resyncs from the server's state.
 */
export interface BackpressureLimits {
  /** Above this many queued bytes a connection skips awareness ticks. */
  awarenessSkipBytes: number
  /** Above this many queued bytes a connection is closed and left to resync. */
  disconnectBytes: number
}

/**
 * Sends a document message unless the connection is too far behind. `message` may be a
 * function, so that a large reply (a sync step 2 of the whole document) is not even encoded
 * for a client that is about to be disconnected.
 */
export function sendDocumentMessage(conn: RoomConnection, message: Uint8Array | (() => Uint8Array), limits: BackpressureLimits): void {
  if (conn.bufferedAmount > limits.disconnectBytes) {
    conn.close(closeCodes.tooSlow, 'client too slow, reconnect to resync')
    return
  }
  conn.send(typeof message === 'function' ? message() : message)
}

/**
 * Sends one awareness tick: the delta to connections that are keeping up, the full state to
 * those that missed ticks, nothing to those that are still behind. Each buffer is built once.
 */
export function sendAwarenessTick(
  connections: Iterable<RoomConnection>,
  delta: Uint8Array,
  fullState: () => Uint8Array | null,
  limits: BackpressureLimits,
): void {
  let full: Uint8Array | null | undefined
  for (const conn of connections) {
    if (conn.bufferedAmount > limits.awarenessSkipBytes) {
      conn.awarenessStale = true
      continue
    }
    if (conn.awarenessStale) {
      if (full === undefined) full = fullState()
      conn.awarenessStale = false
      if (full) conn.send(full)
      continue
    }
    conn.send(delta)
  }
}
