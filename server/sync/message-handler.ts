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
 * Throws ProtocolError for anything unreadable, InvalidUpdateError (from the room) for document
 * updates that may not be applied, PolicyError for requests beyond the connection's budget; the
 * caller closes the connection accordingly. Nothing here waits: every error is thrown to the
 * caller synchronously, never left as a rejected promise.
 */
export function handleMessage(room: Room, conn: RoomConnection, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  const type = read(() => decoding.readVarUint(decoder))
  switch (type) {
    case messageSync: {
      const sub = read(() => decoding.readVarUint(decoder))
      const payload = read(() => decoding.readVarUint8Array(decoder))
      if (sub === syncStep1) {
        room.replySyncStep1(conn, payload)
      } else if (sub === syncStep2 || sub === syncUpdate) {
        room.applyClientUpdate(conn, payload)
      } else {
        throw new ProtocolError(`unknown sync message type ${sub}`)
      }
      return
    }
    case messageAwareness: {
      const update = read(() => decoding.readVarUint8Array(decoder))
      room.applyAwarenessUpdate(conn, update)
      return
    }
    case messageQueryAwareness: {
      room.replyAwarenessQuery(conn)
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
