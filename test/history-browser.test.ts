/**
 * End-to-end: the facilitator's history (履歴) dialog, three participants in separate browser
 * contexts. The case sample is loaded; an editor deletes the whole map on the board (a bulk
 * deletion, which the server saves a version before); the facilitator opens 履歴, finds the
 * version 一括削除の前 with the old counts, returns to it, and every page shows the map again.
 * Editors see no 履歴 button.
 *
 * Needs a client build (`CLIENT_DIR=… npx vitest run test/history-browser.test.ts`, or dist/)
 * and Debian's chromium at /usr/bin/chromium. Screenshots go to /tmp/jusou-history-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const VIEWPORT = { width: 1400, height: 860 }
const FACILITATOR = { name: '山田', org: '福祉総務課' }
const EDITOR_A = { name: '佐藤', org: '地域包括支援センター' }
const EDITOR_B = { name: '鈴木', org: '社協' }

const actorCards = (page: Page) => page.locator('.tl-shape[data-shape-type=actor-card]')
const actorRows = (page: Page) => page.getByTestId('actors-table').locator('tbody tr[data-record-id]')
const relationRows = (page: Page) => page.getByTestId('relations-table').locator('tr[data-relation-type]')

async function clickEmpty(page: Page) {
  const box = (await page.locator('.tl-canvas').boundingBox())!
  await page.mouse.click(box.x + 50, box.y + box.height * 0.45)
}

/**
 * Opens 履歴 and returns the dialog once it lists a version with `reason`. Versions are saved by
 * the server as the edits arrive, so the dialog is reopened until it appears.
 */
async function openHistoryWith(page: Page, reason: string) {
  const dialog = page.getByTestId('history-dialog')
  const deadline = Date.now() + 15_000
  for (;;) {
    await page.getByTestId('history-open').click()
    await dialog.waitFor()
    await dialog.locator('[data-testid=history-list], [data-testid=history-empty], [data-testid=history-load-error]').first().waitFor()
    if ((await dialog.locator(`[data-testid=history-version][data-reason=${reason}]`).count()) > 0) return dialog
    if (Date.now() > deadline) throw new Error(`no version "${reason}" listed: ${await dialog.innerText()}`)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe('browser: the history dialog returns the room to a version for everyone', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: VIEWPORT })
  let room: CreateRoomResponse
  let f: Page
  let a: Page
  let b: Page
  const before = { actors: 0, relations: 0 }

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（履歴のテスト）', 'case')
  })

  it('shows 履歴 to the facilitator only', async () => {
    f = await newPage()
    a = await newPage()
    b = await newPage()
    await enterRoom(f, room.links.facilitate, FACILITATOR, { board: true })
    await enterRoom(a, room.links.edit, EDITOR_A, { board: true })
    await enterRoom(b, room.links.edit, EDITOR_B, { board: true })
    await expect(f.getByTestId('history-open').textContent()).resolves.toBe('履歴')
    expect(await a.getByTestId('history-open').count()).toBe(0)
    expect(await b.getByTestId('history-open').count()).toBe(0)
  })

  it('loads the case sample for everyone', async () => {
    await a.getByTestId('tab-lists').click()
    const transfer = a.getByTestId('transfer')
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await expect.poll(() => relationRows(a).count(), { timeout: 5_000 }).toBeGreaterThan(3)
    before.actors = await actorRows(a).count()
    before.relations = await relationRows(a).count()
    expect(before.actors).toBeGreaterThan(3)
    await b.getByTestId('tab-lists').click()
    await expect.poll(() => actorRows(b).count(), { timeout: 5_000 }).toBe(before.actors)
    await expect.poll(() => actorCards(f).count(), { timeout: 5_000 }).toBe(before.actors)
    await a.getByTestId('tab-board').click()
    await expect.poll(() => actorCards(a).count(), { timeout: 5_000 }).toBe(before.actors)
  })

  it('an editor deletes the whole map on the board', async () => {
    await clickEmpty(a)
    await a.keyboard.press('Control+a')
    await a.keyboard.press('Delete')
    // The board asks before a deletion of many cards: confirm it (its button, or the dialog's).
    const deadline = Date.now() + 5_000
    while ((await actorCards(a).count()) > 0) {
      if (Date.now() > deadline) throw new Error('the cards were not deleted')
      const button = a.locator('button[data-testid=delete-confirm], [data-testid=delete-confirm-confirm]')
      if (await button.first().isVisible()) {
        await a.screenshot({ path: '/tmp/jusou-history-delete-confirm.png' })
        await button.first().click()
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    await expect.poll(() => actorRows(b).count(), { timeout: 5_000 }).toBe(0)
    await expect.poll(() => actorCards(f).count(), { timeout: 5_000 }).toBe(0)
  })

  it('the facilitator finds the version 一括削除の前 with the old counts and returns to it', async () => {
    const dialog = await openHistoryWith(f, 'bulk-delete')
    // Focus moved into the dialog.
    expect(await f.evaluate(() => !!document.activeElement?.closest('[data-testid=history-dialog]'))).toBe(true)
    const version = dialog.locator('[data-testid=history-version][data-reason=bulk-delete]').first()
    await expect(version.getByTestId('history-reason').textContent()).resolves.toBe('一括削除の前')
    const counts = await version.getByTestId('history-counts').textContent()
    expect(counts).toContain(`機関 ${before.actors}`)
    expect(counts).toContain(`つながり ${before.relations}`)
    expect(await version.innerText()).toContain(EDITOR_A.org)
    await f.screenshot({ path: '/tmp/jusou-history-list.png' })

    await version.getByTestId('history-restore').click()
    const confirmation = version.getByTestId('history-confirm')
    await expect(confirmation.textContent()).resolves.toContain('参加者全員のボード・一覧・四象限')
    await expect(confirmation.textContent()).resolves.toContain('いまの状態は先に版として保存')
    await f.screenshot({ path: '/tmp/jusou-history-confirm.png' })
    await confirmation.getByTestId('history-confirm-restore').click()
    await expect.poll(() => dialog.getByTestId('history-notice').textContent(), { timeout: 5_000 }).toContain('戻しました')

    // The list reloads: the newest version is the state just before the restore (no agencies).
    const newest = dialog.getByTestId('history-version').first()
    await expect.poll(() => newest.getAttribute('data-reason'), { timeout: 5_000 }).toBe('before-restore')
    await expect(newest.getByTestId('history-counts').textContent()).resolves.toContain('機関 0')
    await expect(newest.getByTestId('history-changes').textContent()).resolves.toContain(`機関 \u2212`)
    await f.screenshot({ path: '/tmp/jusou-history-restored.png' })

    // Escape closes it, and focus is back on the header's button.
    await f.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await f.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-open')
  })

  it('every page shows the map again', async () => {
    await expect.poll(() => actorCards(f).count(), { timeout: 10_000 }).toBe(before.actors)
    await expect.poll(() => actorCards(a).count(), { timeout: 10_000 }).toBe(before.actors)
    await expect.poll(() => actorRows(b).count(), { timeout: 10_000 }).toBe(before.actors)
    await expect.poll(() => relationRows(b).count(), { timeout: 10_000 }).toBe(before.relations)
    await b.screenshot({ path: '/tmp/jusou-history-lists-B.png' })
    await a.screenshot({ path: '/tmp/jusou-history-board-A.png' })
  })

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
