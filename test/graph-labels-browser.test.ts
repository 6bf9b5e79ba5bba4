/**
 * End-to-end: the 関係図's labels at the fitted zoom, and its presentation mode.
 *
 * The label-overlap metric counts pairs of label boxes (node labels and the tie labels drawn)
 * that overlap on screen after the layout has settled, from the rendered cytoscape instance
 * (ele.renderedBoundingBox with labels only). Goal 0, on the 8050 case sample and on a
 * 50-agency community map with long names (one of 120 characters, one with a line break).
 *
 * Needs a built client (CLIENT_DIR or dist/) and Debian's chromium. Screenshots go to
 * /tmp/glabel-shots/ for a human to look at.
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import caseSample from '../shared/samples/case-8050.json'
import { syntheticModel } from '../shared/graph/synthetic'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = '/tmp/glabel-shots'
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }

const LONG_NAME = '社会福祉法人みらい福祉会 地域生活支援拠点等整備推進事業 障害者相談支援センターひだまり 基幹相談支援センター機能強化事業 受託事業所（北部圏域・南部圏域・東部圏域・西部圏域合同）'.slice(0, 120)
const BROKEN_NAME = '中央地区\n民生委員児童委員協議会'

/** Fifty agencies with the names real maps have: long, multi-part, one of 120 characters. */
function fiftyAgencies() {
  const model = syntheticModel({ actors: 50, relations: 90, hubs: 4, seed: 13 })
  const names = [
    '市社会福祉協議会',
    '地域包括支援センター北部',
    '障害者基幹相談支援センター',
    '子ども家庭総合支援拠点',
    LONG_NAME,
    BROKEN_NAME,
    '生活困窮者自立相談支援機関',
    'ハローワーク中央',
    '保健センター（母子保健担当）',
    'NPO法人 若者サポートステーション',
    '居住支援法人 すまいネット',
    '地域活動支援センターⅠ型',
  ]
  model.actors.forEach((a, i) => {
    if (i < names.length) a.name = names[i]
  })
  return model
}

const canvas = (page: Page) => page.getByTestId('graph-canvas')
const nodeCount = async (page: Page) => Number(await canvas(page).getAttribute('data-node-count'))
const layoutRun = async (page: Page) => Number((await canvas(page).getAttribute('data-layout-run')) ?? 0)
async function settled(page: Page, after = 0) {
  await expect.poll(() => layoutRun(page), { timeout: 10_000 }).toBeGreaterThan(after)
  await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
  // A fit still animating moves every label: measure where they end.
  await page.waitForTimeout(400)
}

interface OverlapReport {
  /** labelFit's fits until nothing overlapped, and the time (data-label-fits; "+": it stopped before). */
  fits: string | null
  /** Labels drawn at this zoom (node and tie labels). */
  labels: number
  nodeLabels: number
  edgeLabels: number
  /** Pairs of drawn label boxes that overlap: the metric, goal 0. */
  pairs: number
  /** Of those, pairs of two node labels. */
  nodePairs: number
  /** A drawn label over another node's card. */
  onCards: number
  examples: string[]
  zoom: number
  /** The node labels' font size on screen, in px (the smallest). */
  nodeFontPx: number
  /** The same for the tie labels drawn (Infinity: none). */
  edgeFontPx: number
}

/**
 * The metric, computed in the page from the rendered instance (cytoscape keeps it on its
 * container as _cyreg.cy): pairs of label boxes, in rendered pixels, that overlap by more than
 * half a pixel each way. Only labels cytoscape draws count: an empty label (a tie label left
 * out) and one below its min-zoomed-font-size at this zoom are not drawn.
 */
