/**
 * npm run backup -- <dir>: an online backup of the data directory's database, taken with
 * SQLite's backup API from this separate process while the server keeps running and writing.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { loadConfig } from '../config.ts'
import { sealPrivateFile, assertQuickCheck, countsOf, DB_FILE, fileTimestamp, StorageIntegrityError } from '../storage/integrity.ts'

function fail(ja: string, en: string): never {
  console.error(`\n  ${ja}\n  ${en}\n`)
  process.exit(1)
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`
}

const dir = process.argv[2]
if (!dir) fail('使い方: npm run backup -- <保存先ディレクトリ>', 'Usage: npm run backup -- <target directory>')

let dataDir: string
try {
  dataDir = loadConfig().dataDir
} catch (err) {
  fail((err as Error).message, 'Invalid configuration (see above).')
}
const source = path.join(dataDir, DB_FILE)
if (!fs.existsSync(source)) {
  fail(`データベース ${source} がありません。DATA_DIR がサーバーと同じか確かめてください。`, `No database at ${source}. Check that DATA_DIR is the server's.`)
}

const targetDir = path.resolve(dir)
fs.mkdirSync(targetDir, { recursive: true })
const stamp = fileTimestamp()
let target = path.join(targetDir, `jusou-${stamp}.db`)
for (let n = 2; fs.existsSync(target); n++) target = path.join(targetDir, `jusou-${stamp}-${n}.db`)
// Written under another name and renamed when checked: a backup file is always a complete one.
const partial = `${target}.partial`

try {
  // Read-only: the backup never writes the server's database.
  const src = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 })
  try {
    // All pages in one step, i.e. one read transaction: a consistent copy even while the
    // server commits (a page-by-page backup restarts on every write from another process).
    await src.backup(partial, { progress: () => 0x7fffffff })
  } finally {
    src.close()
  }
  const copy = new Database(partial)
  let rooms: number
  try {
    // A self-contained single file (no -wal beside it) that can be carried and restored as is.
    copy.pragma('journal_mode = DELETE')
    assertQuickCheck(copy, target, {
      ja: '対処: もう一度バックアップを取ってください。続く場合はサーバーのデータベースを確かめてください。',
      en: 'What to do: take the backup again; if it recurs, check the server database.',
    })
    rooms = countsOf(copy).rooms
  } finally {
    copy.close()
  }
  sealPrivateFile(partial)
  fs.renameSync(partial, target)
  const size = fs.statSync(target).size
  console.log(`\n  バックアップを作成しました: ${target}（${formatBytes(size)}、ルーム ${rooms} 件、quick_check: ok）`)
  console.log(`  Backup written: ${target} (${formatBytes(size)}, ${rooms} rooms, quick_check: ok)\n`)
} catch (err) {
  fs.rmSync(partial, { force: true })
  if (err instanceof StorageIntegrityError) fail(err.messageJa, err.messageEn)
  fail(`バックアップに失敗しました: ${(err as Error).message}`, `Backup failed: ${(err as Error).message}`)
}
