/**
 * The board and the relationship graph show one selection: a card selected on the board is
 * the node selected in 関係図, and a node picked in 関係図 is the card selected (and shown in
 * the inspector) back on the board.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite, enterRoom } from './browser-helpers'

describe('browser: selection shared by the board and the graph', () => {
  const { newPage, createRoom } = browserSuite({ viewport: { width: 1440, height: 900 } })
  let page: Page

  beforeAll(async () => {
    const room = await createRoom('選択の共有', 'case')
    page = await newPage()
    await enterRoom(page, room.links.edit, { name: '山田', org: '福祉総務課' }, { board: true })
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
