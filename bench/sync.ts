/**
 * npm run bench:sync -- [--clients 30,50,100,200] [--duration 20] [--warmup 5] [--editors auto]
 *                       [--servers ours,reference,hocuspocus] [--edit-rate 10] [--cursor-rate 10]
 *                       [--full-clients 3] [--awareness-echo stock] [--out file.json]
 *
 * Orchestrator: for each client count and each server, starts the server in its own process
 * (fresh port, fresh data dir), forks the load generator (bench/loadgen.ts) in another process,
 * drives warm-up → measured window → drain over IPC, samples the server's CPU (/proc) and RSS,
 * then prints a side-by-side table and writes bench/results/sync-<date>.json.
 * See bench/README.md.
 */
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { GenToParent, LoadConfig, LoadResult, ParentToGen } from './lib/protocol'
import { clockTicks, groupCpuSeconds, groupPeakRssBytes, groupRssBytes, machineCpuSeconds, pidCpuSeconds } from './lib/proc'
import { REPO_ROOT, killAllChildren, protocolOf, serverKinds, startServer, trackChild, type RunningServer, type ServerKind } from './lib/servers'
import { table } from './lib/stats'

// ---------------------------------------------------------------------------------------------
// options

const { values: argv } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    editors: { type: 'string', default: 'auto' },
    servers: { type: 'string', default: 'ours,reference,hocuspocus' },
    'edit-rate': { type: 'string', default: '10' },
    'cursor-rate': { type: 'string', default: '10' },
    'full-clients': { type: 'string', default: '3' },
    'awareness-echo': { type: 'string', default: 'stock' },
    rounds: { type: 'string', default: '1' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
})

if (argv.help) {
  const src = fileURLToPath(import.meta.url)
  console.log(`usage: npm run bench:sync -- [options]   (see ${relative(process.cwd(), join(src, '..', 'README.md'))})
  --clients 50,100,200      client counts, each run in turn (default 50; the issue's table: 30,50,100,200)
  --duration 20             measured seconds per run (default 20)
  --warmup 5                seconds of load before the window opens (default 5)
  --editors auto            clients that send edits; auto (default): 10, or 20 when clients >= 200
  --servers LIST            servers to compare, in this order (default ours,reference,hocuspocus);
                            known: ${serverKinds.join(', ')}
  --edit-rate 10            edits/s per editor
  --cursor-rate 10          awareness (cursor) updates/s per client
  --full-clients 3          clients that run the complete stock receive path (Yjs applies every edit,
                            the provider decodes every awareness message); the rest are light
                            (byte-level, same traffic); 'all' allowed
  --awareness-echo stock    stock: clients re-send every remote awareness update they apply, as stock
                            y-websocket 3.1.0 and @hocuspocus/provider 3.4.4 do (N² inbound awareness
                            at the server); off: only their own
  --rounds 1                repeat the whole sequence this many times, interleaved (round 1: every
                            size × server, then round 2 …); with 2 or more, a table of medians over
                            rounds follows and the ratios use the medians
  --out FILE                JSON output (default bench/results/sync-<date>.json)`)
  process.exit(0)
}

