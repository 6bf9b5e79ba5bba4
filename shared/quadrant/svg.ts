import type { QuadrantData } from './schema.ts'
import { plenaryOverlay, type OverlayCard } from './summary.ts'
import { fill, type Lang } from '../i18n/catalog.ts'
import { quadrantAxisCatalog, quadrantCatalog, quadrantTextCatalog } from '../i18n/quadrant.ts'
import { orphanGroupColor, type QuadrantId } from './vocabulary.ts'
import { textWidth, wrapText } from './wrap.ts'

/**
 * The diagram as a standalone SVG document: for print, for reports, and for the browser to
 * turn into a PNG. Standalone means no CSS, no web fonts and no outside references (town-hall
 * networks are closed), so fonts are named from those installed on Japanese PCs.
 */

export const svgFontFamily = "'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif"

/**
 * Text for XML: escapes markup characters and drops what XML 1.0 cannot hold at all (control
 * characters, lone surrogates), which a pasted card text may contain; one such character would
 * otherwise make the whole file unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export interface SvgOptions {
  /** Only this workshop group's cards; the default is the plenary overlay of all groups. */
  groupId?: string
  title?: string
  width?: number
  height?: number
  showVotes?: boolean
  /** Language of the diagram's own words (axes, quadrants, legend); Japanese unless told. */
  lang?: Lang
}

const n = (v: number) => String(Math.round(v * 10) / 10)

/** Colours go into attributes unescaped, so only #rrggbb passes (validated data always does). */
function safeColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : orphanGroupColor
}

/** A light tint of a #rrggbb colour, for the note's paper. */
function tint(hex: string, amount = 0.82): string {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(1)}${channel(2)}`
}

const card = { width: 176, font: 14, line: 18, pad: 8, maxLines: 5, footer: 16 }

function cardLines(text: string): string[] {
  return wrapText(text, (card.width - 2 * card.pad) / card.font, card.maxLines)
}

function cardHeight(text: string): number {
  return card.pad * 2 + cardLines(text).length * card.line + card.footer
}

/** Space kept between two notes, so that their edges do not touch either. */
const CARD_GAP = 6

export interface CardBox {
  id: string
  /** Centre. */
  x: number
  y: number
  width: number
  height: number
}

/** Whether two notes (with the gap between them) overlap. */
export function boxesOverlap(a: CardBox, b: CardBox, gap = 0): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + 2 * gap && Math.abs(a.y - b.y) * 2 < a.height + b.height + 2 * gap
}

/** How finely a note looks for a free place around its own (px). */
const SEARCH_STEP = 8

/**
 * Notes placed so that none covers another: in drawing order, each note goes where it was put
 * if that is free, else to the nearest free place around it (searched outwards on a fine grid),
 * inside the plot. Deterministic: the same board gives the same picture. `separate` false gives
 * the places as put, for comparison.
 */
export function separateCards(boxes: CardBox[], bounds: { left: number; right: number; top: number; bottom: number }, separate = true): CardBox[] {
  if (!separate) return boxes.map((b) => ({ ...b }))
  const placed: CardBox[] = []
  let offsets: [number, number][] | null = null
  const inside = (b: CardBox) => b.x - b.width / 2 >= bounds.left && b.x + b.width / 2 <= bounds.right && b.y - b.height / 2 >= bounds.top && b.y + b.height / 2 <= bounds.bottom
  const free = (b: CardBox) => placed.every((p) => !boxesOverlap(p, b, CARD_GAP))
  for (const box of boxes) {
    const own = { ...box }
    // A note at the very edge is first brought wholly inside.
    own.x = Math.min(bounds.right - own.width / 2, Math.max(bounds.left + own.width / 2, own.x))
    own.y = Math.min(bounds.bottom - own.height / 2, Math.max(bounds.top + own.height / 2, own.y))
    let chosen = own
    if (!free(own)) {
      if (!offsets) {
        const w = bounds.right - bounds.left
        const h = bounds.bottom - bounds.top
        offsets = []
        for (let dx = -w; dx <= w; dx += SEARCH_STEP) for (let dy = -h; dy <= h; dy += SEARCH_STEP) offsets.push([dx, dy])
        offsets.sort((p, q) => p[0] * p[0] + p[1] * p[1] - (q[0] * q[0] + q[1] * q[1]))
      }
      // No free place at all (more notes than the plot holds): it stays where it was put.
      for (const [dx, dy] of offsets) {
        const candidate = { ...own, x: own.x + dx, y: own.y + dy }
        if (inside(candidate) && free(candidate)) {
          chosen = candidate
          break
        }
      }
    }
    placed.push(chosen)
  }
  return placed
}

function sticky({ card: practice, color: groupColor, votes }: OverlayCard, at: { x: number; y: number }, showVotes: boolean, lang: Lang): string {
  const color = safeColor(groupColor)
  const lines = cardLines(practice.text)
  const height = card.pad * 2 + lines.length * card.line + card.footer
  const left = at.x - card.width / 2
  const top = at.y - height / 2
  const footer = practice.referenceNo !== undefined ? fill(quadrantTextCatalog[lang].referenceFooter, { no: practice.referenceNo }) : practice.authorOrg
  const footerLines = wrapText(footer, (card.width - 2 * card.pad) / 11, 1)
  const parts = [
    `<g class="card" data-id="${escapeXml(practice.id)}">`,
    `<title>${escapeXml(practice.text)}</title>`,
    `<rect x="${n(left)}" y="${n(top)}" width="${card.width}" height="${n(height)}" rx="3" fill="${tint(color)}" stroke="${color}" stroke-width="1.5"/>`,
    `<rect x="${n(left)}" y="${n(top)}" width="${card.width}" height="4" fill="${color}"/>`,
    `<text x="${n(left + card.pad)}" y="${n(top + card.pad + card.font)}" font-size="${card.font}" fill="#222">`,
    ...lines.map((line, i) => `<tspan x="${n(left + card.pad)}" dy="${i === 0 ? 0 : card.line}">${escapeXml(line)}</tspan>`),
    `</text>`,
    `<text x="${n(left + card.pad)}" y="${n(top + height - card.pad + 2)}" font-size="11" fill="#555">${escapeXml(footerLines[0] ?? '')}</text>`,
  ]
  if (showVotes && votes > 0) {
    const cx = left + card.width - 4
    const cy = top + 4
    parts.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="13" fill="${color}" stroke="#fff" stroke-width="2"/>`,
      `<text x="${n(cx)}" y="${n(cy + 5)}" font-size="14" font-weight="bold" fill="#fff" text-anchor="middle">${votes}</text>`,
    )
  }
  parts.push('</g>')
  return parts.join('')
}

