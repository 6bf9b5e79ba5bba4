/**
 * The graph's PDF: A4 landscape, the graph page (title, date, legend, key figures) and then the
 * analysis table, with every character an outline (no font in the file), read by poppler
 * (pdfinfo, pdffonts, pdftoppm with no font installed). Pages are written to /tmp/gexport-shots.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { GraphElements } from '../shared/graph/derive'
import { graphPdf } from '../client/graph/export/graphExport'
import { inkIn, nodeFontBook, noFontsEnv, readPpm, run, sampleRequest } from './graph-export-helpers'

const SHOTS = '/tmp/gexport-shots'
const deflate = async (d: Uint8Array) => new Uint8Array(zlib.deflateSync(d))

describe('graph PDF export', () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  const fonts = nodeFontBook()

  it('is A4 landscape, graph first then the analysis table, and carries no font', async () => {
    const file = path.join(SHOTS, 'graph-8050.pdf')
    const pdf = await graphPdf(sampleRequest(), fonts, deflate)
    fs.writeFileSync(file, pdf)
    const info = run('pdfinfo', [file])
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/)
    expect(info).toMatch(/Pages:\s+2/)
    expect(info).toContain('Title:           Aさん世帯（8050）の関係図')
    // pdffonts lists a header and no font.
    expect(run('pdffonts', [file]).trim().split('\n')).toHaveLength(2)
    console.log(`PDF of the 8050 sample: ${(pdf.length / 1024).toFixed(0)} KB`)
    expect(pdf.length).toBeLessThan(600 * 1024)
  })

  it('renders the title, the graph, the legend and the table with no font installed (pdftoppm)', async () => {
    const file = path.join(SHOTS, 'graph-8050.pdf')
    fs.writeFileSync(file, await graphPdf(sampleRequest(), fonts, deflate))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gexport-pdf-'))
    const env = noFontsEnv(dir)
    // 72 dpi: one pixel per point.
    run('pdftoppm', ['-r', '72', file, path.join(dir, 'page')], env)
    const page1 = readPpm(path.join(dir, 'page-1.ppm'))
    const page2 = readPpm(path.join(dir, 'page-2.ppm'))
    expect([page1.width, Math.abs(page1.height - 595) <= 1]).toEqual([842, true])
    expect(inkIn(page1, 28, 25, 330, 56)).toBeGreaterThan(300) // title
    expect(inkIn(page1, 28, 100, 560, 560)).toBeGreaterThan(1500) // the graph
    expect(inkIn(page1, 600, 90, 820, 130)).toBeGreaterThan(50) // legend heading and first entry
    expect(inkIn(page2, 40, 100, 800, 120)).toBeGreaterThan(150) // the table's first rows
    run('pdftoppm', ['-png', '-r', '110', file, path.join(SHOTS, 'graph-8050-pdf-page')], env)
  })

  it('continues the table over pages for a large map', async () => {
    const many = (g: GraphElements): GraphElements => ({
      ...g,
      nodes: [...g.nodes, ...Array.from({ length: 60 }, (_, i) => ({ ...g.nodes.find((n) => n.kind === 'actor')!, id: `extra${i}`, label: `追加の機関 ${i + 1}` }))],
    })
    const file = path.join(SHOTS, 'graph-large.pdf')
    fs.writeFileSync(file, await graphPdf(sampleRequest(many), fonts, deflate))
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])
    expect(pages).toBeGreaterThanOrEqual(4)
  })
})
