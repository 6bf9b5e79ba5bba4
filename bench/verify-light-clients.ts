/**
 * node --import tsx bench/verify-light-clients.ts [y-websocket|hocuspocus]
 *
 * Checks that the generator's light clients send the server what stock clients send: runs the
 * same small load (12 clients, 3 editors, 4 s window) once with every client on the stock path and
 * once with every client light, for both --awareness-echo modes, against an in-process server that
 * counts the messages it receives:
 * - y-websocket: the reference server (@y/websocket-server), clients are y-websocket providers;
 * - hocuspocus: an in-memory @hocuspocus/server, clients are @hocuspocus/provider providers, light
 *   ones parsing the Hocuspocus framing (document-name prefix).
 * Both protocols by default (~50 s). Exits 1 if stock and light differ by more than 5 %, or if
 * an edit was not delivered.
 */
import { fork } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type RawData } from 'ws'
import * as decoding from 'lib0/decoding'
import { setupWSConnection } from '@y/websocket-server/utils'
import { Server as HocuspocusServer } from '@hocuspocus/server'
import type { GenToParent, LoadConfig, LoadResult, ParentToGen, WireProtocol } from './lib/protocol'

const counts = { awareness: 0, awarenessBytes: 0, other: 0 }
let counting = false

/** Count one message the server received (for Hocuspocus the type follows the document name). */
function count(raw: RawData, protocol: WireProtocol) {
  if (!counting) return
  const buf = raw instanceof ArrayBuffer ? new Uint8Array(raw) : Buffer.isBuffer(raw) ? raw : Buffer.concat(raw)
  let type: number
  if (protocol === 'hocuspocus') {
    const d = decoding.createDecoder(buf)
    decoding.readVarString(d)
    type = decoding.readVarUint(d)
  } else type = buf[0]
  if (type === 1) {
    counts.awareness++
    counts.awarenessBytes += buf.length
  } else counts.other++
}

/** y-websocket: the reference server's connection handler, in process. */
async function startReference() {
  const server = http.createServer()
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (raw: RawData) => count(raw, 'y-websocket'))
      setupWSConnection(ws, req)
    }),
  )
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return { port: (server.address() as AddressInfo).port, close: () => server.close() }
}

/** Hocuspocus: a stock in-memory Server (as bench/lib/hocuspocus-server.mjs), plus a counter. */
async function startHocuspocus() {
  const hp = new HocuspocusServer({ quiet: true, stopOnSignals: false })
  hp.webSocketServer.on('connection', (ws: import('ws').WebSocket) => ws.on('message', (raw: RawData) => count(raw, 'hocuspocus')))
  await new Promise<void>((r) => hp.httpServer.listen(0, '127.0.0.1', () => r()))
  return {
    port: (hp.httpServer.address() as AddressInfo).port,
    close: () => {
      hp.hocuspocus.closeConnections()
      hp.httpServer.close()
    },
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function run(protocol: WireProtocol, port: number, fullClients: number, awarenessEcho: boolean) {
  counts.awareness = counts.awarenessBytes = counts.other = 0
  const child = fork(fileURLToPath(new URL('./loadgen.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const msgs: GenToParent[] = []
  child.on('message', (m: GenToParent) => msgs.push(m))
  const post = (m: ParentToGen) => child.send(m)
  const wait = async (type: GenToParent['type']) => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const m = msgs.find((x) => x.type === type || x.type === 'error')
      if (m?.type === 'error') throw new Error(m.message)
      if (m) return m
      if (Date.now() > deadline) throw new Error(`no ${type}`)
      await sleep(20)
    }
  }
  const config: LoadConfig = {
    protocol,
    wsUrl: `ws://127.0.0.1:${port}`,
    roomId: `verify-${Math.random().toString(36).slice(2)}`,
    token: null,
    clients: 12,
    editors: 3,
    editRate: 10,
    cursorRate: 10,
    fullClients,
    awarenessEcho,
    connectTimeoutMs: 10_000,
    drainTimeoutMs: 3_000,
  }
  post({ type: 'config', config })
  await wait('connected')
  post({ type: 'start' })
  await sleep(1000)
  counting = true
  post({ type: 'measure' })
  await sleep(4000)
  post({ type: 'stop' })
  counting = false
  const res = ((await wait('result')) as { result: LoadResult }).result
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
  const perSent = counts.awareness / Math.max(1, res.awareness.sent)
  const bytesPerMsg = counts.awarenessBytes / Math.max(1, counts.awareness)
  const delivered = res.edits.delivered / Math.max(1, res.edits.expected)
  console.log(
    `${protocol}: ${fullClients === 12 ? 'stock' : 'light'} clients, echo ${awarenessEcho ? 'stock' : 'off  '}: ` +
      `server got ${perSent.toFixed(2)} awareness msgs per presence change (${bytesPerMsg.toFixed(0)} B avg), ` +
      `${counts.other} sync msgs for ${res.edits.sent} edits; delivered ${(delivered * 100).toFixed(1)}%`,
  )
  return { perSent, bytesPerMsg, syncPerEdit: counts.other / Math.max(1, res.edits.sent), delivered }
}

const arg = process.argv[2]
if (arg !== undefined && arg !== 'y-websocket' && arg !== 'hocuspocus') {
  console.error(`usage: node --import tsx bench/verify-light-clients.ts [y-websocket|hocuspocus]`)
  process.exit(2)
}
const protocols: WireProtocol[] = arg ? [arg] : ['y-websocket', 'hocuspocus']
let ok = true
for (const protocol of protocols) {
  const server = protocol === 'hocuspocus' ? await startHocuspocus() : await startReference()
  for (const echo of [true, false]) {
    const stock = await run(protocol, server.port, 12, echo)
    const light = await run(protocol, server.port, 0, echo)
    const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(a, b)
    if (!close(stock.perSent, light.perSent) || !close(stock.bytesPerMsg, light.bytesPerMsg) || !close(stock.syncPerEdit, light.syncPerEdit)) {
      console.log(`MISMATCH (${protocol}, echo ${echo ? 'stock' : 'off'})`)
      ok = false
    }
    if (stock.delivered !== 1 || light.delivered !== 1) {
      console.log(`${protocol}: not every edit was delivered`)
      ok = false
    }
  }
  server.close()
}
console.log(ok ? `OK: light clients send what stock clients send (${protocols.join(', ')})` : 'FAILED')
process.exit(ok ? 0 : 1)
