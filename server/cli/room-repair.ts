/**
 * npm run room:repair -- <roomId> | --all | --list [roomId] | --retry <roomId>
 *
 * Checks rooms in the data directory and quarantines what cannot be loaded, exactly as the
 * server does when it opens such a room; lists what was quarantined; or retries quarantined
 * parts (after an upgrade that can read them), putting back those that now load.
 * Run it with the server stopped (the data directory's lock refuses otherwise), except --list,
 * which only reads.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { StorageIntegrityError } from '../storage/integrity.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { loadRoomDoc } from '../sync/replay.ts'
import { storedUpdateProblem } from '../sync/update-guard.ts'

const usage = `使い方 / usage:
  npm run room:repair -- <ルームID>          そのルームを検査し、読み込めない部分を隔離します / check one room
  npm run room:repair -- --all               すべてのルームを検査します / check every room
  npm run room:repair -- --list [ルームID]   隔離された部分の一覧 / list quarantined parts
  npm run room:repair -- --retry <ルームID>  隔離された部分を読み込み直します / retry quarantined parts`

const say = (ja: string, en: string) => console.log(`${ja}\n  ${en}`)

async function main(args: string[]): Promise<number> {
  const config = loadConfig()
  const [first, second] = args
  if (!first) {
    console.error(usage)
    return 2
  }
  if (first === '--list') return list(config.dataDir, second)

  const storage = new SqliteStorage(config.dataDir, config.sqliteSynchronous)
  try {
    if (first === '--retry') {
      if (!second) {
        console.error(usage)
        return 2
      }
      return await retry(storage, second)
    }
    const ids =
      first === '--all'
        ? (storage.db.prepare('SELECT id FROM rooms ORDER BY created_at').all() as { id: string }[]).map((r) => r.id)
        : [first]
    let damaged = 0
    for (const id of ids) {
      if (!(await storage.get(id))) {
        say(`ルーム ${id} は見つかりません。IDを確認してください。`, `No room ${id}.`)
        return 1
      }
      const { doc, problems } = await loadRoomDoc(storage, id)
      doc.destroy()
      if (problems.length === 0) {
        if (ids.length === 1) say(`ルーム ${id}: 問題は見つかりませんでした。`, `Room ${id}: no problems found.`)
        continue
      }
      damaged++
      say(
        `ルーム ${id}: 読み込めない部分 ${problems.length} 件を隔離し、読み込めた内容で開けるようにしました。`,
        `Room ${id}: quarantined ${problems.length} part(s); the room opens with what loaded.`,
      )
      for (const p of problems) console.log(`  - ${p.seq === null ? 'snapshot' : `update #${p.seq}`}: ${p.reason} (${p.data.byteLength} bytes)`)
    }
    if (ids.length > 1) say(`${ids.length} ルームを検査、うち ${damaged} ルームで隔離しました。`, `Checked ${ids.length} rooms, repaired ${damaged}.`)
    return 0
  } finally {
    storage.close()
  }
}

/** Read-only: works while the server runs. */
function list(dataDir: string, roomId: string | undefined): number {
  const db = new Database(path.join(dataDir, 'jusou.db'), { readonly: true, fileMustExist: true })
  try {
    const rows = db
      .prepare(`SELECT id, room_id AS roomId, seq, length(data) AS bytes, reason, quarantined_at AS at
        FROM doc_quarantine WHERE ? IS NULL OR room_id = ? ORDER BY id`)
      .all(roomId ?? null, roomId ?? null) as { id: number; roomId: string; seq: number | null; bytes: number; reason: string; at: string }[]
    if (rows.length === 0) {
      say('隔離された部分はありません。', 'Nothing is quarantined.')
      return 0
    }
    for (const r of rows) console.log(`${r.at}  ${r.roomId}  ${r.seq === null ? 'snapshot' : `update #${r.seq}`}  ${r.bytes} bytes  ${r.reason}`)
    return 0
  } finally {
    db.close()
  }
}

/** Puts back the quarantined parts of a room that load now, each as a new update. */
async function retry(storage: SqliteStorage, roomId: string): Promise<number> {
  const parts = (await storage.listQuarantine(roomId)).reverse()
  if (parts.length === 0) {
    say(`ルーム ${roomId} に隔離された部分はありません。`, `Nothing quarantined for room ${roomId}.`)
    return 0
  }
  let { doc } = await loadRoomDoc(storage, roomId)
  let restored = 0
  try {
    for (const part of parts) {
      if (storedUpdateProblem(part.data) !== null) continue
      try {
        const before = Y.encodeStateVector(doc)
        Y.applyUpdate(doc, part.data)
        const diff = Y.encodeStateAsUpdate(doc, before)
        await storage.append(roomId, [diff])
        storage.db.prepare('DELETE FROM doc_quarantine WHERE id = ?').run(part.id)
        restored++
      } catch {
        // Still not loadable: it stays in quarantine; the document may be half-changed, so reload.
        doc.destroy()
        doc = (await loadRoomDoc(storage, roomId)).doc
      }
    }
  } finally {
    doc.destroy()
  }
  say(
    `ルーム ${roomId}: 隔離された ${parts.length} 件のうち ${restored} 件を戻しました。`,
    `Room ${roomId}: restored ${restored} of ${parts.length} quarantined part(s).`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // A running server holds the data directory's lock: its message says so in both languages.
    if (err instanceof StorageIntegrityError) console.error(`${err.messageJa}\n${err.messageEn}`)
    else console.error(`エラー: ${(err as Error).message}`)
    process.exit(1)
  },
)
