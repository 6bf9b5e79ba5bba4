/**
 * End-to-end: 記録と比較 in the 関係図 tab. A case map is put in a room through the API (a
 * planned tie ケアマネジャー → 本人, an existing tie 民生委員 → CSW, an agency without ties), and
 * 「第1回 支援会議」 is recorded. The facilitator chooses the record in the graph tab: nothing has
 * changed yet. Then the map changes while the comparison is shown (the planned tie becomes
 * existing, the CSW tie and the lone agency are removed, a new agency is tied to 本人): the
 * summary line says 進展 1 and 失われた 1, and cytoscape holds the progressed tie with its class
 * and ghosts for the removed tie and agency, none of which enter the analysis. A view link
 * compares too, without persons (?persons=0). 比較しない takes the overlay away.
 *
 * Needs a client build and Debian's chromium at /usr/bin/chromium. Screenshots go to
 * /tmp/jusou-graph-compare-*.png for a human to look at.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const VIEWPORT = { width: 1500, height: 950 }
const FACILITATOR = { name: '山田', org: '福祉総務課' }
const VIEWER = { name: '投影', org: '会議室' }
const RECORD_TITLE = '第1回 支援会議'
const RECORD_DATE = '2026-11-02'
// As every view writes a date (shared/i18n/dates.ts).
const RECORD_SHOWN = '2026年11月2日'
const RECORD_SHOWN_EN = '2 November 2026'

const actor = (id: string, name: string, fields: string[], formal = true) => ({ id, name, level: '市区町村（委託・法人・事業所）', fields, formal })
const recordMap = {
  info: { kind: 'case', issues: [] },
  actors: [
    actor('a-houkatsu', '地域包括支援センター', ['高齢']),
    actor('a-caremgr', 'ケアマネジャー', ['高齢']),
    actor('a-minsei', '民生委員', ['住民活動'], false),
    actor('a-csw', 'CSW（社協）', ['地域福祉（社協）']),
    actor('a-ibasho', '地域の居場所', ['住民活動'], false),
  ],
  persons: [{ id: 'p-self', label: '本人', ageBand: '50代', household: true, issues: [] }],
  relations: [
    { id: 'r-plan', from: 'a-caremgr', to: 'p-self', type: '支援提供', status: 'planned' },
    { id: 'r-gone', from: 'a-minsei', to: 'a-csw', type: 'つなぎ', status: 'existing' },
    { id: 'r-keep', from: 'a-houkatsu', to: 'p-self', type: '支援提供', status: 'existing' },
    { id: 'r-team', from: 'a-houkatsu', to: 'a-caremgr', type: '連携・協働', status: 'existing' },
    { id: 'r-watch', from: 'a-minsei', to: 'p-self', type: '見守り', status: 'existing' },
  ],
}
/** The map after the meeting: r-plan existing, r-gone and 地域の居場所 removed, 自立相談 added and tied to 本人. */
const mapNow = {
  ...recordMap,
  actors: [...recordMap.actors.filter((a) => a.id !== 'a-ibasho'), actor('a-jiritsu', '自立相談支援機関', ['生活困窮'])],
  relations: [
    ...recordMap.relations.filter((r) => r.id !== 'r-gone').map((r) => (r.id === 'r-plan' ? { ...r, status: 'existing' } : r)),
    { id: 'r-new', from: 'a-jiritsu', to: 'p-self', type: '支援提供', status: 'existing' },
  ],
}

const tokenOf = (link: string) => link.split('#k=')[1]

/** What the graph's cytoscape instance holds (cytoscape keeps it on its container). */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid=graph-canvas]') as unknown as Record<string, { cy: import('cytoscape').Core } | undefined>
    const cy = container['_cyreg']!.cy
    const one = (id: string) => {
      const el = cy.getElementById(id)
      return el.empty() ? null : { classes: el.classes(), label: el.data('cmpLabel') ?? el.data('label'), source: el.data('source'), target: el.data('target') }
    }
    return {
      ghosts: cy.elements('.cmp-ghost').map((el) => el.id()).sort(),
      overlaid: cy.elements().filter((el) => el.classes().some((c) => c.startsWith('cmp-'))).length,
      plan: one('r-plan'),
      gone: one('cmp-edge:r-gone'),
      ibasho: one('cmp-node:a-ibasho'),
      added: one('a-jiritsu'),
      newTie: one('r-new'),
      keep: one('r-keep'),
    }
  })
}

