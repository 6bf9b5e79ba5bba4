/**
 * End-to-end: the meeting records dialog (会議の記録). The case sample is loaded; the facilitator
 * saves 「第2回 支援会議」 with the 所属 present; an editor turns a planned tie into an existing
 * one in the lists tab; the facilitator compares the record with now and finds the tie under
 * 進んだつながり, saves the record as a room file, and compares it with a second record through
 * the select. The editor sees the records but no save form; a view link in English compares
 * without persons and downloads with ?persons=0.
 *
 * Needs a client build (`CLIENT_DIR=… npx vitest run test/records-browser.test.ts`, or dist/)
 * and Debian's chromium at /usr/bin/chromium. Screenshots go to /tmp/jusou-records-*.png.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const VIEWPORT = { width: 1400, height: 900 }
const FACILITATOR = { name: '山田', org: '福祉総務課' }
const EDITOR = { name: '佐藤', org: '地域包括支援センター' }
const VIEWER = { name: 'Projector', org: 'Hall' }
const TITLE = '第2回 支援会議'

const sample = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../shared/samples/case-8050.json'), 'utf8')) as {
  actors: { id: string; name: string }[]
  persons: { id: string; label: string }[]
}
const nameOf = (id: string) => sample.actors.find((a) => a.id === id)?.name ?? sample.persons.find((p) => p.id === id)!.label
// A planned tie of the sample: ケアマネジャー → 母, 支援提供.
const FROM = nameOf('a-caremgr')
const TO = nameOf('p-mother')
const relationRows = (page: Page) => page.getByTestId('relations-table').locator('tr[data-relation-type]')

/** Opens 会議の記録 and waits for its list (or its empty note). */
async function openRecords(page: Page) {
  await page.getByTestId('records-open').click()
  const dialog = page.getByTestId('records-dialog')
  await dialog.waitFor()
  await dialog.locator('[data-testid=records-list], [data-testid=records-empty]').first().waitFor()
  return dialog
}

