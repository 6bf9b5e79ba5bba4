import Database from 'better-sqlite3'
import type { Role } from '../../shared/rooms.ts'
import { createLogger, type Logger } from '../log.ts'
import { SqliteRecordStore } from './records.ts'
import { SqliteVersionStore } from './versions.ts'
import type { AppendResult, DocStore, QuarantinedPart, QuarantineRecord, RoomDirectory, RoomRecord, StoredDoc } from './doc-store.ts'
import { DataDirLock, openVerifiedDatabase, writeStateRecord, writeStateRecordSync, type DbCounts, type VerifiedDatabase } from './integrity.ts'

const schema = `
CREATE TABLE IF NOT EXISTS rooms (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS room_tokens (
  token_hash TEXT PRIMARY KEY,
  room_id TEXT NOT NULL REFERENCES rooms(id),
  role TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room_seq ON doc_updates (room_id, seq);
CREATE TABLE IF NOT EXISTS doc_quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL,
  seq INTEGER,
  data BLOB NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL
);
`

export interface SqliteStorageOptions {
  /** Start even though the database holds less than the state record says (logged, record rewritten). */
  acceptDataLoss?: boolean
  log?: Logger
  /** Appends update the state record at most this often (it is written at once on room creation). */
  stateWriteIntervalMs?: number
}

/**
 * The embedded default storage: one SQLite file in the data directory, WAL mode. Opening it
 * takes the directory's lock and refuses (StorageIntegrityError) a damaged database or one
 * that lost data the directory's state record says it had; see integrity.ts.
 */
export class SqliteStorage implements DocStore, RoomDirectory {
  readonly db: Database.Database
  readonly versions: SqliteVersionStore
  readonly records: SqliteRecordStore
  private readonly stmts
  private readonly dataDir: string
  private readonly log: Logger
  private readonly lock: DataDirLock
  private readonly stateWriteIntervalMs: number
  /** What the database holds now, and what the state record last said. */
  private readonly counts: DbCounts
  private recorded: DbCounts
  private stateWrites: Promise<void> = Promise.resolve()
  private tickTimer: NodeJS.Timeout | null = null
  /** Compaction deleted rows whose old pages may still sit in the WAL file. */
  private walHoldsDeleted = false
  private closed = false

  constructor(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL', options: SqliteStorageOptions = {}) {
    this.dataDir = dataDir
    this.log = options.log ?? createLogger(true)
    this.stateWriteIntervalMs = options.stateWriteIntervalMs ?? 2000
    this.lock = DataDirLock.acquire(dataDir)
    let opened: VerifiedDatabase | undefined
    try {
      opened = openVerifiedDatabase(dataDir, { acceptDataLoss: options.acceptDataLoss ?? false, log: this.log })
      this.db = opened.db
      this.counts = opened.counts
      this.db.pragma('journal_mode = WAL')
      this.db.pragma(`synchronous = ${synchronous}`)
      this.db.pragma('foreign_keys = ON')
      // Deleted rows (compacted updates) are overwritten with zeros instead of lingering in free space.
      this.db.pragma('secure_delete = ON')
      this.db.exec(schema)
      if (opened.unrecorded && (this.counts.rooms > 0 || this.counts.maxSeq > 0)) {
        // Written before secure_delete: rewrite every page once so old deleted content goes too.
        const t0 = Date.now()
        this.db.exec('VACUUM')
        this.db.pragma('wal_checkpoint(TRUNCATE)')
        this.log.info('storage.vacuumed', { ms: Date.now() - t0 })
      }
      writeStateRecordSync(dataDir, this.counts)
      this.recorded = { ...this.counts }
    } catch (err) {
      if (opened?.db.open) opened.db.close()
      this.lock.release()
      throw err
    }
    const db = this.db
    this.versions = new SqliteVersionStore(db)
    this.records = new SqliteRecordStore(db)
    this.stmts = {
      insertRoom: db.prepare('INSERT INTO rooms (id, title, kind, created_at) VALUES (?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO room_tokens (token_hash, room_id, role) VALUES (?, ?, ?)'),
      getRoom: db.prepare('SELECT id, title, kind, created_at AS createdAt FROM rooms WHERE id = ?'),
      getRole: db.prepare('SELECT role FROM room_tokens WHERE token_hash = ? AND room_id = ?'),
      getSnapshot: db.prepare('SELECT data, upto_seq AS uptoSeq FROM doc_snapshots WHERE room_id = ?'),
      getUpdates: db.prepare('SELECT seq, data FROM doc_updates WHERE room_id = ? AND seq > ? ORDER BY seq'),
      insertUpdate: db.prepare('INSERT INTO doc_updates (room_id, data) VALUES (?, ?)'),
      // A snapshot never replaces a newer one (two compactions of one room may race on unload).
      upsertSnapshot: db.prepare(`INSERT INTO doc_snapshots (room_id, data, upto_seq) VALUES (?, ?, ?)
        ON CONFLICT(room_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
        WHERE excluded.upto_seq > doc_snapshots.upto_seq`),
      deleteUpdates: db.prepare('DELETE FROM doc_updates WHERE room_id = ? AND seq <= ?'),
      replaceSnapshot: db.prepare(`INSERT INTO doc_snapshots (room_id, data, upto_seq) VALUES (?, ?, ?)
        ON CONFLICT(room_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
        WHERE excluded.upto_seq >= doc_snapshots.upto_seq`),
      insertQuarantine: db.prepare('INSERT INTO doc_quarantine (room_id, seq, data, reason, quarantined_at) VALUES (?, ?, ?, ?, ?)'),
      listQuarantine: db.prepare(`SELECT id, room_id AS roomId, seq, data, reason, quarantined_at AS quarantinedAt
        FROM doc_quarantine WHERE ? IS NULL OR room_id = ? ORDER BY id DESC`),
    }
  }

