import { describe, expect, it } from 'vitest'
import { crowded, overlappingPairs, separate, stretchTo, type Placed } from './labelSpacing'

/** A card of 40 × 40 with a label 120 wide below it, at (x, y). */
const card = (id: string, x: number, y: number): Placed => ({ id, at: { x, y }, box: { x1: -60, y1: -20, x2: 60, y2: 45 } })

describe('label overlap removal', () => {
  it('pushes apart cards whose labels overlap, until no two are closer than the gap', () => {
    const items = [card('a', 0, 0), card('b', 30, 10), card('c', 10, 30), card('d', 500, 0)]
    expect(overlappingPairs(items).length).toBe(3)
    const moved = separate(items, 6)
    const after = items.map((c) => ({ ...c, at: moved.get(c.id) ?? c.at }))
    expect(overlappingPairs(after, 6)).toEqual([])
    expect(moved.has('d')).toBe(false) // far from the others: it stays
  })

  it('moves nothing when nothing overlaps', () => {
    expect(separate([card('a', 0, 0), card('b', 200, 0)], 6).size).toBe(0)
  })

  it('separates cards placed on the same spot', () => {
    const items = [card('a', 0, 0), card('b', 0, 0)]
    const moved = separate(items, 4)
    const after = items.map((c) => ({ ...c, at: moved.get(c.id)! }))
    expect(overlappingPairs(after, 4)).toEqual([])
  })

  it('leaves out the tie labels that would cover a card or a tie label kept before', () => {
    const cards = [{ x1: 0, y1: 0, x2: 100, y2: 50 }]
    const ties = [
      { id: 'free', box: { x1: 200, y1: 0, x2: 260, y2: 14 } },
      { id: 'on-card', box: { x1: 90, y1: 10, x2: 150, y2: 24 } },
      { id: 'on-free', box: { x1: 230, y1: 5, x2: 290, y2: 19 } },
    ]
    expect([...crowded(cards, ties)]).toEqual(['on-card', 'on-free'])
  })

  it('on a wide view, spreads overlapping cards across rather than down', () => {
    // Two labels that overlap a little more across than down: on a square view they move down,
    // on a view twice as wide as tall they move across.
    const items = [card('a', 0, 0), card('b', 20, 5)]
    const square = separate(items, 0)
    expect(square.get('b')!.y).toBeGreaterThan(5)
    expect(square.get('b')!.x).toBe(20)
    const wide = separate(items, 0, { aspect: 2.5 })
    expect(wide.get('b')!.x).toBeGreaterThan(20)
    expect(wide.get('b')!.y).toBe(5)
  })

  it('stretches a square layout to a wide view, by at most the given factor', () => {
    const square = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 100, y: 0 }],
      ['c', { x: 0, y: 100 }],
      ['d', { x: 100, y: 100 }],
    ])
    const wide = stretchTo(square, 1.5)
    expect(wide.get('a')).toEqual({ x: -25, y: 0 })
    expect(wide.get('d')).toEqual({ x: 125, y: 100 })
    expect(stretchTo(square, 4, 1.8).get('b')!.x).toBeCloseTo(140)
    // Already wider than the view: only the height grows.
    const tall = stretchTo(square, 0.5)
    expect(tall.get('a')).toEqual({ x: 0, y: -50 })
  })
})
