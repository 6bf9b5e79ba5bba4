/**
 * npm run restore -- <file>: puts a backup in place of the data directory's database, with the
 * server stopped. The current database is kept beside it, never deleted.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadConfig } from '../config.ts'
import { sealPrivateFile,
  assertQuickCheck,
  countsOf,
  DataDirLock,
  DB_FILE,
  fileTimestamp,
  StorageIntegrityError,
  writeStateRecordSync,
  type DbCounts,
} from '../storage/integrity.ts'

function fail(ja: string, en: string): never {
  console.error(`\n  ${ja}\n  ${en}\n`)
  process.exit(1)
}

const EXPECTED_TABLES = ['rooms', 'room_tokens', 'doc_snapshots', 'doc_updates']
const otherBackup = {
  ja: '対処: 別のバックアップファイルを指定してください。',
  en: 'What to do: choose another backup file.',
}

const arg = process.argv[2]
if (!arg) fail('使い方: npm run restore -- <バックアップファイル>', 'Usage: npm run restore -- <backup file>')
const backup = path.resolve(arg)
if (!fs.existsSync(backup)) fail(`バックアップファイル ${backup} がありません。`, `No backup file at ${backup}.`)

let dataDir: string
try {
  dataDir = loadConfig().dataDir
} catch (err) {
  fail((err as Error).message, 'Invalid configuration (see above).')
}

const dbFile = path.join(dataDir, DB_FILE)
const incoming = `${dbFile}.restoring`
let lock: DataDirLock | undefined
try {
  // Held throughout, so that no server starts on the directory halfway through.
  lock = DataDirLock.acquire(dataDir, 'restore')
  fs.rmSync(incoming, { force: true })

  let counts: DbCounts
  const src = new Database(backup, { readonly: true, fileMustExist: true })
  try {
    assertQuickCheck(src, backup, otherBackup)
    const tables = new Set((src.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name))
    const missing = EXPECTED_TABLES.filter((t) => !tables.has(t))
    if (missing.length > 0) {
      throw new StorageIntegrityError(
        'CORRUPT',
        `${backup} は重層支援マップのバックアップではありません（テーブル ${missing.join(', ')} がありません）。${otherBackup.ja}`,
        `${backup} is not a backup of this application (missing tables: ${missing.join(', ')}). ${otherBackup.en}`,
      )
    }
    counts = countsOf(src)
    // Through the backup API rather than a file copy: whatever the file's journal mode, and
    // with any -wal beside it, the result is one complete, consistent database file.
    await src.backup(incoming, { progress: () => 0x7fffffff })
  } finally {
    src.close()
  }
  const copy = new Database(incoming)
  try {
    copy.pragma('journal_mode = DELETE')
    assertQuickCheck(copy, incoming, otherBackup)
  } finally {
    copy.close()
  }
  sealPrivateFile(incoming)

  // The current database (with its -wal and -shm, named so that SQLite still pairs them) is set aside.
  let aside = `${dbFile}.before-restore-${fileTimestamp()}`
  for (let n = 2; fs.existsSync(aside); n++) aside = `${dbFile}.before-restore-${fileTimestamp()}-${n}`
  const moved: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbFile + suffix)) {
      fs.renameSync(dbFile + suffix, aside + suffix)
      moved.push(path.basename(aside + suffix))
    }
  }
  fs.renameSync(incoming, dbFile)
  // The record now describes the restored contents, so the next start accepts them.
  writeStateRecordSync(dataDir, counts)

  console.log(`\n  復元しました: ${backup} → ${dbFile}（ルーム ${counts.rooms} 件、quick_check: ok）`)
  console.log(`  Restored: ${backup} → ${dbFile} (${counts.rooms} rooms, quick_check: ok)`)
  if (moved.length > 0) {
    console.log(`  それまでのデータベースは ${moved.join(', ')} として残してあります。`)
    console.log(`  The previous database was kept as ${moved.join(', ')}.`)
  }
  console.log('  サーバーを起動してください（npm start）。 Start the server (npm start).\n')
} catch (err) {
  if (lock) fs.rmSync(incoming, { force: true })
  lock?.release()
  if (err instanceof StorageIntegrityError) fail(err.messageJa, err.messageEn)
  fail(`復元に失敗しました: ${(err as Error).message}`, `Restore failed: ${(err as Error).message}`)
} finally {
  lock?.release()
}
