import { fill, inLang, labelOf, type Lang } from '../i18n/catalog.ts'
import { ageBandCatalog, levelBadgeCatalog, personRoleCatalog } from '../i18n/vocabulary.ts'
import type { Actor, MapModel, Person } from '../model/schema.ts'
import { fieldColors, levels } from '../model/vocabulary.ts'
import { fit, line, metrics, segmentHitsBox, type Box, type CardLayout, type Point, type TextLine, type TieLayout } from './geometry.ts'
import { ecomapText } from './labels.ts'
import { layoutLegend, layoutTies, legendHeight, type LegendLayout } from './parts.ts'
import { cardStyles, neutralFieldColor } from './style.ts'

/**
 * Where everything of the printed eco-map goes (pure and deterministic: the same model gives
 * the same picture). The household's persons sit in a central 世帯 frame; the other cards sit
 * in a grid around it, nearest first: persons outside the household, then actors tied to a
 * person, the best connected first. Formal agencies go to the right, informal actors to the
 * left. Cards come from grid cells, so no two overlap whatever the count; the grid's shape is
 * chosen to fill a box of the given aspect (A4 width × about 90 mm) as large as it can.
 *
 * Text is measured and cut to fit in geometry.ts; a tie's label goes where it covers no card,
 * or is left out (parts.ts).
 */

export type { Box, CardLayout, Point, TextLine, TieLayout } from './geometry.ts'
export type { LegendLayout } from './parts.ts'
export { measure, metrics, segmentHitsBox } from './geometry.ts'

export interface EcomapLayout {
  width: number
  height: number
  /** null when the map has no persons at all (a community map): there is no household to frame. */
  household: { box: Box; label: TextLine; note: TextLine | null } | null
  cards: CardLayout[]
  ties: TieLayout[]
  legend: LegendLayout
}

export interface EcomapOptions {
  lang?: Lang
  /** false: no person, no tie to one (the household frame stays, empty). Default true. */
  includePersons?: boolean
  /** Width ÷ height of the box the picture is printed in. Default 2 (182 mm × 91 mm). */
  aspect?: number
}

const cellW = metrics.card.w + metrics.gap.x
const cellH = metrics.card.h + metrics.gap.y

