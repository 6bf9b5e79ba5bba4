/**
 * Deleting on the board asks first when it takes more than one card, or a card and its ties,
 * and says what goes (「機関カード3枚を削除します。つながり4本も削除されます。」); one card without
 * ties, one arrow or a drawing goes at once. Import adds to the map unless replacing is chosen,
 * and replacing asks first.
 *
 * Needs `vite build` first and Debian's chromium at /usr/bin/chromium.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const ALICE = { name: '山田', org: '福祉総務課' }
const CAROL = { name: '鈴木', org: '社協' }

const actorCards = (page: Page) => page.locator('.tl-shape[data-shape-type=actor-card]')
const personCards = (page: Page) => page.locator('.tl-shape[data-shape-type=person-card]')
const arrows = (page: Page) => page.locator('.tl-shape[data-shape-type=arrow]')
const actorRows = (page: Page) => page.getByTestId('actors-table').locator('tbody tr[data-record-id]')
const relationRows = (page: Page) => page.getByTestId('relations-table').locator('tr[data-relation-type]')
const dialog = (page: Page) => page.getByRole('alertdialog')
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

/** The case sample: 15 agencies, 3 persons (in the household frame), 22 ties. */
const SAMPLE = { actors: 15, persons: 3, ties: 22 }

async function addFromPalette(page: Page, query: string, name: string) {
  const palette = page.getByTestId('board-panel').getByTestId('palette')
  await palette.locator('input[type=search]').fill(query)
  await palette.getByRole('button', { name: `${name}を追加` }).click()
}

async function loadSample(page: Page) {
  const transfer = page.getByTestId('transfer')
  await transfer.getByTestId('load-sample').selectOption('case')
  await transfer.getByTestId('import-preview').waitFor()
}

/** Clicks an empty corner of the canvas: deselects, and gives the board the keyboard. */
async function focusBoard(page: Page) {
  const canvas = (await page.locator('.tl-canvas').boundingBox())!
  await page.mouse.click(canvas.x + 20, canvas.y + canvas.height - 60)
}

async function expectSampleOnBoard(page: Page) {
  await expect.poll(() => actorCards(page).count(), { timeout: 3_000 }).toBe(SAMPLE.actors)
  await expect.poll(() => personCards(page).count(), { timeout: 3_000 }).toBe(SAMPLE.persons)
  await expect.poll(() => arrows(page).count(), { timeout: 3_000 }).toBe(SAMPLE.ties)
}

