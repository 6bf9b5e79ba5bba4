/**
 * Helpers for the browser test: the real server as a child process on a free port, Debian's
 * chromium through playwright-core, and a recorder of every request pages make.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  url: string
  port: number
  dataDir: string
  child: ChildProcess
  output(): string
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and deletes its data unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>
}

export interface StartOptions {
  /** Reuse a port and data directory, e.g. to restart a stopped server. */
  port?: number
  dataDir?: string
  env?: Record<string, string>
}

/** Starts `server/main.ts` (serving the built dist/) and waits until /api/config answers. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '..')
  if (!fs.existsSync(path.join(root, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: build the client first (`npm test` runs `vite build`).')
  }
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-browser-'))
  const extraEnv = options.env ?? {}
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`

  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/api/config`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer /api/config within 30 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }

  return {
    url,
    port,
    dataDir,
    child,
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** Every URL a page requested, to prove that nothing left the machine. */
export class RequestLog {
  readonly urls: string[] = []

  watch(page: Page): void {
    page.on('request', (request) => {
      this.urls.push(request.url())
    })
    page.on('websocket', (ws) => {
      this.urls.push(ws.url())
    })
  }

  /** URLs whose host is not the local machine (data:/blob: URLs have no host and are fine). */
  outside(): string[] {
    return this.urls.filter((raw) => {
      const url = new URL(raw)
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false
      return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    })
  }
}

/** Console errors and uncaught exceptions of a page, for failure messages. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return errors
}

/** Timestamps of the WebSocket frames a page sends (to check the presence rate limit). */
export function recordSentFrames(page: Page): number[] {
  const sent: number[] = []
  page.on('websocket', (ws) => ws.on('framesent', () => sent.push(Date.now())))
  return sent
}

/** Opens a room link and answers the first-visit profile form (表示名・所属) as a participant would. */
export async function submitProfile(page: Page, link: string, who: { name: string; org: string }): Promise<void> {
  await page.goto(link)
  const form = page.getByTestId('profile-form')
  await form.waitFor()
  await form.locator('input[name=name]').fill(who.name)
  await form.locator('input[name=org]').fill(who.org)
  await form.locator('button[type=submit]').click()
}
