import { inLang, labelOf, type Lang } from '../i18n/catalog.ts'
import { relationTypeCatalog } from '../i18n/vocabulary.ts'
import type { Relation } from '../model/schema.ts'
import { exitPoint, fit, line, measure, metrics, overlaps, type Box, type CardLayout, type TextLine, type TieLayout } from './geometry.ts'
import { ecomapText } from './labels.ts'
import { legendItems, tieStyle, type LegendItem } from './style.ts'

/** The eco-map's ties (with their labels) and its legend (shared/ecomap/layout.ts places the cards). */

export interface LegendLayout {
  box: Box
  heading: TextLine
  entries: { item: LegendItem; sample: Box; text: TextLine }[]
  notes: TextLine[]
}

export function layoutTies(relations: Relation[], cards: CardLayout[], obstacles: Box[], width: number, bottom: number, lang: Lang): TieLayout[] {
  const byCard = new Map(cards.map((c) => [c.id, c]))
  const pairs = new Map<string, Relation[]>()
  for (const r of relations) {
    const key = [r.from, r.to].sort().join('\u0000')
    pairs.set(key, [...(pairs.get(key) ?? []), r])
  }
  const placed: Box[] = []
  const ties: TieLayout[] = []
  for (const r of relations) {
    const a = byCard.get(r.from)
    const b = byCard.get(r.to)
    if (!a || !b) continue
    // Several ties between the same two cards run side by side instead of on top of each other.
    const siblings = pairs.get([r.from, r.to].sort().join('\u0000'))!
    const [low, high] = r.from < r.to ? [a, b] : [b, a]
    const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
    const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
    const lx = high.x + high.w / 2 - (low.x + low.w / 2)
    const ly = high.y + high.h / 2 - (low.y + low.h / 2)
    const len = Math.hypot(lx, ly) || 1
    const offset = (siblings.indexOf(r) - (siblings.length - 1) / 2) * 8
    const shift = { x: (-ly / len) * offset, y: (lx / len) * offset }
    const sa = { x: ca.x + shift.x, y: ca.y + shift.y }
    const sb = { x: cb.x + shift.x, y: cb.y + shift.y }
    const start = exitPoint(a, sa, sb, 1)
    const end = exitPoint(b, sb, sa, 1)
    const text = fit(labelOf(relationTypeCatalog, lang, r.type), 7 * metrics.font.tie, metrics.font.tie, 1)[0] ?? ''
    let label: TieLayout['label'] = null
    const textW = measure(text) * metrics.font.tie
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78]) {
      const px = start.x + (end.x - start.x) * t
      const py = start.y + (end.y - start.y) * t
      const box = { x: px - textW / 2 - 3, y: py - 7, w: textW + 6, h: 13 }
      if (box.x < 0 || box.x + box.w > width || box.y < 0 || box.y + box.h > bottom) continue
      if (obstacles.some((o) => overlaps(box, o, 2)) || placed.some((o) => overlaps(box, o, 1))) continue
      placed.push(box)
      label = { ...line(text, px - textW / 2, py + 3.5, metrics.font.tie), box }
      break
    }
    const heads: Record<Relation['direction'], [boolean, boolean]> = { forward: [false, true], backward: [true, false], both: [true, true], none: [false, false] }
    const [arrowStart, arrowEnd] = heads[r.direction] ?? heads.forward
    ties.push({ id: r.id, from: r.from, to: r.to, start, end, style: tieStyle(r), arrowStart, arrowEnd, label })
  }
  return ties
}

const legendRow = 18

export function legendHeight(width: number, lang: Lang, withPersons: boolean): number {
  return layoutLegend(width, 0, lang, withPersons).box.h
}

/** The legend below the map: its samples in rows as wide as the picture, then the notes. */
export function layoutLegend(width: number, top: number, lang: Lang, withPersons: boolean): LegendLayout {
  const T = inLang(ecomapText, lang)
  const f = metrics.font
  const left = metrics.pad
  const right = width - metrics.pad
  const heading = line(fit(T.legendHeading, right - left, f.legend, 1, true)[0] ?? '', left, top + 14, f.legend, true)
  const indent = left + heading.width + 10
  let x = indent
  let y = top + 4
  const entries: LegendLayout['entries'] = []
  for (const item of legendItems) {
    if (!withPersons && item.kind === 'card' && item.card === 'person') continue
    const label = fit(T[item.key], right - indent - 34, f.legend, 1)[0] ?? ''
    const itemW = 34 + measure(label) * f.legend + 14
    if (x > indent && x + itemW > right) {
      x = indent
      y += legendRow
    }
    const sample = item.kind === 'tie' ? { x, y: y + 3, w: 28, h: 10 } : { x: x + 2, y: y + 1, w: 24, h: 13 }
    entries.push({ item, sample, text: line(label, x + 34, y + 11, f.legend) })
    x += itemW
  }
  const notes = fit(T.legendNotes, right - left, f.note, 3).map((t, i) => line(t, left, y + legendRow + 10 + i * 14, f.note))
  const bottom = y + legendRow + notes.length * 14
  return { box: { x: 0, y: top, w: width, h: bottom - top }, heading, entries, notes }
}
