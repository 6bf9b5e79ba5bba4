import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WireProtocol } from './protocol'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export const serverKinds = ['ours', 'reference', 'hocuspocus', 'reference-leveldb'] as const
export type ServerKind = (typeof serverKinds)[number]
export const protocolOf = (kind: ServerKind): WireProtocol => (kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket')

export interface RunningServer {
  kind: ServerKind
  protocol: WireProtocol
  pid: number
  port: number
  /** Base URL for WebsocketProvider / HocuspocusProviderWebsocket. */
  wsUrl: string
  roomId: string
  token: string | null
  dataDir: string
  /** Last lines the server printed (for error reports). */
  logTail(): string
  exited(): { code: number | null; signal: NodeJS.Signals | null } | null
  stop(): Promise<void>
}

const HOST = '127.0.0.1'

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', rej)
    srv.listen(0, HOST, () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => res(port))
    })
  })
}

function referenceServerPath(): string {
  const req = createRequire(import.meta.url)
  return join(dirname(req.resolve('@y/websocket-server/package.json')), 'src', 'server.js')
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function fetchWithTimeout(url: string, init: RequestInit = {}, ms = 2000): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) })
}

/** Every child we spawned, so that an orchestrator crash or Ctrl-C still kills them. */
const liveChildren = new Set<ChildProcess>()
export function killAllChildren(): void {
  for (const child of liveChildren) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        try {
          child.kill('SIGKILL')
        } catch {
          /* already gone */
        }
      }
    }
  }
  liveChildren.clear()
}
export function trackChild(child: ChildProcess): void {
  liveChildren.add(child)
  child.once('exit', () => liveChildren.delete(child))
}

/**
 * Start one server in its own process group on a fresh port and a fresh data dir, wait until it
 * answers HTTP, and create (ours) or pick (reference, Hocuspocus) the bench room.
 */
export async function startServer(kind: ServerKind, readyTimeoutMs = 30_000): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `jusou-bench-${kind}-`))
  let args: string[]
  const env: NodeJS.ProcessEnv = { ...process.env, HOST, PORT: String(port) }
  if (kind === 'ours') {
    const entry = join(REPO_ROOT, 'server', 'main.ts')
    if (!existsSync(entry)) {
      rmSync(dataDir, { recursive: true, force: true })
      throw new Error(`server/main.ts does not exist (${entry})`)
    }
    args = ['--import', 'tsx', entry]
    env.DATA_DIR = dataDir
  } else if (kind === 'hocuspocus') {
    // In-memory @hocuspocus/server, no extensions (bench/lib/hocuspocus-server.mjs).
    args = [join(REPO_ROOT, 'bench', 'lib', 'hocuspocus-server.mjs')]
  } else {
    args = [referenceServerPath()]
    if (kind === 'reference-leveldb') env.YPERSISTENCE = dataDir
    else delete env.YPERSISTENCE
  }

  // BENCH_SERVER_NODE_OPTIONS: extra node flags for the server, e.g. '--cpu-prof' when profiling it.
  const extra = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...extra, ...args], {
    cwd: REPO_ROOT,
    env,
    detached: true, // own process group: CPU/RSS accounting and kill cover any workers
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  trackChild(child)
  const log: string[] = []
  let sawUrlLine = false
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue
      log.push(line)
      if (log.length > 40) log.shift()
      if (line.includes(`${HOST}:${port}`) || line.includes(`localhost:${port}`)) sawUrlLine = true
    }
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null
  child.once('exit', (code, signal) => (exitInfo = { code, signal }))

  const stop = async () => {
    if (child.pid !== undefined && exitInfo === null) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        /* gone */
      }
      const deadline = Date.now() + 3000
      while (exitInfo === null && Date.now() < deadline) await sleep(50)
      if (exitInfo === null) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          /* gone */
        }
        const hard = Date.now() + 2000
        while (exitInfo === null && Date.now() < hard) await sleep(50)
      }
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  const logTail = () => log.slice(-15).join('\n')
  const base = `http://${HOST}:${port}`
  const readyPath = kind === 'ours' ? '/api/config' : '/'
  const deadline = Date.now() + readyTimeoutMs
  let lastErr = ''
  for (;;) {
    if (exitInfo !== null) {
      await stop()
      throw new Error(`${kind} server exited before it was ready (${JSON.stringify(exitInfo)}):\n${logTail()}`)
    }
    try {
      const res = await fetchWithTimeout(base + readyPath)
      if (res.status === 200) {
        await res.arrayBuffer()
        break
      }
      lastErr = `GET ${readyPath} → ${res.status}`
    } catch (e) {
      lastErr = String((e as Error).message ?? e)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${kind} server not ready after ${readyTimeoutMs} ms (${lastErr}; url line seen: ${sawUrlLine}):\n${logTail()}`)
    }
    await sleep(100)
  }

  let roomId: string
  let token: string | null = null
  let wsUrl: string
  if (kind === 'ours') {
    wsUrl = `ws://${HOST}:${port}/ws`
    try {
      const res = await fetchWithTimeout(`${base}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'bench', kind: 'training' }),
      }, 5000)
      const text = await res.text()
      if (res.status !== 201) throw new Error(`POST /api/rooms → ${res.status}: ${text.slice(0, 300)}`)
      const body = JSON.parse(text) as { roomId?: string; links?: { edit?: string } }
      if (!body.roomId || !body.links?.edit) throw new Error(`POST /api/rooms: unexpected body ${text.slice(0, 300)}`)
      roomId = body.roomId
      const hash = new URL(body.links.edit).hash.replace(/^#/, '')
      token = new URLSearchParams(hash).get('k')
      if (!token) throw new Error(`edit link has no #k= token: ${body.links.edit}`)
    } catch (e) {
      await stop()
      throw new Error(`room creation failed on ${kind}: ${(e as Error).message}\n${logTail()}`, { cause: e })
    }
  } else {
    wsUrl = `ws://${HOST}:${port}`
    roomId = `bench-${Math.random().toString(36).slice(2, 10)}`
  }

  return {
    kind,
    protocol: protocolOf(kind),
    pid: child.pid!,
    port,
    wsUrl,
    roomId,
    token,
    dataDir,
    logTail,
    exited: () => exitInfo,
    stop,
  }
}
