import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'

/** Top-level message types of the y-websocket protocol (same numbers as the stock provider). */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

export const syncStep1 = syncProtocol.messageYjsSyncStep1
export const syncStep2 = syncProtocol.messageYjsSyncStep2
export const syncUpdate = syncProtocol.messageYjsUpdate

function encodeSyncMessage(subType: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageSync)
  encoding.writeVarUint(enc, subType)
  encoding.writeVarUint8Array(enc, payload)
  return encoding.toUint8Array(enc)
}

/** A document update framed for the wire; built once and sent as the same buffer to everyone. */
export const encodeUpdateMessage = (update: Uint8Array) => encodeSyncMessage(syncUpdate, update)
export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSyncMessage(syncStep1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => encodeSyncMessage(syncStep2, update)

/** Tells a read-only client that its update was dropped; the stock provider logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageAuth)
  authProtocol.writePermissionDenied(enc, reason)
  return encoding.toUint8Array(enc)
}
