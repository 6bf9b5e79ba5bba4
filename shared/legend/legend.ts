import type { Relation } from '../model/schema.ts'
import type { RelationType, Status, Strength } from '../model/vocabulary.ts'
import type { EcomapTextKey } from '../ecomap/labels.ts'

/**
 * The one legend of the map: how cards and ties look on the board (tldraw), in the graph
 * (cytoscape), on the printed eco-map and in every export. Each view takes its colours, dashes
 * and widths from here, so no view can say otherwise than another. client/legend-consistency
 * .test.tsx checks that tldraw's palette still has these hexes and every view draws the same.
 *
 * - colour: stressful red, else missing orange, planned blue, existing black (tldraw's palette,
 *   because the board can only draw tldraw's named colours)
 * - dash: status wins (planned dashed, missing dotted), else weak dotted, else solid. Dashes are
 *   tldraw's, in multiples of the stroke width with round caps: dashed 2w on 2w off (seen as a
 *   3w dash and a 1w gap), dotted dots of w every 2w.
 * - width: strong widest, weak thinnest
 * - stressful existing ties are a zig-zag, as on paper; tldraw arrows cannot zig-zag, so the
 *   board draws them with its hand-drawn ('draw') line and its legend says so.
 */

export type TieColorKey = 'plain' | 'stressful' | 'planned' | 'missing'
/** tldraw's names of its colours, its dash styles and its sizes (TLDefaultColorStyle …). */
export type TldrawColor = 'black' | 'red' | 'blue' | 'orange'
export type TldrawDash = 'solid' | 'dashed' | 'dotted' | 'draw'
export type TldrawSize = 's' | 'm' | 'l' | 'xl'
export type TieLine = 'solid' | 'dashed' | 'dotted'

/** Each tie colour, as a hex for SVG and cytoscape and as the tldraw colour with that hex (light theme). */
export const tiePalette: Readonly<Record<TieColorKey, { hex: string; tldraw: TldrawColor }>> = {
  plain: { hex: '#1d1d1d', tldraw: 'black' },
  stressful: { hex: '#e03131', tldraw: 'red' },
  planned: { hex: '#4465e9', tldraw: 'blue' },
  missing: { hex: '#e16919', tldraw: 'orange' },
}

export const tieColors = {
  plain: tiePalette.plain.hex,
  stressful: tiePalette.stressful.hex,
  planned: tiePalette.planned.hex,
  missing: tiePalette.missing.hex,
} as const

/** Stroke width in px (SVG, cytoscape, the legends' samples) and the tldraw size the board uses. */
export const tieWidths: Readonly<Record<Strength, { px: number; tldraw: TldrawSize }>> = {
  strong: { px: 5, tldraw: 'xl' },
  normal: { px: 2.5, tldraw: 'm' },
  weak: { px: 1.5, tldraw: 's' },
  // A notch heavier than normal: tldraw's hand-drawn line is thin at 'm'.
  stressful: { px: 3, tldraw: 'l' },
}

/** Dash and gap in multiples of the stroke width, drawn with round caps (tldraw's getPerfectDashProps). */
export const dashUnits: Readonly<Record<Exclude<TieLine, 'solid'>, readonly [number, number]>> = {
  dashed: [2, 2],
  dotted: [0, 2],
}

/** A dash pattern in px for a line of `width` px: [] for a solid line. */
export function dashArray(line: TieLine, width: number): number[] {
  return line === 'solid' ? [] : dashUnits[line].map((u) => Math.round(u * width * 100) / 100)
}

export interface TieStyle {
  color: string
  width: number
  /** stroke-dasharray, or null for a solid line. */
  dash: string | null
  zigzag: boolean
  colorKey: TieColorKey
  line: TieLine
  /** The same pattern as numbers (cytoscape's line-dash-pattern); [] when solid. */
  dashArray: number[]
  /** Always round: tldraw's arrows have round caps, and a dotted line's dots are the caps. */
  lineCap: 'round'
  /** What the board sets on its tldraw arrow. */
  tldraw: { color: TldrawColor; dash: TldrawDash; size: TldrawSize }
}

type Styled = Pick<Relation, 'strength' | 'status'>

export function tieColorKey(r: Styled): TieColorKey {
  return r.strength === 'stressful' ? 'stressful' : r.status === 'missing' ? 'missing' : r.status === 'planned' ? 'planned' : 'plain'
}

export function tieLine(r: Styled): TieLine {
  return r.status === 'missing' ? 'dotted' : r.status === 'planned' ? 'dashed' : r.strength === 'weak' ? 'dotted' : 'solid'
}

export function tieStyle(r: Styled): TieStyle {
  const colorKey = tieColorKey(r)
  const line = tieLine(r)
  const width = tieWidths[r.strength].px
  const zigzag = r.strength === 'stressful' && r.status === 'existing'
  const pattern = dashArray(line, width)
  return {
    color: tiePalette[colorKey].hex,
    width,
    dash: pattern.length > 0 ? pattern.join(' ') : null,
    zigzag,
    colorKey,
    line,
    dashArray: pattern,
    lineCap: 'round',
    tldraw: { color: tiePalette[colorKey].tldraw, dash: zigzag ? 'draw' : line, size: tieWidths[r.strength].tldraw },
  }
}