function positiveInt(name: string, raw: string, allowZero = false): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    console.error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${raw}'`)
    process.exit(2)
  }
  return n
}
function positiveNumber(name: string, raw: string, allowZero = false): number {
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    console.error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got '${raw}'`)
    process.exit(2)
  }
  return n
}

const clientCounts = argv.clients!.split(',').map((s) => positiveInt('clients', s.trim()))
const durationS = positiveNumber('duration', argv.duration!)
const warmupS = positiveNumber('warmup', argv.warmup!, true)
const editorsRaw = argv.editors!
const editorsFixed = editorsRaw === 'auto' ? null : positiveInt('editors', editorsRaw, true)
/** Editors for a run with n clients: --editors N, or auto: 10, 20 from 200 clients on (the issue's loads). */
const editorsFor = (n: number) => Math.min(n, editorsFixed ?? (n >= 200 ? 20 : 10))
const editRate = positiveNumber('edit-rate', argv['edit-rate']!)
const cursorRate = positiveNumber('cursor-rate', argv['cursor-rate']!, true)
const fullClientsRaw = argv['full-clients']!
const awarenessEchoRaw = argv['awareness-echo']!
if (awarenessEchoRaw !== 'stock' && awarenessEchoRaw !== 'off') {
  console.error(`--awareness-echo must be 'stock' or 'off', got '${awarenessEchoRaw}'`)
  process.exit(2)
}
const awarenessEcho = awarenessEchoRaw === 'stock'
const rounds = positiveInt('rounds', argv.rounds!)
const servers = argv.servers!.split(',').map((s) => s.trim()) as ServerKind[]
for (const s of servers) {
  if (!serverKinds.includes(s)) {
    console.error(`unknown server '${s}' (known: ${serverKinds.join(', ')})`)
    process.exit(2)
  }
}
for (const n of clientCounts) {
  if (n < 2) {
    console.error('--clients: each count must be at least 2 (someone has to receive)')
    process.exit(2)
  }
}
const sampleFor = (raw: string, n: number, name: string) => (raw === 'all' ? n : Math.min(n, positiveInt(name, raw, true)))

// ---------------------------------------------------------------------------------------------
// one run

interface RunResult {
  server: ServerKind
  clients: number
  /** 1-based repetition (--rounds). */
  round?: number
  editors: number
  ok: boolean
  error?: string
  serverCpuS?: number
  /** Server CPU seconds / window seconds (1.0 = one core). */
  serverCpuCores?: number
  serverPeakRssMB?: number
  serverRssEndMB?: number
  /** CPU (in cores) charged to processes other than server, generator and this orchestrator
   *  during the window; high = noisy machine. */
  otherCpuCores?: number
  /** Machine-wide irq + softirq time during the window, in cores (mostly loopback TCP). */
  irqCpuCores?: number
  load?: LoadResult
  serverLogTail?: string
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Above this much CPU (in cores) used by other processes during a window, the run is flagged. */
const OTHER_CPU_WARN = 0.25
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`)
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

function forkGenerator() {
  const child = fork(fileURLToPath(new URL('./loadgen.ts', import.meta.url)), [], {
    // BENCH_GEN_NODE_OPTIONS: extra node flags for the generator, e.g. '--cpu-prof' when tuning it.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_GEN_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [])],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    cwd: REPO_ROOT,
  })
  trackChild(child)
  const errTail: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue
      errTail.push(line)
      if (errTail.length > 20) errTail.shift()
    }
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const queue: GenToParent[] = []
  const waiters: Array<(m: GenToParent) => void> = []
  let exited: string | null = null
  child.on('message', (m: GenToParent) => {
    const w = waiters.shift()
    if (w) w(m)
    else queue.push(m)
  })
  child.on('exit', (code, signal) => {
    exited = `load generator exited (code ${code}, signal ${signal})`
  })
  const next = async (type: GenToParent['type'], timeoutMs: number): Promise<GenToParent> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const m =
        queue.shift() ??
        (await new Promise<GenToParent | null>((res) => {
          const waiter = (msg: GenToParent) => {
            clearTimeout(t)
            res(msg)
          }
          const t = setTimeout(() => {
            const i = waiters.indexOf(waiter)
            if (i >= 0) waiters.splice(i, 1)
            res(null)
          }, Math.max(1, Math.min(200, deadline - Date.now())))
          waiters.push(waiter)
        }))
      if (m) {
        if (m.type === 'error') throw new Error(`load generator failed: ${m.message}`)
        if (m.type === type) return m
        continue
      }
      if (exited && queue.length === 0) throw new Error(`${exited} while waiting for '${type}':\n${errTail.join('\n')}`)
      if (Date.now() > deadline) throw new Error(`load generator: no '${type}' within ${timeoutMs} ms:\n${errTail.join('\n')}`)
    }
  }
  const post = (m: ParentToGen) => {
    if (child.connected) child.send(m)
  }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const deadline = Date.now() + 3000
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await sleep(50)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  }
  return { child, next, post, kill, errTail }
}

