/**
 * End-to-end: the board of a loaded 8050 case as a participant who joins it sees it, at
 * 1440×900 (a town-hall laptop).
 *
 * - The joiner lands on the whole map, fitted to the part of the board that no panel covers
 *   (tldraw's menus, style panel and toolbar, our side panel), then keeps their own view.
 * - Label-overlap metric: pairs of overlapping boxes among the tie labels shown, and between a
 *   tie label and a card, read from the rendered DOM (getBoundingClientRect). Goal 0.
 * - Every card can be seen: sample points of each card are hit-tested (elementFromPoint), so a
 *   card hidden behind a frame, clipped by a frame or under a panel fails.
 * - A card dragged to the household frame's edge is not clipped; a re-import leaves no card
 *   hidden; a sticky note created over an agency card stays above it.
 *
 * Needs a built client (CLIENT_DIR or dist/) and Debian's chromium. Screenshots go to
 * /tmp/board-shots/ for a human to look at.
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import caseSample from '../shared/samples/case-8050.json'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = '/tmp/board-shots'
const VIEWPORT = { width: 1440, height: 900 }
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
const CARDS = caseSample.actors.length + caseSample.persons.length

const cards = (page: Page) => page.locator('.tl-shape[data-shape-type=actor-card], .tl-shape[data-shape-type=person-card]')

interface BoardReport {
  zoom: number
  /** tldraw's camera as the transform of its HTML layer. */
  camera: string
  cards: number
  /** Cards some sample point of which is covered by something else (a frame, a panel, off screen). */
  hiddenCards: string[]
  /** Cards that a frame clips (tldraw draws a frame's children with its clip path). */
  clippedCards: string[]
  labelsShown: number
  labelsTotal: number
  /** Labels that found no free spot (shown on hover or selection only). */
  labelsWithoutSpot: string[]
  /** Pairs of tie labels that overlap. */
  labelPairs: number
  /** Pairs (tie label, card) that overlap. */
  labelCardPairs: number
  examples: string[]
}

/**
 * Measures the board as drawn: card and label boxes on screen, and whether each card is on top
 * at nine points of it (inset 4 px from its edges).
 */
function boardReport(page: Page): Promise<BoardReport> {
  return page.evaluate(() => {
    const name = (el: Element) => (el.querySelector('.map-card-name, .map-card-person-label')?.textContent ?? el.textContent ?? '').trim().slice(0, 20)
    // tldraw hit-tests shapes itself (they take no pointer events): let the browser find what
    // is on top at a point, shapes included, except arrows (their box is mostly empty) and
    // tie labels (measured below).
    const probe = document.createElement('style')
    probe.textContent = `.tl-shape, .tl-shape * { pointer-events: auto !important }
      .tl-shape[data-shape-type=arrow], .tl-shape[data-shape-type=arrow] *, .tl-overlays, .tl-overlays * { pointer-events: none !important }`
    document.head.append(probe)
    const cardEls = [...document.querySelectorAll('.tl-shape[data-shape-type=actor-card], .tl-shape[data-shape-type=person-card]')]
    const hiddenCards: string[] = []
    const clippedCards: string[] = []
    const cardBoxes: { name: string; r: DOMRect }[] = []
    for (const el of cardEls) {
      const r = el.getBoundingClientRect()
      cardBoxes.push({ name: name(el), r })
      let covered = r.width === 0 || r.height === 0
      for (const fx of [0, 0.5, 1])
        for (const fy of [0, 0.5, 1]) {
          const x = r.left + 4 + (r.width - 8) * fx
          const y = r.top + 4 + (r.height - 8) * fy
          const hit = document.elementFromPoint(x, y)
          if (!hit || !el.contains(hit)) covered = true
        }
      if (covered) hiddenCards.push(name(el))
      if (getComputedStyle(el).clipPath !== 'none') clippedCards.push(name(el))
    }
    probe.remove()
    const labelEls = [...document.querySelectorAll('.relation-label')]
    const shown = labelEls
      .filter((el) => {
        const s = getComputedStyle(el)
        const r = el.getBoundingClientRect()
        return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0 && r.width > 0 && r.height > 0
      })
      .map((el) => ({ text: (el.textContent ?? '').trim(), r: el.getBoundingClientRect() }))
    const overlaps = (p: DOMRect, q: DOMRect) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.5 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 0.5
    let labelPairs = 0
    let labelCardPairs = 0
    const examples: string[] = []
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++)
        if (overlaps(shown[i].r, shown[j].r)) {
          labelPairs++
          if (examples.length < 10) examples.push(`${shown[i].text} × ${shown[j].text}`)
        }
      for (const c of cardBoxes)
        if (overlaps(shown[i].r, c.r)) {
          labelCardPairs++
          if (examples.length < 10) examples.push(`${shown[i].text} × [${c.name}]`)
        }
    }
    const editorZoom = (() => {
      const layer = document.querySelector('.tl-html-layer') as HTMLElement | null
      const m = layer && /scale\(([\d.]+)\)/.exec(layer.style.transform)
      return m ? Number(m[1]) : NaN
    })()
    const cameraTransform = (document.querySelector('.tl-html-layer') as HTMLElement | null)?.style.transform ?? ''
    return {
      zoom: editorZoom,
      camera: cameraTransform,
      cards: cardEls.length,
      hiddenCards,
      clippedCards,
      labelsShown: shown.length,
      labelsTotal: labelEls.length,
      labelsWithoutSpot: labelEls.filter((el) => (el as HTMLElement).dataset.fits === 'false').map((el) => (el.textContent ?? '').trim()),
      labelPairs,
      labelCardPairs,
      examples,
    }
  })
}

