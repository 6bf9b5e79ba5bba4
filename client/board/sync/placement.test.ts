import { Box } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { HOUSEHOLD_FRAME_SIZE } from './templates'
import { CARD_MARGIN, CELL_GAP_Y, FRAME_MARGIN, FRAME_PAD, GAP, Placer, RING_GAP } from './placement'

const CARD = { w: 224, h: 112 }
const PERSON = { w: 176, h: 112 }

/** Whether two boxes overlap once `a` is grown by `m` on each side. */
const tooClose = (a: Box, b: Box, m: { x: number; y: number }) =>
  Box.Collides(new Box(a.x - m.x, a.y - m.y, a.w + 2 * m.x, a.h + 2 * m.y), b)

const plain = (b: Box) => ({ x: b.x, y: b.y, w: b.w, h: b.h })

describe('Placer.near', () => {
  it('takes the anchor itself on an empty page, centred on it', () => {
    const box = new Placer([]).near({ x: 100, y: 50 }, CARD.w, CARD.h)
    expect(plain(box)).toEqual({ x: 100 - CARD.w / 2, y: 50 - CARD.h / 2, w: CARD.w, h: CARD.h })
  })

  it('keeps a label-wide margin from every obstacle', () => {
    const obstacles = [new Box(-112, -56, 224, 112), new Box(200, -56, 224, 112), new Box(-112, 150, 224, 112)]
    const box = new Placer(obstacles).near({ x: 0, y: 0 }, CARD.w, CARD.h)
    for (const o of obstacles) expect(tooClose(box, o, CARD_MARGIN)).toBe(false)
  })

  it('grows outward: each new card around one point is no nearer than the one before', () => {
    const placer = new Placer([])
    const anchor = { x: 0, y: 0 }
    const distances: number[] = []
    const boxes: Box[] = []
    for (let i = 0; i < 12; i++) {
      const box = placer.near(anchor, CARD.w, CARD.h)
      for (const other of boxes) expect(tooClose(box, other, CARD_MARGIN)).toBe(false)
      boxes.push(box)
      distances.push(Math.hypot(box.center.x - anchor.x, box.center.y - anchor.y))
    }
    expect(distances[0]).toBe(0)
    for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeGreaterThanOrEqual(distances[i - 1])
    expect(distances.at(-1)).toBeGreaterThan(CARD.w)
  })

  it('is deterministic: the same obstacles give the same spots', () => {
    const obstacles = [new Box(-50, -20, 300, 200), new Box(400, 100, 224, 112)]
    const run = () => {
      const placer = new Placer(obstacles)
      return [0, 1, 2, 3, 4].map(() => plain(placer.near({ x: 30, y: 10 }, CARD.w, CARD.h)))
    }
    expect(run()).toEqual(run())
  })

  it('stays inside `within` when there is room there, and leaves it when there is none', () => {
    const within = new Box(0, 0, 1200, 800)
    const obstacle = new Box(450, 300, 300, 200)
    const inside = new Placer([obstacle]).near({ x: 600, y: 400 }, CARD.w, CARD.h, within)
    expect(tooClose(inside, obstacle, CARD_MARGIN)).toBe(false)
    expect(inside.minX).toBeGreaterThanOrEqual(within.minX)
    expect(inside.maxX).toBeLessThanOrEqual(within.maxX)
    expect(inside.minY).toBeGreaterThanOrEqual(within.minY)
    expect(inside.maxY).toBeLessThanOrEqual(within.maxY)

    const tiny = new Box(0, 0, 200, 100)
    const outside = new Placer([]).near({ x: 100, y: 50 }, CARD.w, CARD.h, tiny)
    expect(outside.w).toBe(CARD.w)
    expect(Box.Contains(tiny, outside)).toBe(false)
  })

  it('avoids the household frame, read afresh at every check', () => {
    let household: Box | undefined
    const placer = new Placer([], () => household)
    const first = placer.near({ x: 0, y: 0 }, CARD.w, CARD.h)
    expect(first.center.x).toBe(0)
    household = new Box(-240, -160, 480, 320)
    const second = placer.near({ x: 0, y: 0 }, CARD.w, CARD.h)
    const f = Math.min(FRAME_MARGIN, CARD_MARGIN.x, CARD_MARGIN.y)
    expect(tooClose(second, household, { x: f, y: f })).toBe(false)
  })
})

