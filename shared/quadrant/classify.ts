import { fill, type Lang } from '../i18n/catalog.ts'
import { quadrantCatalog, quadrantTextCatalog } from '../i18n/quadrant.ts'
import type { QuadrantId } from './vocabulary.ts'

/**
 * Which quadrant a card is in, from its normalised coordinates.
 *
 * Rule for cards on an axis: a card whose centre lies within AXIS_EPSILON of an axis
 * (|x| < ε or |y| < ε, strictly) is **on the axis** and belongs to no quadrant. It is reported
 * with the quadrants it touches: two for a card on one axis, all four for one at the centre
 * (including exactly (0, 0)). We do not break the tie towards one side because a card put on
 * the line usually means "both" (e.g. a practice done jointly by residents and agencies);
 * silently counting it on one side would hide an empty quadrant that the group is looking for.
 * The summary lists on-axis cards separately; the CSV names the quadrants they touch.
 *
 * ε = 0.02 is 1 % of the axis length: about 10 px on a 1000 px board, small enough that a
 * card dragged near the line is still in a quadrant (reference practice no. 6 sits at x = 0.05),
 * large enough that "on the line" survives rounding and a slightly shaky drop.
 */
export const AXIS_EPSILON = 0.02

export type Classification =
  | { kind: 'quadrant'; quadrant: QuadrantId }
  | {
      kind: 'on-axis'
      /** 'vertical': on the y axis (x ≈ 0); 'horizontal': on the x axis (y ≈ 0); 'center': both. */
      axis: 'vertical' | 'horizontal' | 'center'
      /** The quadrants the card touches, in reading order. */
      neighbours: QuadrantId[]
    }

function quadrantOf(formal: boolean, discovery: boolean): QuadrantId {
  if (discovery) return formal ? 'formal-discovery' : 'informal-discovery'
  return formal ? 'formal-solving' : 'informal-solving'
}

export function classify(x: number, y: number, epsilon: number = AXIS_EPSILON): Classification {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError('座標が数値ではありません')
  const onY = Math.abs(x) < epsilon
  const onX = Math.abs(y) < epsilon
  if (onY && onX) {
    return { kind: 'on-axis', axis: 'center', neighbours: ['informal-discovery', 'formal-discovery', 'informal-solving', 'formal-solving'] }
  }
  if (onY) {
    const discovery = y > 0
    return { kind: 'on-axis', axis: 'vertical', neighbours: [quadrantOf(false, discovery), quadrantOf(true, discovery)] }
  }
  if (onX) {
    const formal = x > 0
    return { kind: 'on-axis', axis: 'horizontal', neighbours: [quadrantOf(formal, true), quadrantOf(formal, false)] }
  }
  return { kind: 'quadrant', quadrant: quadrantOf(x > 0, y > 0) }
}

/** Label of a classification (Japanese unless told), for lists and the CSV's 象限 column. */
export function classificationLabel(c: Classification, lang: Lang = 'ja'): string {
  if (c.kind === 'quadrant') return quadrantCatalog[lang][c.quadrant]
  const text = quadrantTextCatalog[lang]
  if (c.axis === 'center') return text.onAxisCenter
  const [first, second] = c.neighbours.map((q) => quadrantCatalog[lang][q])
  return fill(text.onAxisBetween, { first, second })
}
