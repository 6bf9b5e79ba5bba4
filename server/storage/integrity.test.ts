import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDataDir } from '../../test/support/server-process.ts'
import type { Logger } from '../log.ts'
import { DB_FILE, lostAgainst, readStateRecord, STATE_FILE, StorageIntegrityError, writeStateRecordSync } from './integrity.ts'
import { SqliteStorage } from './sqlite.ts'

const tokens = (id: string) => ({ facilitate: `${id}-f`, edit: `${id}-e`, view: `${id}-v` })
const room = (id: string) => ({ id, title: 't', kind: 'training' as const, createdAt: new Date().toISOString() })
const recorded = (dir: string) => {
  const r = readStateRecord(dir)
  if (r.kind !== 'ok') throw new Error(`record ${r.kind}`)
  return { rooms: r.record.rooms, maxSeq: r.record.maxSeq }
}
const refusal = (fn: () => unknown): StorageIntegrityError => {
  try {
    fn()
  } catch (err) {
    if (err instanceof StorageIntegrityError) return err
    throw err
  }
  throw new Error('did not refuse')
}
const capture = () => {
  const lines: { event: string; fields?: Record<string, unknown> }[] = []
  const log: Logger = { info: (event, fields) => lines.push({ event, fields }), error: (event, fields) => lines.push({ event, fields }) }
  return { log, lines }
}
const fileHas = (file: string, needle: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle))

describe('the state record', () => {
  it('counts as lost only what is below the record', () => {
    expect(lostAgainst({ rooms: 20, maxSeq: 100 }, { rooms: 20, maxSeq: 100 })).toBe(false)
    expect(lostAgainst({ rooms: 21, maxSeq: 140 }, { rooms: 20, maxSeq: 100 })).toBe(false)
    expect(lostAgainst({ rooms: 10, maxSeq: 140 }, { rooms: 20, maxSeq: 100 })).toBe(true)
    expect(lostAgainst({ rooms: 20, maxSeq: 99 }, { rooms: 20, maxSeq: 100 })).toBe(true)
  })

  it('is written atomically, leaving no temp files, and stale temps of a crashed write are removed at open', () => {
    const dir = tempDataDir()
    writeStateRecordSync(dir, { rooms: 3, maxSeq: 7 })
    expect(fs.readdirSync(dir)).toEqual([STATE_FILE])
    expect(recorded(dir)).toEqual({ rooms: 3, maxSeq: 7 })
    writeStateRecordSync(dir, { rooms: 0, maxSeq: 0 })
    fs.writeFileSync(path.join(dir, `${STATE_FILE}.999.1.tmp`), '{"format":1,"ro')
    new SqliteStorage(dir).close()
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('is written at once when a room is created, and follows appends within the interval, not on each', async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir, 'FULL', { stateWriteIntervalMs: 100 })
    expect(recorded(dir)).toEqual({ rooms: 0, maxSeq: 0 })
    await store.create(room('a'), tokens('a'))
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: 0 })
    const { lastSeq } = await store.append('a', [new Uint8Array([1]), new Uint8Array([2])])
    expect(recorded(dir).maxSeq).toBe(0) // no fsync on the append path
    await new Promise((r) => setTimeout(r, 300))
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: lastSeq })
    await store.append('a', [new Uint8Array([3])])
    store.close()
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: lastSeq + 1 }) // and at close
  })

  it('is created for a database that has none (upgrade) without refusing', async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir)
    await store.create(room('a'), tokens('a'))
    await store.append('a', [new Uint8Array([1])])
    store.close()
    fs.rmSync(path.join(dir, STATE_FILE))
    new SqliteStorage(dir).close()
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: 1 })
  })
})

describe('opening a database that lost data', () => {
  /** Two rooms recorded, but the database file is an older copy holding one. */
  const olderCopy = async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir)
    await store.create(room('a'), tokens('a'))
    await store.append('a', [new Uint8Array([1])])
    store.close()
    const old = fs.readFileSync(path.join(dir, DB_FILE))
    const again = new SqliteStorage(dir)
    await again.create(room('b'), tokens('b'))
    await again.append('b', [new Uint8Array([2]), new Uint8Array([3])])
    again.close()
    fs.writeFileSync(path.join(dir, DB_FILE), old)
    return dir
  }

  it('refuses, naming the directory, what was found against the record, and what to do', async () => {
    const dir = await olderCopy()
    const err = refusal(() => new SqliteStorage(dir))
    expect(err.code).toBe('DATA_LOSS')
    for (const text of [err.messageJa, err.messageEn]) {
      expect(text).toContain(dir)
      expect(text).toContain('npm run restore')
      expect(text).toContain('ACCEPT_DATA_LOSS=1')
    }
    expect(err.messageJa).toContain('ルーム 1 件・更新番号 1')
    expect(err.messageJa).toContain('記録: ルーム 2 件・更新番号 3')
    expect(err.messageEn).toContain('found: 1 rooms, update sequence 1; recorded: 2 rooms, update sequence 3')
    // Left as found for a restore, and the directory is not left locked.
    expect(recorded(dir)).toEqual({ rooms: 2, maxSeq: 3 })
    expect(refusal(() => new SqliteStorage(dir)).code).toBe('DATA_LOSS')
  })

  it('refuses a lower update sequence alone (updates lost, rooms intact)', async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir)
    await store.create(room('a'), tokens('a'))
    store.close()
    const old = fs.readFileSync(path.join(dir, DB_FILE))
    const again = new SqliteStorage(dir)
    await again.append('a', [new Uint8Array([1])])
    again.close()
    fs.writeFileSync(path.join(dir, DB_FILE), old)
    expect(refusal(() => new SqliteStorage(dir)).messageEn).toContain('found: 1 rooms, update sequence 0; recorded: 1 rooms, update sequence 1')
  })

  it('starts with acceptDataLoss, logs it, and rewrites the record so the next start is normal', async () => {
    const dir = await olderCopy()
    const { log, lines } = capture()
    new SqliteStorage(dir, 'FULL', { acceptDataLoss: true, log }).close()
    expect(lines).toContainEqual({
      event: 'storage.data_loss_accepted',
      fields: { dataDir: dir, found: { rooms: 1, maxSeq: 1 }, recorded: { rooms: 2, maxSeq: 3 } },
    })
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: 1 })
    new SqliteStorage(dir).close()
  })

  it('refuses when the database file is gone, without creating an empty one', async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir)
    await store.create(room('a'), tokens('a'))
    store.close()
    fs.rmSync(path.join(dir, DB_FILE))
    const err = refusal(() => new SqliteStorage(dir))
    expect(err.messageEn).toContain(`found: no database file ${DB_FILE}`)
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(false)
  })

  it('refuses an unreadable record until told to rewrite it', () => {
    const dir = tempDataDir()
    new SqliteStorage(dir).close()
    fs.writeFileSync(path.join(dir, STATE_FILE), 'not json')
    expect(refusal(() => new SqliteStorage(dir)).code).toBe('STATE_UNREADABLE')
    const { log, lines } = capture()
    new SqliteStorage(dir, 'FULL', { acceptDataLoss: true, log }).close()
    expect(lines.map((l) => l.event)).toEqual(['storage.state_record_replaced'])
    expect(recorded(dir)).toEqual({ rooms: 0, maxSeq: 0 })
  })
})

