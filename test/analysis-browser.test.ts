/**
 * End-to-end: the 関係図's analysis says what is true, and offers what a Kumu or Gephi user
 * expects (issue 13, points 2 and 8), in a real browser on the 8050 case sample at 1440×900.
 *
 * 要の機関 lists agencies only and the persons in a cut position apart; 孤立している機関 says
 * that planned and missing ties are not counted and leads to 計画が実現した後; the support
 * section weighs ties by strength and lists the stressful tie apart; グループ colours the graph
 * on request (checked in the SVG export, which draws the nodes' own colours); the GEXF download
 * holds every node and tie.
 *
 * Needs a built client (`vite build`, or CLIENT_DIR) and Debian's chromium at /usr/bin/chromium.
 * Screenshots: /tmp/analysis-shots/*.png (ANALYSIS_SHOTS to change).
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import caseSample from '../shared/samples/case-8050.json'
import { communityPalette } from '../client/graph/communityColors'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = process.env.ANALYSIS_SHOTS ?? '/tmp/analysis-shots'
fs.mkdirSync(SHOTS, { recursive: true })
/** Scrolls the section to the top of the analysis panel, then takes the picture. */
async function shot(page: Page, name: string, section?: string) {
  if (section) await page.getByTestId(section).evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

const sampleNodes = caseSample.actors.length + caseSample.persons.length
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''
/** Distinct node fill colours in an exported SVG (the shapes drawn for nodes). */
const fills = (svg: string) => new Set([...svg.matchAll(/<(?:rect|ellipse|polygon|circle)[^>]*fill="(#[0-9a-fA-F]{6})"/g)].map((m) => m[1].toUpperCase()))

describe('browser: the graph analysis says what is true, with weighted figures, groups and GEXF', () => {
  const { newPage, createRoom, pageErrors } = browserSuite({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  let room: CreateRoomResponse
  let page: Page

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（分析のテスト）', 'case')
  })

  it('draws the 8050 case sample loaded in the lists', async () => {
    page = await newPage()
    await enterRoom(page, room.links.edit, { name: '山田', org: '福祉総務課' })
    await page.getByTestId('tab-lists').click()
    const transfer = page.getByTestId('transfer')
    await transfer.waitFor()
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await page.getByTestId('tab-graph').click()
    await expect.poll(async () => Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count')), { timeout: 5_000 }).toBe(sampleNodes)
    await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 10_000 })
  })

  it('lists agencies as 要の機関 and the persons in a cut position apart', async () => {
    const agencies = await text(page, 'graph-articulation')
    expect(agencies).toContain('地域包括支援センター')
    expect(agencies).toContain('民生委員')
    expect(agencies).not.toMatch(/母|長女/)
    const persons = await text(page, 'graph-articulation-persons')
    expect(persons).toContain('母')
    expect(persons).toContain('長女')
    expect(persons).toContain('本人や家族が連絡役')
    await shot(page, 'network-cut-points', 'graph-articulation')
  })

  it('says that planned and missing ties are not counted for 孤立, and leads to the after-plan figures', async () => {
    await shot(page, 'network-isolated', 'graph-network')
    const basis = await text(page, 'graph-isolated-basis')
    expect(basis).toContain('予定・不足のつながりは数えていません')
    // 自立相談支援機関 has four planned ties and none existing: named as coming with the plan.
    expect(basis).toMatch(/予定のつながりがある機関：[^。]*自立相談支援機関/)
    expect(basis).toMatch(/不足のつながりだけがある機関：[^。]*権利擁護センター/)
    const target = page.locator('.graph-after-plan-target')
    await page.getByTestId('graph-show-after-plan').click()
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true)
    // Scrolled into the analysis panel's view.
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const box = el.getBoundingClientRect()
          return box.top >= 0 && box.top < window.innerHeight - 100
        }),
      )
      .toBe(true)
    await shot(page, 'after-plan-link')
  })

  it('weighs ties by strength, names the most influential, and lists the stressful tie apart', async () => {
    const influence = await text(page, 'graph-influence')
    expect(influence).toMatch(/影響力の高い順：地域包括支援センター、母/)
    expect(await text(page, 'graph-stressful')).toMatch(/母 – 長男（/)
    // Selecting 長男: support strength 1 (one weak tie), the stressful tie said apart.
    const table = page.getByTestId('graph-metrics-table')
    await table.locator('tbody tr', { hasText: '長男' }).first().click()
    await expect(page.getByTestId('graph-selected-support').textContent()).resolves.toBe('1')
    await expect(page.getByTestId('graph-selection').textContent()).resolves.toContain('葛藤のあるつながり：1 本')
    await table.locator('button[data-sort=support]').click()
    await expect(table.locator('tbody tr').first().textContent()).resolves.toContain('地域包括支援センター')
    await shot(page, 'support-and-influence', 'graph-support')
  })

  it('shows the groups, and colours the graph by group on request', async () => {
    const groups = page.getByTestId('graph-community-list').locator('li')
    expect(await groups.count()).toBe(3)
    await expect(groups.first().textContent()).resolves.toContain('社協 地域福祉コーディネーター')
    await expect(page.getByTestId('graph-modularity').textContent()).resolves.toMatch(/モジュラリティ）：0\.\d\d/)
    expect(await text(page, 'graph-kcore')).toContain('中核と呼べる集まりはまだありません')

    const svgOf = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('graph-export-svg').click()])
      return fs.readFileSync((await download.path())!, 'utf8')
    }
    const palette = new Set(communityPalette.map((c) => c.toUpperCase()))
    const before = fills(await svgOf())
    expect([...before].filter((c) => palette.has(c))).toEqual([])
    await page.getByTestId('graph-color-by-community').check()
    const after = fills(await svgOf())
    expect([...after].filter((c) => palette.has(c)).sort()).toEqual(communityPalette.slice(0, 3).map((c) => c.toUpperCase()).sort())
    await shot(page, 'communities-coloured', 'graph-communities')
    // Sized by influence (weighted eigenvector centrality), as a Kumu or Gephi map would be.
    await page.getByTestId('graph-size-by').selectOption('eigenvector')
    await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 10_000 })
    await shot(page, 'communities-sized-by-influence')
    await page.getByTestId('graph-size-by').selectOption('betweenness')
    await page.getByTestId('graph-color-by-community').uncheck()
    const again = fills(await svgOf())
    expect([...again].filter((c) => palette.has(c))).toEqual([])
  })

  it('downloads GEXF from the export menu with every node and tie', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('graph-export-gexf').click()])
    expect(download.suggestedFilename()).toMatch(/\.gexf$/)
    const xml = fs.readFileSync((await download.path())!, 'utf8')
    expect(xml).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"')
    expect(xml.match(/<node /g)).toHaveLength(sampleNodes)
    expect(xml.match(/<edge /g)).toHaveLength(caseSample.relations.length)
  })

  it('says the same in English', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.getByTestId('graph-isolated-basis').textContent()).resolves.toContain('Planned and missing ties are not counted.')
    await expect(page.getByTestId('graph-communities').textContent()).resolves.toContain('Colour the graph by group')
    expect(await text(page, 'graph-kcore')).toContain('There is no core yet')
    await shot(page, 'english-isolated', 'graph-network')
    expect(pageErrors).toEqual([])
  })
})