// ---- Marks only the graph draws (shown in its legend when drawn) ----------------------------

/** Family ties (家族関係) in the graph: grey, so the household does not outweigh the agencies. */
export const familyTie = { type: '家族関係' as RelationType, color: '#8a8f98' } as const

/** A tie as the graph draws it: the shared style, with family ties grey unless their colour says more. */
export function graphTieStyle(r: Styled & { type?: RelationType | string }): TieStyle {
  const style = tieStyle(r)
  return r.type === familyTie.type && style.colorKey === 'plain' ? { ...style, color: familyTie.color } : style
}

// ---- The ties of the legend, in reading order ------------------------------------------------

export type TieLegendKey = 'existing' | 'planned' | 'missing' | 'strong' | 'weak' | 'stressful'

/** The tie each legend entry shows; every legend (board, graph, print, exports) lists these. */
export const tieLegend: Readonly<Record<TieLegendKey, { strength: Strength; status: Status }>> = {
  existing: { strength: 'normal', status: 'existing' },
  planned: { strength: 'normal', status: 'planned' },
  missing: { strength: 'normal', status: 'missing' },
  strong: { strength: 'strong', status: 'existing' },
  weak: { strength: 'weak', status: 'existing' },
  stressful: { strength: 'stressful', status: 'existing' },
}

export const tieLegendKeys = Object.keys(tieLegend) as TieLegendKey[]

/**
 * A legend sample's line, `w` × `h` px, as an SVG path: straight, or for a zig-zag tie a zig-zag
 * (or, on the board, the wobble that stands for tldraw's hand-drawn line).
 */
export function tieSamplePath(style: Pick<TieStyle, 'zigzag'>, w: number, h: number, medium: 'board' | 'svg' = 'svg'): string {
  const y = h / 2
  const r = (v: number) => Math.round(v * 10) / 10
  if (!style.zigzag) return `M2 ${r(y)} L${r(w - 2)} ${r(y)}`
  if (medium === 'board') return `M2 ${r(y)} C ${r(w * 0.14)} ${r(y - 5)}, ${r(w * 0.2)} ${r(y + 5)}, ${r(w * 0.32)} ${r(y - 1)} S ${r(w * 0.5)} ${r(y - 5)}, ${r(w * 0.62)} ${r(y + 1)} S ${r(w * 0.8)} ${r(y + 4)}, ${r(w - 2)} ${r(y)}`
  const steps = Math.max(4, Math.floor((w - 4) / 4))
  const pts = [`M2 ${r(y)}`]
  for (let k = 1; k < steps; k++) pts.push(`L${r(2 + ((w - 4) * k) / steps)} ${r(k % 2 === 1 ? y - 3.5 : y + 3.5)}`)
  pts.push(`L${r(w - 2)} ${r(y)}`)
  return pts.join(' ')
}

export type CardStyleKey = 'formal' | 'informal' | 'person' | 'household'

export interface CardStyle {
  stroke: string
  strokeWidth: number
  dash: string | null
  radius: number
  /** null: a light tint of the actor's field colour. */
  fill: string | null
}

export const cardStyles: Record<CardStyleKey, CardStyle> = {
  formal: { stroke: '#2b313b', strokeWidth: 1.6, dash: null, radius: 2, fill: null },
  informal: { stroke: '#2b313b', strokeWidth: 1.6, dash: '5 3', radius: 14, fill: null },
  person: { stroke: '#7a5c2e', strokeWidth: 1.6, dash: null, radius: 10, fill: '#fffaf0' },
  household: { stroke: '#7a5c2e', strokeWidth: 1.3, dash: null, radius: 8, fill: '#fdf8ef' },
}

/** The colour of a card whose field has none (validated data always has one). */
export const neutralFieldColor = '#7f8c8d'

export type LegendItem =
  | { kind: 'tie'; key: EcomapTextKey; tie: Pick<Relation, 'strength' | 'status'> }
  | { kind: 'card'; key: EcomapTextKey; card: CardStyleKey }

/** The legend, in reading order. */
export const legendItems: readonly LegendItem[] = [
  { kind: 'tie', key: 'legendExisting', tie: tieLegend.existing },
  { kind: 'tie', key: 'legendPlanned', tie: tieLegend.planned },
  { kind: 'tie', key: 'legendMissing', tie: tieLegend.missing },
  { kind: 'tie', key: 'legendStrong', tie: tieLegend.strong },
  { kind: 'tie', key: 'legendWeak', tie: tieLegend.weak },
  { kind: 'tie', key: 'legendStressful', tie: tieLegend.stressful },
  { kind: 'card', key: 'legendFormal', card: 'formal' },
  { kind: 'card', key: 'legendInformal', card: 'informal' },
  { kind: 'card', key: 'legendPerson', card: 'person' },
]

/** A light tint of a #rrggbb colour (the card's paper); anything else gives white. */
export function tint(hex: string, amount = 0.9): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return '#ffffff'
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(1)}${channel(2)}`
}
