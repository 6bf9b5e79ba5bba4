import { describe, expect, it } from 'vitest'
import { closeCodes } from '../../shared/rooms.ts'
import type { RoomConnection } from './connection.ts'
import { sendAwarenessTick, sendDocumentMessage } from './backpressure.ts'

let ids = 0
function fakeConnection(bufferedAmount: number) {
  const sent: Uint8Array[] = []
  const closed: number[] = []
  const conn: RoomConnection & { bufferedAmount: number } = {
    id: ids++,
    canEdit: true,
    awarenessIds: new Set(),
    awarenessStale: false,
    isOpen: true,
    bufferedAmount,
    send: (m) => sent.push(m),
    close: (code) => closed.push(code),
  }
  return { conn, sent, closed }
}

const limits = { awarenessSkipBytes: 1_000, disconnectBytes: 10_000 }
const delta = new Uint8Array([1, 1])
const full = new Uint8Array([1, 9])

describe('back-pressure', () => {
  it('skips awareness for a backed-up client and sends it the full state once it catches up', () => {
    const fast = fakeConnection(0)
    const slow = fakeConnection(5_000)
    let fullBuilt = 0
    const fullState = () => (fullBuilt++, full)

    sendAwarenessTick([fast.conn, slow.conn], delta, fullState, limits)
    expect(fast.sent).toEqual([delta])
    expect(slow.sent).toEqual([])
    expect(slow.conn.awarenessStale).toBe(true)

    slow.conn.bufferedAmount = 0
    sendAwarenessTick([fast.conn, slow.conn], delta, fullState, limits)
    expect(slow.sent).toEqual([full])
    expect(fast.sent).toEqual([delta, delta])
    expect(fullBuilt).toBe(1)

    sendAwarenessTick([fast.conn, slow.conn], delta, fullState, limits)
    expect(slow.sent).toEqual([full, delta])
  })

  it('keeps sending document updates to a slow client until it is hopelessly behind, then closes it to resync', () => {
    const slow = fakeConnection(5_000)
    sendDocumentMessage(slow.conn, delta, limits)
    expect(slow.sent).toHaveLength(1)
    slow.conn.bufferedAmount = 20_000
    sendDocumentMessage(slow.conn, delta, limits)
    expect(slow.sent).toHaveLength(1)
    expect(slow.closed).toEqual([closeCodes.tooSlow])
  })
})