const canvasClick = (page: Page) => page.locator('.tl-canvas').click({ position: { x: 5, y: 300 } })

/** tldraw's 全体表示 (zoom to fit, Shift+1). */
async function zoomToFit(page: Page) {
  await canvasClick(page)
  await page.keyboard.press('Shift+1')
  await page.waitForTimeout(600)
}

/** The screen box of the card named `name`. */
async function cardBox(page: Page, name: string) {
  return (await page.locator('.tl-shape', { has: page.locator(`.map-card-name, .map-card-person-label`, { hasText: new RegExp(`^${name}$`) }) }).boundingBox())!
}

/** Whether the shape at the middle of `box` (what the browser would hit-test) is a sticky note. */
function noteOnTop(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const probe = document.createElement('style')
    probe.textContent = `.tl-shape, .tl-shape * { pointer-events: auto !important }
      .tl-shape[data-shape-type=arrow], .tl-shape[data-shape-type=arrow] *, .tl-overlays, .tl-overlays * { pointer-events: none !important }`
    document.head.append(probe)
    const hit = document.elementFromPoint(x, y)
    probe.remove()
    return hit?.closest('.tl-shape')?.getAttribute('data-shape-type') ?? 'none'
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 })
}

async function addFromPalette(page: Page, query: string, name: string) {
  const palette = page.getByTestId('board-panel').getByTestId('palette')
  await palette.locator('input[type=search]').fill(query)
  await palette.getByRole('button', { name: `${name}を追加` }).click()
}

async function loadSample(page: Page, { replace = false } = {}) {
  await page.getByTestId('tab-lists').click()
  const transfer = page.getByTestId('transfer')
  await transfer.getByTestId('load-sample').selectOption('case')
  if (replace) await transfer.getByTestId('import-mode-replace').check()
  await transfer.getByTestId('import-apply').click()
  if (replace) await page.getByTestId('import-replace-confirm-confirm').click()
  await page.getByTestId('tab-board').click()
}