async function runOne(kind: ServerKind, n: number): Promise<RunResult> {
  const base: RunResult = { server: kind, clients: n, editors: editorsFor(n), ok: false }
  let server: RunningServer | null = null
  let gen: ReturnType<typeof forkGenerator> | null = null
  let rssTimer: NodeJS.Timeout | null = null
  try {
    log(`N=${n} ${kind}: starting server`)
    server = await startServer(kind)
    const srv = server
    log(`N=${n} ${kind}: server pid ${srv.pid} on port ${srv.port}, room ${srv.roomId}`)
    let peakRss = groupRssBytes(srv.pid)
    rssTimer = setInterval(() => {
      peakRss = Math.max(peakRss, groupRssBytes(srv.pid))
    }, 250)

    gen = forkGenerator()
    const config: LoadConfig = {
      protocol: protocolOf(kind),
      wsUrl: srv.wsUrl,
      roomId: srv.roomId,
      token: srv.token,
      clients: n,
      editors: editorsFor(n),
      editRate,
      cursorRate,
      fullClients: sampleFor(fullClientsRaw, n, 'full-clients'),
      awarenessEcho,
      connectTimeoutMs: 20_000 + n * 100,
      drainTimeoutMs: 10_000,
    }
    gen.post({ type: 'config', config })
    const connected = (await gen.next('connected', config.connectTimeoutMs + 15_000)) as Extract<GenToParent, { type: 'connected' }>
    log(`N=${n} ${kind}: ${connected.connected}/${n} clients synced in ${connected.connectMs} ms` +
      (Object.keys(connected.closeCodes).length ? ` (close codes so far: ${JSON.stringify(connected.closeCodes)})` : ''))
    if (connected.connected === 0) throw new Error(`no client could connect/sync; close codes ${JSON.stringify(connected.closeCodes)}`)

    gen.post({ type: 'start' })
    log(`N=${n} ${kind}: warm-up ${warmupS}s`)
    await sleep(warmupS * 1000)
    if (srv.exited()) throw new Error(`server exited during warm-up: ${JSON.stringify(srv.exited())}`)
    gen.post({ type: 'measure' })
    await gen.next('measuring', 10_000)
    const cpu0 = groupCpuSeconds(srv.pid)
    const machine0 = machineCpuSeconds()
    const self0 = process.cpuUsage()
    const genCpu0 = pidCpuSeconds(gen.child.pid!)
    const t0 = performance.now()
    log(`N=${n} ${kind}: measuring ${durationS}s`)
    await sleep(durationS * 1000)
    const cpu1 = groupCpuSeconds(srv.pid)
    const genCpu1 = pidCpuSeconds(gen.child.pid!)
    const self1 = process.cpuUsage(self0)
    const machine1 = machineCpuSeconds()
    const t1 = performance.now()
    gen.post({ type: 'stop' })
    const peakHwm = groupPeakRssBytes(srv.pid)
    const rssEnd = groupRssBytes(srv.pid)
    const serverDied = srv.exited()
    const res = (await gen.next('result', 30_000)) as Extract<GenToParent, { type: 'result' }>
    const cpuS = cpu1 - cpu0
    const out: RunResult = {
      ...base,
      ok: true,
      serverCpuS: Math.round(cpuS * 100) / 100,
      serverCpuCores: Math.round((cpuS / ((t1 - t0) / 1000)) * 100) / 100,
      serverPeakRssMB: mb(Math.max(peakRss, peakHwm)),
      serverRssEndMB: mb(rssEnd),
      otherCpuCores:
        Math.round(
          ((machine1.task - machine0.task - cpuS - (genCpu1 - genCpu0) - (self1.user + self1.system) / 1e6) / ((t1 - t0) / 1000)) * 100,
        ) / 100,
      irqCpuCores: Math.round(((machine1.irq - machine0.irq) / ((t1 - t0) / 1000)) * 100) / 100,
      load: res.result,
    }
    if (serverDied) {
      out.ok = false
      out.error = `server exited during the measured window: ${JSON.stringify(serverDied)}`
      out.serverLogTail = srv.logTail()
    }
    const l = res.result
    log(
      `N=${n} ${kind}: edits ${l.edits.sent}/${l.edits.intended}, delivered ${l.edits.delivered}/${l.edits.expected}, ` +
        `p95 ${l.edits.latencyMs.p95} ms, server CPU ${out.serverCpuS}s, generator ${(l.generator.cpuCores * 100).toFixed(0)}% of a core`,
    )
    for (const w of l.warnings) log(`N=${n} ${kind}: WARNING ${w}`)
    return out
  } catch (e) {
    const message = (e as Error).message ?? String(e)
    log(`N=${n} ${kind}: FAILED: ${message}`)
    return { ...base, error: message, serverLogTail: server?.logTail() }
  } finally {
    if (rssTimer) clearInterval(rssTimer)
    if (gen) await gen.kill()
    if (server) await server.stop()
  }
}

