/**
 * `npm run bench:rooms`: cold join of a large board, and memory per idle and active room.
 *
 * Cold join: a room whose board holds 2,000 shapes (tldraw-like records in the `tldraw`
 * Y.Map, ~0.5 KB each) is unloaded, then a stock y-websocket client joins. We report the
 * server's time to load the room from SQLite and encode the sync reply, the client's time to
 * apply it, and the wall time from socket open to "synced". Target: usable board < 1 s.
 *
 * Memory: N rooms of 200 shapes each, loaded with one client each (active), then left empty
 * until the unload grace period has passed (idle). Heap and RSS deltas per room.
 */
import fs from 'node:fs'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { loadConfig } from '../server/config.ts'
import { startServer } from '../server/app.ts'
import { createLogger } from '../server/log.ts'
import { SqliteStorage } from '../server/storage/sqlite.ts'
import { Room } from '../server/sync/room.ts'
import { createRoom, tempDataDir } from '../test/support/server-process.ts'
import { docFromState, restoreDocument, roomCounts } from '../shared/history/restore.ts'
import { applyImport, parseImport } from '../shared/model/transfer.ts'

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]))
const SHAPES = Number(args.get('shapes') ?? 2000)
const ROOMS = Number(args.get('rooms') ?? 40)

function shapeRecord(i: number) {
  return {
    id: `shape:s${i}`,
    typeName: 'shape',
    type: i % 3 === 0 ? 'arrow' : 'geo',
    x: (i % 50) * 140,
    y: Math.floor(i / 50) * 120,
    rotation: 0,
    index: `a${i.toString(36)}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      w: 120,
      h: 80,
      color: 'black',
      labelColor: 'black',
      fill: 'semi',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `地域包括支援センター ${i}` }] }] },
    },
  }
}

/** Writes shapes the way clients do: many small transactions, so the log is realistic. */
function fillDoc(doc: Y.Doc, count: number, perTransaction = 10) {
  const map = doc.getMap('tldraw')
  for (let i = 0; i < count; i += perTransaction) {
    doc.transact(() => {
      for (let k = i; k < Math.min(count, i + perTransaction); k++) map.set(`shape:s${k}`, shapeRecord(k))
    })
  }
}

function connect(url: string, roomId: string, token: string, doc = new Y.Doc()) {
  return new WebsocketProvider(url, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  })
}

const synced = (p: WebsocketProvider) => new Promise<void>((r) => (p.synced ? r() : p.once('sync', (s: boolean) => s && r())))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const ms = (n: number) => `${n.toFixed(1)} ms`
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`

async function coldJoin() {
  const dataDir = tempDataDir('jusou-bench-')
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ROOM_UNLOAD_GRACE_MS: '100', ROOM_CREATION_BURST_PER_ADDRESS: '1000' })
  const server = await startServer(config, createLogger(true))
  const wsUrl = `ws://127.0.0.1:${server.port}/ws`
  const room = await createRoom(server.url, 'bench', 'training')

  // A facilitator draws the board…
  const writer = connect(wsUrl, room.roomId, room.tokens.edit)
  await synced(writer)
  fillDoc(writer.doc, SHAPES)
  await sleep(500)
  writer.destroy()
  while (server.rooms.isLoaded(room.roomId)) await sleep(50)

  // …and the room is cold when the next participant arrives.
  const samples: { wall: number }[] = []
  let size = 0
  for (let run = 0; run < 5; run++) {
    while (server.rooms.isLoaded(room.roomId)) await sleep(50)
    const doc = new Y.Doc()
    const t0 = performance.now()
    const p = connect(wsUrl, room.roomId, room.tokens.view, doc)
    await synced(p)
    const wall = performance.now() - t0
    if (doc.getMap('tldraw').size !== SHAPES) throw new Error(`joined with ${doc.getMap('tldraw').size} shapes`)
    size = Y.encodeStateAsUpdate(doc).byteLength
    samples.push({ wall })
    p.destroy()
    doc.destroy()
  }
  await server.close()

  // The same steps, timed separately in-process.
  const storage = new SqliteStorage(dataDir)
  const loadTimes: number[] = []
  const encodeTimes: number[] = []
  const applyTimes: number[] = []
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now()
    const live = await Room.load(room.roomId, storage, { compactAfterUpdates: 1e9, compactAfterBytes: 1e12, awarenessTickMs: 50, awarenessSkipBytes: 1e9, disconnectBytes: 1e9 }, createLogger(true))
    const t1 = performance.now()
    const reply = Y.encodeStateAsUpdate(live.doc, Y.encodeStateVector(new Y.Doc()))
    const t2 = performance.now()
    const client = new Y.Doc()
    Y.applyUpdate(client, reply)
    const t3 = performance.now()
    loadTimes.push(t1 - t0)
    encodeTimes.push(t2 - t1)
    applyTimes.push(t3 - t2)
    await live.close()
  }
  storage.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  console.log(`\nCold join of a ${SHAPES}-shape board (${mb(size)} of document), median of 5:`)
  console.log(`  server: load room from SQLite   ${ms(median(loadTimes))}`)
  console.log(`  server: encode sync reply       ${ms(median(encodeTimes))}`)
  console.log(`  client: apply sync reply        ${ms(median(applyTimes))}`)
  console.log(`  wall: socket open → synced      ${ms(median(samples.map((s) => s.wall)))}  (target < 1000 ms)`)
}

