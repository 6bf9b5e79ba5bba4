/**
 * End-to-end in a real browser: the built client (dist/) served by the real server, two
 * participants in separate browser contexts (separate IndexedDB, localStorage and
 * BroadcastChannel, i.e. two different PCs as far as the app can tell), real mouse and keyboard.
 *
 * Needs `vite build` first (`npm test` does it) and Debian's chromium at /usr/bin/chromium.
 * Screenshots go to /tmp/jusou-*.png for a human to look at.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeCodeCatalog } from '../shared/i18n/rooms'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom, recordSentFrames, startServer, submitProfile } from './browser-helpers'

const VIEWPORT = { width: 1280, height: 800 }
/** Shapes drawn by participants: a case room also starts with its household frame (世帯). */
const DRAWN = '.tl-shape:not([data-shape-type="frame"])'

const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
const CAROL = { name: '鈴木', org: '社協' }

/**
 * tldraw draws collaborator cursors and their name tags on a <canvas>, so they are not in the
 * DOM. To check the label without any test hook in the app, we record the strings the page
 * draws with fillText (installed before any page script runs).
 */
function recordCanvasText() {
  const drawn: string[] = []
  ;(window as unknown as { __drawnTexts: string[] }).__drawnTexts = drawn
  const original = CanvasRenderingContext2D.prototype.fillText
  CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
    if (drawn.length > 400) drawn.splice(0, 200)
    drawn.push(String(text))
    return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth)
  }
}

