/**
 * End-to-end: the room's layout on a town-hall laptop (1440×900), a small laptop (1024×768) and
 * a tablet in both orientations (820×1180, 1180×820), with the 8050 case sample loaded.
 *
 * - Width: the board's canvas and the graph's canvas get most of the window, with the side
 *   panel open (its default from 900 px) and folded away.
 * - No control wraps: every button and toolbar label of the header, the tab bar and the graph's
 *   toolbars is one line, measured as its content height against its line height (a word
 *   squeezed to one character per line is many lines tall).
 * - Every tab fits in the tab bar; the side panel folds and opens by mouse and keyboard, and
 *   stays as the participant left it after a reload.
 * - The tabs are a WAI-ARIA tablist: roving tabindex, arrow keys, Home and End; an arrow key on
 *   a tab never nudges the card selected on the board.
 *
 * Needs a built client (CLIENT_DIR or dist/) and Debian's chromium. Screenshots go to
 * /tmp/shell-shots/ for a human to look at.
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import caseSample from '../shared/samples/case-8050.json'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = '/tmp/shell-shots'
const ALICE = { name: '山田', org: '福祉総務課' }
const CARDS = caseSample.actors.length + caseSample.persons.length
const NODES = caseSample.actors.length + caseSample.persons.length

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
]

const cards = (page: Page) => page.locator('.tl-shape[data-shape-type=actor-card], .tl-shape[data-shape-type=person-card]')
const toggle = (page: Page) => page.getByTestId('side-toggle')
const side = (page: Page) => page.locator('#room-side')

const width = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())?.width ?? 0

interface Wrapped {
  text: string
  lines: number
  height: number
  lineHeight: number
}

/**
 * Controls whose text takes more than one line: content height (box minus padding and border)
 * against the height of one line of the same font, measured with a probe inside the control.
 */
function wrappedControls(page: Page): Promise<{ checked: number; wrapped: Wrapped[] }> {
  return page.evaluate(() => {
    const selector = [
      '.room-header button',
      '.room-header a',
      '.room-header .tag',
      '.room-tabbar button',
      '.graph-toolbar button',
      '.graph-toolbar label > span',
      '.graph-exports button',
      '.graph-compare button',
    ].join(',')
    const wrapped: Wrapped[] = []
    let checked = 0
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || !el.textContent?.trim()) continue
      checked++
      const cs = getComputedStyle(el)
      const probe = document.createElement('span')
      probe.textContent = 'あ'
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;'
      el.appendChild(probe)
      const lineHeight = probe.getBoundingClientRect().height
      probe.remove()
      const px = (v: string) => parseFloat(v) || 0
      const content = r.height - px(cs.paddingTop) - px(cs.paddingBottom) - px(cs.borderTopWidth) - px(cs.borderBottomWidth)
      const lines = Math.round(content / lineHeight)
      if (lines > 1) wrapped.push({ text: el.textContent.trim().slice(0, 30), lines, height: Math.round(r.height), lineHeight: Math.round(lineHeight) })
    }
    return { checked, wrapped }
  })
}

/** Tab bar and header fit the window: nothing pushed out of sight. */
function overflow(page: Page): Promise<{ tabs: number; header: number; lastTabRight: number; roleCut: number }> {
  return page.evaluate(() => {
    const tabs = document.querySelector('.room-tabs')!
    const header = document.querySelector('.room-header')!
    const heading = document.querySelector('.room-heading')!
    const role = document.querySelector('[data-testid=room-role]')!
    const all = [...document.querySelectorAll('[role=tab]')]
    return {
      tabs: tabs.scrollWidth - tabs.clientWidth,
      header: header.scrollWidth - header.clientWidth,
      lastTabRight: Math.round(all[all.length - 1].getBoundingClientRect().right),
      // The role (あなたの権限：編集) cut off by the title's row.
      roleCut: Math.round(role.getBoundingClientRect().right - heading.getBoundingClientRect().right),
    }
  })
}

