import { Box } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { followTies, LABEL_PAD, placeTieLabels, type TieLabelInput } from './tie-labels'

/** A straight tie from a to b. */
function tie(id: string, a: { x: number; y: number }, b: { x: number; y: number }, w = 80, h = 26): TieLabelInput {
  return { id, pointAt: (t) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }), length: Math.hypot(b.x - a.x, b.y - a.y), w, h }
}

const boxOf = (s: { x: number; y: number }, w: number, h: number) => new Box(s.x - w / 2, s.y - h / 2, w, h)

describe('placeTieLabels', () => {
  it('puts a lone label in the middle of its tie', () => {
    const spots = placeTieLabels([tie('a', { x: 0, y: 0 }, { x: 400, y: 0 })], [])
    expect(spots.get('a')).toEqual({ x: 200, y: 0, fits: true, t: 0.5, dx: 0, dy: 0 })
  })

  it('moves a label along its tie, off a card that sits on its middle', () => {
    const card = new Box(170, -40, 60, 80)
    const spot = placeTieLabels([tie('a', { x: 0, y: 0 }, { x: 400, y: 0 })], [card]).get('a')!
    expect(spot.fits).toBe(true)
    expect(spot.y).toBe(0)
    expect(Box.Collides(boxOf(spot, 80, 26), card)).toBe(false)
  })

  it('keeps the labels of two crossing ties apart, and away from cards by LABEL_PAD', () => {
    const cards = [new Box(-120, -60, 100, 120), new Box(420, -60, 100, 120)]
    const spots = placeTieLabels([tie('a', { x: -20, y: 0 }, { x: 420, y: 0 }), tie('b', { x: 200, y: -200 }, { x: 200, y: 200 })], cards)
    const a = boxOf(spots.get('a')!, 80, 26)
    const b = boxOf(spots.get('b')!, 80, 26)
    expect(Box.Collides(a, b)).toBe(false)
    for (const c of cards) {
      const padded = new Box(c.x - LABEL_PAD + 0.1, c.y - LABEL_PAD + 0.1, c.w + LABEL_PAD * 2 - 0.2, c.h + LABEL_PAD * 2 - 0.2)
      expect(Box.Collides(a, padded) || Box.Collides(b, padded)).toBe(false)
    }
  })

  it('says when a tie is too short for its label (it is then shown on hover only)', () => {
    // Two cards 40 apart, a tie between them and an 80-wide label: no spot touches neither.
    const cards = [new Box(-100, -50, 100, 100), new Box(40, -50, 100, 100)]
    const spot = placeTieLabels([tie('a', { x: 0, y: 0 }, { x: 40, y: 0 })], cards).get('a')!
    expect(spot.fits).toBe(false)
  })

  it('is the same whatever the order of the ties', () => {
    const ties = Array.from({ length: 12 }, (_, i) => tie(`t${i}`, { x: 0, y: i * 10 }, { x: 300, y: 120 - i * 10 }))
    const one = placeTieLabels(ties, [])
    const other = placeTieLabels([...ties].reverse(), [])
    expect([...other].sort()).toEqual([...one].sort())
  })

  it('places 1,500 labels among 500 cards quickly', () => {
    const cards = Array.from({ length: 500 }, (_, i) => new Box((i % 25) * 400, Math.floor(i / 25) * 300, 224, 112))
    const centre = (i: number) => ({ x: (i % 25) * 400 + 112, y: Math.floor(i / 25) * 300 + 56 })
    const ties = Array.from({ length: 1500 }, (_, i) => tie(`r${i}`, centre(i % 500), centre((i * 7 + 1) % 500)))
    const started = performance.now()
    const spots = placeTieLabels(ties, cards)
    const ms = performance.now() - started
    console.log(`1,500 tie labels among 500 cards: ${ms.toFixed(0)} ms, ${[...spots.values()].filter((s) => s.fits).length} with a free spot`)
    expect(spots.size).toBe(1500)
    expect(ms).toBeLessThan(1500)
  })

  it('moves labels along with their ties during a drag, at the same place on the tie', () => {
    const cards = [new Box(190, -30, 40, 60)]
    const before = placeTieLabels([tie('a', { x: 0, y: 0 }, { x: 400, y: 0 })], cards)
    const placed = before.get('a')!
    const moved = followTies([tie('a', { x: 100, y: 50 }, { x: 500, y: 50 })], before).get('a')!
    expect(moved.x).toBeCloseTo(placed.x + 100)
    expect(moved.y).toBeCloseTo(placed.y + 50)
    expect(moved.fits).toBe(placed.fits)
  })
})
