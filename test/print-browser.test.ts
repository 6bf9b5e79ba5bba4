/**
 * End-to-end: the printable A4 支援プラン and meeting record. A case room gets the 8050 sample,
 * a plan with two tasks (written by a stock y-websocket client, as the plan tab does) and two
 * meeting records; chromium prints the print page to PDF, and poppler reads it back: A4 pages,
 * page 1 with the 役割分担, the task owners, the eco-map's names and its legend as text, and
 * an eco-map that is drawn (not blank). The version without persons — one click away, and the
 * only one a view link gets — names no person anywhere in the PDF.
 *
 * Needs a client build (`CLIENT_DIR=… npx vitest run test/print-browser.test.ts`, or dist/),
 * Debian's chromium at /usr/bin/chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm).
 * The PDFs and page images go to /tmp/jusou-print-*.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readModel } from '../shared/model/doc'
import { updateRecord } from '../shared/model/ops'
import { localDate } from '../shared/plan/doc'
import { addTask, updatePlanInfo, updateTask } from '../shared/plan/ops'
import { enterRoom, launchChromium } from './browser-helpers'
import { connectClient, waitForSync, waitUntil, type Client } from './support/clients'
import { createRoom, startServerProcess, type CreatedRoom, type ServerProcess } from './support/server-process'

const OUT = '/tmp/jusou-print'
const ROOM_TITLE = 'Aさん世帯 支援会議（印刷のテスト）'
const sample = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../shared/samples/case-8050.json'), 'utf8')) as {
  actors: { id: string; name: string }[]
  persons: { id: string; label: string; ageBand: string; issues: string[] }[]
}
const actorName = (id: string) => sample.actors.find((a) => a.id === id)!.name
/** A date `days` from today, as stored (YYYY-MM-DD) and as the Japanese document prints it. */
function day(days: number): { iso: string; ja: string } {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return { iso: localDate(d), ja: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` }
}
const FIRST = day(-40)
const SECOND = day(-7)
const MONITORING = day(30)
/** Words that name or describe a person of the sample: none may be printed without persons. */
const PERSON_WORDS = ['長男', '長女', '母（', '80代', '50代', '40代', '二人暮らし']

function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' })
}

/** Page size in points and page count (pdfinfo). */
function pdfInfo(file: string): { width: number; height: number; pages: number } {
  const info = poppler('pdfinfo', [file])
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  const pages = /Pages:\s+(\d+)/.exec(info)
  if (!size || !pages) throw new Error(`pdfinfo said:\n${info}`)
  return { width: Number(size[1]), height: Number(size[2]), pages: Number(pages[1]) }
}

const pageText = (file: string, page: number) => poppler('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'])
const allText = (file: string) => poppler('pdftotext', ['-layout', file, '-'])

/** The vertical extent (in points) of page 1 between two headings, from pdftotext's word boxes. */
function bandBetween(file: string, upper: string, lower: string): { top: number; bottom: number } {
  const html = poppler('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'])
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ yMin: Number(m[2]), yMax: Number(m[4]), text: m[5] }))
  const top = words.find((w) => w.text.includes(upper))
  const bottom = words.find((w) => w.text.includes(lower) && (!top || w.yMin > top.yMax))
  if (!top || !bottom) throw new Error(`headings ${upper} / ${lower} not found on page 1`)
  return { top: top.yMax, bottom: bottom.yMin }
}

/** Renders page 1 at 60 dpi (PNG to look at, PPM to count) and counts inked and blue pixels in a band. */
function inkIn(file: string, name: string, band: { top: number; bottom: number }): { inked: number; blue: number; area: number } {
  poppler('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', '-singlefile', file, `${OUT}-${name}-page1`])
  poppler('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-singlefile', file, `${OUT}-${name}-page1`])
  const ppm = fs.readFileSync(`${OUT}-${name}-page1.ppm`)
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))
  if (!header) throw new Error('unexpected PPM header')
  const [width, height] = [Number(header[1]), Number(header[2])]
  const data = ppm.subarray(header[0].length)
  const scale = 60 / 72
  const y0 = Math.max(0, Math.floor(band.top * scale))
  const y1 = Math.min(height, Math.ceil(band.bottom * scale))
  let inked = 0
  let blue = 0
  for (let y = y0; y < y1; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]]
      if (r + g + b < 600) inked++
      if (b > 180 && r < 130 && g < 150) blue++
    }
  }
  return { inked, blue, area: (y1 - y0) * width }
}

describe('browser: the A4 plan prints to a PDF with the role table and the eco-map on page 1', () => {
  let server: ServerProcess
  let browser: Browser
  let room: CreatedRoom
  let client: Client
  const pageErrors: string[] = []
  const api = (token: string, route: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/rooms/${room.roomId}${route}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } })
  const roomFile = async () => (await (await api(room.tokens.facilitate, '/room.json')).json()) as { plan?: { tasks: { id: string; status: string }[] } }
  const saveRecord = async (title: string, date: string) => {
    const res = await api(room.tokens.facilitate, '/records', { method: 'POST', body: JSON.stringify({ title, date, attendees: ['福祉総務課', '地域包括支援センター'] }) })
    expect(res.status).toBe(201)
    return ((await res.json()) as { recordId: string }).recordId
  }

  /** Opens a print page in a tab of its own, waits for the document, and prints it to a PDF. */
  async function printToPdf(url: string, name: string, setup?: (page: Page) => Promise<void>): Promise<{ page: Page; file: string }> {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: 'ja-JP' })
    const page = await context.newPage()
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await page.goto(url)
    await page.getByTestId('print-document').waitFor({ timeout: 20_000 })
    if (setup) await setup(page)
    return { page, file: await savePdf(page, name) }
  }

  async function savePdf(page: Page, name: string): Promise<string> {
    const file = `${OUT}-${name}.pdf`
    fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
    return file
  }

  beforeAll(async () => {
    for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
      try {
        execFileSync(tool, ['-v'], { stdio: 'ignore' })
      } catch {
        throw new Error(`${tool} is missing: install poppler-utils`)
      }
    }
    server = await startServerProcess()
    browser = await launchChromium()
    room = await createRoom(server.url, ROOM_TITLE, 'case')
    const put = await api(room.tokens.facilitate, '/room.json', { method: 'PUT', body: fs.readFileSync(path.resolve(import.meta.dirname, '../shared/samples/case-8050.json'), 'utf8') })
    expect(put.status).toBe(200)

    // The plan, as the plan tab writes it: through the document.
    client = connectClient(server.wsUrl, room.roomId, room.tokens.edit, new Y.Doc())
    await waitForSync(client.provider)
    const { doc } = client
    await waitUntil(() => readModel(doc).model.actors.length === sample.actors.length, 'the sample in the client doc')
    // Free text is printed in both versions: it names no person here (a user's own words might).
    updatePlanInfo(doc, { direction: '世帯まるごとの支援体制をつくる', goals: '半年で介護サービスの利用を始め、家族会につながる', wishes: '家から出ずに相談したい', consent: 'あり', keyPerson: 'a-csw', nextMonitoring: MONITORING.iso })
    addTask(doc, { id: 't-care', what: '要介護認定の申請を支援する', owner: 'a-houkatsu', with: ['p-mother', 'a-caremgr'], due: day(-20).iso })
    addTask(doc, { id: 't-visit', what: '訪問を続け、家族会を紹介する', owner: 'a-jiritsu', with: ['p-son', 'a-csw'], due: day(-14).iso, status: '実施中' })
    updateRecord(doc, 'person', 'p-son', { stage: 'つながる', support: '伴走型' })
    const persisted = async (check: (tasks: { id: string; status: string }[]) => boolean) => {
      const deadline = Date.now() + 10_000
      while (!check((await roomFile()).plan?.tasks ?? [])) {
        if (Date.now() > deadline) throw new Error('the plan did not reach the server')
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    await persisted((tasks) => tasks.length === 2)
    await saveRecord('第1回 支援会議', FIRST.iso)

    // Between the meetings: the care application is done, the care manager's planned tie exists.
    updateTask(doc, 't-care', { status: '完了' })
    const planned = readModel(doc).model.relations.find((r) => r.from === 'a-caremgr' && r.to === 'p-mother')!
    updateRecord(doc, 'relation', planned.id, { status: 'existing' })
    await persisted((tasks) => tasks.some((t) => t.id === 't-care' && t.status === '完了'))
    await new Promise((r) => setTimeout(r, 300))
    await saveRecord('第2回 支援会議', SECOND.iso)
  })

  afterAll(async () => {
    client?.provider.destroy()
    await browser?.close()
    await server?.kill()
  })

  it('prints the plan on A4 with the role table, the owners and the eco-map with its legend on page 1', async () => {
    const { page, file } = await printToPdf(`${server.url}/r/${room.roomId}/print?doc=plan#k=${room.tokens.facilitate}`, 'plan')
    await page.screenshot({ path: `${OUT}-plan-screen.png`, fullPage: true })
    const info = pdfInfo(file)
    // A4 is 595.3 × 841.9 points; chromium writes 594.96 × 841.92.
    expect(Math.abs(info.width - 595.3)).toBeLessThan(1)
    expect(Math.abs(info.height - 841.9)).toBeLessThan(1)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    const first = pageText(file, 1)
    for (const word of ['支援プラン', ROOM_TITLE, '概要', '支援方針', '本人の意向', '本人同意', '重層的支援会議', 'キーパーソン', MONITORING.ja, 'エコマップ', '役割分担']) expect(first, word).toContain(word)
    // The task owners, and the tasks, in the role table.
    for (const word of [actorName('a-houkatsu'), actorName('a-jiritsu'), '要介護認定の申請を支援する', '期限切れ']) expect(first, word).toContain(word)
    // The eco-map's names and legend are text in the PDF.
    for (const word of ['民生委員', 'ひきこもり家族会', '住宅課', '世帯', '凡例', '既存', '予定', '不足', 'フォーマル', 'インフォーマル']) expect(first, word).toContain(word)
    const band = bandBetween(file, 'エコマップ', '役割分担')
    expect(band.bottom - band.top).toBeGreaterThan(150) // points: the picture is over 5 cm tall
    const ink = inkIn(file, 'plan', band)
    expect(ink.inked / ink.area).toBeGreaterThan(0.03)
    expect(ink.blue).toBeGreaterThan(20) // planned ties are blue
    const everything = allText(file)
    for (const word of ['タスク一覧', '人物', '長男', '伴走型', 'つながる', '前回の記録からの変化', '第2回 支援会議']) expect(everything, word).toContain(word)
    // Persons by role and age band only: no issue tag, no note.
    for (const word of ['無職', '認知症の疑い', 'アウトリーチ（訪問を継続中']) expect(everything, word).not.toContain(word)
    await page.context().close()
  })

  it('switches to the version without persons in one click, and it names no person', async () => {
    const { page } = await printToPdf(`${server.url}/r/${room.roomId}/print?doc=plan#k=${room.tokens.edit}`, 'plan-with')
    await page.getByTestId('print-toggle-persons').click()
    await page.locator('[data-testid=print-document][data-persons="0"]').waitFor()
    expect(new URL(page.url()).searchParams.get('persons')).toBe('0')
    await expect(page.getByTestId('print-toggle-persons').textContent()).resolves.toBe('人物を含む版')
    const file = await savePdf(page, 'plan-no-persons')
    const first = pageText(file, 1)
    for (const word of ['役割分担', '人物を除いた版', actorName('a-houkatsu'), '民生委員', '既存', '予定', '不足']) expect(first, word).toContain(word)
    const everything = allText(file)
    for (const word of [...PERSON_WORDS, '本人の意向', '家から出ずに']) expect(everything, word).not.toContain(word)
    const ink = inkIn(file, 'plan-no-persons', bandBetween(file, 'エコマップ', '役割分担'))
    expect(ink.inked / ink.area).toBeGreaterThan(0.03)
    await page.context().close()
  })

  it('prints a meeting record with its attendees and what changed since the record before', async () => {
    const records = (await (await api(room.tokens.edit, '/records')).json()) as { records: { id: string; title: string }[] }
    const second = records.records.find((r) => r.title === '第2回 支援会議')!
    const { page, file } = await printToPdf(`${server.url}/r/${room.roomId}/print?doc=record&rid=${second.id}#k=${room.tokens.edit}`, 'record')
    const info = pdfInfo(file)
    expect(Math.abs(info.width - 595.3)).toBeLessThan(1)
    const first = pageText(file, 1)
    for (const word of ['会議の記録', '第2回 支援会議', SECOND.ja, '福祉総務課', '役割分担', '凡例']) expect(first, word).toContain(word)
    const everything = allText(file)
    for (const word of ['前回の記録からの変化', '第1回 支援会議', '進んだつながり', '完了したタスク', '要介護認定の申請を支援する', 'マップの数値']) expect(everything, word).toContain(word)
    await page.screenshot({ path: `${OUT}-record-screen.png`, fullPage: true })
    await page.context().close()
  })

  it('gives a view link the version without persons from the records dialog’s 「A4で印刷」', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' })
    const page = await context.newPage()
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await enterRoom(page, room.links.view, { name: '傍聴', org: '会議室' })
    await page.getByTestId('records-open').click()
    const link = page.getByTestId('records-dialog').getByTestId('records-print').first()
    await expect(link.textContent()).resolves.toBe('A4で印刷')
    expect(await link.getAttribute('href')).toMatch(/\/print\?doc=record&rid=[^&]+&persons=0$/)
    await link.click()
    await page.locator('[data-testid=print-document][data-persons="0"]').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('print-toggle-persons').count()).toBe(0)
    expect(await page.getByTestId('print-toolbar').innerText()).toContain('閲覧用リンクでは、人物を除いた版だけを印刷できます')
    const everything = allText(await savePdf(page, 'record-view'))
    for (const word of PERSON_WORDS) expect(everything, word).not.toContain(word)
    await context.close()
  })

  it('prints in English when the user chose English, with no Japanese of its own', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: 'en-GB' })
    await context.addInitScript(() => localStorage.setItem('jusou-lang', 'en'))
    const page = await context.newPage()
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await page.goto(`${server.url}/r/${room.roomId}/print?doc=plan#k=${room.tokens.edit}`)
    await page.getByTestId('print-document').waitFor({ timeout: 20_000 })
    const japanese = /[\u3040-\u30ff\u3400-\u9fff]/
    // The page's own words: labels and headings (a heading's note may quote a record's title).
    const own = await page.evaluate(() =>
      [...document.querySelectorAll('.print-toolbar :is(button:not([data-testid=lang-switch]), a, .print-hint), .print-sheet :is(h2, h3, thead th, caption, .print-kind, dt, .print-version)')].map((el) =>
        [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE || !(n as Element).matches('.print-note')).map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : (n as HTMLElement).innerText)).join('').trim(),
      ),
    )
    expect(own.filter((t) => japanese.test(t))).toEqual([])
    expect(own).toEqual(expect.arrayContaining(['Division of roles', 'Tasks', 'Persons']))
    const first = pageText(await savePdf(page, 'plan-en'), 1)
    for (const word of ['Support plan', 'Division of roles', 'Eco-map', 'Legend', 'Existing', 'Planned', 'Missing', 'Household', 'Eldest son']) expect(first, word).toContain(word)
    await context.close()
  })

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
