/**
 * End-to-end: what the 支援プラン's forms keep and refuse, as a user trial of issue #12 found
 * them wanting. A text over its limit is counted and refused beside the field (never cut or
 * lost without a word); a date is saved when the field is left, never per keystroke, and a
 * partial or impossible one is refused with a message; タスクを追加 says why it is disabled; a
 * long closure reason is one line in the banner, with the whole of it a click away; a view link
 * is not among a meeting's attendees. In English nothing is clipped (status selects, the
 * printed Due and Status columns), dates read the same in every view, and 「ルームに戻る」 on the
 * print page opens the plan tab again.
 *
 * Needs a client build (`CLIENT_DIR=… npx vitest run test/plan-form-browser.test.ts`) and
 * Debian's chromium at /usr/bin/chromium. Screenshots go to /tmp/jusou-plan-form-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyImport, parseImport } from '../shared/model/transfer.ts'
import { addTask } from '../shared/plan/ops.ts'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers.ts'
import { connectClient, destroyAll, waitForSync, type Client } from './support/clients.ts'

const sample = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../shared/samples/case-8050.json'), 'utf8'))
const OUT = '/tmp/jusou-plan-form'

async function openPlan(page: Page) {
  await page.getByTestId('tab-plan').click()
  await page.getByTestId('plan-view').waitFor()
}

/** The row of the task `id`. */
const row = (page: Page, id: string) => page.getByTestId('plan-tasks').locator(`tr[data-task-id="${id}"]`)

/**
 * Types a date into a date field segment by segment, as a user does. Chromium orders the
 * segments by the browser's language, not the page's locale: month, day, year here.
 */
async function typeDate(page: Page, field: ReturnType<Page['getByTestId']>, date: { y?: string; m: string; d?: string }) {
  await field.focus()
  await page.keyboard.type(`${date.m}${date.d ?? ''}${date.y ?? ''}`, { delay: 30 })
}