function labelOverlaps(page: Page): Promise<OverlapReport> {
  return page.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number }
    type Ele = {
      id(): string
      visible(): boolean
      isEdge(): boolean
      isParent(): boolean
      style(name: string): string
      pstyle(name: string): { pfValue: number }
      renderedBoundingBox(o: object): Box
    }
    const el = document.querySelector('[data-testid=graph-canvas]') as unknown as { _cyreg: { cy: { elements(): { toArray(): Ele[] }; zoom(): number } } }
    const cy = el._cyreg.cy
    const zoom = cy.zoom()
    const boxes: { id: string; edge: boolean; b: Box }[] = []
    const cards: { id: string; b: Box }[] = []
    let nodeFontPx = Infinity
    let edgeFontPx = Infinity
    for (const e of cy.elements().toArray()) {
      if (!e.visible()) continue
      if (!e.isEdge() && !e.isParent()) cards.push({ id: e.id(), b: e.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) })
      if (!e.style('label')) continue
      // Cytoscape's own test (eleTextBiggerThanMin): the font size at the texture level of this zoom.
      const level = 2 ** Math.ceil(Math.log2(zoom * window.devicePixelRatio))
      if (e.pstyle('font-size').pfValue * level < e.pstyle('min-zoomed-font-size').pfValue) continue
      const px = e.pstyle('font-size').pfValue * zoom
      const b = e.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false })
      if (!(b.w > 0 && b.h > 0) || !Number.isFinite(b.w)) continue
      if (!e.isEdge()) nodeFontPx = Math.min(nodeFontPx, px)
      else edgeFontPx = Math.min(edgeFontPx, px)
      boxes.push({ id: e.id(), edge: e.isEdge(), b })
    }
    const hit = (p: Box, q: Box) => Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1) > 0.5 && Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1) > 0.5
    let pairs = 0
    let nodePairs = 0
    const examples: string[] = []
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        if (!hit(boxes[i].b, boxes[j].b)) continue
        pairs++
        if (!boxes[i].edge && !boxes[j].edge) nodePairs++
        if (examples.length < 8) examples.push(`${boxes[i].id} × ${boxes[j].id}`)
      }
    let onCards = 0
    for (const l of boxes) for (const c of cards) if (c.id !== l.id && hit(l.b, c.b)) onCards++
    const edgeLabels = boxes.filter((b) => b.edge).length
    const fits = (el as unknown as Element).getAttribute('data-label-fits')
    return { fits, labels: boxes.length, nodeLabels: boxes.length - edgeLabels, edgeLabels, pairs, nodePairs, onCards, examples, zoom, nodeFontPx: Math.round(nodeFontPx * 10) / 10, edgeFontPx: Math.round(edgeFontPx * 10) / 10 }
  })
}

async function importModel(page: Page, model: { actors: unknown[]; persons: unknown[]; relations: unknown[] }) {
  await page.getByTestId('tab-lists').click()
  const transfer = page.getByTestId('transfer')
  await transfer.getByTestId('import-file').setInputFiles({
    name: 'map.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(model)),
  })
  await transfer.getByTestId('import-apply').dispatchEvent('click')
}

