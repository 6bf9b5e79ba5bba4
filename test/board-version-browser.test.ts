/**
 * The board in a room that outlives versions of the app: the room records which tldraw format
 * its board is stored in, and a tab left open from before an upgrade stops drawing (and
 * writing) as soon as a newer version has stored the board — the other tabs keep working.
 * Also: an agency created from the board's side panel is a model record everyone sees.
 */
import { describe, expect, it } from 'vitest'
import { readModel } from '../shared/model/doc'
import { getSchemaMap } from '../client/board/board-schema'
import { browserSuite, enterRoom } from './browser-helpers'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients'

describe('browser: board format across app versions', () => {
  const suite = browserSuite()

  it('stores the format, creates agencies from the side panel, and stops an outdated tab from writing', async () => {
    const room = await suite.createRoom('Bさん世帯 支援会議（版のテスト）', 'case')
    const page = await suite.newPage()
    await enterRoom(page, room.links.edit, { name: '山田', org: '福祉総務課' }, { board: true })

    const token = new URLSearchParams(new URL(room.links.edit).hash.slice(1)).get('k')!
    const clients: Client[] = []
    try {
      const peer = connectClient(suite.server.url.replace('http', 'ws') + '/ws', room.roomId, token)
      clients.push(peer)
      await waitForSync(peer.provider)
      const schemaMap = getSchemaMap(peer.doc)
      await waitUntil(() => schemaMap.has('schema'), 'the board format was stored')
      const stored = schemaMap.get('schema') as { schemaVersion: number; sequences: Record<string, number> }
      expect(stored.schemaVersion).toBe(2)
      expect(stored.sequences['com.tldraw.shape.note']).toBeGreaterThan(0)

      // A new agency from the board's side panel reaches the shared model.
      const form = page.getByRole('form', { name: '新しい機関・団体をつくる' })
      await form.getByLabel('名称').fill('みなと相談所')
      await form.getByRole('button', { name: 'つくる' }).click()
      await waitUntil(() => readModel(peer.doc).model.actors.some((a) => a.name === 'みなと相談所'), 'the agency reached the room')
      expect(await form.getByLabel('名称').inputValue()).toBe('')

      // Someone on a newer version of the app stores the board in a newer format.
      peer.doc.transact(() =>
        schemaMap.set('schema', { ...stored, sequences: { ...stored.sequences, 'com.tldraw.shape.note': 999 } }),
      )
      const notice = page.getByTestId('board-newer-version')
      await notice.waitFor({ timeout: 5_000 })
      expect(await notice.textContent()).toContain('再読み込み')
      expect(await page.locator('.tl-canvas').count()).toBe(0)

      // The lists still work in the outdated tab.
      await page.getByTestId('tab-lists').click()
      await expect.poll(() => page.getByTestId('actors-table').textContent(), { timeout: 5_000 }).toContain('みなと相談所')
      expect(suite.pageErrors).toEqual([])
    } finally {
      destroyAll(clients)
    }
  })
})
