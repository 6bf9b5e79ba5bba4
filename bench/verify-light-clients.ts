/**
 * node --import tsx bench/verify-light-clients.ts
 *
 * Checks that the generator's light clients send the server what stock y-websocket clients send:
 * runs the same small load (12 clients, 3 editors, 4 s window) once with every client on the stock
 * path and once with every client light, against an in-process reference server that counts the
 * messages it receives, for both --awareness-echo modes. Exits 1 if they differ by more than 5 %.
 */
import { fork } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type RawData } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import type { GenToParent, LoadConfig, LoadResult, ParentToGen } from './lib/protocol'

const counts = { awareness: 0, awarenessBytes: 0, other: 0 }
let counting = false
const server = http.createServer()
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.on('message', (raw: RawData) => {
      if (!counting) return
      const first = raw instanceof ArrayBuffer ? new Uint8Array(raw)[0] : Buffer.isBuffer(raw) ? raw[0] : raw[0][0]
      const len = raw instanceof ArrayBuffer ? raw.byteLength : Buffer.isBuffer(raw) ? raw.length : Buffer.concat(raw).length
      if (first === 1) {
        counts.awareness++
        counts.awarenessBytes += len
      } else counts.other++
    })
    setupWSConnection(ws, req)
  }),
)
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
const port = (server.address() as AddressInfo).port
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function run(fullClients: number, awarenessEcho: boolean) {
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
    `${fullClients === 12 ? 'stock' : 'light'} clients, echo ${awarenessEcho ? 'stock' : 'off  '}: ` +
      `server got ${perSent.toFixed(2)} awareness msgs per presence change (${bytesPerMsg.toFixed(0)} B avg), ` +
      `${counts.other} sync msgs for ${res.edits.sent} edits; delivered ${(delivered * 100).toFixed(1)}%`,
  )
  return { perSent, bytesPerMsg, syncPerEdit: counts.other / Math.max(1, res.edits.sent), delivered }
}

let ok = true
for (const echo of [true, false]) {
  const stock = await run(12, echo)
  const light = await run(0, echo)
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(a, b)
  if (!close(stock.perSent, light.perSent) || !close(stock.bytesPerMsg, light.bytesPerMsg) || !close(stock.syncPerEdit, light.syncPerEdit)) {
    console.log(`MISMATCH (echo ${echo ? 'stock' : 'off'})`)
    ok = false
  }
  if (stock.delivered !== 1 || light.delivered !== 1) {
    console.log('not every edit was delivered')
    ok = false
  }
}
console.log(ok ? 'OK: light clients send what stock clients send' : 'FAILED')
server.close()
process.exit(ok ? 0 : 1)
