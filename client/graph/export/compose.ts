/**
 * The exported page of the graph: title and date on top, the graph, and beside it the legend
 * (samples drawn with shared/legend/legend.ts, the same as board and canvas) and, when asked,
 * the key figures. At its natural size for PNG and SVG, or fitted to a page for the PDF.
 * Labels wrap as on the canvas (wrap.ts), and their line breaks are kept.
 */
import { cardStyles, familyTie, graphTieStyle, tieSamplePath, type TieStyle } from '../../../shared/legend/legend'
import type { FontBook } from './fontBook'
import type { Item, Paint, PathCmd, Picture } from './picture'
import type { GraphScene, NodeShape, SceneEdge, SceneNode } from './scene'
import { wrapLines } from './wrap'

export interface LegendEntry {
  label: string
  tie?: TieStyle
  node?: NodeShape
  informal?: boolean
  cut?: boolean
}

export interface SideSection {
  heading: string
  rows: { label: string; value: string }[]
  note?: string
}

export interface ComposeOptions {
  title: string
  /** Already worded, e.g. 「作成日 2026年12月3日」. */
  date: string
  legend: { heading: string; entries: LegendEntry[]; notes: string[] }
  figures?: SideSection
  /** Fit everything into this page (PDF); the graph's own size otherwise. */
  page?: { width: number; height: number }
}

const INK = '#1d2430'
const MUTED = '#5b6472'
const EDGE_TEXT = '#3b4556'
const CUT_BORDER = '#1d2430'
/** The canvas's label box at scale 1 (elements.ts: text-max-width 140px, 14px). */
const NODE_LABEL_WIDTH = 140
const NODE_FONT = 14
const PERSON_FONT = 15
const EDGE_FONT = 11
const EDGE_LABEL_WIDTH = 120
const LINE = 1.25
const MARGIN = 28
const SIDE_WIDTH = 250
/** From the date line to the picture. */
const HEADER_GAP = 22

interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

const grow = (b: Box, x1: number, y1: number, x2: number, y2: number) => {
  b.x1 = Math.min(b.x1, x1)
  b.y1 = Math.min(b.y1, y1)
  b.x2 = Math.max(b.x2, x2)
  b.y2 = Math.max(b.y2, y2)
}

/** Text lines centred on x from the baseline of the first; returns the items and the box. */
function textBlock(fonts: FontBook, lines: string[], x: number, top: number, size: number, fill: string, opts: { bold?: boolean; halo?: boolean } = {}) {
  const items: Item[] = []
  const box: Box = { x1: x, y1: top, x2: x, y2: top }
  lines.forEach((line, i) => {
    const y = top + size * 0.9 + i * size * LINE
    items.push({ kind: 'text', text: line, x, y, size, fill, anchor: 'middle', ...opts })
    const w = fonts.width(line, size)
    grow(box, x - w / 2 - 2, top, x + w / 2 + 2, top + (i + 1) * size * LINE)
  })
  return { items, box }
}

function nodeShape(shape: NodeShape, x: number, y: number, size: number, paint: Paint): Item {
  const h = size / 2
  if (shape === 'ellipse') return { kind: 'circle', cx: x, cy: y, r: h, ...paint }
  if (shape === 'diamond')
    return {
      kind: 'poly',
      closed: true,
      points: [
        [x, y - h],
        [x + h, y],
        [x, y + h],
        [x - h, y],
      ],
      ...paint,
    }
  return { kind: 'rect', x: x - h, y: y - h, w: size, h: size, rx: size * 0.18, ...paint }
}

function nodePaint(fill: string, informal: boolean): Paint {
  const style = cardStyles.informal
  return informal ? { fill, stroke: style.stroke, strokeWidth: 2, dash: style.dash } : { fill, stroke: '#ffffff', strokeWidth: 2 }
}

/** The canvas's double border of a cut point: a dark outline and a second one inside it. */
function cutBorder(shape: NodeShape, x: number, y: number, size: number): Item[] {
  const paint: Paint = { fill: null, stroke: CUT_BORDER, strokeWidth: 1.4 }
  return [nodeShape(shape, x, y, size + 1, paint), nodeShape(shape, x, y, Math.max(4, size - 5), paint)]
}

