import { describe, expect, it } from 'vitest'
import { visibleCursorIds } from '../client/board/cursor-cap'

describe('cursors shown in a large plenary', () => {
  it('shows everyone while the room is small', () => {
    const activity = new Map([[1, 10], [2, 20], [3, 5]])
    expect([...visibleCursorIds(activity, 30)].sort()).toEqual([1, 2, 3])
  })

  it('shows only the most recently active participants when many are present', () => {
    const activity = new Map(Array.from({ length: 200 }, (_, i) => [i, i] as [number, number]))
    const visible = visibleCursorIds(activity, 30)
    expect(visible.size).toBe(30)
    for (let i = 170; i < 200; i++) expect(visible.has(i)).toBe(true)
    // Someone idle who starts moving again comes back.
    activity.set(3, 1_000)
    expect(visibleCursorIds(activity, 30).has(3)).toBe(true)
  })
})
