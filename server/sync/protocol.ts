import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
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

/** A document update framed for the wire; built once and sent as the same buffer to everyone. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageSync)
  encoding.writeVarUint(enc, syncUpdate)
  encoding.writeVarUint8Array(enc, update)
  return encoding.toUint8Array(enc)
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageSync)
  encoding.writeVarUint(enc, syncStep1)
  encoding.writeVarUint8Array(enc, stateVector)
  return encoding.toUint8Array(enc)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageSync)
  encoding.writeVarUint(enc, syncStep2)
  encoding.writeVarUint8Array(enc, update)
  return encoding.toUint8Array(enc)
}

export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageAwareness)
  encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(enc)
}

/** Tells a read-only client that its update was dropped; the stock provider logs the reason. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarUint(enc, messageAuth)
  authProtocol.writePermissionDenied(enc, reason)
  return encoding.toUint8Array(enc)
}