function drawNode(n: SceneNode, fonts: FontBook, k: number): { items: Item[]; box: Box } {
  const size = (n.person ? PERSON_FONT : NODE_FONT) * k
  const lines = wrapLines(n.label, NODE_LABEL_WIDTH * k, (s) => fonts.width(s, size))
  const label = textBlock(fonts, lines, n.x, n.y + n.size / 2 + 4 * k, size, INK, { bold: true, halo: true })
  const box = label.box
  grow(box, n.x - n.size / 2, n.y - n.size / 2, n.x + n.size / 2, n.y + n.size / 2)
  return {
    items: [
      {
        kind: 'group',
        className: 'node',
        id: n.id,
        title: n.fullLabel,
        // Where the card is on the canvas (model coordinates), for tools that read the file.
        data: { x: String(Math.round(n.x * 10) / 10), y: String(Math.round(n.y * 10) / 10) },
        items: [nodeShape(n.shape, n.x, n.y, n.size, nodePaint(n.color, n.informal)), ...(n.cut ? cutBorder(n.shape, n.x, n.y, n.size) : []), ...label.items],
      },
    ],
    box,
  }
}

type Pt = { x: number; y: number }

/** The point at distance r from `from` towards `to`. */
function toward(from: Pt, to: Pt, r: number): Pt {
  const dx = to.x - from.x
  const dy = to.y - from.y
  const len = Math.hypot(dx, dy) || 1
  return { x: from.x + (dx / len) * r, y: from.y + (dy / len) * r }
}

function zigzag(a: Pt, b: Pt): [number, number][] {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy) || 1
  const teeth = Math.max(4, Math.round(len / 14))
  const pts: [number, number][] = [[a.x, a.y]]
  for (let i = 1; i < teeth; i++) {
    const t = 0.1 + (0.8 * i) / teeth
    const s = i % 2 ? 5 : -5
    pts.push([a.x + dx * t + (-dy / len) * s, a.y + dy * t + (dx / len) * s])
  }
  pts.push([b.x, b.y])
  return pts
}

function arrowHead(tip: Pt, from: Pt, width: number, color: string): Item {
  const len = 9 + width * 1.6
  const half = 4 + width * 0.9
  const base = toward(tip, from, len)
  const dx = (tip.x - base.x) / len
  const dy = (tip.y - base.y) / len
  return {
    kind: 'poly',
    closed: true,
    points: [
      [tip.x, tip.y],
      [base.x - dy * half, base.y + dx * half],
      [base.x + dy * half, base.y - dx * half],
    ],
    fill: color,
  }
}

function drawEdge(e: SceneEdge, nodes: Map<string, SceneNode>, fonts: FontBook, k: number): { items: Item[]; box: Box } | null {
  const s = nodes.get(e.source)
  const t = nodes.get(e.target)
  if (!s || !t) return null
  const style = graphTieStyle({ ...e, type: e.family ? familyTie.type : undefined })
  const via = e.control ?? { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 }
  let a = toward(s, via, s.size / 2 + 2)
  let b = toward(t, via, t.size / 2 + 2)
  const items: Item[] = []
  const arrowLen = 9 + style.width * 1.6
  if (e.forward) items.push(arrowHead(b, via, style.width, style.color))
  if (e.backward) items.push(arrowHead(a, via, style.width, style.color))
  // The line stops at the arrowhead's base, so its end does not show through the tip.
  if (e.forward) b = toward(b, via, arrowLen - 1)
  if (e.backward) a = toward(a, via, arrowLen - 1)
  const paint: Paint = { stroke: style.color, strokeWidth: style.width, dash: style.dash, lineCap: style.lineCap }
  let mid: Pt
  if (e.control) {
    const c = e.control
    items.unshift({ kind: 'path', cmds: [['M', a.x, a.y], ['Q', c.x, c.y, b.x, b.y]] as PathCmd[], ...paint })
    mid = { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y }
  } else {
    items.unshift({ kind: 'poly', closed: false, points: style.zigzag ? zigzag(a, b) : [[a.x, a.y], [b.x, b.y]], ...paint })
    mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
  }
  const box: Box = { x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) }
  if (e.label) {
    // As the canvas: tie labels grow with the cards' labels, but less (elements.ts).
    const size = EDGE_FONT * Math.min(k, 1.4)
    const lines = wrapLines(e.label, EDGE_LABEL_WIDTH * Math.min(k, 1.4), (x) => fonts.width(x, size))
    const label = textBlock(fonts, lines, mid.x, mid.y - (lines.length * size * LINE) / 2, size, EDGE_TEXT, { halo: true })
    items.push(...label.items)
    grow(box, label.box.x1, label.box.y1, label.box.x2, label.box.y2)
  }
  return { items: [{ kind: 'group', className: 'edge', id: e.id, title: e.fullLabel, items }], box }
}

