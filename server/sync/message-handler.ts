import * as decoding from 'lib0/decoding'
import { ProtocolError, type RoomConnection } from './connection.ts'
import {
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './protocol.ts'
import type { Room } from './room.ts'

/**
 * Reads one y-websocket message from a participant and acts on it.
 * Throws ProtocolError for anything unreadable and InvalidUpdateError (from the room) for
 * document updates Yjs rejects; the caller closes the connection accordingly.
 */
export function handleMessage(room: Room, conn: RoomConnection, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  const type = read(() => decoding.readVarUint(decoder))
  switch (type) {
    case messageSync: {
      const sub = read(() => decoding.readVarUint(decoder))
      const payload = read(() => decoding.readVarUint8Array(decoder))
      if (sub === syncStep1) {
        void room.replySyncStep1(conn, payload)
      } else if (sub === syncStep2 || sub === syncUpdate) {
        room.applyClientUpdate(conn, payload)
      } else {
        throw new ProtocolError(`unknown sync message type ${sub}`)
      }
      return
    }
    case messageAwareness: {
      const update = read(() => decoding.readVarUint8Array(decoder))
      try {
        room.applyAwarenessUpdate(conn, update)
      } catch (err) {
        throw new ProtocolError(`unreadable awareness update: ${(err as Error).message}`)
      }
      return
    }
    case messageQueryAwareness: {
      const reply = room.awarenessMessage()
      if (reply) conn.send(reply)
      return
    }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

function read<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw new ProtocolError(`truncated or malformed message: ${(err as Error).message}`)
  }
}