describe('browser: meeting records are saved, listed and compared with the map now', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: VIEWPORT, acceptDownloads: true })
  let room: CreateRoomResponse
  let f: Page
  let e: Page

  beforeAll(async () => {
    room = await createRoom('Aさん世帯 支援会議（記録のテスト）', 'case')
  })

  it('shows 会議の記録 to every link and loads the case sample', async () => {
    f = await newPage()
    e = await newPage()
    await enterRoom(f, room.links.facilitate, FACILITATOR, { board: true })
    await enterRoom(e, room.links.edit, EDITOR, { board: true })
    await expect(f.getByTestId('records-open').textContent()).resolves.toBe('会議の記録')
    await expect(e.getByTestId('records-open').textContent()).resolves.toBe('会議の記録')

    await e.getByTestId('tab-lists').click()
    const transfer = e.getByTestId('transfer')
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await expect.poll(() => relationRows(e).count(), { timeout: 5_000 }).toBeGreaterThan(3)
  })

  it('the facilitator saves 「第2回 支援会議」 with the 所属 present', async () => {
    const dialog = await openRecords(f)
    expect(await f.evaluate(() => !!document.activeElement?.closest('[data-testid=records-dialog]'))).toBe(true)
    await expect(dialog.getByTestId('records-empty').textContent()).resolves.toContain('まだ記録はありません')
    const form = dialog.getByTestId('records-form')
    await expect(form.getByTestId('records-title').getAttribute('placeholder')).resolves.toBe(TITLE)
    await expect(form.getByTestId('records-date').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const attendees = await form.getByTestId('records-attendees').inputValue()
    expect(attendees).toContain(FACILITATOR.org)
    expect(attendees).toContain(EDITOR.org)
    expect(attendees).not.toContain(FACILITATOR.name)
    expect(await form.innerText()).toContain('個人の名前は要りません')
    await form.getByTestId('records-title').fill(TITLE)
    await form.getByTestId('records-save').click()
    await expect.poll(() => dialog.getByTestId('records-notice').textContent(), { timeout: 5_000 }).toContain('記録しました')
    const record = dialog.getByTestId('records-record').first()
    await record.waitFor()
    await expect(record.getByTestId('records-record-title').textContent()).resolves.toBe(TITLE)
    const text = await record.innerText()
    expect(text).toContain(`${FACILITATOR.org}、${EDITOR.org}`)
    expect(text).toMatch(/機関 \d+・人物 \d+・つながり \d+/)
    await f.screenshot({ path: '/tmp/jusou-records-saved.png' })
    await f.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await f.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('records-open')
  })

  it('the editor turns the planned tie into an existing one in the lists tab', async () => {
    const status = e.getByTestId('relations-table').getByLabel(`${FROM} → ${TO}（80代） 状態`, { exact: true })
    await expect(status.inputValue()).resolves.toBe('planned')
    await status.selectOption('existing')
    await expect.poll(() => status.inputValue(), { timeout: 5_000 }).toBe('existing')
  })

  it('the facilitator compares the record with now and finds the tie under 進んだつながり', async () => {
    const dialog = await openRecords(f)
    const record = dialog.getByTestId('records-record').first()
    const progress = record.getByTestId('records-section-progress')
    // The edit reaches the server through the sync: compare again until it is there.
    const deadline = Date.now() + 10_000
    for (;;) {
      await record.getByTestId('records-compare-now').click()
      await record.locator('[data-testid=records-comparison], [data-testid=records-compare-error]').first().waitFor()
      if ((await progress.count()) > 0) break
      if (Date.now() > deadline) throw new Error(`no progress listed: ${await record.innerText()}`)
      await new Promise((r) => setTimeout(r, 300))
    }
    const comparison = record.getByTestId('records-comparison')
    await expect(comparison.locator('h3').textContent()).resolves.toContain(`${TITLE}（`)
    await expect(comparison.locator('h3').textContent()).resolves.toContain('今のマップ')
    expect(await progress.innerText()).toContain('進んだつながり')
    expect(await progress.innerText()).toContain(`${FROM} → ${TO}：支援提供 予定→既存`)
    expect(await progress.innerText()).toContain('前進')
    expect(await comparison.getByTestId('records-section-loss').count()).toBe(0)
    const figures = await comparison.getByTestId('records-figures').innerText()
    expect(figures).toContain('孤立している機関')
    expect(figures).toContain('狭間の人物')
    expect(figures).toContain('要の機関')
    expect(figures).toMatch(/つながり（既存）：(\d+) → (\d+)/)
    const [, before, after] = /つながり（既存）：(\d+) → (\d+)/.exec(figures)!
    expect(Number(after)).toBe(Number(before) + 1)
    await comparison.scrollIntoViewIfNeeded()
    await f.screenshot({ path: '/tmp/jusou-records-compare.png' })

    // ファイルで保存: the frozen copy as a room file, with persons for a facilitator.
    const [download] = await Promise.all([f.waitForEvent('download'), record.getByTestId('records-download').click()])
    expect(download.suggestedFilename()).toMatch(/\.room\.json$/)
    const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { format: string; personsIncluded: boolean; model: { relations: { status: string }[] } }
    expect(file.format).toBe('jusou-room@1')
    expect(file.personsIncluded).toBe(true)
    await f.keyboard.press('Escape')
  })

  it('the facilitator saves a second record and compares the two with the select', async () => {
    const dialog = await openRecords(f)
    await dialog.getByTestId('records-title').fill('第3回 支援会議')
    await dialog.getByTestId('records-save').click()
    await expect.poll(() => dialog.getByTestId('records-record').count(), { timeout: 5_000 }).toBe(2)
    // Newest first: the first record is now at the bottom; compare it with the newer one.
    const first = dialog.getByTestId('records-record').nth(1)
    await expect(first.getByTestId('records-record-title').textContent()).resolves.toBe(TITLE)
    const second = await dialog.getByTestId('records-record').first().getAttribute('data-record-id')
    await first.getByTestId('records-compare-with').selectOption(second!)
    const comparison = first.getByTestId('records-comparison')
    await comparison.waitFor()
    await expect(comparison.locator('h3').textContent()).resolves.toContain('→ 第3回 支援会議')
    expect(await comparison.getByTestId('records-section-progress').innerText()).toContain(`${FROM} → ${TO}：支援提供 予定→既存`)
    await f.keyboard.press('Escape')
  })

  it('the editor sees the record and can compare, but has no save form', async () => {
    const dialog = await openRecords(e)
    expect(await dialog.getByTestId('records-form').count()).toBe(0)
    await expect.poll(() => dialog.getByTestId('records-record').count()).toBe(2)
    const record = dialog.getByTestId('records-record').last()
    await expect(record.getByTestId('records-record-title').textContent()).resolves.toBe(TITLE)
    await record.getByTestId('records-compare-now').click()
    await expect.poll(() => record.getByTestId('records-section-progress').count(), { timeout: 5_000 }).toBe(1)
    await e.screenshot({ path: '/tmp/jusou-records-editor.png' })
    await e.keyboard.press('Escape')
  })

  it('a view link in English compares without persons and downloads with ?persons=0', async () => {
    const v = await newPage({ initScript: (lang: string) => localStorage.setItem('jusou-lang', lang), initScriptArg: 'en' })
    await enterRoom(v, room.links.view, VIEWER)
    await expect(v.getByTestId('records-open').textContent()).resolves.toBe('Meeting records')
    const dialog = await openRecords(v)
    expect(await dialog.getByTestId('records-form').count()).toBe(0)
    await expect(dialog.locator('h2').textContent()).resolves.toBe('Meeting records')
    const record = dialog.getByTestId('records-record').first()
    await record.getByTestId('records-compare-now').click()
    const comparison = record.getByTestId('records-comparison')
    await comparison.waitFor()
    const text = await comparison.innerText()
    expect(text).toContain('The map now')
    expect(text).toContain('Persons and ties to persons are left out')
    expect(text).toContain('Figures of the map (before → after)')
    expect(text).not.toContain(TO)
    await v.screenshot({ path: '/tmp/jusou-records-view-en.png' })
    const asked: string[] = []
    v.on('request', (r) => asked.push(r.url()))
    const [download] = await Promise.all([v.waitForEvent('download'), record.getByTestId('records-download').click()])
    expect(asked.some((u) => /\/records\/[^/]+\/room\.json\?persons=0$/.test(u))).toBe(true)
    const file = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { personsIncluded: boolean }
    expect(file.personsIncluded).toBe(false)
  })

  it('made no request to any host but this machine, and threw no uncaught errors', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
