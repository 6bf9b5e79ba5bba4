import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { tempDataDir } from '../../test/support/server-process.ts'
import { SqliteStorage } from './sqlite.ts'

const replay = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const u of stored.updates) Y.applyUpdate(doc, u)
  return doc
}

describe('SQLite document store', () => {
  it('replays snapshot plus later updates into the same document', async () => {
    const store = new SqliteStorage(tempDataDir())
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 10; i++) source.getArray('a').push([i])

    const { lastSeq } = await store.append('r', updates.slice(0, 6))
    await store.compact('r', Y.encodeStateAsUpdate(replay(await store.load('r'))), lastSeq)
    await store.append('r', updates.slice(6))

    const loaded = await store.load('r')
    expect(loaded.snapshot).not.toBeNull()
    expect(loaded.updates).toHaveLength(4)
    expect(replay(loaded).getArray('a').toArray()).toEqual(source.getArray('a').toArray())
    store.close()
  })

  it('never lets an older snapshot replace a newer one', async () => {
    const store = new SqliteStorage(tempDataDir())
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    doc.getMap('m').set('a', 1)
    const first = await store.append('r', updates.splice(0))
    const oldSnapshot = Y.encodeStateAsUpdate(doc)
    doc.getMap('m').set('b', 2)
    const second = await store.append('r', updates.splice(0))
    await store.compact('r', Y.encodeStateAsUpdate(doc), second.lastSeq)
    await store.compact('r', oldSnapshot, first.lastSeq)
    expect(replay(await store.load('r')).getMap('m').toJSON()).toEqual({ a: 1, b: 2 })
    store.close()
  })

  it('keeps rooms apart', async () => {
    const store = new SqliteStorage(tempDataDir())
    const a = new Y.Doc()
    a.getMap('m').set('room', 'a')
    await store.append('a', [Y.encodeStateAsUpdate(a)])
    expect((await store.load('b')).updates).toHaveLength(0)
    expect((await store.load('a')).updates).toHaveLength(1)
    store.close()
  })
})