export function layoutEcomap(model: MapModel, options: EcomapOptions = {}): EcomapLayout {
  const lang = options.lang ?? 'ja'
  const includePersons = options.includePersons ?? true
  const aspect = options.aspect ?? 2
  const persons = includePersons ? [...model.persons].sort(personOrder) : []
  const nodeIds = new Set([...model.actors.map((a) => a.id), ...persons.map((p) => p.id)])
  const relations = model.relations.filter((r) => nodeIds.has(r.from) && nodeIds.has(r.to) && r.from !== r.to).sort(byId)
  const inside = persons.filter((p) => p.household)
  const outside = persons.filter((p) => !p.household)

  // The household block: its persons in a grid of their own, about twice as wide as tall; one
  // empty cell when persons are left out, none when the map has no persons at all.
  const framed = model.persons.length > 0
  const housed = framed ? Math.max(1, inside.length) : 0
  let bw = Math.min(housed, Math.ceil(Math.sqrt(housed * 2)))
  const bh = bw ? Math.ceil(housed / bw) : 0
  if (bh) bw = Math.ceil(housed / bh)

  const ringCount = outside.length + model.actors.length
  const { cols, rows } = chooseGrid(ringCount, bw, bh, aspect, (w) => legendHeight(w, lang, persons.length > 0))
  const bx = Math.floor((cols - bw) / 2)
  const by = Math.floor((rows - bh) / 2)
  const colX = (c: number) => metrics.pad + c * cellW
  const rowY = (r: number) => metrics.padTop + r * cellH + (framed && r >= by ? metrics.frameTop : 0)
  const width = gridWidth(cols)
  const gridBottom = rowY(rows - 1) + metrics.card.h + metrics.pad

  const cards: CardLayout[] = []
  inside.forEach((p, i) => cards.push(personCard(p, colX(bx + (i % bw)), rowY(by + Math.floor(i / bw)), lang)))

  // Free cells, nearest to the household first, then clockwise from the top.
  const hx = colX(bx) + (bw * cellW - metrics.gap.x) / 2
  const hy = rowY(by) + (bh * cellH - metrics.gap.y) / 2
  const cells: { c: number; r: number; ring: number; dist: number; angle: number; dx: number }[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c >= bx && c < bx + bw && r >= by && r < by + bh) continue
      const ringX = c < bx ? bx - c : c >= bx + bw ? c - (bx + bw) + 1 : 0
      const ringY = r < by ? by - r : r >= by + bh ? r - (by + bh) + 1 : 0
      const dx = colX(c) + metrics.card.w / 2 - hx
      const dy = rowY(r) + metrics.card.h / 2 - hy
      const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI)
      cells.push({ c, r, ring: Math.max(ringX, ringY), dist: Math.round(Math.hypot(dx / cellW, dy / cellH) * 1e6), angle, dx })
    }
  }
  cells.sort((a, b) => a.ring - b.ring || a.dist - b.dist || a.angle - b.angle)

  const neighbours = new Map<string, string[]>()
  for (const r of relations) {
    neighbours.set(r.from, [...(neighbours.get(r.from) ?? []), r.to])
    neighbours.set(r.to, [...(neighbours.get(r.to) ?? []), r.from])
  }
  const personIds = new Set(persons.map((p) => p.id))
  const tiesToPersons = (id: string) => (neighbours.get(id) ?? []).filter((x) => personIds.has(x)).length
  const actorOrder = (a: Actor, b: Actor) =>
    tiesToPersons(b.id) - tiesToPersons(a.id) ||
    (neighbours.get(b.id)?.length ?? 0) - (neighbours.get(a.id)?.length ?? 0) ||
    levels.indexOf(a.level) - levels.indexOf(b.level) ||
    byId(a, b)

  // Greedy: each card takes the free cell nearest to the cards it is tied to that are already
  // placed (and to the household), on its own side when it can.
  const centres = new Map(cards.map((c) => [c.id, { x: c.x + c.w / 2, y: c.y + c.h / 2 }]))
  const drawn: [Point, Point][] = []
  // The crossing checks cost cards² × ties: big community maps are placed by distance alone.
  const checkCrossings = model.actors.length + persons.length <= 80
  const place = (id: string, side: 'left' | 'right' | null): { c: number; r: number } => {
    let best = 0
    let bestCost = Infinity
    cells.forEach((cell, i) => {
      const x = colX(cell.c) + metrics.card.w / 2
      const y = rowY(cell.r) + metrics.card.h / 2
      let cost = 0.35 * (cell.dist / 1e6) + (side === 'right' && cell.dx < -1 ? 2.5 : side === 'left' && cell.dx > 1 ? 2.5 : 0)
      const box = { x: colX(cell.c), y: rowY(cell.r), w: metrics.card.w, h: metrics.card.h }
      for (const other of neighbours.get(id) ?? []) {
        const at = centres.get(other)
        if (!at) continue
        cost += Math.hypot(x - at.x, y - at.y) / cellW
        // A tie drawn under another card reads as if it ended there.
        if (checkCrossings) for (const c of cards) if (c.id !== other && segmentHitsBox({ x, y }, at, c)) cost += 1.5
      }
      if (checkCrossings) for (const [a, b] of drawn) if (segmentHitsBox(a, b, box)) cost += 1
      if (cost < bestCost - 1e-9) {
        best = i
        bestCost = cost
      }
    })
    const [cell] = cells.splice(best, 1)
    const at = { x: colX(cell.c) + metrics.card.w / 2, y: rowY(cell.r) + metrics.card.h / 2 }
    for (const other of neighbours.get(id) ?? []) {
      const end = centres.get(other)
      if (end) drawn.push([at, end])
    }
    centres.set(id, at)
    return cell
  }
  for (const p of outside) {
    const cell = place(p.id, null)
    cards.push(personCard(p, colX(cell.c), rowY(cell.r), lang))
  }
  for (const actor of [...model.actors].sort(actorOrder)) {
    const cell = place(actor.id, actor.formal ? 'right' : 'left')
    cards.push(actorCard(actor, colX(cell.c), rowY(cell.r), lang))
  }

  const household = framed ? householdFrame(cards.filter((c) => inside.some((p) => p.id === c.id)), colX(bx), rowY(by), includePersons, lang) : null
  const obstacles = household ? [...cards, { x: household.label.x - 2, y: household.label.y - 13, w: household.label.width + 4, h: 16 }] : cards
  const ties = layoutTies(relations, cards, obstacles, width, gridBottom, lang)
  const legend = layoutLegend(width, gridBottom, lang, persons.length > 0)
  return { width, height: legend.box.y + legend.box.h + 6, household, cards, ties, legend }
}

