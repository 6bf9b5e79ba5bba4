/**
 * Offline, in Chromium:
 * - a participant who reloads the room without a connection gets the app from the service
 *   worker and the room's cards from the offline copy (IndexedDB), with an offline notice;
 *   the API is never answered from a cache;
 * - a rename made offline that lost to a colleague's concurrent rename is announced once on
 *   reconnecting, with the value that was lost.
 * Screenshots: /tmp/offline-shots/.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CreateRoomResponse } from '../shared/rooms'
import caseSample from '../shared/samples/case-8050.json'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = '/tmp/offline-shots'
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
const CARDS = caseSample.actors.length + caseSample.persons.length

const cardsOnBoard = (page: Page) => page.locator('.tl-shape .map-card').count()
const status = (page: Page) => page.getByTestId('connection-status').getAttribute('data-status')
const synced = (page: Page) => page.locator('[data-testid=connection-status][data-status=connected][data-synced=true]').waitFor({ timeout: 15_000 })

async function loadSample(page: Page) {
  await page.getByTestId('tab-lists').click()
  const transfer = page.getByTestId('transfer')
  await transfer.getByTestId('load-sample').selectOption('case')
  await transfer.getByTestId('import-apply').click()
  await page.getByTestId('tab-board').click()
  await expect.poll(() => cardsOnBoard(page), { timeout: 15_000 }).toBe(CARDS)
}

/** Until the service worker controls the page and has cached the app shell. */
async function shellCached(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'not controlled'
          const names = await caches.keys()
          if (names.length === 0) return 'no cache'
          const cache = await caches.open(names[0])
          return (await cache.match('/index.html')) ? 'cached' : 'no shell'
        }),
      { timeout: 20_000 },
    )
    .toBe('cached')
}

async function renameActor(page: Page, id: string, name: string) {
  const input = page.locator(`[data-testid=actors-table] tr[data-record-id="${id}"] th input`)
  await input.fill(name)
  await input.press('Enter')
  await expect.poll(() => input.inputValue()).toBe(name)
}

describe('browser: offline reload and lost offline edits', () => {
  const suite = browserSuite({ viewport: { width: 1440, height: 900 } })
  const { newPage, createRoom, requests, pageErrors } = suite
  const server = () => suite.server
  let room: CreateRoomResponse

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    room = await createRoom('Aさん世帯 支援会議', 'case')
  })

  it('reloads the room without a connection: the app from the service worker, the cards from IndexedDB, marked offline', async () => {
    const page = await newPage()
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    await loadSample(page)
    await shellCached(page)
    // y-indexeddb writes each update as it happens; give the last ones a moment.
    await page.waitForTimeout(500)

    await page.context().setOffline(true)
    const reload = await page.reload()
    // The page itself came from the service worker, not from the (unreachable) network.
    expect(reload?.fromServiceWorker()).toBe(true)
    await expect.poll(() => cardsOnBoard(page), { timeout: 20_000 }).toBe(CARDS)
    expect(await page.getByTestId('room-title').textContent()).toBe('Aさん世帯 支援会議')
    await expect.poll(() => status(page)).toBe('offline')
    expect(await page.locator('.banner', { hasText: 'サーバーに接続できないため、前回の情報で表示しています。' }).isVisible()).toBe(true)
    expect(await page.locator('.banner.offline').textContent()).toContain('オフラインの間の書き込みはこの端末に保存され')
    await page.screenshot({ path: `${SHOTS}/offline-reload.png` })

    // The API is never answered from a cache: offline, it fails as it should.
    const api = await page.evaluate(() => fetch('/api/config').then((r) => `status ${r.status}`, () => 'failed'))
    expect(api).toBe('failed')

    // Back online, the room connects again and the page is fetched from the server again.
    await page.context().setOffline(false)
    await synced(page)
    const online = await page.reload()
    expect(online?.status()).toBe(200)
    await expect.poll(() => cardsOnBoard(page), { timeout: 20_000 }).toBe(CARDS)
    expect(await page.locator('.banner', { hasText: 'サーバーに接続できないため' }).count()).toBe(0)

    // The worker script is served with the app's CSP and revalidated on every update check.
    const sw = await fetch(`${server().url}/sw.js`)
    expect(sw.status).toBe(200)
    expect(sw.headers.get('Cache-Control')).toBe('no-cache')
    expect(sw.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
    expect(await sw.text()).not.toMatch(/\bimport\b|\bexport\b|https?:\/\//)

    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('tells the participant whose offline rename lost to a concurrent one, once, with the lost value', async () => {
    const a = await newPage()
    const b = await newPage()
    await enterRoom(a, room.links.edit, ALICE, { board: true })
    await enterRoom(b, room.links.edit, BOB, { board: true })
    const actor = caseSample.actors.find((x) => x.name === '地域包括支援センター')!
    for (const page of [a, b]) {
      await page.getByTestId('tab-lists').click()
      await page.locator(`[data-testid=actors-table] tr`).filter({ has: page.locator('input[value="地域包括支援センター"]') }).waitFor()
    }
    const id = await a.locator(`[data-testid=actors-table] tr`).filter({ has: a.locator('input[value="地域包括支援センター"]') }).getAttribute('data-record-id')
    expect(id).toBeTruthy()
    expect(actor).toBeTruthy()

    await a.context().setOffline(true)
    await b.context().setOffline(true)
    await expect.poll(() => status(a)).toBe('offline')
    await expect.poll(() => status(b)).toBe('offline')
    await renameActor(a, id!, '北部地域包括支援センター')
    await renameActor(b, id!, '地域包括（北部）')

    await a.context().setOffline(false)
    await synced(a)
    await b.context().setOffline(false)
    await synced(b)
    const nameIn = (page: Page) => page.locator(`[data-testid=actors-table] tr[data-record-id="${id}"] th input`).inputValue()
    await expect.poll(async () => (await nameIn(a)) === (await nameIn(b)), { timeout: 10_000 }).toBe(true)
    const winner = await nameIn(a)
    const [loser, kept, lostValue] = winner === '地域包括（北部）' ? [a, b, '北部地域包括支援センター'] : [b, a, '地域包括（北部）']

    const notice = loser.getByTestId('lost-edit')
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1)
    expect(await notice.textContent()).toContain(`オフライン中の変更『${lostValue}』は、他の参加者の変更『${winner}』で上書きされました`)
    await loser.screenshot({ path: `${SHOTS}/lost-edit.png` })
    await kept.screenshot({ path: `${SHOTS}/lost-edit-winner.png` })
    expect(await kept.getByTestId('lost-edit').count()).toBe(0)

    // Once: dismissed, it does not come back on the next reconnect.
    await notice.getByRole('button', { name: '閉じる' }).click()
    await loser.context().setOffline(true)
    await expect.poll(() => status(loser)).toBe('offline')
    await loser.context().setOffline(false)
    await synced(loser)
    await loser.waitForTimeout(500)
    expect(await loser.getByTestId('lost-edit').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })
})