// ---------------------------------------------------------------------------------------------
// report

const sig = (v: number | null) => (v === null ? '-' : String(Number(v.toPrecision(2))))
const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '-' : v.toFixed(digits))

function render(results: RunResult[]): string {
  const rows: string[][] = [
    ['clients', 'server', 'editors', 'edits sent/intended', 'delivered/expected', 'p50 ms', 'p95 ms', 'p99 ms', 'srv CPU s', 'srv CPU %', 'peak RSS MB', 'cursor p95 ms', 'disc', 'gen CPU %', 'other CPU %'],
  ]
  for (const r of results) {
    if (!r.ok && !r.load) {
      rows.push([String(r.clients), r.server, String(r.editors), `FAILED: ${(r.error ?? '').split('\n')[0].slice(0, 100)}`])
      continue
    }
    const l = r.load!
    const pct = (a: number, b: number) => (b > 0 ? ` (${((a / b) * 100).toFixed(1)}%)` : '')
    rows.push([
      `${l.connected === r.clients ? '' : `${l.connected}/`}${r.clients}`,
      r.server + (rounds > 1 ? ` #${r.round}` : '') + (r.ok ? '' : ' (!)'),
      String(r.editors),
      `${l.edits.sent}/${l.edits.intended}`,
      `${l.edits.delivered}/${l.edits.expected}${pct(l.edits.delivered, l.edits.expected)}`,
      fmt(l.edits.latencyMs.p50),
      fmt(l.edits.latencyMs.p95),
      fmt(l.edits.latencyMs.p99),
      fmt(r.serverCpuS, 2),
      fmt((r.serverCpuCores ?? 0) * 100, 0),
      fmt(r.serverPeakRssMB, 1),
      fmt(l.awareness.latencyMs.p95),
      String(l.disconnects),
      fmt(l.generator.cpuCores * 100, 0),
      fmt((r.otherCpuCores ?? 0) * 100, 0),
    ])
  }
  // Header row: left-align the first two columns, numbers right.
  return table(rows, 2)
}

