import { textWidth, wrapText } from '../quadrant/wrap.ts'
import type { TieStyle } from './style.ts'

/**
 * The eco-map's measures (shared/ecomap/layout.ts): boxes, sizes, and text measured without a
 * browser — wrapText's em widths, erring wide for Latin — wrapped or cut to fit a width.
 */

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface Point {
  x: number
  y: number
}

/** One line of text: `x` is where it starts, `y` its baseline, `width` its measured width. */
export interface TextLine {
  text: string
  x: number
  y: number
  size: number
  bold: boolean
  width: number
}

export interface CardLayout extends Box {
  kind: 'actor' | 'person'
  id: string
  style: 'formal' | 'informal' | 'person'
  /** The stripe (actors): the colour of the first field. */
  color: string
  badge: (Box & { text: TextLine }) | null
  lines: TextLine[]
}

export interface TieLayout {
  id: string
  from: string
  to: string
  start: Point
  end: Point
  style: TieStyle
  arrowStart: boolean
  arrowEnd: boolean
  label: (TextLine & { box: Box }) | null
}

/** Sizes in SVG user units. */
export const metrics = {
  pad: 16,
  padTop: 26,
  card: { w: 168, h: 62 },
  person: { w: 150, h: 56 },
  gap: { x: 28, y: 24 },
  /** Extra room above the household's row, for the frame's title. */
  frameTop: 12,
  frame: { x: 14, top: 24, bottom: 12 },
  font: { name: 14, badge: 9, role: 15, sub: 12, tie: 10.5, legend: 12, note: 10.5, frame: 13 },
}

/**
 * Width of a text in em, erring wide: wrapText's widths (full-width 1, others 0.55) with Latin
 * capitals and wide letters counted as they print in Noto Sans CJK, bold a little wider.
 */
export function measure(text: string, bold = false): number {
  let wide = 0
  let narrow = 0
  for (const ch of text) {
    if (/[A-Z@%&MWmw]/.test(ch)) narrow += 0.7
    else if (/[\x20-\x7e]/.test(ch)) narrow += 0.58
    else if (textWidth(ch) === 1) wide += 1
    else narrow += 0.62
  }
  // Full-width glyphs are 1 em in any weight; proportional ones widen when bold.
  return wide + (bold ? narrow * 1.05 : narrow)
}

export const line = (text: string, x: number, y: number, size: number, bold = false): TextLine => ({ text, x, y, size, bold, width: measure(text, bold) * size })

/** At most `maxLines` lines no wider than `width` at `size`; what does not fit ends in "…". */
export function fit(text: string, width: number, size: number, maxLines: number, bold = false): string[] {
  const fits = (l: string) => measure(l, bold) * size <= width
  // 「保健センター 地区担当保健師」: break at the spaces a user typed when that is enough.
  const words = text.trim().split(/\s+/)
  if (words.length > 1 && words.every(fits)) {
    const byWord: string[] = []
    for (const word of words) {
      const joined = byWord.length ? `${byWord[byWord.length - 1]} ${word}` : word
      if (byWord.length && fits(joined)) byWord[byWord.length - 1] = joined
      else byWord.push(word)
    }
    if (byWord.length <= maxLines) return byWord
  }
  // Latin text measures wider than wrapText thinks: wrap narrower until every line fits.
  let em = width / size
  let lines = wrapText(text, em, maxLines)
  for (let i = 0; i < 12 && !lines.every(fits); i++) lines = wrapText(text, (em *= 0.92), maxLines)
  return lines.map((l) => {
    if (fits(l)) return l
    let cut = [...l.replace(/…$/, '')]
    while (cut.length > 0 && measure(cut.join('') + '…', bold) * size > width) cut = cut.slice(0, -1)
    return cut.join('') + '…'
  })
}

export const overlaps = (a: Box, b: Box, margin = 0) =>
  a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  let t0 = 0
  let t1 = 1
  const dx = b.x - a.x
  const dy = b.y - a.y
  const edges: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.w - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.h - a.y],
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false
      continue
    }
    const t = q / p
    if (p < 0) t0 = Math.max(t0, t)
    else t1 = Math.min(t1, t)
    if (t0 > t1) return false
  }
  return true
}

/** Where the segment from a box's centre towards `towards` leaves the box (plus `out`). */
export function exitPoint(box: Box, centre: Point, towards: Point, out: number): Point {
  const dx = towards.x - centre.x
  const dy = towards.y - centre.y
  const tx = dx === 0 ? Infinity : (box.w / 2 + out) / Math.abs(dx)
  const ty = dy === 0 ? Infinity : (box.h / 2 + out) / Math.abs(dy)
  const t = Math.min(tx, ty, 1)
  return { x: centre.x + dx * t, y: centre.y + dy * t }
}
