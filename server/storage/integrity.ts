import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Logger } from '../log.ts'

/**
 * What protects the SQLite database from going unnoticed when it is damaged or loses data:
 * the data directory's own record of what the database held, a one-server-per-directory lock,
 * and `PRAGMA quick_check`. Used by SqliteStorage at open and by the backup/restore commands.
 */

export const DB_FILE = 'jusou.db'
export const STATE_FILE = 'jusou.state.json'
export const LOCK_FILE = 'jusou.lock'
/** Who holds the lock, for the refusal message only (the lock itself is the kernel's). */
export const LOCK_OWNER_FILE = 'jusou.lock-owner.json'

export type IntegrityProblem = 'CORRUPT' | 'DATA_LOSS' | 'STATE_UNREADABLE' | 'LOCKED'

/** The server must not start (or a command must not proceed) on this data directory. */
export class StorageIntegrityError extends Error {
  constructor(
    readonly code: IntegrityProblem,
    readonly messageJa: string,
    readonly messageEn: string,
  ) {
    super(messageEn)
    this.name = 'StorageIntegrityError'
  }
}

// ---------------------------------------------------------------------------------------------
// The state record

/** What the database held at least, as last recorded outside it. */
export interface DbCounts {
  rooms: number
  /** Highest doc_updates.seq ever assigned (AUTOINCREMENT: never reused, survives compaction). */
  maxSeq: number
}

export interface StateRecord extends DbCounts {
  format: 1
  updatedAt: string
}

export type RecordRead = { kind: 'missing' } | { kind: 'unreadable' } | { kind: 'ok'; record: StateRecord }

export function readStateRecord(dataDir: string): RecordRead {
  let text: string
  try {
    text = fs.readFileSync(path.join(dataDir, STATE_FILE), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw err
  }
  try {
    const r = JSON.parse(text) as Partial<StateRecord>
    if (r.format === 1 && Number.isSafeInteger(r.rooms) && Number.isSafeInteger(r.maxSeq) && r.rooms! >= 0 && r.maxSeq! >= 0) {
      return { kind: 'ok', record: r as StateRecord }
    }
  } catch {
    // fall through
  }
  return { kind: 'unreadable' }
}

const recordText = (counts: DbCounts) =>
  JSON.stringify({ format: 1, rooms: counts.rooms, maxSeq: counts.maxSeq, updatedAt: new Date().toISOString() } satisfies StateRecord) + '\n'

let tmpCounter = 0
const tmpName = (dataDir: string) => path.join(dataDir, `${STATE_FILE}.${process.pid}.${++tmpCounter}.tmp`)

/**
 * Makes a copy of the database private and durable before it is renamed into place: it holds
 * case data (owner only), and a rename must never publish a file whose pages are still in cache.
 */
export function sealPrivateFile(file: string): void {
  fs.chmodSync(file, 0o600)
  const fd = fs.openSync(file, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** fsync of the directory makes the rename itself durable; not possible on every platform. */
function fsyncDirSync(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/** Atomic and durable: a crash leaves either the old record or the new one, never a torn file. */
export function writeStateRecordSync(dataDir: string, counts: DbCounts): void {
  const tmp = tmpName(dataDir)
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, recordText(counts))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, path.join(dataDir, STATE_FILE))
  fsyncDirSync(dataDir)
}

export async function writeStateRecord(dataDir: string, counts: DbCounts): Promise<void> {
  const tmp = tmpName(dataDir)
  const fh = await fs.promises.open(tmp, 'w')
  try {
    await fh.writeFile(recordText(counts))
    await fh.sync()
  } finally {
    await fh.close()
  }
  await fs.promises.rename(tmp, path.join(dataDir, STATE_FILE))
  let dir: fs.promises.FileHandle | undefined
  try {
    dir = await fs.promises.open(dataDir, 'r')
    await dir.sync()
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
  } finally {
    await dir?.close()
  }
}

/** Temp files of a write that a crash interrupted. */
export function removeStaleStateTemps(dataDir: string): void {
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith(`${STATE_FILE}.`) && name.endsWith('.tmp')) fs.rmSync(path.join(dataDir, name), { force: true })
  }
}