describe('browser: the room at laptop and tablet sizes', () => {
  const { newPage, createRoom, pageErrors, requests } = browserSuite()
  let room: CreateRoomResponse

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    room = await createRoom('Aさん世帯 支援会議', 'case')
  })

  it('loads the 8050 case sample into the room', async () => {
    const loader = await newPage({ viewport: { width: 1440, height: 900 } })
    await enterRoom(loader, room.links.edit, ALICE, { board: true })
    await loader.getByTestId('tab-lists').click()
    const transfer = loader.getByTestId('transfer')
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await loader.getByTestId('tab-board').click()
    await expect.poll(() => cards(loader).count(), { timeout: 15_000 }).toBe(CARDS)
    await loader.context().close()
  }, 60_000)

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`
    it(`gives the board and the graph the width at ${size}, with no control wrapped`, async () => {
      const page = await newPage({ viewport })
      await enterRoom(page, room.links.edit, ALICE, { board: true })
      await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(CARDS)
      await page.waitForTimeout(500)

      // The side panel starts open from 900 px, folded on a tablet in portrait.
      const openByDefault = viewport.width >= 900
      expect(await toggle(page).getAttribute('aria-expanded')).toBe(String(openByDefault))
      await expect(side(page).isVisible()).resolves.toBe(openByDefault)
      await page.screenshot({ path: `${SHOTS}/board-${size}-default.png` })

      // Tabs and header fit; nothing wraps.
      const fit = await overflow(page)
      expect(fit.tabs, 'tab bar scrolls').toBeLessThanOrEqual(1)
      expect(fit.header, 'header overflows').toBeLessThanOrEqual(1)
      expect(fit.lastTabRight).toBeLessThanOrEqual(viewport.width)
      expect(fit.roleCut, 'role cut off').toBeLessThanOrEqual(0)
      const boardControls = await wrappedControls(page)
      expect(boardControls.wrapped).toEqual([])

      // Open and folded: the board's share of the width.
      if (!openByDefault) await toggle(page).click()
      await expect(side(page).isVisible()).resolves.toBe(true)
      await page.waitForTimeout(300)
      const boardOpen = await width(page, '.room-board')
      const sideOpen = await width(page, '#room-side')
      await page.screenshot({ path: `${SHOTS}/board-${size}-open.png` })
      await toggle(page).click()
      await expect(side(page).isVisible()).resolves.toBe(false)
      await page.waitForTimeout(300)
      const boardFolded = await width(page, '.room-board')
      const canvasFolded = await width(page, '.tl-canvas')
      await page.screenshot({ path: `${SHOTS}/board-${size}-folded.png` })

      // The graph, with the side panel folded (as just left) and open; analysis as by default.
      await page.getByTestId('tab-graph').click()
      await expect.poll(async () => Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count')), { timeout: 10_000 }).toBe(NODES)
      await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
      await page.waitForTimeout(400)
      const graphFolded = await width(page, '[data-testid=graph-canvas]')
      const graphFoldedControls = await wrappedControls(page)
      await page.screenshot({ path: `${SHOTS}/graph-${size}-folded.png` })
      await toggle(page).click()
      await page.waitForTimeout(400)
      const graphOpen = await width(page, '[data-testid=graph-canvas]')
      const graphOpenControls = await wrappedControls(page)
      await page.screenshot({ path: `${SHOTS}/graph-${size}-open.png` })

      const analysisOpen = (await page.getByTestId('graph-analysis-toggle').getAttribute('aria-expanded')) === 'true'
      // The analysis starts open only where it leaves the graph the width (from 1280 px).
      expect(analysisOpen).toBe(viewport.width >= 1280)
      const share = (w: number) => Math.round((w / viewport.width) * 100)
      console.log(
        `${size}: board ${share(boardOpen)} % with the panel open (panel ${Math.round(sideOpen)} px), ${share(boardFolded)} % folded (canvas ${Math.round(canvasFolded)} px); ` +
          `graph ${share(graphOpen)} % open, ${share(graphFolded)} % folded; analysis ${analysisOpen ? 'open' : 'folded'}; ` +
          `controls checked: board ${boardControls.checked}, graph ${graphOpenControls.checked}`,
      )
      expect(boardOpen / viewport.width).toBeGreaterThanOrEqual(0.6)
      expect(boardFolded / viewport.width).toBeGreaterThanOrEqual(0.95)
      expect(canvasFolded).toBeCloseTo(boardFolded, -1)
      // Open, the graph shares the width with the participants (and at 1440 px with the analysis).
      expect(graphOpen / viewport.width).toBeGreaterThanOrEqual(viewport.width >= 1280 ? 0.5 : 0.6)
      expect(graphFolded / viewport.width).toBeGreaterThanOrEqual(analysisOpen ? 0.6 : 0.9)
      expect(graphFoldedControls.checked).toBeGreaterThan(8)
      expect(graphFoldedControls.wrapped).toEqual([])
      expect(graphOpenControls.wrapped).toEqual([])
      // 「レイアウト」, the label that was one character per line at 820 px.
      const layoutLabel = (await page.locator('.graph-toolbar label > span').first().boundingBox())!
      expect(layoutLabel.width).toBeGreaterThan(50)
    }, 90_000)
  }

  it('folds and opens the side panel from the keyboard, and remembers it after a reload', async () => {
    const page = await newPage({ viewport: { width: 1024, height: 768 } })
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    expect(await toggle(page).getAttribute('aria-expanded')).toBe('true')
    expect(await toggle(page).textContent()).toContain('パネルを閉じる')
    // One product name, in the page title as on the home page.
    expect(await page.title()).toBe('Aさん世帯 支援会議 – 重層支援マップ')

    // Reached with Tab from the selected tab (the other tabs are not tab stops), worked with Enter and Space.
    await page.getByTestId('tab-board').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('side-toggle')
    await page.keyboard.press('Enter')
    expect(await toggle(page).getAttribute('aria-expanded')).toBe('false')
    await expect(side(page).isVisible()).resolves.toBe(false)
    expect(await toggle(page).textContent()).toContain('パネルを開く')
    await page.keyboard.press('Space')
    expect(await toggle(page).getAttribute('aria-expanded')).toBe('true')
    await expect(side(page).isVisible()).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await expect(side(page).isVisible()).resolves.toBe(false)

    // The graph's analysis: folded by default at 1024 px; opened here.
    await page.getByTestId('tab-graph').click()
    const analysis = page.getByTestId('graph-analysis-toggle')
    expect(await analysis.getAttribute('aria-expanded')).toBe('false')
    await analysis.click()
    expect(await analysis.getAttribute('aria-expanded')).toBe('true')

    // Both are as left after a reload.
    await page.reload()
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 })
    expect(await toggle(page).getAttribute('aria-expanded')).toBe('false')
    await expect(side(page).isVisible()).resolves.toBe(false)
    await page.getByTestId('tab-graph').click()
    expect(await page.getByTestId('graph-analysis-toggle').getAttribute('aria-expanded')).toBe('true')
    await page.getByTestId('graph-analysis').waitFor()
    await page.screenshot({ path: `${SHOTS}/remembered-1024.png` })

    // Another participant (another browser) still gets the default.
    const other = await newPage({ viewport: { width: 1024, height: 768 } })
    await enterRoom(other, room.links.view, { name: '佐藤', org: '地域包括支援センター' })
    expect(await toggle(other).getAttribute('aria-expanded')).toBe('true')
  }, 90_000)

  it('moves between tabs with the arrow keys, Home and End, without nudging the selected card', async () => {
    const page = await newPage({ viewport: { width: 1180, height: 820 } })
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    await expect.poll(() => cards(page).count(), { timeout: 15_000 }).toBe(CARDS)
    const ids = await page.locator('[role=tablist] [role=tab]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid')))
    expect(ids).toEqual(['tab-board', 'tab-lists', 'tab-quadrant', 'tab-graph', 'tab-plan'])

    const state = () =>
      page.evaluate(() => ({
        focused: document.activeElement?.getAttribute('data-testid'),
        selected: [...document.querySelectorAll('[role=tab][aria-selected=true]')].map((t) => t.getAttribute('data-testid')),
        stops: [...document.querySelectorAll('[role=tab]')].filter((t) => t.getAttribute('tabindex') === '0').map((t) => t.getAttribute('data-testid')),
        panel: [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !(p as HTMLElement).hidden).map((p) => p.getAttribute('aria-labelledby')),
      }))
    const expectOn = async (tab: string) => {
      const s = await state()
      expect(s).toEqual({ focused: `tab-${tab}`, selected: [`tab-${tab}`], stops: [`tab-${tab}`], panel: [`tab-${tab}`] })
    }

    // Every card selected on the board, where an arrow key nudges them: on a tab it must not.
    const card = cards(page).first()
    const at = () => card.evaluate((el) => (el as HTMLElement).style.transform)
    await page.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('Control+a')
    const unselected = await at()
    await page.keyboard.press('ArrowRight')
    await expect.poll(at).not.toBe(unselected)
    const before = await at()
    await page.getByTestId('tab-board').focus()
    await expectOn('board')
    await page.keyboard.press('ArrowRight')
    await expectOn('lists')
    await page.keyboard.press('ArrowRight')
    await expectOn('quadrant')
    await page.keyboard.press('End')
    await expectOn('plan')
    await page.keyboard.press('ArrowRight')
    await expectOn('board')
    await page.keyboard.press('ArrowLeft')
    await expectOn('plan')
    await page.keyboard.press('ArrowLeft')
    await expectOn('graph')
    await page.keyboard.press('Home')
    await expectOn('board')
    expect(await at()).toBe(before)
    await page.screenshot({ path: `${SHOTS}/tabs-keyboard-1180.png` })
  }, 90_000)

  it('keeps the English tab bar, header and graph toolbar on one line each at 820×1180', async () => {
    const page = await newPage({ viewport: { width: 820, height: 1180 } })
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    await page.getByTestId('lang-switch').click()
    await expect.poll(() => page.getByTestId('tab-graph').textContent()).toBe('Relationship graph')
    await toggle(page).click()
    const fit = await overflow(page)
    expect(fit.tabs, 'tab bar scrolls').toBeLessThanOrEqual(1)
    expect(fit.lastTabRight).toBeLessThanOrEqual(820)
    expect(fit.roleCut, 'role cut off').toBeLessThanOrEqual(0)
    expect((await wrappedControls(page)).wrapped).toEqual([])
    await page.getByTestId('tab-graph').click()
    await page.getByTestId('graph-canvas').waitFor()
    await page.waitForTimeout(400)
    const graph = await wrappedControls(page)
    await page.screenshot({ path: `${SHOTS}/graph-820×1180-english.png` })
    expect(graph.checked).toBeGreaterThan(8)
    expect(graph.wrapped).toEqual([])
  }, 60_000)

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
