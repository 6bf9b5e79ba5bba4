/**
 * End-to-end: the board's legend and the graph's legend of a loaded 8050 case say the same
 * thing with the same strokes, and the board's arrows and the graph's ties are drawn in the
 * legend's colours (shared/legend/legend.ts). Screenshots of both legends side by side, and of
 * each view, go to /tmp/legend-shots/ for a reviewer to look at.
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { tieLegendKeys, tiePalette } from '../shared/legend/legend'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = process.env.LEGEND_SHOTS ?? '/tmp/legend-shots'
const ALICE = { name: '山田', org: '福祉総務課' }

async function loadSample(page: Page) {
  await page.getByTestId('tab-lists').click()
  const transfer = page.getByTestId('transfer')
  await transfer.getByTestId('load-sample').selectOption('case')
  await transfer.getByTestId('import-apply').click()
  await page.getByTestId('tab-board').click()
}

/** Each legend entry's sample stroke and words, by `data-tie`. */
function entries(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((legend) =>
    Object.fromEntries(
      [...legend.querySelectorAll('li[data-tie]')].map((li) => {
        const svg = li.querySelector('svg')!
        return [li.getAttribute('data-tie')!, { color: svg.getAttribute('data-color'), dash: svg.getAttribute('data-dash'), text: li.textContent }]
      }),
    ),
  )
}

const hex = (rgb: string) => {
  const m = rgb.match(/\d+/g)
  return m ? `#${m.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}` : rgb
}

describe('browser: one legend on the board and in the graph', () => {
  const { newPage, createRoom, pageErrors } = browserSuite({ viewport: { width: 1440, height: 900 } })
  let page: Page

  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true })
  })

  it('draws and names every kind of tie alike in both legends, in the colours both views draw', async () => {
    const room = await createRoom('Aさん世帯 支援会議', 'case')
    page = await newPage()
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    await loadSample(page)
    await expect.poll(() => page.locator('.tl-shape[data-shape-type=arrow]').count(), { timeout: 15_000 }).toBeGreaterThan(10)
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${SHOTS}/board.png` })
    await page.getByTestId('board-legend').screenshot({ path: `${SHOTS}/board-legend.png` })
    const board = await entries(page, 'board-legend')
    // The strokes tldraw draws for the relation arrows, as the browser computes them.
    const arrowColours = await page.locator('.tl-shape[data-shape-type=arrow]').evaluateAll((arrows) =>
      arrows.flatMap((a) => [...a.querySelectorAll('path')].map((p) => getComputedStyle(p).stroke).filter((s) => s && s !== 'none')),
    )

    await page.getByTestId('tab-graph').click()
    await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${SHOTS}/graph.png` })
    await page.getByTestId('graph-legend').screenshot({ path: `${SHOTS}/graph-legend.png` })
    const graph = await entries(page, 'graph-legend')
    const edgeColours = await page.evaluate(() => {
      const cy = (document.querySelector('[data-testid=graph-canvas]') as unknown as { _cyreg?: { cy?: { edges(): { map(f: (e: { data(k: string): unknown }) => unknown): unknown[] } } } })._cyreg?.cy
      return cy ? cy.edges().map((e) => `${String(e.data('color'))}|${String(e.data('dash') ?? '')}`) : null
    })

    // Both legends side by side in one picture.
    const side = await newPage({ viewport: { width: 1200, height: 600 } })
    const img = (file: string) => `<img src="data:image/png;base64,${fs.readFileSync(`${SHOTS}/${file}`).toString('base64')}">`
    await side.setContent(`<body style="margin:8px;display:flex;gap:16px;align-items:flex-start;background:#fff">${img('board-legend.png')}${img('graph-legend.png')}</body>`)
    await side.screenshot({ path: `${SHOTS}/side-by-side.png`, fullPage: true })

    console.log(`board legend: ${JSON.stringify(board)}\ngraph legend: ${JSON.stringify(graph)}`)
    for (const key of tieLegendKeys) {
      expect(graph[key], key).toBeDefined()
      expect({ color: graph[key].color, dash: graph[key].dash }, key).toEqual({ color: board[key].color, dash: board[key].dash })
    }
    expect(board.missing.text).toContain('橙の点線')
    expect(graph.missing.text).toContain('橙の点線')
    expect(board.planned.text).toContain('青の破線')
    expect(graph.planned.text).toContain('青の破線')
    // The sample has a family tie: the graph draws it grey and says so.
    expect(graph.family?.text).toContain('灰色')

    const palette = new Set(Object.values(tiePalette).map((p) => p.hex))
    const drawn = new Set(arrowColours.map(hex))
    console.log(`board arrow strokes: ${[...drawn].join(' ')}; graph ties: ${JSON.stringify(edgeColours && [...new Set(edgeColours)])}`)
    for (const wanted of [tiePalette.planned.hex, tiePalette.missing.hex, tiePalette.stressful.hex, tiePalette.plain.hex]) expect(drawn, wanted).toContain(wanted)
    expect(edgeColours).not.toBeNull()
    // The 8050 sample has 22 ties: an empty graph must not pass as consistent.
    expect(edgeColours!.length).toBeGreaterThan(10)
    for (const c of edgeColours ?? []) expect([...palette, '#8a8f98']).toContain((c as string).split('|')[0])
    expect(pageErrors).toEqual([])
  })
})
