import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { tempDataDir } from '../../test/support/server-process.ts'
import { deepValueUpdate } from '../../test/support/hostile-frames.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { loadRoomDoc, replayStored } from './replay.ts'
import { Room } from './room.ts'

const options = { compactAfterUpdates: 1e9, compactAfterBytes: 1e12, awarenessTickMs: 0, awarenessSkipBytes: 1e9, disconnectBytes: 1e9 }

function edit(key: string, value: unknown, clientID: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientID
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

// A room whose storage holds something unloadable (written before the update guard existed,
// or damaged) still opens for everyone; what failed is kept aside, not deleted.
describe('replaying a room from storage', () => {
  it('opens a room holding a stored 5,000-deep update, and quarantines that update', async () => {
    const storage = new SqliteStorage(tempDataDir())
    await storage.append('r', [edit('a', 1, 1), deepValueUpdate(5_000, 'bad'), edit('b', 2, 3)])
    const lines: string[] = []
    const log = { info: () => {}, error: (event: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ event, ...fields })) }
    const room = await Room.load('r', storage, options, log)
    expect(room.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    await room.close()
    expect(lines.join('\n')).toMatch(/"event":"room.quarantined","room":"r","snapshot":false,"updates":1/)
    const quarantined = await storage.listQuarantine('r')
    expect(quarantined).toHaveLength(1)
    expect(quarantined[0]).toMatchObject({ roomId: 'r', seq: 2 })
    // The next load is clean: the good state became the snapshot.
    const again = await loadRoomDoc(storage, 'r')
    expect(again.problems).toEqual([])
    expect(again.doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    storage.close()
  })

  it('opens from the updates when the snapshot itself is unreadable', async () => {
    const storage = new SqliteStorage(tempDataDir())
    await storage.append('r', [edit('a', 1, 1)])
    storage.db.prepare('INSERT INTO doc_snapshots (room_id, data, upto_seq) VALUES (?, ?, ?)').run('r', Buffer.from([9, 9, 9, 9]), 0)
    const { doc, problems } = await loadRoomDoc(storage, 'r')
    expect(problems.map((p) => p.seq)).toEqual([null])
    expect(doc.getMap('m').toJSON()).toEqual({ a: 1 })
    expect((await loadRoomDoc(storage, 'r')).problems).toEqual([])
    storage.close()
  })

  it('takes the fast path, one transaction, when everything loads', () => {
    const stored = { snapshot: null, updates: [edit('a', 1, 1), edit('b', 2, 2)], seqs: [1, 2], lastSeq: 2, updatesSinceSnapshot: 2, bytesSinceSnapshot: 0 }
    const { doc, problems } = replayStored(stored)
    expect(problems).toEqual([])
    expect(doc.getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
  })
})
