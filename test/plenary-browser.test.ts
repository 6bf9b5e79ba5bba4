/**
 * A plenary seen from one participant's board: 60 colleagues move their cursors at 10 Hz.
 * The board draws at most 30 cursors and keeps the same ones while they keep moving; the side
 * panel shows how many are present, grouped by 所属; people who leave disappear from the count.
 * (Frame rate and main-thread load at 100–200 participants: `npm run bench:cursors`.)
 */
import { describe, expect, it } from 'vitest'
import { browserSuite, enterRoom } from './browser-helpers'
import { startSimulatedPeers } from './support/simulated-peers'

const PREFIX = '参加者'

/** Distinct simulated name tags tldraw draws on its cursor canvas (they are not in the DOM). */
function recordCursorTags(prefix: string) {
  const seen = new Set<string>()
  const w = window as unknown as { __tags: Set<string>; __recordTags: boolean }
  w.__tags = seen
  w.__recordTags = false
  const original = CanvasRenderingContext2D.prototype.fillText
  CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
    if (w.__recordTags && String(text).startsWith(prefix)) seen.add(String(text))
    return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth)
  }
}

describe('browser: a plenary of 60 moving cursors', () => {
  const suite = browserSuite({ viewport: { width: 1400, height: 900 }, initScript: recordCursorTags, initScriptArg: PREFIX })

  it('draws at most 30 stable cursors, counts everyone by 所属, and drops those who leave', async () => {
    const { server } = suite
    const room = await suite.createRoom('重層的支援会議 全体会', 'training')
    const page = await suite.newPage()
    await enterRoom(page, room.links.edit, { name: '山田', org: '福祉総務課' }, { board: true })

    const token = new URLSearchParams(new URL(room.links.edit).hash.slice(1)).get('k')!
    const stop = await startSimulatedPeers({
      url: `${server.url.replace('http', 'ws')}/ws/${room.roomId}?token=${token}`,
      count: 60,
      rateHz: 10,
      sockets: 6,
      labelPrefix: PREFIX,
    })
    try {
      const count = page.getByTestId('participant-count')
      await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe('61')
      // Above 30 people the list is grouped by 所属 (山田 shares 福祉総務課 with 10 of them: 6 groups).
      await expect.poll(() => page.getByTestId('participant-group').count(), { timeout: 2_000 }).toBe(6)
      await expect(page.getByTestId('participants').textContent()).resolves.toContain('地域包括支援センター 10人')

      await page.waitForTimeout(1_000) // let the first 30 settle
      await page.evaluate(() => ((window as unknown as { __recordTags: boolean }).__recordTags = true))
      await page.waitForTimeout(3_000) // 30 ticks with everyone moving
      const tags = await page.evaluate(() => [...(window as unknown as { __tags: Set<string> }).__tags])
      expect(tags.length).toBeGreaterThan(0)
      expect(tags.length).toBeLessThanOrEqual(30)
    } finally {
      stop()
    }
    // Leaving closes the sockets: everyone else disappears from the count promptly.
    const leftAt = Date.now()
    await expect.poll(() => page.getByTestId('participant-count').textContent(), { timeout: 5_000 }).toBe('1')
    expect(Date.now() - leftAt).toBeLessThan(2_000)
    await page.context().close()
  })
})
