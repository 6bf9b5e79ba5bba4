/**
 * Helpers for the graph export tests: the 8050 sample laid out in a headless cytoscape as the
 * household layout places it, the export font read from node_modules, and small readers of
 * the pictures that rsvg-convert and pdftoppm make.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import cytoscape from 'cytoscape'
import unicode from '@fontsource/noto-sans-jp/unicode.json'
import { deriveGraph, type GraphElements } from '../shared/graph/derive'
import { loadSample } from '../shared/graph/fixtures'
import { computeMetrics } from '../shared/graph/metrics'
import { nodeSizes, toElements } from '../client/graph/elements'
import { presetPositions } from '../client/graph/layout'
import { FontBook } from '../client/graph/export/fontBook'
import type { GraphExportRequest } from '../client/graph/export/graphExport'
import { sceneFromCytoscape } from '../client/graph/export/scene'

const FONT_DIR = path.resolve(import.meta.dirname, '../node_modules/@fontsource/noto-sans-jp/files')

export function nodeFontBook(): FontBook {
  return new FontBook(unicode as Record<string, string>, async (file) => {
    const b = fs.readFileSync(path.join(FONT_DIR, file))
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  })
}

/** The 8050 case as the graph tab shows it in the household layout, with the given changes. */
export function sampleRequest(change: (g: GraphElements) => GraphElements = (g) => g, includeFigures = true): GraphExportRequest {
  const graph = change(deriveGraph(loadSample('case-8050')))
  graph.kind ??= 'case'
  const metrics = computeMetrics(graph)
  const sizes = nodeSizes(graph, metrics, 'betweenness')
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toElements(graph, { sizes, layout: 'household', selected: null, articulation: new Set(metrics.network.articulationPoints) }) })
  const positions = presetPositions('household', graph, sizes)!
  cy.nodes().forEach((n) => {
    const p = positions.get(n.id())
    if (p) n.position({ x: p.x, y: p.y })
  })
  const scene = sceneFromCytoscape(cy, 1)
  cy.destroy()
  return { scene, graph, metrics, lang: 'ja', title: 'Aさん世帯（8050）の関係図', date: new Date('2026-12-03T10:00:00Z'), includeFigures }
}

/** An empty fontconfig: rsvg-convert then has no font at all, Japanese or other. */
export function noFontsEnv(dir: string): NodeJS.ProcessEnv {
  const conf = path.join(dir, 'fonts.conf')
  fs.writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`)
  return { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir }
}

export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout + r.stderr
}

export interface Raster {
  width: number
  height: number
  /** RGB of a pixel. */
  at(x: number, y: number): [number, number, number]
}

/** A PNG as rsvg-convert and Chromium write them: 8-bit RGB or RGBA, not interlaced. */
export function readPng(file: string): Raster {
  const buf = fs.readFileSync(file)
  let pos = 8
  let width = 0
  let height = 0
  let colorType = 0
  const idat: Buffer[] = []
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos)
    const type = buf.toString('latin1', pos + 4, pos + 8)
    const data = buf.subarray(pos + 8, pos + 8 + len)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit non-interlaced PNG')
      colorType = data[9]
    } else if (type === 'IDAT') idat.push(data)
    pos += 12 + len
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (!channels) throw new Error(`PNG colour type ${colorType} not read here`)
  const raw = zlib.inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const px = Buffer.alloc(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0
      const b = y > 0 ? px[(y - 1) * stride + x] : 0
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0
      const p = a + b - c
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c
      px[y * stride + x] = (line[x] + pred) & 0xff
    }
  }
  return {
    width,
    height,
    at: (x, y) => {
      const i = y * stride + x * channels
      // Transparent counts as white paper.
      if (channels === 4 && px[i + 3] === 0) return [255, 255, 255]
      return [px[i], px[i + 1], px[i + 2]]
    },
  }
}

/** A binary PPM (P6), as pdftoppm writes it. */
export function readPpm(file: string): Raster {
  const buf = fs.readFileSync(file)
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 64))
  if (!header) throw new Error('not a P6 PPM')
  const width = Number(header[1])
  const height = Number(header[2])
  const start = header[0].length
  return { width, height, at: (x, y) => [buf[start + (y * width + x) * 3], buf[start + (y * width + x) * 3 + 1], buf[start + (y * width + x) * 3 + 2]] }
}

/** Dark pixels in a box: ink where text or lines are drawn. */
export function inkIn(r: Raster, x1: number, y1: number, x2: number, y2: number): number {
  let n = 0
  for (let y = Math.max(0, Math.floor(y1)); y < Math.min(r.height, y2); y++)
    for (let x = Math.max(0, Math.floor(x1)); x < Math.min(r.width, x2); x++) {
      const [R, G, B] = r.at(x, y)
      if (R + G + B < 300) n++
    }
  return n
}