describe('browser: 記録と比較 overlays a meeting record on the relationship graph', () => {
  const suite = browserSuite({ viewport: VIEWPORT })
  const { newPage, createRoom, requests, pageErrors } = suite
  let room: CreateRoomResponse
  let f: Page

  async function api(path: string, init: RequestInit, link = room.links.facilitate) {
    const { url } = suite.server
    const res = await fetch(`${url}/api/rooms/${room.roomId}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Origin: url, Authorization: `Bearer ${tokenOf(link)}`, ...init.headers },
    })
    expect(res.status, await res.clone().text()).toBeLessThan(300)
    return res.json()
  }

  beforeAll(async () => {
    room = await createRoom('Bさん 支援会議（比較のテスト）', 'case')
    await api('/room.json', { method: 'PUT', body: JSON.stringify(recordMap) })
    await api('/records', { method: 'POST', body: JSON.stringify({ title: RECORD_TITLE, date: RECORD_DATE, attendees: ['福祉総務課'] }) })
  })

  it('lists the record in the graph tab; chosen before anything changed, nothing has', async () => {
    f = await newPage()
    await enterRoom(f, room.links.facilitate, FACILITATOR)
    await f.getByTestId('tab-graph').click()
    await f.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
    const select = f.getByTestId('graph-compare-record')
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['比較しない', `${RECORD_TITLE}（${RECORD_SHOWN}）`])
    await select.selectOption({ label: `${RECORD_TITLE}（${RECORD_SHOWN}）` })
    const summary = f.getByTestId('graph-compare-summary')
    await expect.poll(() => summary.textContent()).toBe(`${RECORD_TITLE}（${RECORD_SHOWN}）と比較: 変化はありません`)
    const now = await drawn(f)
    expect(now.ghosts).toEqual([])
    expect(now.keep!.classes).toContain('cmp-same')
    await expect(f.getByTestId('graph-legend-compare').textContent()).resolves.toContain('進展（緑・▲進展）')
  })

  it('follows the map live: 進展 1 and 失われた 1, the progressed tie marked, ghosts for what was removed', async () => {
    await api('/room.json', { method: 'PUT', body: JSON.stringify(mapNow) })
    const summary = f.getByTestId('graph-compare-summary')
    await expect
      .poll(() => summary.textContent(), { timeout: 5_000 })
      .toBe(`${RECORD_TITLE}（${RECORD_SHOWN}）と比較: 新しいつながり 1 / 進展 1 / 失われた 1 / 追加された機関 1 / 削除された機関 1`)
    // 孤立: 居場所 then, the CSW now (its one tie is gone). 要の機関: 包括, 民生委員 and 本人 held the
    // chain together; now 包括, ケアマネ and 本人 form a triangle. 密度: 4 → 5 existing ties of 15 pairs.
    await expect(f.getByTestId('graph-compare-figures').textContent()).resolves.toBe('数値（記録 → 今）: 孤立 1 → 1 / 狭間 0 → 0 / 要の機関・人物 3 → 1 / 密度 0.27 → 0.33')

    await expect.poll(async () => (await drawn(f)).ghosts).toEqual(['cmp-edge:r-gone', 'cmp-node:a-ibasho'])
    const now = await drawn(f)
    expect(now.plan!.classes).toContain('cmp-progress')
    expect(now.plan!.label).toBe('▲進展 支援提供')
    expect(now.gone).toMatchObject({ source: 'a-minsei', target: 'a-csw', label: '✕ つなぎ' })
    expect(now.ibasho!.label).toBe('地域の居場所（削除）')
    expect(now.added!.classes).toContain('cmp-added')
    expect(now.newTie!.classes).toContain('cmp-added')
    expect(now.keep!.classes).toContain('cmp-same')

    // The analysis is of the map now: 6 nodes and 5 ties drawn from it, the ghosts not counted.
    const canvas = f.getByTestId('graph-canvas')
    await expect(canvas.getAttribute('data-node-count')).resolves.toBe('6')
    await expect(canvas.getAttribute('data-edge-count')).resolves.toBe('5')
    await expect(f.getByTestId('graph-view').getByText('表示中: 6 件・5 本').count()).resolves.toBe(1)
    await f.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor()
    await f.waitForTimeout(400)
    await f.screenshot({ path: '/tmp/jusou-graph-compare-facilitator.png' })
    await canvas.screenshot({ path: '/tmp/jusou-graph-compare-canvas.png' })
  })

  it('a view link compares without persons', async () => {
    const v = await newPage()
    await enterRoom(v, room.links.view, VIEWER)
    await v.getByTestId('tab-graph').click()
    await v.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
    const recordFile = v.waitForResponse((r) => r.url().includes('/room.json'))
    await v.getByTestId('graph-compare-record').selectOption({ label: `${RECORD_TITLE}（${RECORD_SHOWN}）` })
    const response = await recordFile
    expect(response.url()).toContain('room.json?persons=0')
    expect(response.status()).toBe(200)
    const summary = v.getByTestId('graph-compare-summary')
    // The progressed and the new tie both end at 本人: without persons they are not compared.
    await expect
      .poll(() => summary.textContent(), { timeout: 5_000 })
      .toBe(`${RECORD_TITLE}（${RECORD_SHOWN}）と比較: 新しいつながり 0 / 進展 0 / 失われた 1 / 追加された機関 1 / 削除された機関 1`)
    await expect(v.getByTestId('graph-compare').textContent()).resolves.toContain('人物と、人物とのつながりは比べていません（閲覧用リンク）。')
    await expect.poll(async () => (await drawn(v)).ghosts).toEqual(['cmp-edge:r-gone', 'cmp-node:a-ibasho'])

    // In English the summary, the figures and the legend read in English (the record's title is as typed).
    await v.getByTestId('lang-switch').click()
    await expect
      .poll(() => summary.textContent())
      .toBe(`Compared with ${RECORD_TITLE} (${RECORD_SHOWN_EN}): New ties 0 / Progress 0 / Lost 1 / Agencies added 1 / Agencies removed 1`)
    await expect(v.getByTestId('graph-compare-figures').textContent()).resolves.toBe('Figures (record → now): Isolated 1 → 3 / Key agencies and persons 0 → 0 / Density 0.20 → 0.10')
    await expect(v.getByTestId('graph-legend-compare').textContent()).resolves.not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    await expect.poll(async () => (await drawn(v)).gone?.label).toBe('✕ Referral')
    await v.screenshot({ path: '/tmp/jusou-graph-compare-view-en.png' })
  })

  it('比較しない takes the overlay away and leaves the map as it is', async () => {
    await f.getByTestId('graph-compare-record').selectOption({ label: '比較しない' })
    await expect.poll(async () => (await drawn(f)).overlaid).toBe(0)
    await expect(f.getByTestId('graph-compare-summary').count()).resolves.toBe(0)
    await expect(f.getByTestId('graph-legend-compare').count()).resolves.toBe(0)
    const canvas = f.getByTestId('graph-canvas')
    await expect(canvas.getAttribute('data-node-count')).resolves.toBe('6')
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