function cardLayout(cards: OverlayCard[], at: (x: number, y: number) => { x: number; y: number }, plot: { left: number; right: number; top: number; bottom: number }, separate = true): CardBox[] {
  const boxes = cards.map((c) => ({ id: c.card.id, ...at(c.card.x, c.card.y), width: card.width, height: cardHeight(c.card.text) }))
  return separateCards(boxes, plot, separate)
}

/** The notes' boxes as diagramSvg places them (for tests and for anyone checking the layout). */
export function diagramCardBoxes(data: QuadrantData, options: Pick<SvgOptions, 'groupId' | 'title' | 'width' | 'height'> = {}, separate = true): CardBox[] {
  const { cards, at, plot } = diagramFrame(data, options)
  return cardLayout(cards, at, plot, separate)
}

function diagramFrame(data: QuadrantData, options: Pick<SvgOptions, 'groupId' | 'title' | 'width' | 'height'>) {
  const width = options.width ?? 1600
  const height = options.height ?? 1200
  const overlay = plenaryOverlay(data)
  const cards = overlay.cards.filter((c) => options.groupId === undefined || c.card.groupId === options.groupId)
  const top = options.title ? 96 : 64
  const plot = { left: 40, right: width - 40, top, bottom: height - 96 }
  const cx = (plot.left + plot.right) / 2
  const cy = (plot.top + plot.bottom) / 2
  const at = (x: number, y: number) => ({
    // The note stays wholly on the diagram even for a card at the very edge.
    x: Math.min(plot.right - card.width / 2, Math.max(plot.left + card.width / 2, cx + (x * (plot.right - plot.left)) / 2)),
    y: Math.min(plot.bottom - 40, Math.max(plot.top + 40, cy - (y * (plot.bottom - plot.top)) / 2)),
  })
  return { overlay, cards, plot, cx, cy, at, width, height }
}

