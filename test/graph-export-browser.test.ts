/**
 * The graph's picture exports from the real app: the 8050 sample on the 関係図 tab, exported as
 * SVG, PNG and PDF with the buttons a participant uses, then each file opened by a real
 * consumer: Chromium (the SVG and the PNG loaded as images), rsvg-convert with no font at all
 * (the SVG) and poppler (the PDF). The fonts come from the app's own origin only.
 *
 * Needs a built client (CLIENT_DIR or dist/) and Debian's chromium. Pictures go to
 * /tmp/gexport-shots for a reviewer to look at.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'
import { inkIn, noFontsEnv, readPng, readPpm, run } from './graph-export-helpers'

const SHOTS = '/tmp/gexport-shots'
const ALICE = { name: '山田', org: '福祉総務課' }

async function download(page: Page, testId: string): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()])
  return { file: (await d.path())!, name: d.suggestedFilename() }
}

describe('graph exports in the browser', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  let room: CreateRoomResponse
  let page: Page

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    room = await createRoom('Aさん世帯 支援会議', 'case')
    page = await newPage()
    await enterRoom(page, room.links.edit, ALICE)
    await page.getByTestId('tab-lists').click()
    const transfer = page.getByTestId('transfer')
    await transfer.getByTestId('load-sample').selectOption('case')
    await transfer.getByTestId('import-apply').click()
    await page.getByTestId('tab-graph').click()
    await page.locator('[data-testid=graph-canvas][data-layout-state=done]').waitFor({ timeout: 15_000 })
  })

  it('exports an SVG that draws its words as outlines, which Chromium and a font-less rsvg-convert both show', async () => {
    expect(await page.getByTestId('graph-export-figures').isChecked()).toBe(true)
    await expect(page.getByTestId('graph-exports').textContent()).resolves.toContain('主な数値を入れる')
    const { file, name } = await download(page, 'graph-export-svg')
    expect(name).toMatch(/\.svg$/)
    const svg = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(path.join(SHOTS, 'browser-graph.svg'), svg)
    console.log(`SVG from the app, 8050 sample: ${(svg.length / 1024).toFixed(0)} KB`)
    expect(svg).not.toMatch(/<text\b/)
    expect(svg).toContain('<title>Aさん世帯 支援会議</title>')
    expect(svg).toContain('<title>地域包括支援センター</title>')
    expect(svg).toContain('<g class="legend"')
    expect(svg).toContain('<g class="figures"')

    // Chromium loads it as an image.
    const viewer = await newPage()
    await viewer.setContent('<img id="pic" alt="">')
    const size = await viewer.evaluate(async (text) => {
      const img = document.getElementById('pic') as HTMLImageElement
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
      await img.decode()
      return { w: img.naturalWidth, h: img.naturalHeight }
    }, svg)
    expect(size.w).toBeGreaterThan(800)
    await viewer.screenshot({ path: path.join(SHOTS, 'browser-svg-in-chromium.png'), fullPage: true })

    // rsvg-convert with no font installed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gexport-b-'))
    const out = path.join(SHOTS, 'browser-svg-rsvg-nofonts.png')
    run('rsvg-convert', ['-o', out, path.join(SHOTS, 'browser-graph.svg')], noFontsEnv(dir))
    expect(inkIn(readPng(out), 20, 20, 300, 60)).toBeGreaterThan(300)
  })

  it('exports a PNG with title and legend that Chromium loads', async () => {
    const { file, name } = await download(page, 'graph-export-png')
    expect(name).toMatch(/\.png$/)
    fs.copyFileSync(file, path.join(SHOTS, 'browser-graph.png'))
    const png = readPng(file)
    console.log(`PNG from the app: ${png.width}×${png.height}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`)
    expect(png.width).toBeGreaterThan(1600) // drawn at 2×
    expect(inkIn(png, 40, 40, 600, 120)).toBeGreaterThan(1000) // the title at 2×
    const viewer = await newPage()
    const data = fs.readFileSync(file).toString('base64')
    await viewer.setContent(`<img id="pic" alt="" src="data:image/png;base64,${data}">`)
    const w = await viewer.evaluate(async () => {
      const img = document.getElementById('pic') as HTMLImageElement
      await img.decode()
      return img.naturalWidth
    })
    expect(w).toBe(png.width)
  })

  it('exports without the key figures when the box is unticked', async () => {
    await page.getByTestId('graph-export-figures').uncheck()
    const svg = fs.readFileSync((await download(page, 'graph-export-svg')).file, 'utf8')
    expect(svg).not.toContain('<g class="figures"')
    expect(svg).toContain('<g class="legend"')
    await page.getByTestId('graph-export-figures').check()
  })

  it('exports an A4 landscape PDF with the analysis table, which poppler renders without fonts', async () => {
    const { file, name } = await download(page, 'graph-export-pdf')
    expect(name).toMatch(/\.pdf$/)
    const copy = path.join(SHOTS, 'browser-graph.pdf')
    fs.copyFileSync(file, copy)
    const info = run('pdfinfo', [copy])
    console.log(`PDF from the app: ${(fs.statSync(copy).size / 1024).toFixed(0)} KB`)
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/)
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gexport-bp-'))
    run('pdftoppm', ['-r', '72', copy, path.join(dir, 'p')], noFontsEnv(dir))
    expect(inkIn(readPpm(path.join(dir, 'p-1.ppm')), 28, 25, 330, 56)).toBeGreaterThan(300)
    run('pdftoppm', ['-png', '-r', '100', copy, path.join(SHOTS, 'browser-pdf-page')], noFontsEnv(dir))
    await page.getByTestId('graph-exports').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'browser-exports-panel.png') })
  })

  it('fetched nothing from outside and threw no page error', () => {
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