/** Room count and highest update sequence of an open database (0 where a table is missing). */
export function countsOf(db: Database.Database): DbCounts {
  const has = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  const rooms = has('rooms') ? (db.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n : 0
  let maxSeq = 0
  if (has('sqlite_sequence')) {
    const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'").get() as { seq: number } | undefined
    maxSeq = row?.seq ?? 0
  }
  if (has('doc_updates')) {
    const row = db.prepare('SELECT max(seq) AS s FROM doc_updates').get() as { s: number | null }
    maxSeq = Math.max(maxSeq, row.s ?? 0)
  }
  return { rooms, maxSeq }
}

/** Lower than the record in either figure: committed data is gone. Pure, for unit tests. */
export function lostAgainst(found: DbCounts, record: DbCounts): boolean {
  return found.rooms < record.rooms || found.maxSeq < record.maxSeq
}

const restoreHintJa = '対処: サーバーを止めたまま、バックアップから復元してください（npm run restore -- <バックアップファイル>）。'
const restoreHintEn = 'What to do: with the server stopped, restore from a backup (npm run restore -- <backup file>).'
const acceptHintJa =
  '失われた内容を承知のうえでこのまま使う場合は、一度だけ ACCEPT_DATA_LOSS=1 を付けて起動してください（記録が今の内容に書き直されます。次回からは付けないでください）。'
const acceptHintEn =
  'If the loss is known and accepted, start once with ACCEPT_DATA_LOSS=1 (the record is rewritten to the current contents; do not keep it set).'

export function dataLossError(dataDir: string, found: DbCounts | null, expected: DbCounts): StorageIntegrityError {
  const foundJa = found ? `ルーム ${found.rooms} 件・更新番号 ${found.maxSeq}` : `データベースファイル ${DB_FILE} がありません`
  const foundEn = found ? `${found.rooms} rooms, update sequence ${found.maxSeq}` : `no database file ${DB_FILE}`
  return new StorageIntegrityError(
    'DATA_LOSS',
    `データディレクトリ ${dataDir} のデータベースが、記録より少ない内容しか持っていません` +
      `（見つかったもの: ${foundJa} / 記録: ルーム ${expected.rooms} 件・更新番号 ${expected.maxSeq}）。` +
      `WAL ファイル（${DB_FILE}-wal）の欠落・切り詰め、またはデータベースファイルの置き換え・削除が考えられます。` +
      `失われた内容の上で動き続けないよう、起動を中止しました。${restoreHintJa}${acceptHintJa}`,
    `The database in data directory ${dataDir} holds less than recorded ` +
      `(found: ${foundEn}; recorded: ${expected.rooms} rooms, update sequence ${expected.maxSeq}). ` +
      `Its WAL file (${DB_FILE}-wal) was probably lost or truncated, or the database file was replaced or deleted. ` +
      `The server refuses to start so that it does not carry on without that data. ${restoreHintEn} ${acceptHintEn}`,
  )
}

export function stateUnreadableError(dataDir: string): StorageIntegrityError {
  return new StorageIntegrityError(
    'STATE_UNREADABLE',
    `データディレクトリ ${dataDir} の記録 ${STATE_FILE} が読めません（壊れているか、書き換えられています）。` +
      `データベースに欠けがないか確かめられないため、起動を中止しました。${restoreHintJa}` +
      `データベースが正しいと確かめた場合は、一度だけ ACCEPT_DATA_LOSS=1 を付けて起動すると記録が書き直されます。`,
    `The record ${STATE_FILE} in data directory ${dataDir} cannot be read (damaged or edited), so the database ` +
      `cannot be checked for lost data; the server refuses to start. ${restoreHintEn} ` +
      `If you have checked that the database is right, start once with ACCEPT_DATA_LOSS=1 to rewrite the record.`,
  )
}

// ---------------------------------------------------------------------------------------------
// quick_check

/**
 * Opens nothing itself; runs `PRAGMA quick_check` and turns anything but "ok" (or a database
 * SQLite cannot even read) into a StorageIntegrityError. The result lists pages and indexes,
 * never row contents, so it may be shown.
 */
export function assertQuickCheck(db: Database.Database, file: string, hint: { ja: string; en: string } = { ja: restoreHintJa, en: restoreHintEn }): void {
  let rows: string[]
  try {
    rows = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
  } catch (err) {
    throw corruptError(file, (err as Error).message, hint)
  }
  if (rows.length !== 1 || rows[0] !== 'ok') throw corruptError(file, rows.slice(0, 3).join('; '), hint)
}

export function corruptError(file: string, detail: string, hint: { ja: string; en: string } = { ja: restoreHintJa, en: restoreHintEn }): StorageIntegrityError {
  const shown = detail.length > 300 ? `${detail.slice(0, 300)}…` : detail
  return new StorageIntegrityError(
    'CORRUPT',
    `データベース ${file} が壊れています（quick_check: ${shown}）。壊れたまま使うと内容をさらに失うため、中止しました。${hint.ja}`,
    `The database ${file} is damaged (quick_check: ${shown}). Stopped, since using it could lose more. ${hint.en}`,
  )
}

/** SQLite error codes that mean "this file is damaged or not a database". */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? ''
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'
}

export interface VerifiedDatabase {
  db: Database.Database
  counts: DbCounts
  /** No usable record before this open (a fresh directory, or an upgrade from before records). */
  unrecorded: boolean
}

/**
 * Opens DATA_DIR/jusou.db only if it is intact and holds at least what the state record says.
 * Touches nothing before the checks pass: a refused directory is left as found, for a restore.
 */