/** The graph in its own coordinates, and the box it takes. */
export function drawGraph(scene: GraphScene, fonts: FontBook): { items: Item[]; box: Box } {
  const nodes = new Map(scene.nodes.map((n) => [n.id, n]))
  const k = scene.labelScale > 0 ? scene.labelScale : 1
  const box: Box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity }
  const items: Item[] = []
  for (const g of scene.groups) {
    const label = textBlock(fonts, [g.label], g.x + g.w / 2, g.y - 22 * k, 16 * k, '#475264')
    items.push({ kind: 'group', className: 'group', items: [{ kind: 'rect', x: g.x, y: g.y, w: g.w, h: g.h, rx: 10, fill: '#eef2f6', fillOpacity: 0.6, stroke: '#b7c2cf', strokeWidth: 1 }, ...label.items] })
    grow(box, g.x, g.y - 22 * k, g.x + g.w, g.y + g.h)
  }
  // Ties under cards, cards under nothing.
  for (const e of scene.edges) {
    const drawn = drawEdge(e, nodes, fonts, k)
    if (!drawn) continue
    items.push(...drawn.items)
    grow(box, drawn.box.x1, drawn.box.y1, drawn.box.x2, drawn.box.y2)
  }
  for (const n of scene.nodes) {
    const drawn = drawNode(n, fonts, k)
    items.push(...drawn.items)
    grow(box, drawn.box.x1, drawn.box.y1, drawn.box.x2, drawn.box.y2)
  }
  if (!Number.isFinite(box.x1)) return { items, box: { x1: 0, y1: 0, x2: 200, y2: 120 } }
  return { items, box }
}

/** Items moved by (dx, dy) after scaling by k: the graph placed on the page. */
export function transformItems(items: Item[], k: number, dx: number, dy: number): Item[] {
  const X = (x: number) => x * k + dx
  const Y = (y: number) => y * k + dy
  const paint = <T extends Paint>(p: T): T => ({
    ...p,
    strokeWidth: p.strokeWidth === undefined ? undefined : p.strokeWidth * k,
    dash: p.dash ? p.dash.split(/\s+/).map((v) => +(Number(v) * k).toFixed(2)).join(' ') : p.dash,
  })
  return items.map((it): Item => {
    switch (it.kind) {
      case 'rect':
        return paint({ ...it, x: X(it.x), y: Y(it.y), w: it.w * k, h: it.h * k, rx: it.rx === undefined ? undefined : it.rx * k })
      case 'circle':
        return paint({ ...it, cx: X(it.cx), cy: Y(it.cy), r: it.r * k })
      case 'poly':
        return paint({ ...it, points: it.points.map(([x, y]) => [X(x), Y(y)] as [number, number]) })
      case 'path':
        return paint({
          ...it,
          cmds: it.cmds.map((c) => (c[0] === 'Z' ? c : ([c[0], ...c.slice(1).map((v, i) => (i % 2 === 0 ? X(v as number) : Y(v as number)))] as PathCmd))),
        })
      case 'text':
        return { ...it, x: X(it.x), y: Y(it.y), size: it.size * k }
      case 'group':
        return { ...it, items: transformItems(it.items, k, dx, dy) }
    }
  })
}

function legendSample(entry: LegendEntry, x: number, y: number): Item[] {
  if (entry.tie) {
    const t = entry.tie
    // The shared legend's own sample line (the same as the graph's and the board's legends).
    const points = [...tieSamplePath(t, 40, 14).matchAll(/[ML]\s*(-?[\d.]+)\s+(-?[\d.]+)/g)].map((m): [number, number] => [x + Number(m[1]), y - 7 + Number(m[2])])
    return [{ kind: 'poly', closed: false, points, stroke: t.color, strokeWidth: t.width, dash: t.dash, lineCap: t.lineCap }]
  }
  const shape = entry.node ?? 'round-rectangle'
  return [nodeShape(shape, x + 20, y, 16, nodePaint('#6b7a8c', !!entry.informal)), ...(entry.cut ? cutBorder(shape, x + 20, y, 16) : [])]
}