/** ours/<other> for one client count; null where either side has no figure. */
interface Ratio {
  clients: number
  /** The server ours is divided by: 'reference', 'hocuspocus' (or 'reference-leveldb'). */
  versus: ServerKind
  p95: number | null
  cpu: number | null
}
function ratios(results: RunResult[]): Ratio[] {
  const out: Ratio[] = []
  const div = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || !b ? null : Number((a / b).toPrecision(3))
  for (const n of clientCounts) {
    const ours = summarize(results, n, 'ours')
    if (!ours) continue
    for (const versus of servers) {
      if (versus === 'ours') continue
      const other = summarize(results, n, versus)
      if (!other) continue
      out.push({ clients: n, versus, p95: div(ours.p95, other.p95), cpu: div(ours.cpuS, other.cpuS) })
    }
  }
  return out
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** One server at one size over all rounds: medians of the per-run figures (one run: its figures). */
interface Summary {
  runs: number
  p50: number | null
  p95: number | null
  p99: number | null
  cpuS: number | null
  /** Worst round: lowest share of intended edits sent and of expected edits delivered. */
  minSentShare: number
  minDeliveredShare: number
}
function summarize(results: RunResult[], n: number, kind: ServerKind): Summary | null {
  const runs = results.filter((r) => r.clients === n && r.server === kind && r.load)
  if (runs.length === 0) return null
  const pick = (f: (r: RunResult) => number | null | undefined) =>
    median(runs.map(f).filter((v): v is number => typeof v === 'number'))
  const share = (a: number, b: number) => (b > 0 ? a / b : 1)
  return {
    runs: runs.length,
    p50: pick((r) => r.load!.edits.latencyMs.p50),
    p95: pick((r) => r.load!.edits.latencyMs.p95),
    p99: pick((r) => r.load!.edits.latencyMs.p99),
    cpuS: pick((r) => r.serverCpuS),
    minSentShare: Math.min(...runs.map((r) => share(r.load!.edits.sent, r.load!.edits.intended))),
    minDeliveredShare: Math.min(...runs.map((r) => share(r.load!.edits.delivered, r.load!.edits.expected))),
  }
}

/** Medians over rounds, one row per size and server. */
function renderMedians(results: RunResult[]): string {
  const rows: string[][] = [['clients', 'server', 'rounds', 'p50 ms', 'p95 ms', 'p99 ms', 'srv CPU s', 'min sent %', 'min delivered %']]
  for (const n of clientCounts) {
    for (const kind of servers) {
      const m = summarize(results, n, kind)
      if (!m) continue
      rows.push([
        String(n),
        kind,
        String(m.runs),
        fmt(m.p50),
        fmt(m.p95),
        fmt(m.p99),
        fmt(m.cpuS, 2),
        fmt(m.minSentShare * 100, 1),
        fmt(m.minDeliveredShare * 100, 1),
      ])
    }
  }
  return table(rows, 2)
}

const short = (k: ServerKind) => (k === 'reference' ? 'ref' : k === 'hocuspocus' ? 'hocus' : k)

/** One row per client count, columns ours/<other> p95 and CPU for each other server. */
function renderRatios(rs: Ratio[]): string {
  const others = servers.filter((k) => k !== 'ours' && rs.some((r) => r.versus === k))
  const header = ['clients', ...others.flatMap((k) => [`ours/${short(k)} p95`, `ours/${short(k)} CPU`])]
  const rows = clientCounts
    .filter((n) => rs.some((r) => r.clients === n))
    .map((n) => [
      String(n),
      ...others.flatMap((k) => {
        const r = rs.find((x) => x.clients === n && x.versus === k)
        return r ? [sig(r.p95), sig(r.cpu)] : ['-', '-']
      }),
    ])
  return table([header, ...rows], 1)
}

// ---------------------------------------------------------------------------------------------
// main

let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = true
    log(`${signal}: killing children`)
    killAllChildren()
    process.exit(130)
  })
}
process.on('exit', () => killAllChildren())

