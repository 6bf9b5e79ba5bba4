import type { Relation } from '../model/schema.ts'
import type { EcomapTextKey } from './labels.ts'

/**
 * How the printed eco-map draws cards and ties: the board's conventions (client/board/
 * relation-style.ts, card-shapes.tsx, panel/Legend.tsx) in plain SVG terms, and the legend,
 * which draws its samples with these same functions so it cannot say otherwise than the map.
 *
 * - colour: stressful red, else missing orange, planned blue, existing black (tldraw's palette)
 * - dash: status wins (planned dashed, missing dotted), else weak dotted; stressful existing
 *   ties are a zig-zag, as on paper (the board can only draw tldraw's hand-drawn line)
 * - width: strong widest, weak thinnest
 */

export interface TieStyle {
  color: string
  width: number
  /** stroke-dasharray, or null for a solid line. */
  dash: string | null
  zigzag: boolean
}

export const tieColors = { plain: '#1d1d1d', stressful: '#e03131', planned: '#4465e9', missing: '#e16919' } as const

export function tieStyle(r: Pick<Relation, 'strength' | 'status'>): TieStyle {
  const color = r.strength === 'stressful' ? tieColors.stressful : r.status === 'missing' ? tieColors.missing : r.status === 'planned' ? tieColors.planned : tieColors.plain
  const dash = r.status === 'missing' ? '1 5' : r.status === 'planned' ? '7 5' : r.strength === 'weak' ? '1 4' : null
  const width = r.strength === 'strong' ? 4.5 : r.strength === 'weak' ? 1.5 : 2.2
  return { color, width, dash, zigzag: r.strength === 'stressful' && r.status === 'existing' }
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
  { kind: 'tie', key: 'legendExisting', tie: { strength: 'normal', status: 'existing' } },
  { kind: 'tie', key: 'legendPlanned', tie: { strength: 'normal', status: 'planned' } },
  { kind: 'tie', key: 'legendMissing', tie: { strength: 'normal', status: 'missing' } },
  { kind: 'tie', key: 'legendStrong', tie: { strength: 'strong', status: 'existing' } },
  { kind: 'tie', key: 'legendWeak', tie: { strength: 'weak', status: 'existing' } },
  { kind: 'tie', key: 'legendStressful', tie: { strength: 'stressful', status: 'existing' } },
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
