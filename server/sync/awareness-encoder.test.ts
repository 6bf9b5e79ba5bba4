import { afterEach, describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessEncoder } from './awareness-encoder.ts'
import { messageAwareness } from './protocol.ts'

/** What the stock server sends: y-protocols' own encoding, framed as an awareness message. */
function stockMessage(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, messageAwareness)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, ids))
  return encoding.toUint8Array(e)
}

function roomWithPeers() {
  const room = new awarenessProtocol.Awareness(new Y.Doc())
  room.setLocalState(null)
  const peers = [11, 22, 33].map((id) => {
    const doc = new Y.Doc()
    doc.clientID = id
    const peer = new awarenessProtocol.Awareness(doc)
    peer.setLocalState({ user: { name: `参加者${id}`, org: '福祉課' }, cursor: { x: id, y: 0 } })
    awarenessProtocol.applyAwarenessUpdate(room, awarenessProtocol.encodeAwarenessUpdate(peer, [id]), 'peer')
    return peer
  })
  return { room, peers }
}

describe('awareness encoder', () => {
  afterEach(() => vi.restoreAllMocks())

  it('sends exactly the bytes y-protocols would, for present, moved and departed participants', () => {
    const { room, peers } = roomWithPeers()
    const encoder = new AwarenessEncoder(room)
    expect(encoder.message([11, 22, 33])).toEqual(stockMessage(room, [11, 22, 33]))

    peers[1].setLocalStateField('cursor', { x: 99, y: 5 })
    awarenessProtocol.applyAwarenessUpdate(room, awarenessProtocol.encodeAwarenessUpdate(peers[1], [22]), 'peer')
    expect(encoder.message([22, 11])).toEqual(stockMessage(room, [22, 11]))

    // A participant whose connection closed is removed with the same clock: sent as null.
    awarenessProtocol.removeAwarenessStates(room, [33], null)
    expect(encoder.message([33])).toEqual(stockMessage(room, [33]))
  })

  it('encodes each participant’s state once per change, however many groups it is sent to', () => {
    const { room } = roomWithPeers()
    const encoder = new AwarenessEncoder(room)
    const stringify = vi.spyOn(JSON, 'stringify')
    for (let group = 0; group < 5; group++) encoder.message([11, 22, 33])
    expect(stringify).toHaveBeenCalledTimes(3)
  })

  it('leaves out ids it has never heard of', () => {
    const { room } = roomWithPeers()
    expect(new AwarenessEncoder(room).message([11, 404])).toEqual(stockMessage(room, [11]))
  })
})
