import type Database from 'better-sqlite3'
import { versionsToDrop } from '../../shared/history/retention.ts'
import type { RoomCounts } from '../../shared/history/restore.ts'
import type { VersionInfo, VersionReason } from '../../shared/history/versions.ts'

/** Restorable versions of rooms: full document states, thinned by shared/history/retention.ts. */
export interface VersionStore {
  /** Stores a version and applies retention to the room's versions; resolves with its id. */
  save(roomId: string, state: Uint8Array, info: Omit<VersionInfo, 'id' | 'createdAt'>, now?: number): Promise<string>
  /** Newest first. */
  list(roomId: string): Promise<VersionInfo[]>
  /** The document state of one version, or null when the room has no such version. */
  state(roomId: string, versionId: string): Promise<Uint8Array | null>
}

const schema = `
CREATE TABLE IF NOT EXISTS room_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  summary TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS room_versions_room ON room_versions (room_id, created_at);
`

interface Row {
  id: number
  createdAt: number
  reason: VersionReason
  summary: string
}

/** In the room database: a version is as durable as the updates it was made from. */
export class SqliteVersionStore implements VersionStore {
  private readonly stmts

  constructor(db: Database.Database) {
    db.exec(schema)
    this.stmts = {
      insert: db.prepare('INSERT INTO room_versions (room_id, created_at, reason, summary, state) VALUES (?, ?, ?, ?, ?)'),
      list: db.prepare('SELECT id, created_at AS createdAt, reason, summary FROM room_versions WHERE room_id = ? ORDER BY created_at DESC, id DESC'),
      state: db.prepare('SELECT state FROM room_versions WHERE room_id = ? AND id = ?'),
      delete: db.prepare('DELETE FROM room_versions WHERE room_id = ? AND id = ?'),
    }
    const save = db.transaction((roomId: string, state: Uint8Array, info: Omit<VersionInfo, 'id' | 'createdAt'>, now: number) => {
      const { lastInsertRowid } = this.stmts.insert.run(roomId, now, info.reason, JSON.stringify({ counts: info.counts, orgs: info.orgs }), state)
      const rows = this.stmts.list.all(roomId) as Row[]
      for (const id of versionsToDrop(rows.map((r) => ({ id: String(r.id), createdAt: r.createdAt, reason: r.reason })), now)) {
        this.stmts.delete.run(roomId, Number(id))
      }
      return String(lastInsertRowid)
    })
    this.saveTx = save
  }

  private readonly saveTx: (roomId: string, state: Uint8Array, info: Omit<VersionInfo, 'id' | 'createdAt'>, now: number) => string

  async save(roomId: string, state: Uint8Array, info: Omit<VersionInfo, 'id' | 'createdAt'>, now = Date.now()): Promise<string> {
    return this.saveTx(roomId, state, info, now)
  }

  async list(roomId: string): Promise<VersionInfo[]> {
    return (this.stmts.list.all(roomId) as Row[]).map((r) => {
      const summary = JSON.parse(r.summary) as { counts: RoomCounts; orgs: string[] }
      return { id: String(r.id), createdAt: new Date(r.createdAt).toISOString(), reason: r.reason, counts: summary.counts, orgs: summary.orgs }
    })
  }

  async state(roomId: string, versionId: string): Promise<Uint8Array | null> {
    if (!/^\d{1,15}$/.test(versionId)) return null
    const row = this.stmts.state.get(roomId, Number(versionId)) as { state: Buffer } | undefined
    return row ? new Uint8Array(row.state) : null
  }
}
