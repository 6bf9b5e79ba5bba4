import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { destroyAll, waitForSync, waitUntil } from './support/clients.ts'
import { fleet } from './support/fleet.ts'
import { createRoom, startServerProcess, tempDataDir, type CreatedRoom, type ServerProcess } from './support/server-process.ts'

// Storage that lost data or is damaged must stop the server with a message, never be served
// as if it were whole (issue #10: a cut WAL silently lost 10 of 20 rooms, a deleted one all).
const ROOMS = 20
const root = path.resolve(import.meta.dirname, '..')

const { start, connect, track, disconnectAll, stopAll } = fleet()
/** The server must exit at start: returns what it printed. */
const refusedStart = async (dataDir: string, env: Record<string, string> = {}): Promise<string> => {
  const err = await startServerProcess({ dataDir, env }).then(
    (s) => {
      track(s)
      throw new Error(`server started on ${dataDir}`)
    },
    (e: Error) => e,
  )
  expect(err.message).toMatch(/^server exited with 1:/)
  return err.message
}
/** Runs one of the npm scripts the way an operator does. */
const npmRun = (script: string, arg: string, dataDir: string) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', script, '--', arg], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => resolve({ code, out }))
  })
const copyDir = (from: string) => {
  const to = tempDataDir('jusou-integrity-')
  fs.cpSync(from, to, { recursive: true })
  return to
}
const memo = (i: number) => `部屋${i}のメモ`

/** Every room opens with its edits. */
async function expectAllRooms(s: ServerProcess, rooms: CreatedRoom[]) {
  const readers = rooms.map((r) => connect(s, r.roomId, r.tokens.view))
  await Promise.all(readers.map((c) => waitForSync(c.provider)))
  expect(readers.map((c) => c.doc.getText('memo').toString())).toEqual(rooms.map((_, i) => memo(i)))
  destroyAll(readers)
}