describe('Placer.ring', () => {
  it('places every card around the centre, outside the inner area, none overlapping', () => {
    const inner = { hw: 240, hh: 160 }
    const household = new Box(-240, -160, 480, 320)
    const placer = new Placer([], () => household)
    const boxes = placer.ring({ x: 0, y: 0 }, inner, 20, CARD.w, CARD.h)
    expect(boxes).toHaveLength(20)
    for (const [i, box] of boxes.entries()) {
      expect(Box.Collides(box, household)).toBe(false)
      for (const other of boxes.slice(i + 1)) expect(tooClose(box, other, { x: GAP / 2, y: GAP / 2 })).toBe(false)
    }
    // The first ring starts straight above the centre, RING_GAP beyond the inner area.
    expect(boxes[0].center.x).toBeCloseTo(0)
    expect(boxes[0].center.y).toBeCloseTo(-(inner.hh + CARD.h / 2 + RING_GAP * 0.8))
  })

  it('goes round obstacles and moves outwards when a ring is taken', () => {
    const placer = new Placer([])
    const firstRing = placer.ring({ x: 0, y: 0 }, { hw: 40, hh: 20 }, 4, CARD.w, CARD.h)
    const later = new Placer(firstRing).ring({ x: 0, y: 0 }, { hw: 40, hh: 20 }, 4, CARD.w, CARD.h)
    const radius = (b: Box) => Math.hypot(b.center.x, b.center.y)
    const maxFirst = Math.max(...firstRing.map(radius))
    for (const box of later) {
      expect(radius(box)).toBeGreaterThan(maxFirst)
      for (const o of firstRing) expect(Box.Collides(box, o)).toBe(false)
    }
  })

  it('is deterministic', () => {
    const obstacles = [new Box(300, -100, 224, 112)]
    const run = () => new Placer(obstacles).ring({ x: 10, y: 20 }, { hw: 240, hh: 160 }, 9, CARD.w, CARD.h).map(plain)
    expect(run()).toEqual(run())
  })
})

describe('Placer.inFrame', () => {
  const frame = { x: 1000, y: 500, ...HOUSEHOLD_FRAME_SIZE }

  it('fills cells from the top left, in frame space, without growing the frame', () => {
    const placer = new Placer([])
    const a = placer.inFrame(frame, PERSON.w, PERSON.h, () => [])
    const b = placer.inFrame(frame, PERSON.w, PERSON.h, () => [])
    expect(a).toEqual({ at: expect.objectContaining({ x: FRAME_PAD, y: FRAME_PAD + 8 }) })
    expect(a.height).toBeUndefined()
    expect(b.at.y).toBe(a.at.y)
    expect(b.at.x).toBeGreaterThan(a.at.x + PERSON.w)
    expect(b.at.x + PERSON.w).toBeLessThanOrEqual(frame.w - FRAME_PAD)
  })

  it('skips cells taken by cards already in the frame', () => {
    const member = new Box(frame.x + FRAME_PAD, frame.y + FRAME_PAD + 8, PERSON.w, PERSON.h)
    const { at } = new Placer([member]).inFrame(frame, PERSON.w, PERSON.h, () => [member])
    const placed = new Box(frame.x + at.x, frame.y + at.y, PERSON.w, PERSON.h)
    expect(Box.Collides(placed, member)).toBe(false)
  })

  it('when full, opens a row below everything in it and says how tall the frame becomes', () => {
    const placer = new Placer([])
    const cells = [0, 1, 2, 3].map(() => placer.inFrame(frame, PERSON.w, PERSON.h, () => []))
    expect(cells.every((c) => c.height === undefined)).toBe(true)
    const lowest = Math.max(...cells.map((c) => c.at.y + PERSON.h))
    const contents = cells.map((c) => new Box(frame.x + c.at.x, frame.y + c.at.y, PERSON.w, PERSON.h))
    const full = placer.inFrame(frame, PERSON.w, PERSON.h, () => contents)
    expect(full.at.x).toBe(FRAME_PAD)
    expect(full.at.y).toBe(lowest + CELL_GAP_Y)
    expect(full.height).toBe(full.at.y + PERSON.h + FRAME_PAD)
    // The next one goes below that row (the placer remembers it even before the frame grows).
    const next = placer.inFrame(frame, PERSON.w, PERSON.h, () => contents)
    expect(next.at.y).toBe(full.at.y + PERSON.h + CELL_GAP_Y)
  })
})
