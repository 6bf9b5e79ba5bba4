/**
 * Helpers for the browser tests: the real server as a child process on a free port, Debian's
 * chromium through playwright-core, a recorder of every request pages make, and `browserSuite()`,
 * the setup every browser test file shares (server, browser, pages, rooms).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import type { CreateRoomResponse, RoomKind } from '../shared/rooms'

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

/** Starts `server/main.ts` (serving the built dist/, or CLIENT_DIR) and waits until /api/config answers. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '..')
  const clientDir = process.env.CLIENT_DIR ? path.resolve(root, process.env.CLIENT_DIR) : path.join(root, 'dist')
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error(`${clientDir}/index.html is missing: build the client first (\`npm test\` runs \`vite build\`).`)
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

/** Timestamps of the WebSocket frames a page sends (to check the presence rate limit). */
export function recordSentFrames(page: Page): number[] {
  const sent: number[] = []
  page.on('websocket', (ws) => ws.on('framesent', () => sent.push(Date.now())))
  return sent
}

/** A participant as the profile form asks for them: 表示名 and 所属. */
export interface Who {
  name: string
  org: string
}

/** Opens a room link and answers the first-visit profile form (表示名・所属) as a participant would. */
export async function submitProfile(page: Page, link: string, who: Who): Promise<void> {
  await page.goto(link)
  const form = page.getByTestId('profile-form')
  await form.waitFor()
  await form.locator('input[name=name]').fill(who.name)
  await form.locator('input[name=org]').fill(who.org)
  await form.locator('button[type=submit]').click()
}

/**
 * Opens a room link as `who` and waits until the room is usable: connected and synced with the
 * server, and (with `board`) the tldraw board drawn.
 */
export async function enterRoom(page: Page, link: string, who: Who, { board = false }: { board?: boolean } = {}): Promise<void> {
  await submitProfile(page, link, who)
  if (board) await page.locator('.tl-canvas').waitFor({ timeout: 20_000 })
  await page
    .locator('[data-testid=connection-status][data-status=connected][data-synced=true]')
    .waitFor({ timeout: board ? 10_000 : 20_000 })
  // The board tab opens first. Let tldraw finish loading its fonts before a test switches tabs:
  // unmounting it mid-load makes tldraw throw "AtomMap: key … not found" (its font manager
  // outlives the editor).
  await page.waitForLoadState('networkidle')
}

export interface PageOptions {
  /** 1280 × 800 unless given. */
  viewport?: { width: number; height: number }
  /** For tests that save what the page downloads (exports). */
  acceptDownloads?: boolean
  /**
   * Runs in every document of the page before the app's own scripts, with `initScriptArg`:
   * e.g. a recorder of the text tldraw draws on its canvas, which is not in the DOM.
   */
  initScript?: (arg: string) => void
  initScriptArg?: string
}

export interface SuiteOptions extends PageOptions {
  /** Extra environment for the server, e.g. a lower connection limit. */
  serverEnv?: Record<string, string>
}

export interface BrowserSuite {
  /** The server of this describe block; a test that restarts it puts the new one here. */
  server: RunningServer
  browser: Browser
  /** Every request of every page from `newPage()`. */
  readonly requests: RequestLog
  /** Uncaught exceptions of every page from `newPage()`. */
  readonly pageErrors: string[]
  /** A page in a browser context of its own: another PC as far as the app can tell. */
  newPage(options?: PageOptions): Promise<Page>
  /** Creates a room through the API, as the home page does. */
  createRoom(title: string, kind: RoomKind): Promise<CreateRoomResponse>
}

/**
 * Registers beforeAll/afterAll in the calling describe block: starts the server and chromium
 * before its tests, and closes the pages' contexts, the browser and the server after them.
 */
export function browserSuite(options: SuiteOptions = {}): BrowserSuite {
  const { serverEnv, ...pageDefaults } = options
  const contexts: BrowserContext[] = []
  const suite: BrowserSuite = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    requests: new RequestLog(),
    pageErrors: [],

    async newPage(pageOptions: PageOptions = {}) {
      const { viewport = { width: 1280, height: 800 }, acceptDownloads, initScript, initScriptArg } = { ...pageDefaults, ...pageOptions }
      const context = await suite.browser.newContext({ viewport, locale: 'ja-JP', acceptDownloads })
      contexts.push(context)
      if (initScript) await context.addInitScript(initScript, initScriptArg)
      const page = await context.newPage()
      suite.requests.watch(page)
      page.on('pageerror', (err) => suite.pageErrors.push(`pageerror: ${err.message}`))
      return page
    },

    async createRoom(title, kind) {
      const res = await fetch(`${suite.server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, kind }),
      })
      expect(res.status).toBe(201)
      return (await res.json()) as CreateRoomResponse
    },
  }

  beforeAll(async () => {
    suite.server = await startServer({ env: serverEnv })
    suite.browser = await launchChromium()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await suite.browser?.close()
    await suite.server?.stop()
  })

  return suite
}
