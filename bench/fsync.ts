/**
 * npm run bench:fsync -- [--commits 500] [--gaps 0,10]
 *
 * What does durability cost on this machine's disk? Our server commits each batch of edits to
 * SQLite before any peer sees them (server/storage/sqlite.ts, WAL). This times one commit of a
 * 400-byte update — the bench:sync edit size — with `synchronous=FULL` (fsync per commit, our
 * default) and `NORMAL` (no fsync; survives a killed process, not a power cut), back to back
 * (gap 0) and spaced as in a workshop (gap 10 ms ≈ 100 edits/s). Reference: a raw 4 KB write +
 * fdatasync on a preallocated file, the least any durable commit can cost here.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { quantile, table } from './lib/stats.ts'

const { values: opts } = parseArgs({
  options: { commits: { type: 'string', default: '500' }, gaps: { type: 'string', default: '0,10' } },
})
const commits = Number(opts.commits)
const gaps = opts.gaps.split(',').map(Number)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function timeEach(gapMs: number, op: () => void): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < commits; i++) {
    if (gapMs > 0) await sleep(gapMs)
    const t = process.hrtime.bigint()
    op()
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return times
}

async function sqliteCommit(synchronous: 'FULL' | 'NORMAL', gapMs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jusou-fsync-'))
  const db = new Database(join(dir, 'bench.db'))
  try {
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${synchronous}`)
    // Same table shape as server/storage/sqlite.ts.
    db.exec(`CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, data BLOB NOT NULL);
             CREATE INDEX doc_updates_room_seq ON doc_updates (room_id, seq);`)
    const insert = db.prepare('INSERT INTO doc_updates (room_id, data) VALUES (?, ?)')
    const update = Buffer.alloc(400, 7)
    const commit = db.transaction(() => insert.run('room', update))
    return await timeEach(gapMs, () => commit())
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function rawFdatasync(gapMs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jusou-fsync-'))
  const fd = openSync(join(dir, 'raw.bin'), 'w')
  try {
    const page = Buffer.alloc(4096, 1)
    writeSync(fd, Buffer.alloc(4096 * commits))
    fdatasyncSync(fd)
    let i = 0
    return await timeEach(gapMs, () => {
      writeSync(fd, page, 0, page.length, 4096 * i++)
      fdatasyncSync(fd)
    })
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log(`[bench] fsync: ${commits} commits per row, in ${tmpdir()}`)
const rows: string[][] = []
for (const gap of gaps) {
  for (const [name, run] of [
    ['raw write + fdatasync (reference)', () => rawFdatasync(gap)],
    ['SQLite commit, synchronous=FULL (default)', () => sqliteCommit('FULL', gap)],
    ['SQLite commit, synchronous=NORMAL', () => sqliteCommit('NORMAL', gap)],
  ] as const) {
    const t = await run()
    rows.push([name, `${gap} ms`, quantile(t, 50).toFixed(3), quantile(t, 95).toFixed(3), quantile(t, 99).toFixed(3)])
  }
}
console.log(table([['operation', 'gap', 'p50 ms', 'p95 ms', 'p99 ms'], ...rows], 1))
