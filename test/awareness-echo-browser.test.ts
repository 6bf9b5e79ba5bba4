/**
 * In a plenary most people just watch others' cursors. Their browsers must not send those
 * cursors back to the server (the stock provider does, see client/session/connection.ts):
 * an idle participant sends (almost) nothing while a colleague moves.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite, enterRoom, type Who } from './browser-helpers'

describe('browser: awareness traffic of an idle participant', () => {
  const { newPage, createRoom } = browserSuite({ viewport: { width: 1200, height: 800 } })

  async function enter(link: string, who: Who): Promise<Page> {
    const page = await newPage()
    await enterRoom(page, link, who, { board: true })
    return page
  }

  it('does not echo a colleague’s cursor back to the server', async () => {
    const room = await createRoom('全体会', 'training')
    const mover = await enter(room.links.edit, { name: '山田', org: '福祉総務課' })
    const watcher = await enter(room.links.edit, { name: '佐藤', org: '社協' })

    const awarenessSent: number[] = []
    const awarenessReceived: number[] = []
    const firstByte = (payload: string | Buffer) => (typeof payload === 'string' ? -1 : payload[0])
    const cdp = await watcher.context().newCDPSession(watcher)
    await cdp.send('Network.enable')
    cdp.on('Network.webSocketFrameSent', (e: { response: { opcode: number; payloadData: string } }) => {
      if (e.response.opcode === 2) awarenessSent.push(firstByte(Buffer.from(e.response.payloadData, 'base64')))
    })
    cdp.on('Network.webSocketFrameReceived', (e: { response: { opcode: number; payloadData: string } }) => {
      if (e.response.opcode === 2) awarenessReceived.push(firstByte(Buffer.from(e.response.payloadData, 'base64')))
    })

    const canvas = mover.locator('.tl-canvas')
    const box = (await canvas.boundingBox())!
    for (let i = 0; i < 40; i++) {
      await mover.mouse.move(box.x + 100 + i * 10, box.y + 100 + (i % 7) * 15)
      await mover.waitForTimeout(50)
    }
    await watcher.waitForTimeout(300)

    const received = awarenessReceived.filter((t) => t === 1).length
    const sent = awarenessSent.filter((t) => t === 1).length
    expect(received).toBeGreaterThan(10)
    // The watcher's own presence renews every 15 s at most once in this window.
    expect(sent).toBeLessThanOrEqual(1)
  })
})
