import * as encoding from 'lib0/encoding'
import type { Awareness } from 'y-protocols/awareness'
import { messageAwareness } from './protocol.ts'

interface Entry {
  clock: number
  present: boolean
  bytes: Uint8Array
}

/**
 * Builds a room's awareness messages, encoding each participant's entry once per change.
 *
 * Why: with staggered ticks (room.ts) a moved cursor goes out in up to five group messages, and
 * joins and slow clients get the full state; y-protocols' encoder would JSON.stringify the same
 * state for each. The bytes are exactly y-protocols' `encodeAwarenessUpdate` (tested), cached per
 * participant by clock and presence: a remote participant's removal keeps its clock.
 */
export class AwarenessEncoder {
  private readonly entries = new Map<number, Entry>()

  constructor(private readonly awareness: Awareness) {}

  /** The y-websocket awareness message for these participants (unknown ids are left out). */
  message(clientIds: Iterable<number>): Uint8Array {
    const parts: Uint8Array[] = []
    for (const id of clientIds) {
      const entry = this.entry(id)
      if (entry) parts.push(entry)
    }
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, parts.length)
    for (const part of parts) encoding.writeUint8Array(update, part)
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, messageAwareness)
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
    return encoding.toUint8Array(message)
  }

  private entry(clientId: number): Uint8Array | null {
    const meta = this.awareness.meta.get(clientId)
    if (!meta) return null
    const state = this.awareness.states.get(clientId)
    const present = state !== undefined
    const cached = this.entries.get(clientId)
    if (cached && cached.clock === meta.clock && cached.present === present) return cached.bytes
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, clientId)
    encoding.writeVarUint(e, meta.clock)
    encoding.writeVarString(e, JSON.stringify(state ?? null))
    const bytes = encoding.toUint8Array(e)
    this.entries.set(clientId, { clock: meta.clock, present, bytes })
    return bytes
  }
}