describe('browser: a room shared by two participants', () => {
  const suite = browserSuite({ viewport: VIEWPORT, initScript: recordCanvasText })
  const { newPage, requests, pageErrors } = suite
  let room: CreateRoomResponse | null = null
  let a: Page
  let b: Page

  it('home page explains the tool and creates a room with three links', async () => {
    const page = await newPage()
    await page.goto(suite.server.url + '/')
    await expect(page.locator('h1').textContent()).resolves.toBe('重層支援マップ')
    await page.locator('input[name=title]').fill('北地区 支援会議（テスト）')
    await page.locator('input[name=kind][value=community]').check()
    await page.locator('button[type=submit]').click()
    const created = page.getByTestId('created-room')
    await created.waitFor()
    for (const role of ['facilitate', 'edit', 'view'] as const) {
      const value = await page.getByTestId(`link-${role}`).locator('input').inputValue()
      expect(value).toMatch(new RegExp(`^${suite.server.url}/r/[^/#]+#k=.+`))
    }
    await expect(created.textContent()).resolves.toContain('ファシリテーター用')
    await expect(created.textContent()).resolves.toContain('閲覧用')
    await page.screenshot({ path: '/tmp/jusou-home.png', fullPage: true })

    // The room for the next tests, created through the API the same way.
    room = await suite.createRoom('北地区 支援会議（テスト）', 'case')
  })

  it('a shape drawn by one participant appears for the other, with a named cursor', async () => {
    expect(room).not.toBeNull()
    a = await newPage()
    const framesA = recordSentFrames(a) // for the presence rate limit below
    b = await newPage()
    await enterRoom(a, room!.links.edit, ALICE, { board: true })
    await enterRoom(b, room!.links.edit, BOB, { board: true })

    // Room header: title, kind, role; tldraw's own UI in Japanese.
    await expect(a.getByTestId('room-title').textContent()).resolves.toBe(room!.title)
    await expect(a.getByTestId('room-role').textContent()).resolves.toContain('編集')
    await expect.poll(() => a.getByTestId('tools.select').getAttribute('aria-label'), { timeout: 5_000 }).toContain('選択')

    // Participants: each sees the other with name and 所属 (from awareness).
    await expect.poll(() => b.getByTestId('participants').textContent(), { timeout: 5_000 }).toContain(`${ALICE.name}（${ALICE.org}）`)
    await expect.poll(() => a.getByTestId('participants').textContent(), { timeout: 5_000 }).toContain(`${BOB.name}（${BOB.org}）`)

    expect(await a.locator(DRAWN).count()).toBe(0)
    expect(await b.locator(DRAWN).count()).toBe(0)

    // A draws a rectangle with the keyboard shortcut and a mouse drag.
    const box = (await a.locator('.tl-canvas').boundingBox())!
    const x0 = box.x + box.width * 0.3
    const y0 = box.y + box.height * 0.35
    await a.mouse.click(x0 - 60, y0 - 60) // focus the canvas (select tool, empty spot)
    await a.keyboard.press('r')
    await a.mouse.move(x0, y0)
    await a.mouse.down()
    await a.mouse.move(x0 + 180, y0 + 110, { steps: 12 })
    await a.mouse.up()
    await expect.poll(() => a.locator(DRAWN).count(), { timeout: 2_000 }).toBe(1)
    const shownAt = Date.now()
    await expect.poll(() => b.locator(DRAWN).count(), { timeout: 2_000, interval: 50 }).toBe(1)
    expect(Date.now() - shownAt).toBeLessThan(2_000)

    // A moves the mouse over the canvas; B's canvas draws A's cursor labelled 名前（所属）.
    const label = `${ALICE.name}（${ALICE.org}）`
    await a.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 8 })
    await a.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.55, { steps: 8 })
    await expect
      .poll(() => b.evaluate(() => (window as unknown as { __drawnTexts: string[] }).__drawnTexts.slice()), { timeout: 2_000, interval: 50 })
      .toContain(label)
    // …and A sees B's cursor once B moves too.
    const boxB = (await b.locator('.tl-canvas').boundingBox())!
    await b.mouse.move(boxB.x + boxB.width * 0.45, boxB.y + boxB.height * 0.7, { steps: 8 })
    await expect
      .poll(() => a.evaluate(() => (window as unknown as { __drawnTexts: string[] }).__drawnTexts.slice()), { timeout: 2_000, interval: 50 })
      .toContain(`${BOB.name}（${BOB.org}）`)

    // Presence is rate limited: a second of continuous mouse movement (60 moves) sends at
    // most ~20 messages per second.
    const start = Date.now()
    for (let i = 0; i < 60; i++) {
      await a.mouse.move(box.x + box.width * (0.3 + i * 0.005), box.y + box.height * (0.7 - i * 0.003))
      await new Promise((r) => setTimeout(r, 16))
    }
    await new Promise((r) => setTimeout(r, 100))
    const elapsed = Date.now() - start
    const sentDuringMove = framesA.filter((t) => t >= start).length
    expect(sentDuringMove).toBeGreaterThan(3)
    expect(sentDuringMove).toBeLessThanOrEqual(Math.ceil((elapsed / 1000) * 20) + 4)

    await a.screenshot({ path: '/tmp/jusou-A.png' })
    await b.screenshot({ path: '/tmp/jusou-B.png' })

    // Undo stays per user: B's Ctrl+Z does not remove A's rectangle.
    await b.mouse.click(boxB.x + boxB.width * 0.8, boxB.y + boxB.height * 0.85)
    await b.keyboard.press('Control+z')
    await new Promise((r) => setTimeout(r, 300))
    expect(await b.locator(DRAWN).count()).toBe(1)
    expect(await a.locator(DRAWN).count()).toBe(1)

    // A view-only participant sees the board but cannot draw on it.
    const c = await newPage()
    await enterRoom(c, room!.links.view, CAROL, { board: true })
    await expect(c.getByTestId('room-role').textContent()).resolves.toContain('閲覧のみ')
    await expect.poll(() => c.locator(DRAWN).count(), { timeout: 3_000 }).toBe(1)
    const boxC = (await c.locator('.tl-canvas').boundingBox())!
    await c.mouse.click(boxC.x + 40, boxC.y + boxC.height - 80)
    await c.keyboard.press('r')
    await c.mouse.move(boxC.x + boxC.width * 0.6, boxC.y + boxC.height * 0.2)
    await c.mouse.down()
    await c.mouse.move(boxC.x + boxC.width * 0.7, boxC.y + boxC.height * 0.3, { steps: 6 })
    await c.mouse.up()
    await new Promise((r) => setTimeout(r, 500))
    expect(await c.locator(DRAWN).count()).toBe(1)
    expect(await a.locator(DRAWN).count()).toBe(1)
    await c.screenshot({ path: '/tmp/jusou-view.png' })
  })

  it('keeps edits made offline and merges them on reconnect; reload works without the fragment', async () => {
    expect(room).not.toBeNull()
    await b.context().setOffline(true)
    await expect.poll(() => b.getByTestId('connection-status').getAttribute('data-status'), { timeout: 5_000 }).toBe('offline')
    await expect(b.getByTestId('connection-status').textContent()).resolves.toContain('オフライン')

    // B draws a second rectangle while offline: A does not get it…
    const box = (await b.locator('.tl-canvas').boundingBox())!
    await b.mouse.click(box.x + 30, box.y + box.height - 120)
    await b.keyboard.press('r')
    await b.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.15)
    await b.mouse.down()
    await b.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3, { steps: 8 })
    await b.mouse.up()
    await expect.poll(() => b.locator(DRAWN).count(), { timeout: 2_000 }).toBe(2)
    await new Promise((r) => setTimeout(r, 700))
    expect(await a.locator(DRAWN).count()).toBe(1)
    await b.screenshot({ path: '/tmp/jusou-offline.png' })

    // …until B is back online.
    await b.context().setOffline(false)
    await expect.poll(() => a.locator(DRAWN).count(), { timeout: 10_000 }).toBe(2)
    await expect.poll(() => b.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')

    // A reload of the bare room URL in the same tab finds the token in sessionStorage.
    await b.goto(`${suite.server.url}/r/${room!.roomId}`)
    await b.locator('.tl-canvas').waitFor({ timeout: 20_000 })
    await expect.poll(() => b.locator(DRAWN).count(), { timeout: 5_000 }).toBe(2)

    // A sticky note with Japanese text written by A shows up for B.
    const boxA = (await a.locator('.tl-canvas').boundingBox())!
    await a.keyboard.press('Escape')
    await a.keyboard.press('n')
    await a.mouse.click(boxA.x + boxA.width * 0.2, boxA.y + boxA.height * 0.75)
    await new Promise((r) => setTimeout(r, 300))
    await a.keyboard.type('子ども食堂', { delay: 50 })
    await a.keyboard.press('Escape')
    // tldraw 5 labels a note with its first author (through the synced `user:` record).
    await expect
      .poll(async () => (await b.locator(DRAWN).allTextContents()).join('|'), { timeout: 3_000 })
      .toContain('子ども食堂')
    await b.screenshot({ path: '/tmp/jusou-note.png' })
  })

  it('says 再接続中 and then オフライン when the server goes away, and catches up when it returns', async () => {
    const shapesBefore = await a.locator(DRAWN).count()
    const { port, dataDir } = suite.server
    await suite.server.stop({ keepData: true })
    await expect
      .poll(() => a.getByTestId('connection-status').getAttribute('data-status'), { timeout: 3_000, interval: 20 })
      .toBe('reconnecting')
    await expect(a.getByTestId('connection-status').textContent()).resolves.toContain('再接続中')
    await expect.poll(() => a.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('offline')

    // A keeps working on the board meanwhile.
    const box = (await a.locator('.tl-canvas').boundingBox())!
    await a.keyboard.press('Escape')
    await a.mouse.click(box.x + 30, box.y + box.height - 140)
    await a.keyboard.press('r')
    await a.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.6)
    await a.mouse.down()
    await a.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.7, { steps: 6 })
    await a.mouse.up()
    await expect.poll(() => a.locator(DRAWN).count(), { timeout: 2_000 }).toBe(shapesBefore + 1)
    await a.screenshot({ path: '/tmp/jusou-server-down.png' })

    suite.server = await startServer({ port, dataDir })
    for (const page of [a, b]) {
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('connected')
    }
    await expect.poll(() => b.locator(DRAWN).count(), { timeout: 5_000 }).toBe(shapesBefore + 1)
  })

  it('shows the server\'s Japanese explanation for a wrong or missing link', async () => {
    const page = await newPage()
    await page.goto(`${suite.server.url}/r/${room!.roomId}#k=not-a-valid-token`)
    const error = page.getByTestId('room-error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toMatch(/[ぁ-んァ-ヶ一-龠]/)
    await page.goto(`${suite.server.url}/r/some-room-without-token`)
    await expect.poll(() => page.getByTestId('room-error').textContent(), { timeout: 5_000 }).toContain('招待されたリンク')
    await page.screenshot({ path: '/tmp/jusou-wrong-link.png' })
  })

  it('switches our UI and tldraw menus to English and remembers it', async () => {
    const page = await newPage()
    await enterRoom(page, room!.links.edit, { name: 'Tanaka', org: 'Housing Division' }, { board: true })
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.getByTestId('tools.select').getAttribute('aria-label'), { timeout: 5_000 }).toContain('Select')
    await expect(page.getByTestId('participants').textContent()).resolves.toContain('Participants')
    await page.reload()
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('tools.select').getAttribute('aria-label'), { timeout: 5_000 }).toContain('Select')
    await page.screenshot({ path: '/tmp/jusou-en.png' })
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.getByTestId('tools.select').getAttribute('aria-label'), { timeout: 5_000 }).toContain('選択')
  })

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.urls.length).toBeGreaterThan(10)
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})