/** The legend and the figures, in a column `width` wide from (x, y); returns its height. */
function sideColumn(fonts: FontBook, options: ComposeOptions, x: number, y: number, width: number): { items: Item[]; height: number } {
  const items: Item[] = []
  let cy = y
  const heading = (text: string) => {
    items.push({ kind: 'text', text, x, y: cy + 15, size: 15, fill: INK, bold: true })
    cy += 26
  }
  const para = (text: string, size: number, fill: string, indent = 0) => {
    for (const line of wrapLines(text, width - indent, (s) => fonts.width(s, size))) {
      items.push({ kind: 'text', text: line, x: x + indent, y: cy + size, size, fill })
      cy += size * 1.45
    }
  }
  heading(options.legend.heading)
  for (const entry of options.legend.entries) {
    items.push(...legendSample(entry, x, cy + 8))
    const lines = wrapLines(entry.label, width - 48, (s) => fonts.width(s, 12.5))
    lines.forEach((line, i) => items.push({ kind: 'text', text: line, x: x + 48, y: cy + 12.5 + i * 16, size: 12.5, fill: INK }))
    cy += 6 + lines.length * 16
  }
  for (const note of options.legend.notes) para(note, 12, MUTED)
  const legendItems = items.splice(0)
  if (options.figures) {
    cy += 14
    heading(options.figures.heading)
    for (const row of options.figures.rows) {
      para(row.label, 12, MUTED)
      para(row.value, 13, INK, 10)
      cy += 3
    }
    if (options.figures.note) para(options.figures.note, 11, MUTED)
  }
  const groups: Item[] = [{ kind: 'group', className: 'legend', title: options.legend.heading, items: legendItems }]
  if (options.figures) groups.push({ kind: 'group', className: 'figures', title: options.figures.heading, items })
  return { items: groups, height: cy - y }
}

export function composeGraphPage(scene: GraphScene, fonts: FontBook, options: ComposeOptions): Picture {
  const graph = drawGraph(scene, fonts)
  const gw = graph.box.x2 - graph.box.x1
  const gh = graph.box.y2 - graph.box.y1
  const header: Item[] = []
  const titleSize = 22
  const page = options.page
  const width0 = page?.width ?? 0
  const titleLines = wrapLines(options.title, Math.max(400, (page ? width0 : gw / Math.max(1, scene.labelScale) + SIDE_WIDTH) - 2 * MARGIN), (s) => fonts.width(s, titleSize)).slice(0, 2)
  titleLines.forEach((line, i) => header.push({ kind: 'text', text: line, x: MARGIN, y: MARGIN + titleSize + i * titleSize * LINE, size: titleSize, fill: INK, bold: true }))
  const dateBaseline = MARGIN + titleSize + (titleLines.length - 1) * titleSize * LINE + 22
  header.push({ kind: 'text', text: options.date, x: MARGIN, y: dateBaseline, size: 13, fill: MUTED })
  const headerHeight = dateBaseline + HEADER_GAP

  let k = 1
  let width: number
  let height: number
  let side: { items: Item[]; height: number }
  if (page) {
    const areaH = page.height - headerHeight - MARGIN
    // The legend and figures shrink to the page's height; the graph takes the rest of the width.
    const column = sideColumn(fonts, options, 0, 0, SIDE_WIDTH)
    const ks = Math.min(1, areaH / Math.max(column.height, 1))
    const sideW = SIDE_WIDTH * ks
    side = { items: transformItems(column.items, ks, page.width - MARGIN - sideW, headerHeight), height: column.height * ks }
    const areaW = page.width - 3 * MARGIN - sideW
    k = Math.min(areaW / Math.max(gw, 1), areaH / Math.max(gh, 1), 1.6)
    width = page.width
    height = page.height
  } else {
    // As the screen shows it fitted: the canvas enlarged the labels by labelScale because it is
    // zoomed out by about as much, so the picture is the graph at that zoom, labels at their size.
    k = 1 / Math.max(1, scene.labelScale)
    width = MARGIN * 3 + gw * k + SIDE_WIDTH
    side = sideColumn(fonts, options, MARGIN * 2 + gw * k, headerHeight, SIDE_WIDTH)
    height = Math.max(headerHeight + gh * k, headerHeight + side.height) + MARGIN
  }
  // A thin rule between the header and the picture.
  header.push({ kind: 'poly', closed: false, points: [[MARGIN, headerHeight - 8], [width - MARGIN, headerHeight - 8]], stroke: '#d5dae1', strokeWidth: 1 })
  const placed = transformItems(graph.items, k, MARGIN - graph.box.x1 * k, headerHeight - graph.box.y1 * k)
  return {
    width,
    height,
    title: options.title,
    items: [{ kind: 'group', className: 'header', items: header }, { kind: 'group', className: 'graph', items: placed }, ...side.items],
  }
}
