import type Database from 'better-sqlite3'
import type { RoomCounts } from '../../shared/history/restore.ts'
import type { RecordInfo } from '../../shared/history/records.ts'

/**
 * Meeting records of rooms (shared/history/records.ts): full document states saved on purpose
 * by a facilitator, with a title, a date and the 所属 of those present. Unlike versions
 * (storage/versions.ts) they are never thinned: a record is what a meeting decided.
 */
export interface RecordStore {
  /** Stores a record; resolves with its id. */
  save(roomId: string, state: Uint8Array, info: Omit<RecordInfo, 'id' | 'createdAt'>, now?: number): Promise<string>
  /** Newest first. */
  list(roomId: string): Promise<RecordInfo[]>
  /** The document state of one record, or null when the room has no such record. */
  state(roomId: string, recordId: string): Promise<Uint8Array | null>
}

// counts: what the list shows beside each record, kept so that listing decodes no state.
const schema = `
CREATE TABLE IF NOT EXISTS room_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  attendees TEXT NOT NULL,
  counts TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS room_records_room ON room_records (room_id, created_at);
`

interface Row {
  id: number
  createdAt: number
  title: string
  date: string
  attendees: string
  counts: string
}

/** In the room database, next to the versions. */
export class SqliteRecordStore implements RecordStore {
  private readonly stmts

  constructor(db: Database.Database) {
    db.exec(schema)
    this.stmts = {
      insert: db.prepare('INSERT INTO room_records (room_id, created_at, title, meeting_date, attendees, counts, state) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      list: db.prepare(`SELECT id, created_at AS createdAt, title, meeting_date AS date, attendees, counts
        FROM room_records WHERE room_id = ? ORDER BY created_at DESC, id DESC`),
      state: db.prepare('SELECT state FROM room_records WHERE room_id = ? AND id = ?'),
    }
  }

  async save(roomId: string, state: Uint8Array, info: Omit<RecordInfo, 'id' | 'createdAt'>, now = Date.now()): Promise<string> {
    const { lastInsertRowid } = this.stmts.insert.run(roomId, now, info.title, info.date, JSON.stringify(info.attendees), JSON.stringify(info.counts), state)
    return String(lastInsertRowid)
  }

  async list(roomId: string): Promise<RecordInfo[]> {
    return (this.stmts.list.all(roomId) as Row[]).map((r) => ({
      id: String(r.id),
      title: r.title,
      date: r.date,
      attendees: JSON.parse(r.attendees) as string[],
      createdAt: new Date(r.createdAt).toISOString(),
      counts: JSON.parse(r.counts) as RoomCounts,
    }))
  }

  async state(roomId: string, recordId: string): Promise<Uint8Array | null> {
    if (!/^\d{1,15}$/.test(recordId)) return null
    const row = this.stmts.state.get(roomId, Number(recordId)) as { state: Buffer } | undefined
    return row ? new Uint8Array(row.state) : null
  }
}