async function main() {
  const startedAt = new Date()
  log(
    `clients ${clientCounts.join(',')} × servers ${servers.join(',')}; ${clientCounts.map((n) => editorsFor(n)).join(',')} editors × ${editRate}/s, cursors ${cursorRate}/s per client; ` +
      `warm-up ${warmupS}s, window ${durationS}s; ${cpus().length} CPUs; CLK_TCK ${clockTicks()}`,
  )
  const results: RunResult[] = []
  // Rounds are interleaved so that a slow drift of the machine hits every server alike.
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) log(`round ${round}/${rounds}`)
    for (const n of clientCounts) {
      for (const kind of servers) {
        results.push({ ...(await runOne(kind, n)), round })
        await sleep(500)
      }
    }
  }

  const rs = ratios(results)
  console.log('')
  console.log(render(results))
  console.log('')
  if (rounds > 1) {
    console.log(`medians over ${rounds} rounds:`)
    console.log(renderMedians(results))
    console.log('')
  }
  if (rs.length) {
    console.log(renderRatios(rs))
    console.log('')
  }
  const notes: string[] = []
  notes.push(
    'clients: stock y-websocket 3.1.0 WebsocketProviders for ours/reference; for hocuspocus (in-memory @hocuspocus/server 3.4.4, no extensions) ' +
      'stock @hocuspocus/provider 3.4.4 HocuspocusProviders, each on its own HocuspocusProviderWebsocket (ws polyfill). Same edits, same presence, same rates',
  )
  notes.push(
    `receivers: ${fullClientsRaw === 'all' ? 'all clients' : `${fullClientsRaw} client(s) per run`} run the complete stock receive path (Yjs apply + the provider's awareness decoding); ` +
      'the others are light: they time edits when the frame arrives (marker read from the update bytes) and handle awareness at byte level ' +
      '(for hocuspocus the same, behind its document-name prefix; every other message still goes through the stock provider). ' +
      'Edit latencies (p50/p95/p99) are over all receivers; full-client-only figures are in the JSON (edits.latencyFullMs). ' +
      'Cursor p95 is timed at the full clients and every k-th light client (~20 receivers)',
  )
  notes.push(
    awarenessEcho
      ? 'awareness echo: stock provider behaviour (y-websocket 3.1.0 and @hocuspocus/provider 3.4.4 alike) - every client re-sends each remote awareness update it applies (decoding clients via the provider itself, the others by an equivalent byte-level emulation), so the server receives ~N× more awareness than clients produce'
      : 'awareness echo: off - clients send only their own awareness (patched provider, not stock behaviour)',
  )
  for (const r of results) {
    for (const w of r.load?.warnings ?? []) notes.push(`N=${r.clients} ${r.server}: ${w}`)
    if ((r.otherCpuCores ?? 0) > OTHER_CPU_WARN) {
      notes.push(
        `N=${r.clients} ${r.server}: other processes used ${((r.otherCpuCores ?? 0) * 100).toFixed(0)}% of a core during the window - the machine was not quiet; compare with care`,
      )
    }
    if (r.error) notes.push(`N=${r.clients} ${r.server}: ERROR ${r.error}${r.serverLogTail ? `\n    server log tail:\n      ${r.serverLogTail.split('\n').join('\n      ')}` : ''}`)
    const codes = r.load?.closeCodes ?? {}
    if (Object.keys(codes).length) notes.push(`N=${r.clients} ${r.server}: WebSocket close codes seen by clients: ${JSON.stringify(codes)}`)
  }
  console.log('notes:\n' + notes.map((n) => `  - ${n}`).join('\n'))

  const outFile =
    argv.out ?? join(REPO_ROOT, 'bench', 'results', `sync-${startedAt.toISOString().replace(/\..*$/, '').replace(/:/g, '-')}.json`)
  mkdirSync(join(outFile, '..'), { recursive: true })
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        host: { cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemMB: mb(totalmem()), node: process.version, clkTck: clockTicks() },
        options: {
          clients: clientCounts,
          durationS,
          warmupS,
          editors: editorsRaw,
          editRate,
          cursorRate,
          fullClients: fullClientsRaw,
          awarenessEcho: awarenessEchoRaw,
          servers,
          rounds,
        },
        results,
        ratios: rs,
        notes,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`\nresults written to ${relative(process.cwd(), outFile)}`)
}

const overall = setTimeout(() => {
  log('overall time limit reached; killing children')
  killAllChildren()
  process.exit(3)
}, (rounds * clientCounts.length * servers.length * (warmupS + durationS + 120) + 60) * 1000)
overall.unref()

main()
  .then(() => {
    killAllChildren()
    process.exit(0)
  })
  .catch((e) => {
    console.error(e)
    killAllChildren()
    process.exit(1)
  })
