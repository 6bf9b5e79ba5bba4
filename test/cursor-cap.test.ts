import { describe, expect, it } from 'vitest'
import { visibleCursorIds } from '../client/board/cursor-cap'

const NOW = 100_000

describe('cursors shown in a large plenary', () => {
  it('shows everyone while the room is small', () => {
    const activity = new Map([[1, 10], [2, 20], [3, 5]])
    expect([...visibleCursorIds(activity, new Set(), NOW, 30)].sort()).toEqual([1, 2, 3])
  })

  it('shows at most 30 cursors, the most recently active first', () => {
    const activity = new Map(Array.from({ length: 200 }, (_, i) => [i, NOW - 200 + i] as [number, number]))
    const visible = visibleCursorIds(activity, new Set(), NOW, 30)
    expect(visible.size).toBe(30)
    for (let i = 170; i < 200; i++) expect(visible.has(i)).toBe(true)
  })

  it('keeps the same cursors while everyone keeps moving, instead of blinking in and out', () => {
    const activity = new Map<number, number>()
    let shown = new Set<number>()
    let changes = 0
    // 200 people move at 10 Hz; the board re-evaluates on each 50 ms awareness tick.
    for (let tick = 0; tick < 100; tick++) {
      const now = NOW + tick * 50
      for (let id = 0; id < 200; id++) if ((id + tick) % 2 === 0) activity.set(id, now)
      const next = visibleCursorIds(activity, shown, now, 30)
      expect(next.size).toBe(30)
      if (tick > 0) changes += [...next].filter((id) => !shown.has(id)).length
      shown = next
    }
    expect(changes).toBe(0)
  })

  it('gives the slot of someone who went idle to someone who started moving', () => {
    const activity = new Map(Array.from({ length: 40 }, (_, i) => [i, NOW] as [number, number]))
    const shown = visibleCursorIds(activity, new Set(), NOW, 30)
    const idle = [...shown][0]
    const hidden = [...activity.keys()].find((id) => !shown.has(id))!
    // 5 s later: the others shown kept moving, `idle` did not, and a hidden one starts moving.
    for (const id of shown) if (id !== idle) activity.set(id, NOW + 5_000)
    activity.set(hidden, NOW + 5_000)
    const later = visibleCursorIds(activity, shown, NOW + 5_000, 30)
    expect(later.has(hidden)).toBe(true)
    expect(later.has(idle)).toBe(false)
    expect(later.size).toBe(30)
  })
})