export function diagramSvg(data: QuadrantData, options: SvgOptions = {}): string {
  const showVotes = options.showVotes ?? true
  const lang = options.lang ?? 'ja'
  const text = quadrantTextCatalog[lang]
  const axisLabels = quadrantAxisCatalog[lang]
  const { overlay, cards, plot, cx, cy, at, width, height } = diagramFrame(data, options)
  const legend = overlay.legend.filter((g) => options.groupId === undefined || g.groupId === options.groupId)

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(svgFontFamily)}">`,
    `<title>${escapeXml(options.title ?? text.svgTitle)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ]
  if (options.title) out.push(`<text x="${plot.left}" y="40" font-size="26" font-weight="bold" fill="#222">${escapeXml(options.title)}</text>`)

  // Quadrant names in the outer corners, faint so the cards stay in front.
  const corners: [QuadrantId, number, number, 'start' | 'end'][] = [
    ['informal-discovery', plot.left + 12, plot.top + 28, 'start'],
    ['formal-discovery', plot.right - 12, plot.top + 28, 'end'],
    ['informal-solving', plot.left + 12, plot.bottom - 14, 'start'],
    ['formal-solving', plot.right - 12, plot.bottom - 14, 'end'],
  ]
  for (const [quadrant, x, y, anchor] of corners) {
    out.push(
      `<text class="quadrant-label" x="${n(x)}" y="${n(y)}" font-size="20" fill="#9a9a9a" text-anchor="${anchor}">${escapeXml(quadrantCatalog[lang][quadrant])}</text>`,
    )
  }

  // Axes with arrows at both ends, and each end's label.
  out.push(
    `<line x1="${plot.left}" y1="${n(cy)}" x2="${plot.right}" y2="${n(cy)}" stroke="#333" stroke-width="2" marker-start="url(#arrow)" marker-end="url(#arrow)"/>`,
    `<line x1="${n(cx)}" y1="${plot.bottom}" x2="${n(cx)}" y2="${plot.top}" stroke="#333" stroke-width="2" marker-start="url(#arrow)" marker-end="url(#arrow)"/>`,
    `<text class="axis-label" x="${plot.left + 4}" y="${n(cy - 12)}" font-size="18" font-weight="bold" fill="#333">${escapeXml(axisLabels.xNegative)}</text>`,
    `<text class="axis-label" x="${plot.right - 4}" y="${n(cy - 12)}" font-size="18" font-weight="bold" fill="#333" text-anchor="end">${escapeXml(axisLabels.xPositive)}</text>`,
    `<text class="axis-label" x="${n(cx)}" y="${plot.top - 12}" font-size="18" font-weight="bold" fill="#333" text-anchor="middle">${escapeXml(axisLabels.yPositive)}</text>`,
    `<text class="axis-label" x="${n(cx)}" y="${plot.bottom + 26}" font-size="18" font-weight="bold" fill="#333" text-anchor="middle">${escapeXml(axisLabels.yNegative)}</text>`,
  )

  // Where each note goes: at its place on the axes, then moved apart from its neighbours.
  const placed = cardLayout(cards, at, plot)
  cards.forEach((c, i) => out.push(sticky(c, placed[i], showVotes, lang)))

  // Legend: which colour is which group, and how many cards each brought; wraps onto a new row.
  let x = plot.left
  let y = height - 52
  for (const entry of legend) {
    const label = fill(text.legendEntry, { group: entry.group?.name ?? text.orphanGroup, count: entry.cards.length })
    const w = 22 + textWidth(label) * 15 + 28
    if (x > plot.left && x + w > plot.right) {
      x = plot.left
      y += 24
    }
    out.push(
      `<rect x="${n(x)}" y="${y - 14}" width="16" height="16" fill="${safeColor(entry.group?.color)}"/>`,
      `<text x="${n(x + 22)}" y="${y}" font-size="15" fill="#222">${escapeXml(label)}</text>`,
    )
    x += w
  }
  out.push('</svg>')
  return out.join('\n') + '\n'
}
