import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { waitForSync, waitUntil } from './support/clients.ts'
import { fleet } from './support/fleet.ts'
import { createRoom } from './support/server-process.ts'

// The promise to a workshop: whatever one participant has seen on screen survives a crash.
describe('durability across SIGKILL', () => {
  const { start, connect, disconnectAll, stopAll } = fleet()
  afterEach(stopAll)

  it('keeps every update another participant had received when the server is killed mid-burst', async () => {
    const first = await start()
    const room = await createRoom(first.url)
    const writer = connect(first, room.roomId, room.tokens.edit)
    const watcher = connect(first, room.roomId, room.tokens.edit)
    await Promise.all([waitForSync(writer.provider), waitForSync(watcher.provider)])

    // Keep writing while the server is killed: the watcher's view at the moment of the kill
    // is what "seen by another participant" means.
    const items = writer.doc.getArray<number>('log')
    let n = 0
    const burst = setInterval(() => {
      for (let k = 0; k < 5; k++) items.push([n++])
    }, 2)
    await waitUntil(() => watcher.doc.getArray('log').length >= 300, 'watcher has seen 300 items')
    first.child.kill('SIGKILL')
    const seen = watcher.doc.getArray<number>('log').toArray()
    clearInterval(burst)
    await new Promise((r) => first.child.once('exit', r))
    disconnectAll()

    const second = await start({ dataDir: first.dataDir })
    const reader = connect(second, room.roomId, room.tokens.view)
    await waitForSync(reader.provider)
    const stored = new Set(reader.doc.getArray<number>('log').toArray())
    const lost = seen.filter((x) => !stored.has(x))
    expect(seen.length).toBeGreaterThanOrEqual(300)
    expect(lost).toEqual([])
  })

  it('loses nothing when compaction runs under concurrent writers, then a SIGKILL', async () => {
    const first = await start({ env: { COMPACT_AFTER_UPDATES: '7' } })
    const room = await createRoom(first.url)
    const writers = [0, 1, 2, 3].map(() => connect(first, room.roomId, room.tokens.edit))
    await Promise.all(writers.map((w) => waitForSync(w.provider)))
    await Promise.all(
      writers.map(async (w, i) => {
        for (let k = 0; k < 150; k++) {
          w.doc.getMap('cards').set(`w${i}-${k}`, k)
          if (k % 10 === 0) await new Promise((r) => setTimeout(r, 1))
        }
      }),
    )
    await waitUntil(() => writers.every((w) => w.doc.getMap('cards').size === 600), 'all writers converge')
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))
    disconnectAll()
    // Compaction really ran during the writes: a snapshot exists and the log was trimmed.
    const db = new Database(path.join(first.dataDir, 'jusou.db'), { readonly: true })
    const snapshots = db.prepare('SELECT count(*) AS n FROM doc_snapshots WHERE room_id = ?').get(room.roomId) as { n: number }
    const logged = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE room_id = ?').get(room.roomId) as { n: number }
    db.close()
    expect(snapshots.n).toBe(1)
    expect(logged.n).toBeLessThan(600)

    const second = await start({ dataDir: first.dataDir })
    const reader = connect(second, room.roomId, room.tokens.view)
    await waitForSync(reader.provider)
    expect(reader.doc.getMap('cards').size).toBe(600)
  })

  it('restores a room after a clean stop, from the compacted snapshot', async () => {
    const first = await start()
    const room = await createRoom(first.url)
    const w = connect(first, room.roomId, room.tokens.edit)
    await waitForSync(w.provider)
    w.doc.getText('memo').insert(0, '支援会議メモ')
    await new Promise((r) => setTimeout(r, 200))
    disconnectAll()
    await first.kill('SIGTERM')

    const second = await start({ dataDir: first.dataDir })
    const r = connect(second, room.roomId, room.tokens.view)
    await waitForSync(r.provider)
    expect(r.doc.getText('memo').toString()).toBe('支援会議メモ')
  })
})