describe('browser: what the plan’s forms keep and refuse', () => {
  const suite = browserSuite({ viewport: { width: 1440, height: 900 } })
  const { newPage, createRoom, pageErrors } = suite
  const clients: Client[] = []
  let room: CreateRoomResponse
  let writer: Client
  let f: Page
  let e: Page
  afterAll(() => destroyAll(clients))

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（入力のテスト）', 'case')
    writer = connectClient(suite.server.url.replace(/^http/, 'ws') + '/ws', room.roomId, room.links.facilitate.split('#k=')[1])
    clients.push(writer)
    await waitForSync(writer.provider)
    applyImport(writer.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    addTask(writer.doc, { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', due: '2030-04-01', status: '実施中' })
    f = await newPage()
    e = await newPage()
    await enterRoom(f, room.links.facilitate, { name: '山田', org: '福祉総務課' }, { board: true })
    await enterRoom(e, room.links.edit, { name: '佐藤', org: '自立相談支援機関' }, { board: true })
    await openPlan(f)
    await openPlan(e)
  })

  it('counts a text near its limit, and over it keeps it unsaved and says by how much', async () => {
    const goals = e.getByTestId('plan-goals')
    await goals.fill('目'.repeat(1500))
    await expect(e.getByTestId('plan-char-count').count()).resolves.toBe(0)
    await goals.fill('目'.repeat(2003))
    await expect(e.getByTestId('plan-char-count').textContent()).resolves.toBe('2003 / 2000 文字')
    await expect(e.getByTestId('plan-too-long').textContent()).resolves.toBe('目標は2000文字までです（いま 2003 文字）。3文字減らすまで保存されません。')
    await goals.blur()
    // Nothing was saved, and nothing was cut: the draft is all there to shorten.
    await f.waitForTimeout(500)
    await expect(f.getByTestId('plan-goals').inputValue()).resolves.toBe('')
    await expect(goals.inputValue()).resolves.toHaveLength(2003)
    await expect(goals.getAttribute('aria-invalid')).resolves.toBe('true')
    await goals.focus()
    await e.keyboard.press('End')
    for (let i = 0; i < 3; i++) await e.keyboard.press('Backspace')
    await expect(e.getByTestId('plan-too-long').count()).resolves.toBe(0)
    await goals.blur()
    await expect.poll(() => f.getByTestId('plan-goals').inputValue().then((v) => v.length), { timeout: 5_000 }).toBe(2000)

    // The add row's 何を too: a pasted text over 300 characters is kept whole and refused.
    await e.getByTestId('plan-new-what').fill('何'.repeat(301))
    await e.getByTestId('plan-new-owner').selectOption('a-jiritsu')
    await expect(e.getByTestId('plan-new-what').inputValue()).resolves.toHaveLength(301)
    await expect(e.getByTestId('plan-add-task').getByTestId('plan-too-long').textContent()).resolves.toBe('何をは300文字までです（いま 301 文字）。1文字減らすまで保存されません。')
    await expect(e.getByTestId('plan-new-submit').isDisabled()).resolves.toBe(true)
    await e.getByTestId('plan-new-what').fill('')
  })

  it('says why タスクを追加 is disabled', async () => {
    const why = e.getByTestId('plan-new-why')
    await e.getByTestId('plan-new-owner').selectOption('')
    await expect(why.textContent()).resolves.toBe('追加するには「何を」を入力し、担当の機関を選んでください。')
    await e.getByTestId('plan-new-what').fill('受診同行')
    await expect(why.textContent()).resolves.toBe('追加するには担当の機関を選んでください。')
    await expect(e.getByTestId('plan-new-submit').getAttribute('aria-describedby')).resolves.toBe(await why.getAttribute('id'))
    await e.getByTestId('plan-new-owner').selectOption('a-houkatsu')
    await expect(why.count()).resolves.toBe(0)
    await expect(e.getByTestId('plan-new-submit').isDisabled()).resolves.toBe(false)
    await e.screenshot({ path: `${OUT}-add-row.png` })
    await e.getByTestId('plan-new-what').fill('')
    await expect(why.textContent()).resolves.toBe('追加するには「何を」を入力してください。')
  })

  it('saves a date when the field is left, not per keystroke, and refuses a partial or impossible one', async () => {
    const due = row(e, 't-visit').getByTestId('plan-task-due')
    const seen = row(f, 't-visit').getByTestId('plan-task-due')
    // Typing 2031-12-24 passes through 0203-12-24 and 2030-12-24 (the old year), real dates: the colleague sees none.
    await typeDate(e, due, { m: '12', d: '24', y: '2031' })
    await expect(due.inputValue()).resolves.toBe('2031-12-24')
    await f.waitForTimeout(700)
    await expect(seen.inputValue()).resolves.toBe('2030-04-01')
    await due.blur()
    await expect.poll(() => seen.inputValue(), { timeout: 5_000 }).toBe('2031-12-24')

    // 31 February does not exist: refused beside the field, the stored date stays.
    await typeDate(e, due, { m: '02', d: '31', y: '2027' })
    await due.blur()
    const error = row(e, 't-visit').getByTestId('plan-date-invalid')
    await expect(error.textContent()).resolves.toMatch(/日付が途中か、存在しない日です/)
    await expect(due.getAttribute('aria-invalid')).resolves.toBe('true')
    await row(e, 't-visit').screenshot({ path: `${OUT}-date-invalid.png` })
    await f.waitForTimeout(500)
    await expect(seen.inputValue()).resolves.toBe('2031-12-24')
    // Escape brings back the saved date.
    await due.focus()
    await e.keyboard.press('Escape')
    await expect(due.inputValue()).resolves.toBe('2031-12-24')
    await expect(error.count()).resolves.toBe(0)

    // The next monitoring date, typed only in part (the month), is refused too.
    const next = e.getByTestId('plan-next-monitoring')
    await typeDate(e, next, { m: '05' })
    await next.blur()
    await expect(e.locator('.plan-fields-grid [data-testid=plan-date-invalid]').count()).resolves.toBe(1)
    await f.waitForTimeout(300)
    await expect(f.getByTestId('plan-next-monitoring').inputValue()).resolves.toBe('')
    await typeDate(e, next, { m: '05', d: '01', y: '2030' })
    await next.blur()
    await expect.poll(() => f.getByTestId('plan-next-monitoring').inputValue(), { timeout: 5_000 }).toBe('2030-05-01')
    await expect(e.locator('.plan-fields-grid [data-testid=plan-date-invalid]').count()).resolves.toBe(0)

    // In the add row: an impossible due date stops the task, with the reason beside the field.
    await e.getByTestId('plan-new-what').fill('家計相談の予約')
    await e.getByTestId('plan-new-owner').selectOption('a-jiritsu')
    await typeDate(e, e.getByTestId('plan-new-due'), { m: '02', d: '30', y: '2026' })
    await e.getByTestId('plan-new-submit').click()
    await expect(e.getByTestId('plan-add-task').getByTestId('plan-date-invalid').count()).resolves.toBe(1)
    await f.waitForTimeout(500)
    await expect(f.getByTestId('plan-tasks').locator('tbody tr').count()).resolves.toBe(1)
    await e.getByTestId('plan-new-what').fill('')
  })

  it('leaves a view link out of the attendees a meeting record suggests', async () => {
    const v = await newPage()
    await enterRoom(v, room.links.view, { name: 'プロジェクター', org: '会議室' })
    await expect.poll(() => f.getByTestId('participants').innerText(), { timeout: 5_000 }).toContain('プロジェクター')
    await f.getByTestId('records-open').click()
    const attendees = f.getByTestId('records-dialog').getByTestId('records-attendees')
    await expect.poll(() => attendees.inputValue().then((value) => value.split('、').sort()), { timeout: 5_000 }).toEqual(['福祉総務課', '自立相談支援機関'].sort())
    await f.keyboard.press('Escape')
    await v.context().close()
  })

  it('shows a long closure reason as one line in the banner, the whole of it a click away', async () => {
    await f.getByTestId('plan-close').click()
    const reason = f.getByTestId('plan-close-reason')
    await reason.fill('長男が就労継続支援の事業所に通い始め、母の介護サービスも安定したため。'.repeat(15).slice(0, 501))
    await expect(f.getByTestId('plan-close-dialog').getByTestId('plan-too-long').textContent()).resolves.toBe('終結の理由は500文字までです（いま 501 文字）。1文字減らすまで保存されません。')
    await expect(f.getByTestId('plan-close-confirm').isDisabled()).resolves.toBe(true)
    await reason.press('End')
    await reason.press('Backspace')
    await expect(f.getByTestId('plan-close-dialog').getByTestId('plan-char-count').textContent()).resolves.toBe('500 / 500 文字')
    await f.getByTestId('plan-close-confirm').click()
    await f.getByTestId('plan-close-dialog').waitFor({ state: 'detached', timeout: 5_000 })

    const box = e.getByTestId('plan-closed-banner-box')
    await box.waitFor({ timeout: 5_000 })
    const collapsed = (await box.boundingBox())!.height
    expect(collapsed).toBeLessThan(60)
    await expect(e.getByTestId('plan-closed-banner').textContent()).resolves.toMatch(/…）。閲覧のみできます。$/)
    await e.screenshot({ path: `${OUT}-closed-collapsed.png` })
    const toggle = e.getByTestId('plan-closed-reason-toggle')
    await expect(toggle.textContent()).resolves.toBe('理由をすべて表示')
    await toggle.click()
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true')
    await expect(e.getByTestId('plan-closed-banner').textContent()).resolves.toContain('長男が就労継続支援の事業所に通い始め、母の介護サービスも安定したため。'.repeat(7))
    expect((await box.boundingBox())!.height).toBeGreaterThan(collapsed)
    expect((await box.boundingBox())!.height).toBeLessThan(900 / 3 + 30)
    await e.screenshot({ path: `${OUT}-closed-expanded.png` })
    await toggle.click()
    await expect(toggle.textContent()).resolves.toBe('理由をすべて表示')

    await f.getByTestId('plan-reopen').click()
    await f.getByTestId('plan-reopen-confirm-confirm').click()
    await expect.poll(() => e.getByTestId('plan-closed-banner').count(), { timeout: 5_000 }).toBe(0)
  })

  it('in English: status selects show their whole label, dates read alike, the print columns hold, and 「ルームに戻る」 opens the plan again', async () => {
    addTask(writer.doc, { id: 't-review', what: 'Apply for long-term care', owner: 'a-houkatsu', due: '2030-12-24', status: '見直し' })
    addTask(writer.doc, { id: 't-late', what: 'Go with him to the job centre', owner: 'a-jiritsu', with: ['p-son'], due: '2024-04-01', status: '未着手' })
    addTask(writer.doc, { id: 't-watch', what: 'Keep an eye on the rubbish', owner: 'a-minsei', status: '完了' })
    const page = await newPage({ viewport: { width: 1280, height: 800 }, initScript: (lang: string) => localStorage.setItem('jusou-lang', lang), initScriptArg: 'en' })
    await enterRoom(page, room.links.edit, { name: 'Sam', org: 'Welfare Office' }, { board: true })
    await openPlan(page)
    await page.getByTestId('plan-tasks').scrollIntoViewIfNeeded()
    await page.getByTestId('plan-tasks').screenshot({ path: `${OUT}-en-tasks.png` })
    // Each status select is as wide as the longest of its options (measured in its own font).
    const clipped = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('2d')!
      return [...document.querySelectorAll<HTMLSelectElement>('[data-testid=plan-task-status]')].flatMap((select) => {
        const style = getComputedStyle(select)
        ctx.font = style.font
        const space = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16
        return [...select.options].filter((o) => ctx.measureText(o.text).width > space).map((o) => `${o.text}: ${Math.round(ctx.measureText(o.text).width)} > ${Math.round(space)}`)
      })
    })
    expect(clipped).toEqual([])
    // The overdue list writes its dates as the print does.
    await expect(page.getByTestId('plan-overdue-list').innerText()).resolves.toContain('due 1 April 2024')

    await Promise.all([page.waitForURL(`**/r/${room.roomId}/print?doc=plan&from=plan`), page.getByTestId('plan-print').click()])
    await page.getByTestId('print-roles').waitFor()
    // On the A4 sheet on screen, and as printed: no cell's text runs out of its column.
    const overflowIn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.print-roles :is(td, th), .print-tasks :is(td, th)')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
      )
    const overflowing = await overflowIn()
    await page.getByTestId('print-roles').screenshot({ path: `${OUT}-en-print-roles.png` })
    await page.emulateMedia({ media: 'print' })
    overflowing.push(...(await overflowIn()))
    await page.screenshot({ path: `${OUT}-en-print.png`, fullPage: true })
    const printed = await page.getByTestId('print-roles').innerText()
    await page.emulateMedia({ media: 'screen' })
    expect(overflowing).toEqual([])
    expect(printed).toContain('24 December 2030')
    expect(printed).toMatch(/Under review/)
    expect(printed).toMatch(/Not started\s*Overdue/)
    // A level is broken between words only (“Community”, not “Commun” / “ity”).
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.print-table .print-word')].flatMap((cell) => {
        const text = cell.firstChild
        if (!text || text.nodeType !== Node.TEXT_NODE || /\s/.test(text.textContent!.trim())) return []
        const range = document.createRange()
        range.selectNodeContents(text)
        return range.getClientRects().length > 1 ? [text.textContent] : []
      }),
    )
    expect(broken).toEqual([])

    await Promise.all([page.waitForURL(`**/r/${room.roomId}?tab=plan`), page.getByTestId('print-back').click()])
    await page.getByTestId('plan-view').waitFor({ timeout: 20_000 })
    // The tab was for coming back only: a reload or a shared address opens the board as ever.
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await expect(page.getByTestId('tab-plan').getAttribute('aria-selected')).resolves.toBe('true')
    // The board is there behind the tab, ready when it is chosen.
    await page.getByTestId('tab-board').click()
    await page.locator('.tl-canvas').waitFor({ timeout: 20_000 })
    expect(suite.requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
