import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreateRoomResponse, RoomKind } from '../../shared/rooms.ts'

export interface ServerProcess {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  child: ChildProcess
  /** stdout+stderr so far, for failure messages and for checking what is logged. */
  output(): string
  kill(signal?: NodeJS.Signals): Promise<void>
}

export function tempDataDir(prefix = 'jusou-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/**
 * Starts the real server (server/main.ts) as a child process on a free port, as an operator
 * would, so that tests can SIGKILL it and start it again on the same data directory.
 */
export async function startServerProcess(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? tempDataDir()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000)
    const onData = () => {
      const m = /"event":"server.listening","url":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${out}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    port,
    dataDir,
    child,
    output: () => out,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

export interface CreatedRoom extends CreateRoomResponse {
  tokens: { facilitate: string; edit: string; view: string }
}

export async function createRoom(baseUrl: string, title = 'テスト研修', kind: RoomKind = 'training'): Promise<CreatedRoom> {
  const res = await fetch(`${baseUrl}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, kind }),
  })
  if (res.status !== 201) throw new Error(`room creation failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as CreateRoomResponse
  const token = (link: string) => new URL(link).hash.replace(/^#k=/, '')
  return {
    ...body,
    tokens: { facilitate: token(body.links.facilitate), edit: token(body.links.edit), view: token(body.links.view) },
  }
}