export function openVerifiedDatabase(dataDir: string, opts: { acceptDataLoss: boolean; log: Logger }): VerifiedDatabase {
  removeStaleStateTemps(dataDir)
  const file = path.join(dataDir, DB_FILE)
  const read = readStateRecord(dataDir)
  if (read.kind === 'unreadable' && !opts.acceptDataLoss) throw stateUnreadableError(dataDir)
  const expected = read.kind === 'ok' ? read.record : null
  const hadData = expected !== null && (expected.rooms > 0 || expected.maxSeq > 0)
  if (hadData && !fs.existsSync(file) && !opts.acceptDataLoss) throw dataLossError(dataDir, null, expected)

  let db: Database.Database | undefined
  let counts: DbCounts
  try {
    db = new Database(file)
    assertQuickCheck(db, file)
    counts = countsOf(db)
  } catch (err) {
    db?.close()
    if (isCorruptionError(err)) throw corruptError(file, (err as Error).message)
    throw err
  }
  if (expected && lostAgainst(counts, expected)) {
    if (!opts.acceptDataLoss) {
      db.close()
      throw dataLossError(dataDir, counts, expected)
    }
    opts.log.error('storage.data_loss_accepted', { dataDir, found: counts, recorded: { rooms: expected.rooms, maxSeq: expected.maxSeq } })
  }
  if (read.kind === 'unreadable') opts.log.error('storage.state_record_replaced', { dataDir, found: counts })
  return { db, counts, unrecorded: expected === null }
}

// ---------------------------------------------------------------------------------------------
// One process per data directory

/**
 * Held for the life of the process by an exclusive SQLite lock on DATA_DIR/jusou.lock: the
 * kernel drops it when the process dies (even by SIGKILL or a power cut), so there is no stale
 * lock to take over and no risk of a reused pid keeping a directory locked. The lock file is
 * never deleted: a process could otherwise lock a file another has already replaced.
 */
export class DataDirLock {
  private constructor(
    private readonly db: Database.Database,
    private readonly ownerFile: string,
  ) {}

  /** `purpose` only shapes the refusal message (the server vs. a restore). */
  static acquire(dataDir: string, purpose: 'server' | 'restore' = 'server'): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true })
    const file = path.join(dataDir, LOCK_FILE)
    const ownerFile = path.join(dataDir, LOCK_OWNER_FILE)
    let db: Database.Database
    try {
      db = openLockDb(file)
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err
      throw lockedError(dataDir, ownerFile, purpose)
    }
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), purpose }) + '\n')
    return new DataDirLock(db, ownerFile)
  }

  release(): void {
    if (!this.db.open) return
    fs.rmSync(this.ownerFile, { force: true })
    this.db.close()
  }
}

function openLockDb(file: string): Database.Database {
  const tryOpen = () => {
    const db = new Database(file, { timeout: 0 })
    try {
      db.pragma('journal_mode = MEMORY')
      db.pragma('locking_mode = EXCLUSIVE')
      // In EXCLUSIVE locking mode the lock taken here is kept until the connection closes.
      db.exec('BEGIN EXCLUSIVE; COMMIT')
      return db
    } catch (err) {
      db.close()
      throw err
    }
  }
  try {
    return tryOpen()
  } catch (err) {
    // Something that is not a lock database (nobody can be holding it): set it aside.
    if ((err as { code?: string }).code !== 'SQLITE_NOTADB') throw err
    fs.renameSync(file, `${file}.invalid-${Date.now()}`)
    return tryOpen()
  }
}

function lockedError(dataDir: string, ownerFile: string, purpose: 'server' | 'restore'): StorageIntegrityError {
  let owner: { pid?: number; startedAt?: string; purpose?: string } = {}
  try {
    owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8'))
  } catch {
    // the holder is between taking the lock and writing its name
  }
  const whoJa = owner.pid ? `別のプロセス（pid ${owner.pid}、${owner.startedAt ?? '?'} 開始）` : '別のプロセス'
  const whoEn = owner.pid ? `another process (pid ${owner.pid}, started ${owner.startedAt ?? '?'})` : 'another process'
  if (purpose === 'restore') {
    return new StorageIntegrityError(
      'LOCKED',
      `データディレクトリ ${dataDir} は${whoJa}が使用中です。動いているサーバーの下でデータベースを入れ替えると壊れるため、復元を中止しました。対処: サーバーを止めてから、もう一度 npm run restore を実行してください。`,
      `Data directory ${dataDir} is in use by ${whoEn}. Replacing the database under a running server would damage it, so nothing was restored. What to do: stop the server, then run npm run restore again.`,
    )
  }
  return new StorageIntegrityError(
    'LOCKED',
    `データディレクトリ ${dataDir} は${whoJa}が使用中です。2つのサーバーが同じデータベースに書き込むと内容が壊れるため、起動を中止しました。対処: もう一方のサーバーを止めるか、別の DATA_DIR を指定してください。`,
    `Data directory ${dataDir} is in use by ${whoEn}. Two servers writing one database would damage it, so this one does not start. What to do: stop the other server, or set a different DATA_DIR.`,
  )
}

/** Local time as YYYYMMDD-HHMMSS, for file names an operator reads. */
export function fileTimestamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`
}