async function memory() {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDataDir('jusou-bench-'), ROOM_UNLOAD_GRACE_MS: '300', ROOM_CREATION_BURST_PER_ADDRESS: '1000' })
  const server = await startServer(config, createLogger(true))
  const wsUrl = `ws://127.0.0.1:${server.port}/ws`
  const rooms = []
  for (let i = 0; i < ROOMS; i++) rooms.push(await createRoom(server.url, `room ${i}`, 'training'))

  // Fill every room once, then let them all unload: the baseline holds no room.
  for (const room of rooms) {
    const w = connect(wsUrl, room.roomId, room.tokens.edit)
    await synced(w)
    fillDoc(w.doc, 200)
    await sleep(20)
    w.destroy()
    w.doc.destroy()
  }
  while (server.rooms.loadedCount > 0) await sleep(100)
  const gc = (globalThis as { gc?: () => void }).gc
  const measure = async () => {
    // Several GC passes: sockets and their buffers are freed over more than one cycle.
    for (let i = 0; i < 5; i++) {
      await sleep(100)
      gc?.()
    }
    const m = process.memoryUsage()
    return { heap: m.heapUsed, rss: m.rss }
  }
  const idle0 = await measure()

  const clients = []
  for (const room of rooms) {
    const c = connect(wsUrl, room.roomId, room.tokens.view)
    await synced(c)
    clients.push(c)
  }
  const active = await measure()
  for (const c of clients) {
    c.destroy()
    c.doc.destroy()
  }
  // Drop our own references too, or the clients' documents would count as server memory.
  clients.length = 0
  while (server.rooms.loadedCount > 0) await sleep(100)
  const idle1 = await measure()
  await server.close()

  // Client docs live in this process too: subtract one client doc per room.
  const probe = new Y.Doc()
  fillDoc(probe, 200)
  const before = await measure()
  const probes = Array.from({ length: ROOMS }, () => {
    const d = new Y.Doc()
    Y.applyUpdate(d, Y.encodeStateAsUpdate(probe))
    return d
  })
  const after = await measure()
  const clientDocHeap = (after.heap - before.heap) / ROOMS
  probes.length = 0

  console.log(`\nMemory, ${ROOMS} rooms of 200 shapes (${gc ? 'after GC' : 'run with --expose-gc for exact figures'}):`)
  console.log(`  active room (loaded, one participant): heap ${mb((active.heap - idle0.heap) / ROOMS - clientDocHeap)} per room (server side, client doc subtracted)`)
  console.log(`  idle room (after grace period):        heap ${mb((idle1.heap - idle0.heap) / ROOMS)} per room (unloaded: should be ~0)`)
  console.log(`  rooms loaded after grace period:       ${server.rooms.loadedCount}`)
}

/**
 * What history costs: a 200-shape room (with the 8050 case's model) edited a little between
 * versions, 20 versions stored; bytes per version on disk, and the time of one restore.
 */
async function versionCost() {
  const dir = tempDataDir()
  const storage = new SqliteStorage(dir, 'FULL', { log: createLogger(true) })
  const doc = new Y.Doc()
  fillDoc(doc, 200)
  const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))
  applyImport(doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
  const dbBytes = () => {
    storage.db.pragma('wal_checkpoint(TRUNCATE)')
    return fs.statSync(path.join(dir, 'jusou.db')).size
  }
  const before = dbBytes()
  const VERSIONS = 20
  let stateBytes = 0
  for (let v = 0; v < VERSIONS; v++) {
    doc.getMap('tldraw').set(`shape:s${v}`, shapeRecord(v + 1000)) // a card moved between versions
    const state = Y.encodeStateAsUpdate(doc)
    stateBytes += state.byteLength
    await storage.versions.save('bench-room', state, { reason: 'periodic', counts: roomCounts(doc), orgs: ['福祉総務課', '地域包括支援センター'] })
  }
  const perVersion = (dbBytes() - before) / VERSIONS
  const target = docFromState(await storage.versions.state('bench-room', (await storage.versions.list('bench-room')).at(-1)!.id) as Uint8Array)
  const t0 = performance.now()
  restoreDocument(doc, target, 'bench')
  const restoreMs = performance.now() - t0
  console.log(`\nHistory of a 200-shape room with the 8050 case model (${VERSIONS} versions):`)
  console.log(`  bytes per version on disk:   ${(perVersion / 1024).toFixed(1)} KB (document state ${(stateBytes / VERSIONS / 1024).toFixed(1)} KB)`)
  console.log(`  restore (diff + one change): ${ms(restoreMs)}`)
  storage.close()
}

await coldJoin()
await memory()
await versionCost()
process.exit(0)