describe('damaged database and the directory lock', () => {
  it('refuses a database that fails quick_check, and a file that is not a database', async () => {
    const dir = tempDataDir()
    const store = new SqliteStorage(dir)
    for (let i = 0; i < 30; i++) await store.create(room(`r${i}`), tokens(`r${i}`))
    store.close()
    const file = path.join(dir, DB_FILE)
    const bytes = fs.readFileSync(file)
    expect(bytes.length).toBeGreaterThan(3 * 4096)
    // Garbage over page 2 onwards (a table's b-tree page); page 1's header is left intact.
    bytes.fill(0x5a, 4096 + 16, 4096 * 3)
    fs.writeFileSync(file, bytes)
    const err = refusal(() => new SqliteStorage(dir))
    expect(err.code).toBe('CORRUPT')
    expect(err.messageJa).toContain('npm run restore')

    fs.writeFileSync(file, 'this is not a database at all, just some text that fills a page'.repeat(100))
    expect(refusal(() => new SqliteStorage(dir)).code).toBe('CORRUPT')
  })

  it('lets one storage at a time open a data directory, and frees it on close', () => {
    const dir = tempDataDir()
    const first = new SqliteStorage(dir)
    const err = refusal(() => new SqliteStorage(dir))
    expect(err.code).toBe('LOCKED')
    expect(err.messageJa).toContain(`pid ${process.pid}`)
    expect(err.messageEn).toContain('stop the other server')
    first.close()
    new SqliteStorage(dir).close()
  })
})

describe('deleted content leaves the files', () => {
  const SECRET = 'SECRET-山田-0123456789'

  it('compaction-deleted updates are zeroed in the database and emptied from the WAL within a tick', async () => {
    const dir = tempDataDir()
    const db = path.join(dir, DB_FILE)
    const wal = `${db}-wal`
    const store = new SqliteStorage(dir, 'FULL', { stateWriteIntervalMs: 50 })
    const filler = new Uint8Array(3000).fill(7)
    // One secret already checkpointed into the database file, one still only in the WAL.
    await store.append('r', [new TextEncoder().encode(`${SECRET}-A`), filler])
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    const { lastSeq } = await store.append('r', [new TextEncoder().encode(`${SECRET}-B`), filler])
    expect(fileHas(db, `${SECRET}-A`)).toBe(true)
    expect(fileHas(wal, `${SECRET}-B`)).toBe(true)
    await store.compact('r', new Uint8Array([0]), lastSeq)
    await new Promise((r) => setTimeout(r, 200))
    for (const file of [db, wal]) {
      expect(fileHas(file, `${SECRET}-A`)).toBe(false)
      expect(fileHas(file, `${SECRET}-B`)).toBe(false)
    }
    store.close()
    expect(fileHas(db, SECRET)).toBe(false)
  })

  it('a database written before secure_delete is scrubbed once at upgrade', () => {
    const dir = tempDataDir()
    // As today's server left it: a deleted update still readable in the file.
    const old = new Database(path.join(dir, DB_FILE))
    old.pragma('journal_mode = WAL')
    old.exec(`CREATE TABLE rooms (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, data BLOB NOT NULL);`)
    old.prepare("INSERT INTO rooms VALUES ('r', 't', 'training', 'now')").run()
    old.prepare("INSERT INTO doc_updates (room_id, data) VALUES ('r', ?)").run(Buffer.from(SECRET))
    old.prepare("INSERT INTO doc_updates (room_id, data) VALUES ('r', ?)").run(Buffer.alloc(2000, 1))
    old.prepare('DELETE FROM doc_updates WHERE seq = 1').run()
    old.close()
    expect(fileHas(path.join(dir, DB_FILE), SECRET)).toBe(true)
    const { log, lines } = capture()
    new SqliteStorage(dir, 'FULL', { log }).close()
    expect(lines.map((l) => l.event)).toContain('storage.vacuumed')
    expect(fileHas(path.join(dir, DB_FILE), SECRET)).toBe(false)
    expect(recorded(dir)).toEqual({ rooms: 1, maxSeq: 2 })
  })
})
