import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Role } from '../../shared/rooms.ts'
import type { AppendResult, DocStore, RoomDirectory, RoomRecord, StoredDoc } from './doc-store.ts'

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
`

/** The embedded default storage: one SQLite file in the data directory, WAL mode. */
export class SqliteStorage implements DocStore, RoomDirectory {
  readonly db: Database.Database
  private readonly stmts

  constructor(dataDir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
    fs.mkdirSync(dataDir, { recursive: true })
    this.db = new Database(path.join(dataDir, 'jusou.db'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${synchronous}`)
    this.db.pragma('foreign_keys = ON')
    this.db.exec(schema)
    const db = this.db
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
    }
  }

  async create(room: RoomRecord, tokenHashes: Record<Role, string>): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertRoom.run(room.id, room.title, room.kind, room.createdAt)
      for (const [role, hash] of Object.entries(tokenHashes)) this.stmts.insertToken.run(hash, room.id, role)
    })()
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
    return { lastSeq }
  }

  async compact(roomId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(roomId, snapshot, uptoSeq)
      this.stmts.deleteUpdates.run(roomId, uptoSeq)
    })()
  }

  close(): void {
    this.db.close()
  }
}