describe('browser: 関係図 labels that fit and do not overlap', () => {
  const { newPage, createRoom, pageErrors, requests } = browserSuite({ viewport: { width: 1440, height: 900 } })
  let caseRoom: CreateRoomResponse
  let communityRoom: CreateRoomResponse

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    caseRoom = await createRoom('Aさん世帯 支援会議', 'case')
    communityRoom = await createRoom('北部圏域 資源マップ（50機関）', 'community')
  })

  it('lays out the 8050 case sample with no two labels overlapping at the fitted zoom', async () => {
    const page = await newPage()
    await enterRoom(page, caseRoom.links.edit, ALICE)
    await page.getByTestId('tab-lists').click()
    const transfer = page.getByTestId('transfer')
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await page.getByTestId('tab-graph').click()
    await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBe(caseSample.actors.length + caseSample.persons.length)
    await settled(page)
    await page.screenshot({ path: `${SHOTS}/case-8050.png` })
    await canvas(page).screenshot({ path: `${SHOTS}/case-8050-canvas.png` })
    const report = await labelOverlaps(page)
    console.log(`label overlap, 8050 sample (household layout): ${JSON.stringify(report)}`)
    expect(report.nodeLabels).toBe(caseSample.actors.length + caseSample.persons.length)
    expect.soft(report.pairs, report.examples.join(", ")).toBe(0)
    expect.soft(report.onCards, 'labels over other cards').toBe(0)

    // The force-directed layout too.
    const run = await layoutRun(page)
    await page.getByTestId('graph-layout').selectOption('fcose')
    await settled(page, run)
    await page.screenshot({ path: `${SHOTS}/case-8050-fcose.png` })
    const forced = await labelOverlaps(page)
    console.log(`label overlap, 8050 sample (fcose): ${JSON.stringify(forced)}`)
    expect.soft(forced.pairs, forced.examples.join(", ")).toBe(0)
    expect.soft(forced.onCards, 'labels over other cards').toBe(0)
  }, 90_000)

  it('wraps and shortens long names on a 50-agency map, with no two labels overlapping', async () => {
    const model = fiftyAgencies()
    const page = await newPage()
    const importer = await newPage()
    await enterRoom(page, communityRoom.links.edit, ALICE)
    await enterRoom(importer, communityRoom.links.edit, BOB)
    await page.getByTestId('tab-graph').click()
    await canvas(page).waitFor()
    await importModel(importer, model)
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(50)
    await settled(page)
    await page.screenshot({ path: `${SHOTS}/fifty.png` })
    await canvas(page).screenshot({ path: `${SHOTS}/fifty-canvas.png` })
    const report = await labelOverlaps(page)
    console.log(`label overlap, 50 agencies (fcose): ${JSON.stringify(report)}`)
    expect(report.nodeLabels).toBe(50)
    expect.soft(report.pairs, report.examples.join(", ")).toBe(0)
    expect.soft(report.onCards, 'labels over other cards').toBe(0)

    // Drawn labels: the 120-character name is shortened and wrapped (no label wider than its
    // max width), the line break is kept.
    const drawn = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=graph-canvas]') as unknown as {
        _cyreg: { cy: { nodes(): { toArray(): { data(k: string): unknown; boundingBox(o: object): { w: number; h: number } }[] } } }
      }
      return el._cyreg.cy
        .nodes()
        .toArray()
        .map((n) => ({
          label: String(n.data('label')),
          full: String(n.data('fullLabel') ?? n.data('label')),
          w: n.boundingBox({ includeLabels: true, includeNodes: false }).w,
          h: n.boundingBox({ includeLabels: true, includeNodes: false }).h,
        }))
    })
    const long = drawn.find((d) => d.full === LONG_NAME)!
    expect(long, 'the 120-character agency is drawn').toBeTruthy()
    expect(long.label.length).toBeLessThan(40)
    expect(long.label.endsWith('…')).toBe(true)
    const widest = Math.max(...drawn.map((d) => d.w))
    const tallest = Math.max(...drawn.map((d) => d.h))
    // 140 px at the grown font (×2.4 at most, useCytoscape's MAX_GROW) and the outline: never a 1,000 px line.
    expect(widest).toBeLessThan(140 * 2.4 + 30)
    expect(tallest).toBeGreaterThan(30) // some label wraps onto two lines or more
    const broken = drawn.find((d) => d.full === BROKEN_NAME)!
    expect(broken.label).toContain('\n')

    // Hovering the shortened agency shows its full name at the node; selecting it shows it too.
    const at = await page.evaluate((name) => {
      const el = document.querySelector('[data-testid=graph-canvas]') as unknown as {
        _cyreg: { cy: { nodes(): { toArray(): { data(k: string): unknown; renderedPosition(): { x: number; y: number } }[] } } }
      }
      const n = el._cyreg.cy.nodes().toArray().find((x) => x.data('fullLabel') === name)!
      return n.renderedPosition()
    }, LONG_NAME)
    const box = (await canvas(page).boundingBox())!
    await page.mouse.move(box.x + at.x, box.y + at.y)
    const tip = page.getByTestId('graph-tooltip')
    await tip.waitFor({ timeout: 3_000 })
    expect(await tip.textContent()).toBe(LONG_NAME)
    expect(await tip.getAttribute('role')).toBe('tooltip')
    const tipBox = (await tip.boundingBox())!
    expect(Math.abs(tipBox.x + tipBox.width / 2 - (box.x + at.x))).toBeLessThan(tipBox.width / 2 + 40)
    await page.screenshot({ path: `${SHOTS}/fifty-hover.png` })
    await page.mouse.click(box.x + at.x, box.y + at.y)
    await expect.poll(() => page.getByTestId('graph-selected-name').textContent()).toContain(LONG_NAME)
    await page.mouse.move(box.x + 5, box.y + 5)
    await tip.waitFor({ state: 'hidden', timeout: 3_000 })
    // Selected (the pointer gone), its ties show their labels, left out at the fitted zoom otherwise.
    const ties = await page.evaluate((name) => {
      const el = document.querySelector('[data-testid=graph-canvas]') as unknown as {
        _cyreg: {
          cy: {
            zoom(): number
            nodes(): { toArray(): { data(k: string): unknown; connectedEdges(): { toArray(): { data(k: string): unknown; style(k: string): string; pstyle(k: string): { pfValue: number } }[] } }[] }
          }
        }
      }
      const cy = el._cyreg.cy
      const n = cy.nodes().toArray().find((x) => x.data('fullLabel') === name)!
      return n
        .connectedEdges()
        .toArray()
        .map((e) => ({ wanted: String(e.data('label') ?? ''), drawn: e.style('label'), px: e.pstyle('font-size').pfValue * cy.zoom(), min: e.pstyle('min-zoomed-font-size').pfValue }))
    }, LONG_NAME)
    expect(ties.filter((x) => x.wanted).length).toBeGreaterThan(0)
    for (const t of ties.filter((x) => x.wanted)) {
      expect(t.drawn).toBe(t.wanted)
      expect(t.px).toBeGreaterThanOrEqual(t.min)
    }
    await canvas(page).screenshot({ path: `${SHOTS}/fifty-selected.png` })
  }, 120_000)

  it('shows the graph full screen for a projector, with large type, legend, title and date; Esc leaves', async () => {
    const page = await newPage({ viewport: { width: 1440, height: 900 } })
    await enterRoom(page, caseRoom.links.edit, ALICE)
    await page.getByTestId('tab-graph').click()
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(0)
    await settled(page)
    const before = await labelOverlaps(page)
    await page.getByTestId('graph-present').click()
    const view = page.getByTestId('graph-presentation')
    await view.waitFor()
    await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 10_000 })
    await page.waitForTimeout(500)
    const box = (await page.getByTestId('graph-canvas').boundingBox())!
    // The graph has the screen: no toolbar, filters, exports or analysis beside it.
    expect(box.width).toBeGreaterThan(1400)
    expect(box.height).toBeGreaterThan(650)
    await expect(page.getByTestId('graph-analysis').isVisible()).resolves.toBe(false)
    const header = (await page.getByTestId('graph-presentation-title').textContent())!
    expect(header).toContain('Aさん世帯 支援会議')
    expect(header).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    await expect(page.getByTestId('graph-legend').isVisible()).resolves.toBe(true)
    const legendFont = await page.getByTestId('graph-legend').evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
    expect(legendFont).toBeGreaterThanOrEqual(18)
    const during = await labelOverlaps(page)
    console.log(`presentation: ${JSON.stringify(during)} (before: zoom ${before.zoom})`)
    // Large type: the labels are bigger on screen than in the normal view.
    const labelPx = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=graph-canvas]') as unknown as {
        _cyreg: { cy: { zoom(): number; nodes(): { first(): { pstyle(k: string): { pfValue: number } } } } }
      }
      const cy = el._cyreg.cy
      return cy.nodes().first().pstyle('font-size').pfValue * cy.zoom()
    })
    expect(labelPx).toBeGreaterThanOrEqual(18)
    expect(during.pairs).toBe(0)
    // Some tie labels fit at this size, and they are readable from the back of the room too.
    expect(during.edgeLabels).toBeGreaterThan(0)
    expect(during.edgeFontPx).toBeGreaterThanOrEqual(12)
    await page.screenshot({ path: `${SHOTS}/presentation-1440.png` })
    await page.keyboard.press('Escape')
    await view.waitFor({ state: 'detached', timeout: 3_000 })
    await expect(page.getByTestId('graph-analysis').isVisible()).resolves.toBe(true)
  }, 60_000)

  it('keeps the toolbar readable at 820 px: no control squeezed to one character per line', async () => {
    const page = await newPage({ viewport: { width: 820, height: 1180 } })
    await enterRoom(page, caseRoom.links.edit, ALICE)
    await page.getByTestId('tab-graph').click()
    await settled(page)
    const canvasBox = (await canvas(page).boundingBox())!
    const layoutLabel = (await page.locator('.graph-toolbar label span').first().boundingBox())!
    await page.screenshot({ path: `${SHOTS}/tablet-820.png` })
    console.log(`820 px: canvas ${Math.round(canvasBox.width)}×${Math.round(canvasBox.height)}, 「レイアウト」 ${Math.round(layoutLabel.width)}×${Math.round(layoutLabel.height)}`)
    // 「レイアウト」 on one line (about 14 px tall, 5 characters wide), and the graph gets most of the width.
    expect(layoutLabel.height).toBeLessThan(30)
    expect(layoutLabel.width).toBeGreaterThan(50)
    expect(canvasBox.width).toBeGreaterThan(500)
    // The analysis starts folded away on a tablet; the graph gets the height as well.
    expect(canvasBox.height).toBeGreaterThan(450)
    const toggle = page.getByTestId('graph-analysis-toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await expect(page.getByTestId('graph-analysis').isVisible()).resolves.toBe(false)
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await page.getByTestId('graph-analysis').waitFor()
    await page.screenshot({ path: `${SHOTS}/tablet-820-analysis.png` })
  }, 60_000)

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