describe('storage integrity across SIGKILL and damage', () => {
  let rooms: CreatedRoom[] = []
  /** The data directory as a SIGKILLed server left it: 20 rooms, all in the WAL. */
  let pristine: string

  beforeAll(async () => {
    const first = await start({})
    for (let i = 0; i < ROOMS; i++) rooms.push(await createRoom(first.url, `ルーム${i}`))
    // Each edit is seen by a second participant, so it was durable before the kill.
    await Promise.all(
      rooms.map(async (r, i) => {
        const w = connect(first, r.roomId, r.tokens.edit)
        const watcher = connect(first, r.roomId, r.tokens.view)
        await Promise.all([waitForSync(w.provider), waitForSync(watcher.provider)])
        w.doc.getText('memo').insert(0, memo(i))
        await waitUntil(() => watcher.doc.getText('memo').toString() === memo(i), `room ${i} edit seen`)
      }),
    )
    await first.kill('SIGKILL')
    disconnectAll()
    pristine = first.dataDir
    expect(fs.statSync(path.join(pristine, 'jusou.db-wal')).size).toBeGreaterThan(0)
  })

  afterAll(stopAll)

  it('refuses a cut WAL, a deleted WAL and a damaged page; ACCEPT_DATA_LOSS=1 starts anyway', async () => {
    const cut = copyDir(pristine)
    const wal = path.join(cut, 'jusou.db-wal')
    fs.truncateSync(wal, Math.floor(fs.statSync(wal).size / 2))

    const deleted = copyDir(pristine)
    fs.rmSync(path.join(deleted, 'jusou.db-wal'))
    const accepted = copyDir(deleted)

    const damaged = copyDir(pristine)
    const db = new Database(path.join(damaged, 'jusou.db'))
    expect((db.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n).toBe(ROOMS)
    db.close() // the last connection checkpoints the WAL into the file, so its pages hold the rooms
    const file = path.join(damaged, 'jusou.db')
    const bytes = fs.readFileSync(file)
    bytes.fill(0x5a, 4096 + 16, 4096 * 4)
    fs.writeFileSync(file, bytes)

    const [cutOut, deletedOut, damagedOut, acceptedServer] = await Promise.all([
      refusedStart(cut),
      refusedStart(deleted),
      refusedStart(damaged),
      start({ dataDir: accepted, env: { ACCEPT_DATA_LOSS: '1' } }),
    ])

    for (const [out, dir] of [[cutOut, cut], [deletedOut, deleted]]) {
      expect(out).toContain(`データディレクトリ ${dir} のデータベースが、記録より少ない内容しか持っていません`)
      expect(out).toContain(`The database in data directory ${dir} holds less than recorded`)
      expect(out).toContain(`記録: ルーム ${ROOMS} 件`)
      expect(out).toContain('npm run restore -- <')
      expect(out).toContain('ACCEPT_DATA_LOSS=1')
      expect(out).toContain('"event":"server.refused","reason":"DATA_LOSS"')
    }
    expect(cutOut).toMatch(new RegExp(`見つかったもの: ルーム ([0-9]|1[0-9]) 件`)) // fewer than 20
    expect(deletedOut).toContain('見つかったもの: ルーム 0 件・更新番号 0')
    expect(damagedOut).toContain('が壊れています（quick_check:')
    expect(damagedOut).toContain('is damaged (quick_check:')
    expect(damagedOut).toContain('"reason":"CORRUPT"')
    // The refused directories are left as found, for a restore.
    expect(fs.existsSync(path.join(deleted, 'jusou.db-wal'))).toBe(false)

    expect(acceptedServer.output()).toContain('"event":"storage.data_loss_accepted"')
    await acceptedServer.kill('SIGTERM')
    const record = JSON.parse(fs.readFileSync(path.join(accepted, 'jusou.state.json'), 'utf8'))
    expect(record).toMatchObject({ rooms: 0, maxSeq: 0 })
  })

  it('starts on an untouched directory after SIGKILL and loads every room; a second server is refused', async () => {
    const dir = copyDir(pristine)
    const s = await start({ dataDir: dir })
    await expectAllRooms(s, rooms)
    const out = await refusedStart(dir)
    expect(out).toContain(`データディレクトリ ${dir} は別のプロセス（pid ${s.child.pid}`)
    expect(out).toContain('Two servers writing one database would damage it')
    expect(out).toContain('"reason":"LOCKED"')
    // The first one is unharmed by the attempt.
    await expectAllRooms(s, rooms.slice(0, 3))
    await s.kill('SIGTERM')
  })

  it('backs up online while edits flow, refuses to restore under a running server, and restores', async () => {
    const dir = copyDir(pristine)
    const s = await start({ dataDir: dir })
    const writer = connect(s, rooms[0].roomId, rooms[0].tokens.edit)
    const watcher = connect(s, rooms[0].roomId, rooms[0].tokens.view)
    await Promise.all([waitForSync(writer.provider), waitForSync(watcher.provider)])
    const flags = writer.doc.getMap<boolean>('flags')
    flags.set('before-backup', true)
    await waitUntil(() => watcher.doc.getMap('flags').get('before-backup') === true, 'flag seen')

    const counter = writer.doc.getArray<number>('counter')
    let n = 0
    const burst = setInterval(() => counter.push([n++]), 3)
    const backupDir = tempDataDir('jusou-backups-')
    const backup = await npmRun('backup', backupDir, dir)
    clearInterval(burst)
    expect(backup.code, backup.out).toBe(0)
    const m = /バックアップを作成しました: (\S+jusou-\d{8}-\d{6}\.db)（[\d.]+ [KM]B、ルーム 20 件、quick_check: ok）/.exec(backup.out)
    expect(m, backup.out).not.toBeNull()
    expect(backup.out).toMatch(/Backup written: \S+ \([\d.]+ [KM]B, 20 rooms, quick_check: ok\)/)
    const backupFile = m![1]
    expect(fs.readdirSync(backupDir)).toEqual([path.basename(backupFile)]) // one file, no -wal beside it
    expect(n).toBeGreaterThan(0)

    flags.set('after-backup', true)
    await waitUntil(() => watcher.doc.getMap('flags').get('after-backup') === true, 'flag seen')
    const refused = await npmRun('restore', backupFile, dir)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('サーバーを止めてから')
    expect(refused.out).toContain('stop the server')
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([])
    disconnectAll()
    await s.kill('SIGTERM')

    const restored = await npmRun('restore', backupFile, dir)
    expect(restored.code, restored.out).toBe(0)
    expect(restored.out).toContain(`復元しました: ${backupFile}`)
    expect(restored.out).toContain('Restored:')
    expect(fs.readdirSync(dir).filter((f) => /^jusou\.db\.before-restore-\d{8}-\d{6}$/.test(f))).toHaveLength(1)

    // The record was rewritten to the backup's contents: no ACCEPT_DATA_LOSS needed.
    const again = await start({ dataDir: dir })
    await expectAllRooms(again, rooms)
    const r0 = connect(again, rooms[0].roomId, rooms[0].tokens.view)
    await waitForSync(r0.provider)
    expect(r0.doc.getMap('flags').toJSON()).toEqual({ 'before-backup': true })
    // A consistent copy: the edits made during the backup form an unbroken prefix.
    const kept = r0.doc.getArray<number>('counter').toArray()
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => i))
  })

  it('deleted content (compacted updates) is gone from the database file after a checkpoint', async () => {
    const SECRET = 'SECRET-相談記録-7f3a9c'
    const s = await start({ env: { COMPACT_AFTER_UPDATES: '5' } })
    const room = await createRoom(s.url)
    const w = connect(s, room.roomId, room.tokens.edit)
    const watcher = connect(s, room.roomId, room.tokens.view)
    await Promise.all([waitForSync(w.provider), waitForSync(watcher.provider)])
    const text = w.doc.getText('memo')
    text.insert(0, SECRET)
    await waitUntil(() => watcher.doc.getText('memo').toString() === SECRET, 'secret seen')
    text.delete(0, SECRET.length)
    for (let i = 0; i < 12; i++) w.doc.getMap('m').set(`k${i}`, i)
    await waitUntil(() => watcher.doc.getMap('m').size === 12, 'edits seen')
    disconnectAll()
    await s.kill('SIGTERM') // compacts, checkpoints and removes the WAL
    const files = fs.readdirSync(s.dataDir)
    expect(files).not.toContain('jusou.db-wal')
    for (const f of files) expect(fs.readFileSync(path.join(s.dataDir, f)).includes(Buffer.from(SECRET)), f).toBe(false)
  })
})
