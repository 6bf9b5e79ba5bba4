/**
 * The board and the relationship graph show one selection: a card selected on the board is
 * the node selected in 関係図, and a node picked in 関係図 is the card selected (and shown in
 * the inspector) back on the board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { launchChromium, startServer, submitProfile, type RunningServer } from './browser-helpers'

describe('browser: selection shared by the board and the graph', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await startServer()
    browser = await launchChromium()
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '選択の共有', kind: 'case' }),
    })
    const room = (await res.json()) as CreateRoomResponse
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await submitProfile(page, room.links.edit, { name: '山田', org: '福祉総務課' })
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 })
    await page.getByTestId('tab-lists').click()
    await page.getByTestId('load-sample').selectOption('case')
    await page.getByTestId('import-apply').click()
    await page.getByTestId('tab-board').click()
    for (let i = 0; i < 100 && (await page.locator('.map-card-actor').count()) < 5; i++) await new Promise((r) => setTimeout(r, 100))
    // Click empty canvas, then zoom to fit so every card is on screen.
    const canvas = (await page.locator('.tl-canvas').boundingBox())!
    await page.mouse.click(canvas.x + 20, canvas.y + canvas.height - 60)
    await page.keyboard.press('Shift+1')
    await new Promise((r) => setTimeout(r, 800))
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a card selected on the board is selected in the graph', async () => {
    const card = page.locator('.tl-shape:has(.map-card-actor)', { hasText: '地域包括支援センター' }).first()
    const box = (await card.boundingBox())!
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3)
    await expect.poll(() => page.getByTestId('inspector-name').inputValue(), { timeout: 3_000 }).toBe('地域包括支援センター')
    await page.getByTestId('tab-graph').click()
    await expect.poll(() => page.getByTestId('graph-selected-name').textContent(), { timeout: 5_000 }).toContain('地域包括支援センター')
  })

  it('a node picked in the graph is the card selected on the board', async () => {
    const table = page.getByTestId('graph-metrics-table')
    await table.locator('tbody tr', { hasText: 'ケアマネジャー' }).click()
    await expect.poll(() => page.getByTestId('graph-selected-name').textContent(), { timeout: 3_000 }).toContain('ケアマネジャー')
    await page.getByTestId('tab-board').click()
    await expect.poll(() => page.getByTestId('inspector-name').inputValue(), { timeout: 3_000 }).toBe('ケアマネジャー')
  })
})