/** The 世帯 frame around the household's cards (or around its empty cell). */
function householdFrame(houseCards: CardLayout[], cellX: number, cellY: number, includePersons: boolean, lang: Lang): NonNullable<EcomapLayout['household']> {
  const blockLeft = cellX + (metrics.card.w - metrics.person.w) / 2
  const blockTop = cellY + (metrics.card.h - metrics.person.h) / 2
  const blockRight = houseCards.length ? Math.max(...houseCards.map((c) => c.x + c.w)) : blockLeft + metrics.person.w
  const blockBottom = houseCards.length ? Math.max(...houseCards.map((c) => c.y + c.h)) : blockTop + metrics.person.h
  const frame: Box = {
    x: blockLeft - metrics.frame.x,
    y: blockTop - metrics.frame.top,
    w: blockRight - blockLeft + 2 * metrics.frame.x,
    h: blockBottom - blockTop + metrics.frame.top + metrics.frame.bottom,
  }
  const T = inLang(ecomapText, lang)
  const frameTitle = line(fit(T.householdFrame, frame.w - 16, metrics.font.frame, 1, true)[0] ?? '', frame.x + 8, frame.y + 16, metrics.font.frame, true)
  const note =
    houseCards.length === 0
      ? line(fit(includePersons ? '' : T.personsOmitted, frame.w - 16, metrics.font.sub, 1)[0] ?? '', frame.x + 8, blockTop + metrics.person.h / 2 + 4, metrics.font.sub)
      : null
  return { box: frame, label: frameTitle, note: note && note.text ? note : null }
}

function gridWidth(cols: number): number {
  return 2 * metrics.pad + cols * cellW - metrics.gap.x
}

/** The grid (columns × rows, household block included) that prints largest in the box. */
function chooseGrid(n: number, bw: number, bh: number, aspect: number, legendHeightAt: (width: number) => number): { cols: number; rows: number } {
  if (n === 0) return { cols: Math.max(1, bw), rows: Math.max(1, bh) }
  const minCols = bw + Math.min(2, n)
  let best: { cols: number; rows: number; scale: number; cells: number } | null = null
  for (let cols = minCols; cols <= minCols + n; cols++) {
    const rows = Math.max(bh, Math.ceil((n + bw * bh) / cols))
    const width = gridWidth(cols)
    const height = metrics.padTop + rows * cellH - metrics.gap.y + metrics.frameTop + metrics.pad + legendHeightAt(width)
    const scale = Math.min(aspect / width, 1 / height)
    const cells = cols * rows
    if (!best || scale > best.scale * 1.0001 || (Math.abs(scale - best.scale) <= best.scale * 1e-4 && cells < best.cells)) best = { cols, rows, scale, cells }
  }
  return best!
}

function personOrder(a: Person, b: Person): number {
  // 本人 (the person concerned) first, then by id: the same household always looks the same.
  return Number(b.label === '本人') - Number(a.label === '本人') || byId(a, b)
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function actorCard(actor: Actor, x: number, y: number, lang: Lang): CardLayout {
  const { w, h } = metrics.card
  const left = x + 14
  const inner = w - 14 - 8
  const f = metrics.font
  const badgeText = fit(labelOf(levelBadgeCatalog, lang, actor.level), inner - 8, f.badge, 1, true)[0] ?? ''
  const badgeLine = line(badgeText, left + 4, y + 16, f.badge, true)
  const badge = { x: left, y: y + 6, w: badgeLine.width + 8, h: 13, text: badgeLine }
  const names = fit(actor.name, inner, f.name, 2, true)
  const baselines = names.length > 1 ? [y + 36, y + 52] : [y + 43]
  return {
    kind: 'actor',
    id: actor.id,
    style: actor.formal ? 'formal' : 'informal',
    color: fieldColors[actor.fields[0]] ?? neutralFieldColor,
    x,
    y,
    w,
    h,
    badge,
    lines: names.map((t, i) => line(t, left, baselines[i], f.name, true)),
  }
}

function personCard(person: Person, cellX: number, cellY: number, lang: Lang): CardLayout {
  const { w, h } = metrics.person
  const x = cellX + (metrics.card.w - w) / 2
  const y = cellY + (metrics.card.h - h) / 2
  const inner = w - 20
  const f = metrics.font
  const role = fit(labelOf(personRoleCatalog, lang, person.label), inner, f.role, 1, true)[0] ?? ''
  const age = labelOf(ageBandCatalog, lang, person.ageBand)
  const sub = person.household ? age : fill(inLang(ecomapText, lang).outsideHousehold, { age })
  return {
    kind: 'person',
    id: person.id,
    style: 'person',
    color: cardStyles.person.stroke,
    x,
    y,
    w,
    h,
    badge: null,
    lines: [line(role, x + 10, y + 24, f.role, true), line(fit(sub, inner, f.sub, 1)[0] ?? '', x + 10, y + 43, f.sub)],
  }
}
