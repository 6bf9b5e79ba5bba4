import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import { freshAwarenessEntries } from './awareness-filter.ts'

describe('awareness filter', () => {
  it('keeps new states, drops echoes of states the server already has, and keeps removals', () => {
    const alice = new awarenessProtocol.Awareness(new Y.Doc())
    const bob = new awarenessProtocol.Awareness(new Y.Doc())
    const server = new awarenessProtocol.Awareness(new Y.Doc())
    server.setLocalState(null)
    alice.setLocalState({ user: { name: '佐藤', org: '福祉課' }, cursor: { x: 1, y: 2 } })
    bob.setLocalState({ user: { name: '鈴木', org: '社協' } })

    const both = awarenessProtocol.encodeAwarenessUpdate(alice, [alice.clientID])
    expect(freshAwarenessEntries(server, both)).toBe(both)
    awarenessProtocol.applyAwarenessUpdate(server, both, null)

    // Bob echoes Alice's state back (stock client behaviour) together with his own.
    awarenessProtocol.applyAwarenessUpdate(bob, both, null)
    const echo = awarenessProtocol.encodeAwarenessUpdate(bob, [alice.clientID, bob.clientID])
    const filtered = freshAwarenessEntries(server, echo)!
    const probe = new awarenessProtocol.Awareness(new Y.Doc())
    probe.setLocalState(null)
    awarenessProtocol.applyAwarenessUpdate(probe, filtered, null)
    expect([...probe.getStates().keys()]).toEqual([bob.clientID])

    // Only echoes: nothing to do at all.
    awarenessProtocol.applyAwarenessUpdate(server, filtered, null)
    expect(freshAwarenessEntries(server, echo)).toBeNull()

    // Alice leaves: her removal (same rule as y-protocols) still gets through.
    alice.setLocalState(null)
    const removal = awarenessProtocol.encodeAwarenessUpdate(alice, [alice.clientID])
    expect(freshAwarenessEntries(server, removal)).toBe(removal)
    awarenessProtocol.applyAwarenessUpdate(server, removal, null)
    expect(server.getStates().has(alice.clientID)).toBe(false)
    expect(freshAwarenessEntries(server, removal)).toBeNull()
  })

  it('throws on a truncated update, like y-protocols does', () => {
    const server = new awarenessProtocol.Awareness(new Y.Doc())
    expect(() => freshAwarenessEntries(server, new Uint8Array([3, 1]))).toThrow(Error)
  })
})