  async create(room: RoomRecord, tokenHashes: Record<Role, string>): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertRoom.run(room.id, room.title, room.kind, room.createdAt)
      for (const [role, hash] of Object.entries(tokenHashes)) this.stmts.insertToken.run(hash, room.id, role)
    })()
    // Rare, so recorded at once: a room lost later (WAL cut, file replaced) is always noticed.
    this.counts.rooms++
    await this.writeState()
  }

  async get(roomId: string): Promise<RoomRecord | null> {
    return (this.stmts.getRoom.get(roomId) as RoomRecord | undefined) ?? null
  }

  async roleForToken(roomId: string, tokenHash: string): Promise<Role | null> {
    const row = this.stmts.getRole.get(tokenHash, roomId) as { role: Role } | undefined
    return row?.role ?? null
  }

  async load(roomId: string): Promise<StoredDoc> {
    return this.db.transaction(() => {
      const snap = this.stmts.getSnapshot.get(roomId) as { data: Buffer; uptoSeq: number } | undefined
      const rows = this.stmts.getUpdates.all(roomId, snap?.uptoSeq ?? 0) as { seq: number; data: Buffer }[]
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        seqs: rows.map((r) => r.seq),
        lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : (snap?.uptoSeq ?? 0),
        updatesSinceSnapshot: rows.length,
        bytesSinceSnapshot: rows.reduce((n, r) => n + r.data.byteLength, 0),
      }
    })()
  }

  async append(roomId: string, updates: Uint8Array[]): Promise<AppendResult> {
    let lastSeq = 0
    this.db.transaction(() => {
      for (const u of updates) lastSeq = Number(this.stmts.insertUpdate.run(roomId, u).lastInsertRowid)
    })()
    // Not fsynced per append (that is the hot path): the next tick records it.
    if (lastSeq > this.counts.maxSeq) this.counts.maxSeq = lastSeq
    this.scheduleTick()
    return { lastSeq }
  }

  async compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(roomId, snapshot, uptoSeq)
      this.stmts.deleteUpdates.run(roomId, uptoSeq)
    })()
    this.walHoldsDeleted = true
    this.scheduleTick()
  }

  async quarantine(roomId: string, parts: QuarantinedPart[], snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const at = new Date().toISOString()
    this.db.transaction(() => {
      for (const p of parts) this.stmts.insertQuarantine.run(roomId, p.seq, p.data, p.reason, at)
      this.stmts.replaceSnapshot.run(roomId, snapshot, uptoSeq)
      this.stmts.deleteUpdates.run(roomId, uptoSeq)
    })()
  }

  async listQuarantine(roomId?: string): Promise<QuarantineRecord[]> {
    const rows = this.stmts.listQuarantine.all(roomId ?? null, roomId ?? null) as (Omit<QuarantineRecord, 'data'> & { data: Buffer })[]
    return rows.map((r) => ({ ...r, data: new Uint8Array(r.data) }))
  }

  private scheduleTick(): void {
    if (this.tickTimer || this.closed) return
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null
      this.tick()
    }, this.stateWriteIntervalMs)
    this.tickTimer.unref()
  }

  private tick(): void {
    if (this.closed) return
    if (this.walHoldsDeleted) {
      // The WAL still holds the pages as they were before compaction deleted rows: copy it into
      // the database and empty it, so deleted content leaves the disk's files within a tick.
      this.walHoldsDeleted = false
      try {
        const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
        if (r?.busy) this.walHoldsDeleted = true // a reader (a backup) was in the way: next tick
      } catch (err) {
        this.log.error('storage.checkpoint_failed', { error: (err as Error).message })
      }
    }
    void this.writeState()
  }

  /** Writes the state record if it is behind; serialized, so records land in order. */
  private writeState(): Promise<void> {
    this.stateWrites = this.stateWrites.then(async () => {
      const counts = { ...this.counts }
      if (this.closed || (counts.rooms === this.recorded.rooms && counts.maxSeq === this.recorded.maxSeq)) return
      try {
        await writeStateRecord(this.dataDir, counts)
        this.recorded = counts
      } catch (err) {
        // Less protection, not lost data: the database itself has the rows.
        this.log.error('storage.state_write_failed', { error: (err as Error).message })
      }
    })
    return this.stateWrites
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.tickTimer) clearTimeout(this.tickTimer)
    // Closing the last connection checkpoints the WAL into the database and removes it.
    this.db.close()
    try {
      writeStateRecordSync(this.dataDir, this.counts)
    } finally {
      this.lock.release()
    }
  }
}