describe('browser: the server refuses a connection', () => {
  const suite = browserSuite({ viewport: VIEWPORT, serverEnv: { MAX_CONNECTIONS_PER_ROOM: '1' } })

  it('shows the Japanese explanation of the close code and stops reconnecting', async () => {
    const room = await suite.createRoom('満員のルーム', 'training')
    const pages: Page[] = []
    const sockets: string[][] = []
    for (const who of [ALICE, BOB]) {
      const page = await suite.newPage()
      const opened: string[] = []
      page.on('websocket', (ws) => opened.push(ws.url()))
      sockets.push(opened)
      await submitProfile(page, room.links.edit, who)
      pages.push(page)
      if (pages.length === 1) await page.locator('[data-status=connected][data-synced=true]').waitFor({ timeout: 10_000 })
    }
    const [, second] = pages
    const banner = second.getByTestId('connection-closed')
    await banner.waitFor({ timeout: 10_000 })
    expect(await banner.getAttribute('data-code')).toBe('4429')
    expect(await banner.textContent()).toContain(closeCodeCatalog.ja['4429'])
    expect(await second.getByTestId('connection-status').getAttribute('data-status')).toBe('closed')
    // y-websocket would retry forever; after a refusal it must not.
    const attempts = sockets[1].length
    await new Promise((r) => setTimeout(r, 3_000))
    expect(sockets[1].length).toBe(attempts)
    await second.screenshot({ path: '/tmp/jusou-room-full.png' })
  })
})
