/**
 * The graph's SVG export as a meeting reads it: title, date, legend and key figures on the
 * page, long names wrapped and typed line breaks kept, and every character drawn as an outline,
 * so that a PC without any font (rsvg-convert with an empty fontconfig here) shows the words.
 * The pictures are written to /tmp/gexport-shots for a reviewer to look at.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tieStyle } from '../shared/legend/legend'
import type { GraphElements } from '../shared/graph/derive'
import { graphSvg } from '../client/graph/export/graphExport'
import { wrapLines } from '../client/graph/export/wrap'
import { inkIn, nodeFontBook, noFontsEnv, readPng, run, sampleRequest } from './graph-export-helpers'

const SHOTS = '/tmp/gexport-shots'
const LONG_NAME = '地域包括支援センター'.repeat(12) // 120 characters
const rename = (id: string, label: string) => (g: GraphElements) => ({ ...g, nodes: g.nodes.map((n) => (n.id === id ? { ...n, label } : n)) })

/** The text runs (lines) of one card's label, each as its glyph count. */
function cardLines(svg: string, id: string): number[] {
  const start = svg.indexOf(`<g class="node" data-id="${id}" `)
  expect(start, id).toBeGreaterThan(0)
  const card = svg.slice(start, svg.indexOf('<title>', start))
  // Each line is one <g class="text">: its halo group, then its letters.
  return [...card.matchAll(/<g class="text"[^>]*><g fill="#ffffff"[^>]*>(.*?)<\/g>/g)].map((m) => (m[1].match(/<use /g) ?? []).length)
}

describe('graph SVG export', () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  const fonts = nodeFontBook()
  const actorId = sampleRequest().scene.nodes.find((n) => !n.person && n.label === '地域包括支援センター')!.id

  it('draws every character as an outline: no <text>, no font named, nothing outside', async () => {
    const svg = await graphSvg(sampleRequest(), fonts)
    fs.writeFileSync(path.join(SHOTS, 'graph-8050.svg'), svg)
    expect(svg).not.toMatch(/<text\b|font-family|@font-face/)
    expect(svg.match(/https?:\/\/[^"\s]+/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'])
    expect(svg).toMatch(/<defs><path id="g0" d="M/)
    // The words are still in the file, for search and screen readers.
    expect(svg).toContain('<title>Aさん世帯（8050）の関係図</title>')
    expect(svg).toMatch(/<g class="node" data-id="[^"]+" data-x="[\d.-]+" data-y="[\d.-]+">.*<title>地域包括支援センター<\/title>/)
    const kb = Buffer.byteLength(svg) / 1024
    console.log(`SVG of the 8050 sample with key figures: ${kb.toFixed(0)} KB, ${fonts.loaded.length} font subsets read`)
    expect(kb).toBeLessThan(400)
  })

  it('renders its Japanese words with no font installed at all (rsvg-convert, empty fontconfig)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gexport-nofonts-'))
    const env = noFontsEnv(dir)
    expect(run('fc-list', [], env).trim()).toBe('')
    const file = path.join(SHOTS, 'graph-8050.svg')
    fs.writeFileSync(file, await graphSvg(sampleRequest(), fonts))
    const out = path.join(SHOTS, 'graph-8050-rsvg-nofonts.png')
    run('rsvg-convert', ['-o', out, file], env)
    const png = readPng(out)
    // The title (22 px, top left) and the legend heading are ink, not empty paper or boxes.
    expect(inkIn(png, 20, 20, 420, 60)).toBeGreaterThan(400)
    expect(png.width).toBeGreaterThan(1000)
    // A control: the same title as SVG text draws nothing without a font.
    const control = path.join(dir, 'control.svg')
    fs.writeFileSync(control, '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" fill="#fff"/><text x="20" y="40" font-size="22">Aさん世帯（8050）の関係図</text></svg>')
    run('rsvg-convert', ['-o', path.join(dir, 'control.png'), control], env)
    expect(inkIn(readPng(path.join(dir, 'control.png')), 0, 0, 400, 60)).toBeLessThan(inkIn(png, 20, 20, 420, 60) / 4)
  })

  it('has the legend drawn with the shared legend’s colours and dashes, and the key figures when asked', async () => {
    const svg = await graphSvg(sampleRequest(), fonts)
    const legend = svg.slice(svg.indexOf('<g class="legend"'), svg.indexOf('<g class="figures"'))
    for (const tie of [{ strength: 'normal', status: 'planned' }, { strength: 'normal', status: 'missing' }, { strength: 'weak', status: 'existing' }] as const) {
      const s = tieStyle(tie)
      expect(legend).toContain(`stroke="${s.color}" stroke-width="${s.width}" stroke-dasharray="${s.dash}" stroke-linecap="round"`)
    }
    expect(legend).toContain('<title>凡例</title>')
    expect(svg).toContain('<title>主な数値</title>')
    const without = await graphSvg(sampleRequest(undefined, false), fonts)
    expect(without).not.toContain('<g class="figures"')
    expect(without).toContain('<g class="legend"')
  })

  it('wraps a 120-character name within the label width and keeps typed line breaks as lines', async () => {
    const long = await graphSvg(sampleRequest(rename(actorId, LONG_NAME)), fonts)
    fs.writeFileSync(path.join(SHOTS, 'graph-long-label.svg'), long)
    const lines = cardLines(long, actorId)
    // Shortened to 30 characters as on the canvas, over 3 lines of at most 140 px at 14 px.
    expect(lines.length).toBe(3)
    expect(Math.max(...lines)).toBeLessThanOrEqual(10)
    for (const line of wrapLines('地域包括支援センター'.repeat(3), 140, (s) => fonts.width(s, 14))) expect(fonts.width(line, 14)).toBeLessThanOrEqual(140)

    const broken = await graphSvg(sampleRequest(rename(actorId, '地域包括\n支援センター')), fonts)
    expect(cardLines(broken, actorId)).toEqual([4, 6])
    run('rsvg-convert', ['-o', path.join(SHOTS, 'graph-long-label.png'), path.join(SHOTS, 'graph-long-label.svg')])
  })
})
