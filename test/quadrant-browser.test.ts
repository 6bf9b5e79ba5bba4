/**
 * The four-quadrant view (client/quadrant) end to end, through the real room page: the built
 * client served by the real server, two participants in separate browser contexts, real mouse
 * and keyboard, real downloads.
 *
 * Reaches the view through the room page's tab button `data-testid="tab-quadrant"`.
 *
 * Needs `vite build` first (`npm test` does it) and Debian's chromium and fonts-noto-cjk.
 * Screenshots and exports go to /tmp/jusou-quadrant-*.{png,svg,csv} for a human to look at.
 */
import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Download, Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { quadrantAxisCatalog } from '../shared/i18n/quadrant'
import { browserSuite, enterRoom, type Who } from './browser-helpers'

const VIEWPORT = { width: 1440, height: 900 }
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
const CAROL = { name: '鈴木', org: '社協' }
const axisLabels = quadrantAxisCatalog.ja
const CARD_TEXT = '民生委員と一緒に見守り訪問をして、困りごとを早めに把握する'

describe('browser: the four-quadrant diagram shared by two participants', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: VIEWPORT, acceptDownloads: true })
  let room: CreateRoomResponse
  let a: Page
  let b: Page

  async function enterQuadrant(page: Page, link: string, who: Who) {
    await enterRoom(page, link, who)
    await page.getByTestId('tab-quadrant').click()
    await page.getByTestId('quadrant-view').waitFor({ timeout: 10_000 })
  }

  const count = (page: Page, quadrant: string) => page.getByTestId(`summary-${quadrant}`).getAttribute('data-count')

  async function download(page: Page, testId: string, saveAs: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
    const d = file as Download
    await d.saveAs(saveAs)
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(saveAs) }
  }

  beforeAll(async () => {
    room = await createRoom('庁内連携研修（四象限テスト）', 'training')
  })

  it('a card added by one participant and dragged across the vertical axis changes the other’s summary', async () => {
    a = await newPage()
    b = await newPage()
    await enterQuadrant(a, room.links.facilitate, ALICE)
    await enterQuadrant(b, room.links.edit, BOB)

    // Fixed background: both axes' labels in Japanese, four empty quadrants flagged 空白.
    await expect(a.getByTestId('axis-left').textContent()).resolves.toBe(axisLabels.xNegative)
    await expect(a.getByTestId('axis-right').textContent()).resolves.toBe(axisLabels.xPositive)
    await expect(a.getByTestId('axis-top').textContent()).resolves.toBe(axisLabels.yPositive)
    await expect(a.getByTestId('axis-bottom').textContent()).resolves.toBe(axisLabels.yNegative)
    await expect(b.getByTestId('summary-informal-discovery').getAttribute('data-gap')).resolves.toBe('empty')

    // A writes a card; author and 所属 come prefilled from the profile.
    const form = a.getByTestId('quadrant-add-form')
    await expect(form.locator('input[name=authorOrg]').inputValue()).resolves.toBe(ALICE.org)
    await expect(form.locator('input[name=authorName]').inputValue()).resolves.toBe(ALICE.name)
    await form.locator('textarea[name=text]').fill(CARD_TEXT)
    await form.locator('select[name=place]').selectOption('informal-discovery')
    await form.locator('button[type=submit]').click()

    const cardA = a.getByTestId('quadrant-card')
    await expect.poll(() => cardA.count()).toBe(1)
    await expect(cardA.getAttribute('data-quadrant')).resolves.toBe('informal-discovery')
    await expect(cardA.textContent()).resolves.toContain(ALICE.org)
    await expect.poll(() => count(b, 'informal-discovery'), { timeout: 5_000 }).toBe('1')
    await expect(b.getByTestId('summary-informal-discovery').getAttribute('data-gap')).resolves.toBe('')
    await expect(b.getByTestId('quadrant-card').textContent()).resolves.toContain(CARD_TEXT)

    // A drags the card with the mouse to the right half (フォーマル), same height.
    const box = (await cardA.boundingBox())!
    const plot = (await a.getByTestId('quadrant-plot').boundingBox())!
    const from = { x: box.x + box.width / 2, y: box.y + 10 }
    await a.mouse.move(from.x, from.y)
    await a.mouse.down()
    await a.mouse.move(plot.x + plot.width * 0.75, from.y, { steps: 20 })
    await a.mouse.up()
    const dropped = Date.now()
    await expect(cardA.getAttribute('data-quadrant')).resolves.toBe('formal-discovery')

    // B's summary follows within a second or two.
    await expect.poll(() => count(b, 'formal-discovery'), { timeout: 2_000, interval: 50 }).toBe('1')
    expect(Date.now() - dropped).toBeLessThan(2_000)
    await expect(count(b, 'informal-discovery')).resolves.toBe('0')
    await expect(b.getByTestId('summary-informal-discovery').getAttribute('data-gap')).resolves.toBe('empty')
    await expect(b.getByTestId('quadrant-card').getAttribute('data-quadrant')).resolves.toBe('formal-discovery')
  })

  it('moves a card with the keyboard, and the other participant sees it', async () => {
    const card = a.getByTestId('quadrant-card')
    await card.focus()
    // From y ≈ +0.5 downwards in steps of 0.2 (Shift): crosses the horizontal axis.
    for (let i = 0; i < 4; i++) await a.keyboard.press('Shift+ArrowDown')
    await expect.poll(() => card.getAttribute('data-quadrant')).toBe('formal-solving')
    await expect.poll(() => count(b, 'formal-solving'), { timeout: 2_000 }).toBe('1')
    await expect(count(b, 'formal-discovery')).resolves.toBe('0')
    // Enter opens the editor; Escape closes it and gives the focus back to the card.
    await a.keyboard.press('Enter')
    await a.getByTestId('quadrant-edit-dialog').waitFor()
    await a.keyboard.press('Escape')
    await a.getByTestId('quadrant-edit-dialog').waitFor({ state: 'detached' })
  })

  it('the room’s undo (Ctrl+Z) takes back a quadrant edit for everyone, and redo puts it back', async () => {
    const form = a.getByTestId('quadrant-add-form')
    await form.locator('textarea[name=text]').fill('取り消すカード')
    await form.locator('button[type=submit]').click()
    await expect.poll(() => a.getByTestId('quadrant-card').count()).toBe(2)
    await expect.poll(() => b.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(2)

    // Outside a text field, Ctrl+Z is the room's undo wherever the participant is.
    await a.locator('body').press('Control+z')
    await expect.poll(() => a.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(1)
    await expect.poll(() => b.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(1)
    await expect(a.getByTestId('quadrant-card').textContent()).resolves.toContain(CARD_TEXT)

    await a.locator('body').press('Control+Shift+z')
    await expect.poll(() => b.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(2)
    await a.locator('body').press('Control+z')
    await expect.poll(() => b.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(1)
    // Only the participant's own edits are on their stack: B's undo leaves A's card alone.
    await b.locator('body').press('Control+z')
    await new Promise((r) => setTimeout(r, 300))
    await expect(a.getByTestId('quadrant-card').count()).resolves.toBe(1)
  })

  it('dot voting respects the facilitator’s limit, in Japanese', async () => {
    // The facilitator sees the setting, the participant does not.
    await expect(a.getByTestId('quadrant-voting-settings').count()).resolves.toBe(1)
    await expect(b.getByTestId('quadrant-voting-settings').count()).resolves.toBe(0)
    await a.getByTestId('quadrant-voting-settings').locator('input[name=voteLimit]').fill('1')
    await expect.poll(() => b.getByTestId('votes-remaining').getAttribute('data-remaining'), { timeout: 3_000 }).toBe('1')

    await b.getByTestId('card-vote').click()
    await expect.poll(() => b.getByTestId('votes-remaining').getAttribute('data-remaining')).toBe('0')
    await expect.poll(() => a.getByTestId('card-votes').textContent(), { timeout: 3_000 }).toBe('1')
    await b.getByTestId('card-vote').click()
    await expect(b.getByTestId('quadrant-error').textContent()).resolves.toContain('投票できるのは1人1票までです')
    await expect(b.getByTestId('summary-top-voted').textContent()).resolves.toContain('民生委員と一緒に')
  })

  it('the facilitator adds the reference deck; the plenary overlays every group with the combined summary', async () => {
    await a.getByTestId('add-reference').click()
    await expect.poll(() => a.getByTestId('quadrant-card').count()).toBe(18)
    await expect.poll(() => b.getByTestId('quadrant-card').count(), { timeout: 3_000 }).toBe(18)
    await a.getByTestId('toggle-reference').check()
    await expect(a.getByTestId('reference-overlay').locator('.qv-ref-note').count()).resolves.toBe(17)

    // A second group with one card of its own; the plenary shows both groups' cards.
    const groups = a.getByTestId('quadrant-groups')
    await groups.locator('form input').first().fill('Bグループ')
    await groups.locator('form button[type=submit]').click()
    await expect.poll(() => a.getByTestId('quadrant-view').getAttribute('data-board')).not.toBe('g-default')
    await expect(a.getByTestId('quadrant-card').count()).resolves.toBe(0)
    const form = a.getByTestId('quadrant-add-form')
    await form.locator('textarea[name=text]').fill('子ども食堂で気になる家庭を学校とつなぐ')
    await form.locator('select[name=place]').selectOption('informal-solving')
    await form.locator('button[type=submit]').click()
    await expect.poll(() => a.getByTestId('quadrant-card').count()).toBe(1)

    await a.getByTestId('quadrant-board-select').selectOption('__plenary__')
    await expect.poll(() => a.getByTestId('quadrant-card').count()).toBe(19)
    await expect(a.getByTestId('plenary-legend').textContent()).resolves.toContain('Bグループ（1）')
    await expect(a.getByTestId('summary-groups').textContent()).resolves.toContain('Bグループ')
    await a.screenshot({ path: '/tmp/jusou-quadrant-plenary.png' })
    await b.screenshot({ path: '/tmp/jusou-quadrant-b.png' })
  })

  it('exports SVG with the Japanese axis labels, a PNG, and a CSV for Excel', async () => {
    const svg = await download(a, 'export-svg', '/tmp/jusou-quadrant-export.svg')
    expect(svg.name).toMatch(/\.svg$/)
    const svgText = svg.bytes.toString('utf8')
    expect(svgText).toContain('<svg')
    for (const label of Object.values(axisLabels)) expect(svgText).toContain(`>${label}</text>`)
    expect(svgText).toContain('Bグループ')

    const png = await download(a, 'export-png', '/tmp/jusou-quadrant-export.png')
    expect(png.name).toMatch(/\.png$/)
    expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
    // IHDR: 1600 × 1200, as the SVG.
    expect(png.bytes.readUInt32BE(16)).toBe(1600)
    expect(png.bytes.readUInt32BE(20)).toBe(1200)
    expect(png.bytes.length).toBeGreaterThan(30_000)

    const csv = await download(a, 'export-csv', '/tmp/jusou-quadrant-export.csv')
    const csvText = csv.bytes.toString('utf8')
    expect(csvText.startsWith('\uFEFFテキスト,所属,記入者,x,y,象限,グループ,票数\r\n')).toBe(true)
    expect(csvText).toContain(CARD_TEXT)
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(20)
  })

  it('a view-only participant sees everything and can change nothing', async () => {
    const c = await newPage()
    await enterQuadrant(c, room.links.view, CAROL)
    await expect.poll(() => c.getByTestId('quadrant-card').count(), { timeout: 5_000 }).toBe(18)
    await expect(c.getByTestId('quadrant-add-form').count()).resolves.toBe(0)
    await expect(c.getByTestId('card-vote').count()).resolves.toBe(0)
    await expect(c.getByTestId('add-reference').count()).resolves.toBe(0)
    await expect(c.getByTestId('quadrant-groups').count()).resolves.toBe(0)

    // Dragging does nothing: the card stays in its quadrant for everyone.
    const card = c.locator('[data-testid=quadrant-card]:not([data-card-id^=ref])')
    const before = await card.getAttribute('data-quadrant')
    const box = (await card.boundingBox())!
    const plot = (await c.getByTestId('quadrant-plot').boundingBox())!
    await c.mouse.move(box.x + box.width / 2, box.y + 10)
    await c.mouse.down()
    await c.mouse.move(plot.x + plot.width * 0.2, plot.y + plot.height * 0.2, { steps: 10 })
    await c.mouse.up()
    await card.focus()
    await c.keyboard.press('ArrowLeft')
    await new Promise((r) => setTimeout(r, 500))
    await expect(card.getAttribute('data-quadrant')).resolves.toBe(before)
    await expect(b.locator(`[data-card-id="${await card.getAttribute('data-card-id')}"]`).getAttribute('data-quadrant')).resolves.toBe(before)
    // Exports are for everyone.
    await expect(c.getByTestId('export-svg').isEnabled()).resolves.toBe(true)
    await c.screenshot({ path: '/tmp/jusou-quadrant-view-only.png' })
  })

  it('never requested any outside host and threw no page errors', () => {
    expect(requests.urls.length).toBeGreaterThan(0)
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
