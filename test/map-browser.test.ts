/**
 * End-to-end: the case map on the board and the model behind it, in a real browser, two
 * participants in separate browser contexts (two PCs as far as the app can tell).
 *
 * A adds agencies from the palette, draws an arrow between their cards, sets the relation's type
 * in the inspector; B sees it in the lists tab. B renames an agency in the list and A's card
 * follows. A deletes a card, its relation disappears for B, and A's undo brings both back
 * without undoing B's rename. A view-only participant sees the inspector disabled.
 *
 * Needs `vite build` first (`npm test` does it) and Debian's chromium at /usr/bin/chromium.
 * Screenshots go to /tmp/jusou-map-*.png for a human to look at.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const VIEWPORT = { width: 1400, height: 860 }
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
const CAROL = { name: '鈴木', org: '社協' }

const actorCards = (page: Page) => page.locator('.tl-shape[data-shape-type=actor-card]')
const personCards = (page: Page) => page.locator('.tl-shape[data-shape-type=person-card]')
const arrows = (page: Page) => page.locator('.tl-shape[data-shape-type=arrow]')
const relationRows = (page: Page) => page.getByTestId('relations-table').locator('tr[data-relation-type]')
const actorRows = (page: Page) => page.getByTestId('actors-table').locator('tbody tr[data-record-id]')

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Clicks a shape (tldraw's layers are above shapes, so not `locator.click`), a little left of
 * its middle: the middle of a card is where a selected arrow shows its end handle.
 */
async function clickOn(page: Page, locator: Locator, dx = -0.3) {
  const box = (await locator.boundingBox())!
  await page.mouse.click(box.x + box.width * (0.5 + dx), box.y + box.height / 2)
}

/** Clicks an empty spot of the canvas, left of the middle (deselects, focuses the board). */
async function clickEmpty(page: Page) {
  const box = (await page.locator('.tl-canvas').boundingBox())!
  await page.mouse.click(box.x + 50, box.y + box.height * 0.45)
}

/** A point on the straight arrow between two cards, `f` of the way from one edge to the other. */
async function pointBetween(from: Locator, to: Locator, f: number): Promise<{ x: number; y: number }> {
  const p = (await from.boundingBox())!
  const q = (await to.boundingBox())!
  const c1 = { x: p.x + p.width / 2, y: p.y + p.height / 2 }
  const c2 = { x: q.x + q.width / 2, y: q.y + q.height / 2 }
  const d = { x: c2.x - c1.x, y: c2.y - c1.y }
  const exit = (w: number, h: number) => Math.min(d.x ? w / 2 / Math.abs(d.x) : Infinity, d.y ? h / 2 / Math.abs(d.y) : Infinity)
  const t1 = exit(p.width, p.height)
  const t2 = 1 - exit(q.width, q.height)
  const t = t1 + (t2 - t1) * f
  return { x: c1.x + d.x * t, y: c1.y + d.y * t }
}