describe('browser: the board of a loaded case, as a joiner sees it', () => {
  const { newPage, createRoom, pageErrors } = browserSuite({ viewport: VIEWPORT })
  let room: CreateRoomResponse
  let alice: Page
  let bob: Page

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    room = await createRoom('Aさん世帯 支援会議', 'case')
  })

  it('fits the whole map into the free part of the board for a joiner, with no label on another label or a card', async () => {
    alice = await newPage()
    await enterRoom(alice, room.links.edit, ALICE, { board: true })
    await loadSample(alice)
    await expect.poll(() => cards(alice).count(), { timeout: 15_000 }).toBe(CARDS)

    bob = await newPage()
    await enterRoom(bob, room.links.edit, BOB, { board: true })
    await expect.poll(() => cards(bob).count(), { timeout: 15_000 }).toBe(CARDS)
    await bob.waitForTimeout(800)
    await bob.screenshot({ path: `${SHOTS}/joiner.png` })
    const joined = await boardReport(bob)
    console.log(`joiner's first view: ${JSON.stringify(joined)}`)

    // tldraw's 全体表示 (zoom to fit, Shift+1) gives the same fitted view.
    await zoomToFit(bob)
    await bob.screenshot({ path: `${SHOTS}/zoom-to-fit.png` })
    const fitted = await boardReport(bob)
    console.log(`after 全体表示: ${JSON.stringify(fitted)}`)

    expect(joined.cards).toBe(CARDS)
    expect(joined.hiddenCards).toEqual([])
    expect(joined.clippedCards).toEqual([])
    expect(joined.labelPairs + joined.labelCardPairs).toBe(0)
    expect(fitted.hiddenCards).toEqual([])
    expect(fitted.labelPairs + fitted.labelCardPairs).toBe(0)
    expect(pageErrors).toEqual([])
  }, 90_000)

  it("keeps the joiner's own view when the map changes later", async () => {
    const before = (await boardReport(bob)).camera
    await addFromPalette(alice, '民生委員', '民生委員・児童委員')
    await expect.poll(() => cards(bob).count(), { timeout: 10_000 }).toBe(CARDS + 1)
    await bob.waitForTimeout(800)
    expect((await boardReport(bob)).camera).toBe(before)
  }, 30_000)

  it('hides tie labels when zoomed far out, and shows the label of the tie under the pointer', async () => {
    await canvasClick(bob)
    for (let i = 0; i < 3; i++) await bob.keyboard.press('-')
    await bob.waitForTimeout(800)
    const far = await boardReport(bob)
    console.log(`zoomed out to ${far.zoom}: ${far.labelsShown} of ${far.labelsTotal} labels shown`)
    expect(far.zoom).toBeLessThan(0.4)
    expect(far.labelsShown).toBe(0)

    // The pointer moves along the 連携・協働 tie (地域包括支援センター → ケアマネジャー, straight
    // from card to card) until tldraw finds it under the pointer (another tie may cross it).
    const label = bob.locator('.relation-label', { hasText: /^連携・協働$/ })
    const from = await cardBox(bob, '地域包括支援センター')
    const to = await cardBox(bob, 'ケアマネジャー')
    const c1 = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
    const c2 = { x: to.x + to.width / 2, y: to.y + to.height / 2 }
    let hovered = far
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.45, 0.55]) {
      await bob.mouse.move(c1.x + (c2.x - c1.x) * f, c1.y + (c2.y - c1.y) * f)
      await bob.waitForTimeout(150)
      hovered = await boardReport(bob)
      if (hovered.labelsShown > 0) break
    }
    await bob.screenshot({ path: `${SHOTS}/zoomed-out-hover.png` })
    expect(await label.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible')
    expect(hovered.labelsShown).toBe(1)
    await zoomToFit(bob)
  }, 30_000)

  it('does not cut a card dragged to the edge of the household frame: the frame grows to hold it', async () => {
    const frame = (await bob.locator('.tl-shape[data-shape-type=frame]').boundingBox())!
    const son = await cardBox(bob, '長男')
    // Grab it by its top left corner (ties run from its middle) and drop it so that it hangs
    // over the frame's right edge (the pointer stays inside the frame, so the card stays in it).
    const grab = { x: son.x + 10, y: son.y + 10 }
    const drop = { x: frame.x + frame.width - 12, y: grab.y }
    await bob.mouse.move(grab.x, grab.y)
    await bob.mouse.down()
    await bob.mouse.move((grab.x + drop.x) / 2, drop.y, { steps: 6 })
    await bob.mouse.move(drop.x, drop.y, { steps: 6 })
    const during = await boardReport(bob)
    await bob.screenshot({ path: `${SHOTS}/drag-son-mid.png` })
    await bob.mouse.up()
    await bob.waitForTimeout(800)
    await bob.screenshot({ path: `${SHOTS}/drag-son.png` })
    const grown = (await bob.locator('.tl-shape[data-shape-type=frame]').boundingBox())!
    const moved = await cardBox(bob, '長男')
    const after = await boardReport(bob)
    console.log(`dragging 長男 over the frame's edge: clipped while dragging ${JSON.stringify(during.clippedCards)}, after ${JSON.stringify(after.clippedCards)}; frame ${Math.round(frame.width)}→${Math.round(grown.width)} px wide`)
    expect(moved.x + moved.width).toBeGreaterThan(frame.x + frame.width) // it was dropped over the edge
    expect(during.clippedCards).toEqual([])
    expect(after.clippedCards).toEqual([])
    expect(grown.x).toBeLessThanOrEqual(moved.x)
    expect(grown.y).toBeLessThanOrEqual(moved.y)
    expect(grown.x + grown.width).toBeGreaterThanOrEqual(moved.x + moved.width)
    expect(grown.y + grown.height).toBeGreaterThanOrEqual(moved.y + moved.height)
    // Alice sees the grown frame too, with 長男 in it.
    await expect.poll(async () => (await alice.locator('.tl-shape[data-shape-type=frame]').boundingBox())!.width, { timeout: 5_000 }).toBeGreaterThan(
      (frame.width / (await boardReport(bob)).zoom) * (await boardReport(alice)).zoom + 2,
    )
  }, 30_000)

  it('lays out the sample imported again after the household frame was deleted with no card hidden, and no label on another or on a card', async () => {
    // Bob deletes the household frame (and so 母 and 長男), confirming.
    await bob.keyboard.press('Escape')
    const heading = (await bob.locator('.tl-frame-heading').first().boundingBox())!
    await bob.mouse.click(heading.x + 6, heading.y + heading.height / 2)
    await bob.keyboard.press('Delete')
    await bob.getByTestId('delete-confirm-confirm').click()
    // (The sample's cards and the agency Alice added.)
    await expect.poll(() => cards(bob).count(), { timeout: 5_000 }).toBe(CARDS + 1 - 2)
    await expect.poll(() => bob.locator('.tl-shape[data-shape-type=frame]').count(), { timeout: 5_000 }).toBe(0)
    // Alice imports the sample again.
    await loadSample(alice)
    await expect.poll(() => cards(bob).count(), { timeout: 15_000 }).toBe(CARDS + 1)
    await bob.waitForTimeout(800)
    await zoomToFit(bob)
    await bob.screenshot({ path: `${SHOTS}/reimported.png` })
    const report = await boardReport(bob)
    console.log(`after importing the sample again: ${JSON.stringify(report)}`)
    expect(report.hiddenCards).toEqual([])
    expect(report.clippedCards).toEqual([])
    expect(report.labelPairs + report.labelCardPairs).toBe(0)
    await zoomToFit(alice)
    expect((await boardReport(alice)).hiddenCards).toEqual([])
  }, 60_000)

  it('keeps a sticky note created over an agency card above it', async () => {
    const target = await cardBox(bob, '住宅課')
    await bob.keyboard.press('Escape')
    await bob.keyboard.press('n')
    await bob.mouse.click(target.x + target.width / 2, target.y + target.height / 2)
    await bob.waitForTimeout(300)
    await bob.keyboard.type('家賃の相談', { delay: 30 })
    await bob.keyboard.press('Escape')
    await bob.keyboard.press('Escape')
    const note = bob.locator('.tl-shape[data-shape-type=note]')
    await expect.poll(() => note.count(), { timeout: 3_000 }).toBe(1)
    await bob.waitForTimeout(500)
    await bob.screenshot({ path: `${SHOTS}/note.png` })
    expect(await noteOnTop(bob, (await note.boundingBox())!)).toBe('note')
    // For the colleague too, once it has synced.
    const other = alice.locator('.tl-shape[data-shape-type=note]')
    await expect.poll(() => other.count(), { timeout: 5_000 }).toBe(1)
    await zoomToFit(alice)
    expect(await noteOnTop(alice, (await other.boundingBox())!)).toBe('note')

    // An agency added after the note and dragged over it leaves the note on top.
    await addFromPalette(alice, '保健所', '保健所')
    const added = bob.locator('.tl-shape', { has: bob.locator('.map-card-name', { hasText: /^保健所$/ }) })
    await expect.poll(() => added.count(), { timeout: 5_000 }).toBe(1)
    await bob.waitForTimeout(300)
    const from = (await added.boundingBox())!
    const onto = (await note.boundingBox())!
    const grab = { x: from.x + 10, y: from.y + 10 }
    await bob.mouse.move(grab.x, grab.y)
    await bob.mouse.down()
    await bob.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 10 })
    await bob.mouse.up()
    await bob.waitForTimeout(500)
    await bob.screenshot({ path: `${SHOTS}/note-under-dragged-card.png` })
    expect(await noteOnTop(bob, onto)).toBe('note')
    expect(pageErrors).toEqual([])
  }, 30_000)
})
