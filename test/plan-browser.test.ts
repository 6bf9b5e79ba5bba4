/**
 * End-to-end: the 支援プラン tab of a case room, with a facilitator, an editor and a view link
 * (three browser contexts against a real server). The editor writes the plan's fields (a
 * colleague's edit never takes the typist's cursor), adds a task owned by an agency with a past
 * due date (the view link sees the overdue banner on the board tab and opens the plan from it),
 * sets a person's outreach stage (shown to the others), deletes a task after a confirmation and
 * takes the deletion back with Ctrl+Z; a task whose agency leaves the map stays, marked. The facilitator closes the case with a reason: every page
 * shows the closed banner and the editor can edit nothing (plan, lists, board panel); reopening
 * makes the room editable again.
 *
 * Needs a client build (`CLIENT_DIR=… npx vitest run test/plan-browser.test.ts`, or dist/) and
 * Debian's chromium at /usr/bin/chromium. Screenshots go to /tmp/jusou-plan-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeRecord } from '../shared/model/ops.ts'
import { applyImport, parseImport } from '../shared/model/transfer.ts'
import { formatDate } from '../shared/i18n/dates.ts'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers.ts'
import { connectClient, destroyAll, waitForSync, type Client } from './support/clients.ts'

const FACILITATOR = { name: '山田', org: '福祉総務課' }
const EDITOR = { name: '佐藤', org: '自立相談支援機関' }
const VIEWER = { name: 'プロジェクター', org: '会議室' }
const OVERDUE_TASK = '就労準備支援の説明に同行する'
const SPARE_TASK = 'ゴミ出しの見守り'

const sample = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../shared/samples/case-8050.json'), 'utf8'))
const actorName = (id: string) => (sample.actors as { id: string; name: string }[]).find((a) => a.id === id)!.name

/** How many rows of the 役割分担 table say `what` (a textarea's value is not in the DOM's text). */
const tasksSaying = (page: Page, what: string) =>
  page.evaluate((w) => [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid=plan-task-what]')].filter((el) => el.value === w).length, what)

/** The row of the task that says `what`, once it is there. */
async function taskRow(page: Page, what: string) {
  await expect.poll(() => tasksSaying(page, what), { timeout: 5_000 }).toBe(1)
  const id = await page.evaluate(
    (w) => [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid=plan-task-what]')].find((el) => el.value === w)!.closest('tr')!.dataset.taskId,
    what,
  )
  return page.getByTestId('plan-tasks').locator(`tr[data-task-id="${id}"]`)
}
const closedBanner = (page: Page) => page.getByTestId('plan-closed-banner')

async function openPlan(page: Page) {
  await page.getByTestId('tab-plan').click()
  await page.getByTestId('plan-view').waitFor()
}

/** The day in the browser's calendar as every view writes dates (the test runs on the same machine). */
function today(): string {
  return formatDate(new Date().toISOString(), 'ja')
}

describe('browser: the 支援プラン of a case room', () => {
  const suite = browserSuite({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  const { newPage, createRoom, pageErrors } = suite
  const clients: Client[] = []
  let room: CreateRoomResponse
  let f: Page
  let e: Page
  let v: Page
  let writer: Client
  afterAll(() => destroyAll(clients))

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（支援プランのテスト）', 'case')
    // The case sample, written by a stock client with the facilitator's link.
    writer = connectClient(suite.server.url.replace(/^http/, 'ws') + '/ws', room.roomId, room.links.facilitate.split('#k=')[1])
    clients.push(writer)
    await waitForSync(writer.provider)
    applyImport(writer.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
  })

  it('shows the plan tab to every link of a case room, and only there', async () => {
    f = await newPage()
    e = await newPage()
    v = await newPage()
    await enterRoom(f, room.links.facilitate, FACILITATOR, { board: true })
    await enterRoom(e, room.links.edit, EDITOR, { board: true })
    await enterRoom(v, room.links.view, VIEWER, { board: true })
    for (const page of [f, e, v]) await expect(page.getByTestId('tab-plan').textContent()).resolves.toBe('支援プラン')

    const community = await createRoom('みなみ小学校区', 'community')
    const other = await newPage()
    await enterRoom(other, community.links.edit, EDITOR)
    await expect(other.getByTestId('tab-plan').count()).resolves.toBe(0)
    await other.context().close()

    await openPlan(f)
    await openPlan(e)
    await expect(e.getByTestId('plan-close').count()).resolves.toBe(0)
    await expect(f.getByTestId('plan-close').textContent()).resolves.toBe('事例を終結する')
  })

  it('saves a field for everyone, and a colleague’s edit leaves the typist’s draft and cursor alone', async () => {
    await e.getByTestId('plan-direction').fill('長男の社会参加を段階的に支える')
    await e.getByTestId('plan-direction').blur()
    await expect.poll(() => f.getByTestId('plan-direction').inputValue(), { timeout: 5_000 }).toBe('長男の社会参加を段階的に支える')

    // The editor is typing the goals when the facilitator rewrites the direction.
    await e.getByTestId('plan-goals').click()
    await e.keyboard.type('母の通院が続けられる')
    await f.getByTestId('plan-direction').fill('母子の生活を安定させ、長男の社会参加を支える')
    await f.getByTestId('plan-direction').press('Control+Enter')
    await expect.poll(() => e.getByTestId('plan-direction').inputValue(), { timeout: 5_000 }).toBe('母子の生活を安定させ、長男の社会参加を支える')
    const typing = await e.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement
      return { id: el.dataset.testid, value: el.value, caret: el.selectionStart }
    })
    expect(typing).toEqual({ id: 'plan-goals', value: '母の通院が続けられる', caret: '母の通院が続けられる'.length })
    // The facilitator saves the goals too while the editor is still typing: the editor is told,
    // keeps the draft, and their text wins when they leave the field (the last one saved).
    await f.getByTestId('plan-goals').fill('通院の継続')
    await f.getByTestId('plan-goals').press('Control+Enter')
    await f.getByTestId('plan-goals').blur()
    await expect.poll(() => e.locator('.plan-peer-changed').textContent(), { timeout: 5_000 }).toContain('ほかの参加者がこの欄を変更しました')
    await expect(e.getByTestId('plan-goals').inputValue()).resolves.toBe('母の通院が続けられる')
    await e.keyboard.type('こと')
    await e.getByTestId('plan-goals').blur()
    await expect(e.locator('.plan-peer-changed').count()).resolves.toBe(0)
    await expect.poll(() => f.getByTestId('plan-goals').inputValue(), { timeout: 5_000 }).toBe('母の通院が続けられること')
  })

  it('says which meeting the consent leads to, and warns about a name in 本人の意向', async () => {
    await expect(f.getByTestId('plan-consent-meeting').textContent()).resolves.toMatch(/重層的支援会議.*支援会議/)
    await e.getByTestId('plan-consent').selectOption('あり')
    await expect.poll(() => f.getByTestId('plan-consent-meeting').textContent(), { timeout: 5_000 }).toBe('重層的支援会議で支援プランを協議できます。')
    await e.getByTestId('plan-consent').selectOption('なし')
    await expect.poll(() => f.getByTestId('plan-consent-meeting').textContent(), { timeout: 5_000 }).toBe('支援会議（守秘義務のもと）での検討になります。')

    await expect(e.getByText('氏名は書かず').count()).resolves.toBeGreaterThan(0)
    await e.getByTestId('plan-wishes').fill('山田太郎さんは家で暮らしたい')
    await e.getByTestId('plan-wishes').blur()
    await expect.poll(() => f.getByTestId('plan-personal-info-warning').textContent(), { timeout: 5_000 }).toMatch(/^本人の意向の「山田太郎」は氏名のように見えます/)
    await e.getByTestId('plan-wishes').fill('家で母と暮らし続けたい')
    await e.getByTestId('plan-wishes').blur()
    await expect.poll(() => f.getByTestId('plan-personal-info-warning').count(), { timeout: 5_000 }).toBe(0)

    await e.getByTestId('plan-key-person').selectOption('a-csw')
    await expect.poll(() => f.getByTestId('plan-key-person').inputValue(), { timeout: 5_000 }).toBe('a-csw')
  })

  it('an overdue task of an agency is marked, and the view link sees the banner on the board and opens the plan from it', async () => {
    await e.getByTestId('plan-new-what').fill(OVERDUE_TASK)
    await e.getByTestId('plan-new-owner').selectOption('a-jiritsu')
    await e.getByTestId('plan-new-due').fill('2024-04-01')
    await e.getByTestId('plan-new-submit').click()
    const row = await taskRow(e, OVERDUE_TASK)
    await expect(row.getAttribute('data-overdue')).resolves.toBe('true')
    await expect(row.getByTestId('plan-overdue-badge').textContent()).resolves.toBe('期限切れ')
    await expect(row.getByTestId('plan-task-owner').inputValue()).resolves.toBe('a-jiritsu')

    // The view link is on the board tab.
    const banner = v.getByTestId('plan-overdue-banner')
    await expect.poll(() => banner.textContent(), { timeout: 5_000 }).toContain('期限を過ぎたタスクが 1 件あります')
    await v.screenshot({ path: '/tmp/jusou-plan-overdue-banner.png' })
    await banner.getByTestId('plan-overdue-open').click()
    await v.getByTestId('plan-view').waitFor()
    await expect(v.getByTestId('plan-overdue-list').innerText()).resolves.toContain(`${OVERDUE_TASK}（担当：${actorName('a-jiritsu')}、期限 2024年4月1日）`)
    await expect(v.getByTestId('plan-direction').isDisabled()).resolves.toBe(true)
    await expect(v.getByTestId('plan-new-what').count()).resolves.toBe(0)

    // Done tasks are not overdue.
    await row.getByTestId('plan-task-status').selectOption('完了')
    await expect.poll(() => v.getByTestId('plan-overdue-banner').count(), { timeout: 5_000 }).toBe(0)
    await row.getByTestId('plan-task-status').selectOption('実施中')
    await expect.poll(() => v.getByTestId('plan-overdue-banner').count(), { timeout: 5_000 }).toBe(1)
  })

  it('a person’s outreach stage and kind of support show on the other pages', async () => {
    const son = e.getByTestId('plan-persons').locator('tr[data-person-id=p-son]')
    await son.getByTestId('plan-person-stage').selectOption('つながる')
    await son.getByTestId('plan-person-support').selectOption('伴走型')
    const seen = v.getByTestId('plan-persons').locator('tr[data-person-id=p-son]')
    await expect.poll(() => seen.getByTestId('plan-person-stage').inputValue(), { timeout: 5_000 }).toBe('つながる')
    await expect.poll(() => seen.getByTestId('plan-person-support').inputValue(), { timeout: 5_000 }).toBe('伴走型')
    await expect(seen.locator('[aria-current=step]').textContent()).resolves.toBe('つながる')
    await expect(seen.getByTestId('plan-person-stage').locator('option').allTextContents()).resolves.toEqual(['未設定', '1. 出会う', '2. つながる', '3. ほぐす', '4. 継続する'])
  })

  it('deleting a task asks first, and Ctrl+Z brings it back', async () => {
    await e.getByTestId('plan-new-what').fill(SPARE_TASK)
    await e.getByTestId('plan-new-owner').selectOption('a-minsei')
    await e.getByTestId('plan-new-submit').click()
    const row = await taskRow(e, SPARE_TASK)
    await row.getByTestId('plan-task-remove').click()
    const dialog = e.getByTestId('plan-remove-confirm')
    await expect(dialog.innerText()).resolves.toContain(`「${SPARE_TASK}」（担当：${actorName('a-minsei')}）を役割分担から削除します。`)
    await e.getByTestId('plan-remove-confirm-cancel').click()
    await expect(row.count()).resolves.toBe(1)
    await row.getByTestId('plan-task-remove').click()
    await e.getByTestId('plan-remove-confirm-confirm').click()
    await expect.poll(() => tasksSaying(f, SPARE_TASK), { timeout: 5_000 }).toBe(0)

    await e.locator('body').press('Control+z')
    await expect.poll(() => tasksSaying(f, SPARE_TASK), { timeout: 5_000 }).toBe(1)

    // The task's agency leaves the map: the agreed task stays, marked, with what to do.
    removeRecord(writer.doc, 'actor', 'a-minsei')
    const orphan = await taskRow(f, SPARE_TASK)
    await expect.poll(() => orphan.getByTestId('plan-task-owner').locator('option:checked').textContent(), { timeout: 5_000 }).toBe('（削除された機関）')
    await expect(orphan.getByTestId('plan-task-problem').textContent()).resolves.toBe('担当の機関がマップから削除されています。担当を選び直してください')
    await e.screenshot({ path: '/tmp/jusou-plan-editor-1440.png', fullPage: true })
  })

  it('the facilitator closes the case with a reason: every page says so and nothing can be edited', async () => {
    await f.getByTestId('plan-close').click()
    const dialog = f.getByTestId('plan-close-dialog')
    await dialog.waitFor()
    expect(await f.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('plan-close-reason')
    expect(await dialog.innerText()).toContain('閲覧のみになります')
    await f.getByTestId('plan-close-confirm').click()
    await expect(f.getByTestId('plan-close-missing').textContent()).resolves.toBe('終結の理由を入力してください')
    await dialog.getByRole('button', { name: '転居' }).click()
    await expect(f.getByTestId('plan-close-reason').inputValue()).resolves.toBe('転居')
    await f.screenshot({ path: '/tmp/jusou-plan-close-dialog.png' })
    await f.getByTestId('plan-close-confirm').click()
    await dialog.waitFor({ state: 'detached', timeout: 5_000 })

    const text = `この事例は ${today()} に終結しました（理由: 転居）。閲覧のみできます。`
    for (const page of [f, e, v]) await expect.poll(() => closedBanner(page).textContent(), { timeout: 5_000 }).toBe(text)
    // A closed case's tasks are history: no overdue banner.
    await expect(v.getByTestId('plan-overdue-banner').count()).resolves.toBe(0)

    await expect(e.getByTestId('plan-direction').isDisabled()).resolves.toBe(true)
    await expect(e.getByTestId('plan-new-what').count()).resolves.toBe(0)
    await expect(e.getByTestId('plan-read-only').textContent()).resolves.toBe('この事例は終結しているため、変更できません。')
    await expect(f.getByTestId('plan-reopen').textContent()).resolves.toBe('終結を取り消す（再開）')
    await e.screenshot({ path: '/tmp/jusou-plan-closed-1440.png' })

    await e.getByTestId('tab-lists').click()
    await expect(e.getByTestId('map-summary').isDisabled()).resolves.toBe(true)
    await e.getByTestId('tab-board').click()
    await e.getByTestId('board-panel').waitFor()
    await expect.poll(() => e.getByTestId('add-person').count(), { timeout: 5_000 }).toBe(0)
  })

  it('reopening makes the room editable again', async () => {
    await f.getByTestId('plan-reopen').click()
    await f.getByTestId('plan-reopen-confirm-confirm').click()
    for (const page of [f, e, v]) await expect.poll(() => closedBanner(page).count(), { timeout: 5_000 }).toBe(0)
    await expect.poll(() => e.getByTestId('add-person').count(), { timeout: 5_000 }).toBe(1)
    await openPlan(e)
    await expect(e.getByTestId('plan-direction').isDisabled()).resolves.toBe(false)
    await e.getByTestId('plan-next-monitoring').fill('2030-05-01')
    await e.getByTestId('plan-next-monitoring').blur()
    await expect.poll(() => f.getByTestId('plan-next-monitoring').inputValue(), { timeout: 5_000 }).toBe('2030-05-01')
    await expect(v.getByTestId('plan-overdue-banner').count()).resolves.toBe(1)
  })

  it('downloads the 役割分担 as Excel: with persons for the editor, without for the view link', async () => {
    for (const [page, name] of [
      [e, /役割分担\.xlsx$/],
      [v, /役割分担（人物なし）\.xlsx$/],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-excel').click()])
      expect(download.suggestedFilename()).toMatch(name)
      const file = fs.readFileSync((await download.path())!)
      expect(file.subarray(0, 2).toString()).toBe('PK')
    }
    await expect(v.getByTestId('plan-excel-error').count()).resolves.toBe(0)
  })

  it('fits a 1024 × 768 screen, and nothing left the machine', async () => {
    await e.setViewportSize({ width: 1024, height: 768 })
    await e.screenshot({ path: '/tmp/jusou-plan-editor-1024.png' })
    const overflow = await e.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    expect(suite.requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('the print buttons open the A4 page of the plan; a view link prints without persons only', async () => {
    await expect(v.getByTestId('plan-print').count()).resolves.toBe(0)
    await Promise.all([v.waitForURL(`**/r/${room.roomId}/print?doc=plan&persons=0&from=plan`), v.getByTestId('plan-print-no-persons').click()])
    await Promise.all([e.waitForURL(`**/r/${room.roomId}/print?doc=plan&from=plan`), e.getByTestId('plan-print').click()])
  })
})