describe('browser: deleting on the board asks first; import adds unless told to replace', () => {
  const { newPage, createRoom, pageErrors } = browserSuite({ viewport: { width: 1440, height: 900 } })
  let room: CreateRoomResponse
  let page: Page

  beforeAll(async () => {
    room = await createRoom('削除の確認（テスト）', 'case')
    page = await newPage()
    await enterRoom(page, room.links.edit, ALICE, { board: true })
  })

  it('imports by adding to the map; adding a sample twice updates it; replacing says what it does and asks', async () => {
    await addFromPalette(page, '民生委員', '民生委員・児童委員')
    await expect.poll(() => actorCards(page).count(), { timeout: 2_000 }).toBe(1)
    await page.getByTestId('tab-lists').click()

    // Adding is the default: the agency already there stays.
    await loadSample(page)
    await expect(page.getByTestId('import-mode-add').isChecked()).resolves.toBe(true)
    await expect(page.getByTestId('import-mode-replace').isChecked()).resolves.toBe(false)
    await page.getByTestId('import-apply').click()
    await expect.poll(() => actorRows(page).count(), { timeout: 5_000 }).toBe(SAMPLE.actors + 1)
    await expect.poll(() => relationRows(page).count(), { timeout: 5_000 }).toBe(SAMPLE.ties)

    // The same sample again: its records are updated, nothing is doubled.
    await loadSample(page)
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-preview').waitFor({ state: 'detached' })
    await new Promise((r) => setTimeout(r, 300))
    expect(await actorRows(page).count()).toBe(SAMPLE.actors + 1)
    expect(await relationRows(page).count()).toBe(SAMPLE.ties)
    expect(await page.getByTestId('model-problems').count()).toBe(0)

    // Replacing is a choice that says what it does, and asks again; Escape keeps the map.
    await loadSample(page)
    await page.getByTestId('import-mode-replace').check()
    await expect(page.getByTestId('import-mode').textContent()).resolves.toContain('今のマップを置き換えます（今の内容は履歴に残ります）')
    await page.getByTestId('import-apply').click()
    await dialog(page).waitFor({ timeout: 2_000 })
    await expect(dialog(page).textContent()).resolves.toContain('今のマップを置き換えます（今の内容は履歴に残ります）')
    await expect(dialog(page).textContent()).resolves.toContain(`機関・団体 ${SAMPLE.actors + 1}`)
    await expect.poll(() => focusedTestId(page), { timeout: 2_000 }).toBe('import-replace-confirm-cancel')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog(page).count(), { timeout: 2_000 }).toBe(0)
    expect(await actorRows(page).count()).toBe(SAMPLE.actors + 1)

    // Confirmed: the map is the sample's only.
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-replace-confirm-confirm').click()
    await expect.poll(() => actorRows(page).count(), { timeout: 5_000 }).toBe(SAMPLE.actors)
    await expect.poll(() => relationRows(page).count(), { timeout: 5_000 }).toBe(SAMPLE.ties)

    await page.getByTestId('tab-board').click()
    await expectSampleOnBoard(page)
    await focusBoard(page)
    await page.keyboard.press('Shift+1') // zoom to fit
    await new Promise((r) => setTimeout(r, 800))
  })

  it('asks before Delete removes every card, naming the cards and ties; Cancel and Escape keep everything', async () => {
    await focusBoard(page)
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await dialog(page).waitFor({ timeout: 2_000 })
    const text = (await dialog(page).textContent()) ?? ''
    expect(text).toContain(`機関カード${SAMPLE.actors}枚と人物カード${SAMPLE.persons}枚を削除します。`)
    expect(text).toContain(`つながり${SAMPLE.ties}本も削除されます。`)
    expect(text).toContain('削除する')
    expect(text).toContain('キャンセル')
    await expect.poll(() => focusedTestId(page), { timeout: 2_000 }).toBe('delete-confirm-cancel')
    await page.screenshot({ path: '/tmp/jusou-delete-confirm.png' })

    // Delete or Backspace on the dialog's buttons must not reach tldraw's shortcuts.
    await page.keyboard.press('Backspace')
    await page.getByTestId('delete-confirm-cancel').click()
    await expect.poll(() => dialog(page).count(), { timeout: 2_000 }).toBe(0)
    await new Promise((r) => setTimeout(r, 300))
    await expectSampleOnBoard(page)

    await page.keyboard.press('Delete')
    await dialog(page).waitFor({ timeout: 2_000 })
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog(page).count(), { timeout: 2_000 }).toBe(0)
    await new Promise((r) => setTimeout(r, 300))
    await expectSampleOnBoard(page)
  })

  it("asks before cutting (Ctrl+X) several cards, and before tldraw's delete button", async () => {
    await focusBoard(page)
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Control+x')
    await dialog(page).waitFor({ timeout: 2_000 })
    expect(await dialog(page).textContent()).toContain(`つながり${SAMPLE.ties}本も削除されます。`)
    await page.getByTestId('delete-confirm-cancel').click()
    await new Promise((r) => setTimeout(r, 300))
    await expectSampleOnBoard(page)

    await page.getByTestId('quick-actions.delete').click()
    await dialog(page).waitFor({ timeout: 2_000 })
    expect(await dialog(page).textContent()).toContain(`つながり${SAMPLE.ties}本も削除されます。`)
    await page.getByTestId('delete-confirm-cancel').click()
    await new Promise((r) => setTimeout(r, 300))
    await expectSampleOnBoard(page)
  })

  it("asks before the inspector's button deletes a card with ties, which says it deletes from the map", async () => {
    await focusBoard(page)
    const card = page.locator('.tl-shape:has(.map-card-actor)', { hasText: '地域包括支援センター' }).first()
    const box = (await card.boundingBox())!
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3)
    const button = page.getByTestId('inspector-delete')
    await button.waitFor({ timeout: 2_000 })
    await expect(button.textContent()).resolves.toBe('マップから削除')
    await expect(button.getAttribute('title')).resolves.toContain('マップから消します')
    await button.click()
    await dialog(page).waitFor({ timeout: 2_000 })
    const text = (await dialog(page).textContent()) ?? ''
    expect(text).toContain('機関カード1枚を削除します。')
    expect(text).toMatch(/つながり\d+本も削除されます。/)
    await page.getByTestId('delete-confirm-cancel').click()
    await new Promise((r) => setTimeout(r, 300))
    await expectSampleOnBoard(page)
  })

  it('never asks a view-only participant, who cannot delete', async () => {
    const viewer = await newPage()
    await enterRoom(viewer, room.links.view, CAROL, { board: true })
    await expectSampleOnBoard(viewer)
    await focusBoard(viewer)
    await viewer.keyboard.press('Control+a')
    await viewer.keyboard.press('Delete')
    await viewer.keyboard.press('Control+x')
    await new Promise((r) => setTimeout(r, 500))
    expect(await dialog(viewer).count()).toBe(0)
    await expectSampleOnBoard(viewer)
    await expectSampleOnBoard(page)
    await viewer.context().close()
  })

  it('deletes every card and tie once confirmed', async () => {
    await focusBoard(page)
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    await page.getByTestId('delete-confirm-confirm').click()
    await expect.poll(() => actorCards(page).count(), { timeout: 3_000 }).toBe(0)
    await expect.poll(() => personCards(page).count(), { timeout: 3_000 }).toBe(0)
    await expect.poll(() => arrows(page).count(), { timeout: 3_000 }).toBe(0)
    await page.getByTestId('tab-lists').click()
    await expect.poll(() => actorRows(page).count(), { timeout: 3_000 }).toBe(0)
    await expect.poll(() => relationRows(page).count(), { timeout: 3_000 }).toBe(0)
    await page.getByTestId('tab-board').click()
  })

  it('deletes a single card without ties at once', async () => {
    await page.locator('.tl-canvas').waitFor()
    await addFromPalette(page, '民生委員', '民生委員・児童委員')
    await expect.poll(() => actorCards(page).count(), { timeout: 2_000 }).toBe(1)
    await focusBoard(page)
    const box = (await actorCards(page).boundingBox())!
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2)
    await page.getByTestId('inspector-actor').waitFor({ timeout: 2_000 })
    await page.keyboard.press('Delete')
    await expect.poll(() => actorCards(page).count(), { timeout: 2_000 }).toBe(0)
    expect(await dialog(page).count()).toBe(0)
  })

  // (Pasting them back makes no cards: a pasted card whose record is gone is dropped, see
  // board-to-model.ts. Undo brings a cut back.)
  it('cuts several cards once confirmed: they go, and the clipboard holds them', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(room.links.edit).origin })
    await addFromPalette(page, '民生委員', '民生委員・児童委員')
    await addFromPalette(page, '地域包括', '地域包括支援センター')
    await expect.poll(() => actorCards(page).count(), { timeout: 2_000 }).toBe(2)
    await focusBoard(page)
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Control+x')
    await dialog(page).waitFor({ timeout: 2_000 })
    expect(await dialog(page).textContent()).toContain('機関カード2枚を削除します。')
    await page.getByTestId('delete-confirm-confirm').click()
    await expect.poll(() => actorCards(page).count(), { timeout: 3_000 }).toBe(0)
    const clipboard = () =>
      page.evaluate(async () => {
        const items = await navigator.clipboard.read()
        const html = items.find((i) => i.types.includes('text/html'))
        return html ? (await html.getType('text/html')).text() : ''
      })
    await expect.poll(clipboard, { message: 'the cut shapes are on the clipboard', timeout: 3_000 }).toContain('application/tldraw')
  })

  it('threw no uncaught errors', () => {
    expect(pageErrors).toEqual([])
  })
})