describe('browser: case map on the board, backed by the model', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: VIEWPORT })
  let room: CreateRoomResponse
  let a: Page
  let b: Page

  async function addFromPalette(page: Page, query: string, name: string) {
    const palette = page.getByTestId('board-panel').getByTestId('palette')
    await palette.locator('input[type=search]').fill(query)
    await palette.getByRole('button', { name: `${name}を追加` }).click()
  }

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（マップのテスト）', 'case')
  })

  it('starts a case room with a household frame, and adds agencies from the palette as cards in view', async () => {
    a = await newPage()
    b = await newPage()
    await enterRoom(a, room.links.edit, ALICE, { board: true })
    await enterRoom(b, room.links.edit, BOB, { board: true })

    // Template: one household frame named 世帯, for both.
    for (const page of [a, b]) {
      await expect.poll(() => page.locator('.tl-shape[data-shape-type=frame]').count(), { timeout: 5_000 }).toBe(1)
    }
    await expect(a.locator('.tl-frame-heading').first().textContent()).resolves.toContain('世帯')

    await addFromPalette(a, '地域包括', '地域包括支援センター')
    await expect.poll(() => actorCards(a).count(), { timeout: 2_000 }).toBe(1)
    await addFromPalette(a, '民生委員', '民生委員・児童委員')
    await expect.poll(() => actorCards(a).count(), { timeout: 2_000 }).toBe(2)
    await expect.poll(() => actorCards(b).count(), { timeout: 3_000 }).toBe(2)

    // The cards render from the model: name, level badge, formal vs informal.
    const texts = (await actorCards(a).allTextContents()).join('|')
    expect(texts).toContain('地域包括支援センター')
    expect(texts).toContain('民生委員・児童委員')
    expect(texts).toContain('事業所')
    expect(await a.locator('.map-card-actor.formal').count()).toBe(1)
    expect(await a.locator('.map-card-actor.informal').count()).toBe(1)

    // Both are in view (near the viewport centre) and do not overlap.
    const canvas = (await a.locator('.tl-canvas').boundingBox())!
    const boxes = await Promise.all([0, 1].map(async (i) => (await actorCards(a).nth(i).boundingBox())!))
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(canvas.x)
      expect(box.y).toBeGreaterThanOrEqual(canvas.y)
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width)
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height)
    }
    const [p, q] = boxes
    const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height
    expect(overlap).toBe(false)
  })

  it('turns an arrow drawn from card to card into a relation whose type B sees in the lists', async () => {
    const from = await centre(a.locator('.tl-shape:has(.map-card-actor.formal)'))
    const to = await centre(a.locator('.tl-shape:has(.map-card-actor.informal)'))
    await a.getByTestId('tools.arrow').click()
    await a.mouse.move(from.x, from.y)
    await a.mouse.down()
    await a.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 10, { steps: 8 })
    await a.mouse.move(to.x, to.y, { steps: 8 })
    await a.mouse.up()

    // The drawn arrow becomes the relation's arrow, stays selected, and the inspector edits it.
    const inspector = a.getByTestId('inspector-relation')
    await inspector.waitFor({ timeout: 3_000 })
    await expect(inspector.textContent()).resolves.toContain('地域包括支援センター')
    await expect(a.getByTestId('inspector-relation-type').inputValue()).resolves.toBe('つなぎ')
    expect(await arrows(a).count()).toBe(1)
    await expect.poll(() => arrows(b).count(), { timeout: 3_000 }).toBe(1)

    await b.getByTestId('tab-lists').click()
    await expect.poll(() => relationRows(b).count(), { timeout: 2_000 }).toBe(1)

    // Another type first, then つなぎ: each reaches B's table within a second or two.
    for (const type of ['連携・協働', 'つなぎ']) {
      const start = Date.now()
      await a.getByTestId('inspector-relation-type').selectOption(type)
      await expect.poll(() => relationRows(b).first().getAttribute('data-relation-type'), { timeout: 2_000, interval: 50 }).toBe(type)
      expect(Date.now() - start).toBeLessThan(2_000)
    }
    // The arrow's label on A's board follows the type.
    await expect.poll(async () => (await arrows(a).allTextContents()).join('|'), { timeout: 2_000 }).toContain('つなぎ')

    await a.screenshot({ path: '/tmp/jusou-map-arrow-A.png' })
    await b.screenshot({ path: '/tmp/jusou-map-lists-B.png', fullPage: true })
  })

  it("shows B's rename on A's card; A deletes a card, B's list loses its relation, A's undo brings both back", async () => {
    const houkatsu = a.locator('.tl-shape:has(.map-card-actor.formal)')
    const recordId = await houkatsu.locator('.map-card').getAttribute('data-record-id')
    expect(recordId).toBeTruthy()

    // B renames the agency in the list view; A's card shows the new name.
    const nameInput = b.getByTestId('actors-table').locator(`tr[data-record-id="${recordId}"] input[aria-label="名称"]`)
    await nameInput.fill('北部地域包括支援センター')
    await nameInput.press('Enter')
    await expect.poll(() => houkatsu.textContent(), { timeout: 2_000 }).toContain('北部地域包括支援センター')

    // A selects the card and deletes it with the keyboard. It has a tie: A is asked first.
    await clickOn(a, houkatsu)
    await a.getByTestId('inspector-actor').waitFor({ timeout: 2_000 })
    await a.keyboard.press('Delete')
    const confirm = a.getByRole('alertdialog')
    await confirm.waitFor({ timeout: 2_000 })
    await expect(confirm.textContent()).resolves.toContain('機関カード1枚を削除します。つながり1本も削除されます。')
    await a.getByTestId('delete-confirm-confirm').click()
    await expect.poll(() => actorCards(a).count(), { timeout: 2_000 }).toBe(1)
    await expect.poll(() => arrows(a).count(), { timeout: 2_000 }).toBe(0)
    await expect.poll(() => relationRows(b).count(), { timeout: 2_000 }).toBe(0)
    await expect.poll(() => actorRows(b).count(), { timeout: 2_000 }).toBe(1)

    // A's undo: the card, its record (with B's name) and the relation come back, for both.
    await a.keyboard.press('Control+z')
    await expect.poll(() => actorRows(b).count(), { timeout: 2_000 }).toBe(2)
    await expect.poll(() => relationRows(b).count(), { timeout: 2_000 }).toBe(1)
    expect(await relationRows(b).first().getAttribute('data-relation-type')).toBe('つなぎ')
    await expect.poll(() => actorCards(a).count(), { timeout: 2_000 }).toBe(2)
    await expect.poll(() => arrows(a).count(), { timeout: 2_000 }).toBe(1)
    await expect.poll(() => houkatsu.textContent(), { timeout: 2_000 }).toContain('北部地域包括支援センター')
    await expect(b.getByTestId('actors-table').locator(`tr[data-record-id="${recordId}"] input[aria-label="名称"]`).inputValue()).resolves.toBe(
      '北部地域包括支援センター',
    )
    await a.screenshot({ path: '/tmp/jusou-map-undo-A.png' })

    // Undo is per user. B renames the other agency in the list; B's Ctrl+Z on the board takes
    // back that rename only, never A's work. (B's first rename is part of the record A's undo
    // restored, and stays.)
    const minsei = a.locator('.tl-shape:has(.map-card-actor.informal)')
    const minseiId = await minsei.locator('.map-card').getAttribute('data-record-id')
    const minseiInput = b.getByTestId('actors-table').locator(`tr[data-record-id="${minseiId}"] input[aria-label="名称"]`)
    await minseiInput.fill('民生委員（北地区）')
    await minseiInput.press('Enter')
    await expect.poll(() => minsei.textContent(), { timeout: 2_000 }).toContain('民生委員（北地区）')
    await b.getByTestId('tab-board').click()
    await clickEmpty(b)
    await b.keyboard.press('Control+z')
    await expect.poll(() => minsei.textContent(), { timeout: 2_000 }).toContain('民生委員・児童委員')
    expect(await houkatsu.textContent()).toContain('北部地域包括支援センター')
    expect(await actorCards(a).count()).toBe(2)
    expect(await arrows(a).count()).toBe(1)
    await expect.poll(() => actorCards(b).count(), { timeout: 2_000 }).toBe(2)
    await expect.poll(() => arrows(b).count(), { timeout: 2_000 }).toBe(1)
  })

  it('styles arrows from the relation and keeps persons in the household frame', async () => {
    // Strength and status from A's inspector change the arrow for both.
    // A click on the line, near one end (the label is in the middle), selects the arrow.
    await clickEmpty(a)
    const onLine = await pointBetween(a.locator('.tl-shape:has(.map-card-actor.formal)'), a.locator('.tl-shape:has(.map-card-actor.informal)'), 0.15)
    await a.mouse.click(onLine.x, onLine.y)
    await a.getByTestId('inspector-relation').waitFor({ timeout: 2_000 })
    await a.getByTestId('inspector-relation-status').selectOption('missing')
    await expect.poll(async () => (await arrows(b).allTextContents()).join('|'), { timeout: 3_000 }).toContain('不足')

    // A person, added from the board panel, goes into the household frame.
    await a.getByTestId('add-person').click()
    await expect.poll(() => personCards(a).count(), { timeout: 2_000 }).toBe(1)
    await a.getByTestId('inspector-person').waitFor({ timeout: 2_000 })
    const frame = (await a.locator('.tl-shape[data-shape-type=frame]').boundingBox())!
    const person = (await personCards(a).boundingBox())!
    expect(person.x).toBeGreaterThanOrEqual(frame.x)
    expect(person.y).toBeGreaterThanOrEqual(frame.y)
    expect(person.x + person.width).toBeLessThanOrEqual(frame.x + frame.width + 1)
    expect(person.y + person.height).toBeLessThanOrEqual(frame.y + frame.height + 1)
    const label = a.getByTestId('inspector-person').locator('input[aria-label="続柄・役割"]')
    // A name is kept but warned about, with how to write it instead; a role clears the warning.
    await label.fill('山田太郎')
    await label.press('Enter')
    const warning = a.getByTestId('inspector-person').getByTestId('personal-info-warning')
    await expect.poll(() => warning.textContent(), { timeout: 2_000 }).toMatch(/「山田太郎」は氏名のように見えます。.*長男/)
    await expect.poll(() => personCards(b).textContent(), { timeout: 3_000 }).toContain('山田太郎')
    await label.fill('長男')
    await label.press('Enter')
    await expect.poll(() => warning.count(), { timeout: 2_000 }).toBe(0)
    await a.getByTestId('inspector-person').getByText('ひきこもり', { exact: true }).click()
    await a.getByTestId('inspector-person').locator('select[aria-label="年代"]').selectOption('50代')
    await expect.poll(() => personCards(b).textContent(), { timeout: 3_000 }).toContain('長男')
    await expect.poll(() => personCards(b).textContent(), { timeout: 3_000 }).toContain('ひきこもり')
    await expect.poll(() => personCards(b).textContent(), { timeout: 3_000 }).toContain('50代')

    // An arrow from the person to the informal agency: a second relation.
    const from = await centre(personCards(a))
    const to = await centre(a.locator('.tl-shape:has(.map-card-actor.informal)'))
    await a.getByTestId('tools.arrow').click()
    await a.mouse.move(from.x, from.y)
    await a.mouse.down()
    await a.mouse.move(to.x, to.y, { steps: 12 })
    await a.mouse.up()
    await a.getByTestId('inspector-relation').waitFor({ timeout: 3_000 })
    await a.getByTestId('inspector-relation-type').selectOption('見守り')
    await a.getByTestId('inspector-relation-strength').selectOption('stressful')
    await b.getByTestId('tab-lists').click()
    await expect.poll(() => relationRows(b).count(), { timeout: 2_000 }).toBe(2)
    await expect.poll(() => b.getByTestId('relations-table').locator('tr[data-relation-type="見守り"]').count(), { timeout: 2_000 }).toBe(1)
    await b.getByTestId('tab-board').click()
    await a.keyboard.press('Escape')
    await clickEmpty(a)
    await a.screenshot({ path: '/tmp/jusou-map-styles-A.png' })
    await b.screenshot({ path: '/tmp/jusou-map-styles-B.png' })
  })

  it('re-binds, unbinds, deletes and duplicates on the board, and moves a person out of the household', async () => {
    const formal = a.locator('.tl-shape:has(.map-card-actor.formal)')
    const informal = a.locator('.tl-shape:has(.map-card-actor.informal)')
    const formalId = await formal.locator('.map-card').getAttribute('data-record-id')
    await b.getByTestId('tab-lists').click()
    const row = (type: string) => b.getByTestId('relations-table').locator(`tr[data-relation-type="${type}"]`)
    await expect.poll(() => relationRows(b).count(), { message: 'two ties in the list of B', timeout: 2_000 }).toBe(2)

    // Re-binding: drag the end of 長男 → 民生委員 onto the other agency: the tie's 終点 follows.
    await clickEmpty(a)
    const onLine = await pointBetween(personCards(a), informal, 0.2)
    await a.mouse.click(onLine.x, onLine.y)
    await a.getByTestId('inspector-relation').waitFor({ timeout: 2_000 })
    const endHandle = await centre(informal)
    const target = await centre(formal)
    await a.mouse.move(endHandle.x, endHandle.y)
    await a.mouse.down()
    await a.mouse.move(target.x - 20, target.y, { steps: 10 })
    await a.mouse.move(target.x, target.y, { steps: 4 })
    await a.mouse.up()
    await expect.poll(() => row('見守り').getAttribute('data-to'), { message: 're-bound 終点 in the list of B', timeout: 3_000 }).toBe(formalId)

    // Unbinding: drag that end into empty space: the tie is gone, the arrow stays a drawing.
    const canvas = (await a.locator('.tl-canvas').boundingBox())!
    await a.getByTestId('inspector-relation').waitFor({ timeout: 2_000 })
    // Come onto the handle in small steps and let tldraw see the pointer over it before
    // pressing: under load a press right after a jump could land on the card instead.
    await a.mouse.move(target.x - 12, target.y)
    await a.mouse.move(target.x, target.y, { steps: 4 })
    await a.waitForTimeout(400)
    await a.mouse.down()
    await a.mouse.move(canvas.x + 60, canvas.y + canvas.height * 0.7, { steps: 10 })
    await a.mouse.up()
    await expect.poll(() => relationRows(b).count(), { message: 'tie removed after unbinding', timeout: 5_000 }).toBe(1)
    expect(await arrows(a).count()).toBe(2)
    await expect.poll(() => a.getByTestId('inspector').getAttribute('data-target'), { message: 'unbound arrow selected as a drawing', timeout: 2_000 }).toBe('other')
    await a.keyboard.press('Delete')
    await expect.poll(() => arrows(a).count(), { message: 'drawing deleted', timeout: 2_000 }).toBe(1)

    // An arrow from a card to empty space stays a drawing.
    await a.getByTestId('tools.arrow').click()
    await a.mouse.move(target.x - 60, target.y)
    await a.mouse.down()
    await a.mouse.move(canvas.x + 80, canvas.y + 150, { steps: 10 })
    await a.mouse.up()
    await expect.poll(() => arrows(a).count(), { message: 'card-to-nowhere arrow drawn', timeout: 2_000 }).toBe(2)
    await new Promise((r) => setTimeout(r, 500))
    expect(await relationRows(b).count()).toBe(1)
    await a.keyboard.press('Delete')
    await expect.poll(() => arrows(a).count(), { message: 'card-to-nowhere arrow deleted', timeout: 2_000 }).toBe(1)

    // Deleting the relation arrow deletes the tie; undo brings it back.
    await clickEmpty(a)
    const onTie = await pointBetween(formal, informal, 0.15)
    await a.mouse.click(onTie.x, onTie.y)
    await a.getByTestId('inspector-relation').waitFor({ timeout: 2_000 })
    await a.keyboard.press('Delete')
    await expect.poll(() => relationRows(b).count(), { message: 'tie deleted with its arrow', timeout: 2_000 }).toBe(0)
    await a.keyboard.press('Control+z')
    await expect.poll(() => relationRows(b).count(), { message: 'tie back after undo', timeout: 2_000 }).toBe(1)
    await expect.poll(() => arrows(a).count(), { message: 'arrow back after undo', timeout: 2_000 }).toBe(1)

    // Duplicating a card (Ctrl+D) makes a copy of its record.
    await clickEmpty(a)
    await clickOn(a, informal)
    await a.getByTestId('inspector-actor').waitFor({ timeout: 2_000 })
    await a.keyboard.press('Control+d')
    await expect.poll(() => actorCards(a).count(), { message: 'duplicate card', timeout: 3_000 }).toBe(3)
    await expect.poll(() => actorRows(b).count(), { message: 'duplicate record in the list of B', timeout: 3_000 }).toBe(3)
    await expect(b.getByTestId('actors-table').locator('input[aria-label="名称"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).resolves.toContain(
      '民生委員・児童委員（複製）',
    )
    await a.screenshot({ path: '/tmp/jusou-map-duplicate-A.png' })
    // …and one Ctrl+Z takes the copy away again, card and record.
    await a.keyboard.press('Control+z')
    await expect.poll(() => actorRows(b).count(), { message: 'duplicate record undone', timeout: 3_000 }).toBe(2)
    await expect.poll(() => actorCards(a).count(), { message: 'duplicate card undone', timeout: 3_000 }).toBe(2)

    // Dragging the person out of the household frame: 世帯員 → 別居・世帯外, and back.
    const personId = await personCards(a).locator('.map-card').getAttribute('data-record-id')
    const household = b.getByTestId('persons-table').locator(`tr[data-record-id="${personId}"] select`).nth(1)
    await expect(household.inputValue()).resolves.toBe('yes')
    await clickEmpty(a)
    const frame = (await a.locator('.tl-shape[data-shape-type=frame]').boundingBox())!
    const person = await centre(personCards(a))
    await a.mouse.move(person.x - 40, person.y + 20)
    await a.mouse.down()
    await a.mouse.move(frame.x - 150, person.y + 120, { steps: 15 })
    // tldraw re-parents a shape dragged out of a frame after a short hover: let it.
    await new Promise((r) => setTimeout(r, 400))
    await a.mouse.move(frame.x - 152, person.y + 122, { steps: 2 })
    await a.mouse.up()
    await expect.poll(() => household.inputValue(), { message: 'person moved out: 別居・世帯外', timeout: 3_000 }).toBe('no')
    await expect.poll(() => personCards(a).textContent(), { message: 'person card says 世帯外', timeout: 2_000 }).toContain('世帯外')
    await a.keyboard.press('Control+z')
    await expect.poll(() => household.inputValue(), { message: 'person back in the household after undo', timeout: 3_000 }).toBe('yes')
    await b.getByTestId('tab-board').click()
    await a.screenshot({ path: '/tmp/jusou-map-edits-A.png' })
  })

  it('shows a view-only participant the inspector with every field disabled', async () => {
    const c = await newPage()
    await enterRoom(c, room.links.view, CAROL, { board: true })
    await expect.poll(() => actorCards(c).count(), { timeout: 5_000 }).toBe(2)
    await clickOn(c, c.locator('.tl-shape:has(.map-card-actor.formal)'))
    const form = c.getByTestId('inspector-actor')
    await form.waitFor({ timeout: 2_000 })
    const inputs = form.locator('input, select, textarea')
    const n = await inputs.count()
    expect(n).toBeGreaterThan(5)
    for (let i = 0; i < n; i++) expect(await inputs.nth(i).isDisabled()).toBe(true)
    expect(await c.getByTestId('board-panel').getByTestId('palette').count()).toBe(0)
    await c.screenshot({ path: '/tmp/jusou-map-view.png' })
  })

  it('draws an imported sample case: cards, household frame and styled ties', async () => {
    const sampleRoom = await createRoom('サンプル事例（表示の確認）', 'case')
    const page = await newPage()
    await enterRoom(page, sampleRoom.links.edit, ALICE, { board: true })
    await page.getByTestId('tab-lists').click()
    const transfer = page.getByTestId('transfer')
    await transfer.waitFor()
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await expect.poll(() => relationRows(page).count(), { timeout: 5_000 }).toBeGreaterThan(3)
    const relations = await relationRows(page).count()
    await page.getByTestId('tab-board').click()
    await expect.poll(() => arrows(page).count(), { timeout: 5_000 }).toBe(relations)
    expect(await personCards(page).count()).toBeGreaterThan(0)
    await clickEmpty(page)
    await page.keyboard.press('Shift+1') // zoom to fit
    await new Promise((r) => setTimeout(r, 800))
    await page.screenshot({ path: '/tmp/jusou-map-sample.png' })
  })

  it('starts a community room with a district frame and no persons, a training room empty', async () => {
    const community = await createRoom('南小学校区 地域懇談会（テスト）', 'community')
    const page = await newPage()
    await enterRoom(page, community.links.edit, CAROL, { board: true })
    await expect.poll(() => page.locator('.tl-shape[data-shape-type=frame]').count(), { timeout: 5_000 }).toBe(1)
    await expect(page.locator('.tl-frame-heading').first().textContent()).resolves.toContain('地区・圏域')
    expect(await page.getByTestId('add-person').count()).toBe(0)
    await addFromPalette(page, '子ども食堂', '子ども食堂')
    await expect.poll(() => actorCards(page).count(), { timeout: 2_000 }).toBe(1)
    await page.screenshot({ path: '/tmp/jusou-map-community.png' })

    const training = await createRoom('庁内連携研修（テスト）', 'training')
    const other = await newPage()
    await enterRoom(other, training.links.edit, CAROL, { board: true })
    await new Promise((r) => setTimeout(r, 500))
    expect(await other.locator('.tl-shape').count()).toBe(0)
    expect(await other.getByTestId('add-person').count()).toBe(1)
  })

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
