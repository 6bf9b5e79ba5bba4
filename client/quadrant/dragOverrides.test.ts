import { describe, expect, it } from 'vitest'
import { caughtUp, DRAG_WRITE_MS, idle, moved, refused, settled, type DragState } from './dragOverrides'

const p = (x: number, y = 0) => ({ x, y })

/** Runs a drag of card `a` through moves at the given times; returns the final state and the writes. */
function drag(times: number[], start: DragState = idle) {
  let state = start
  const writes: number[] = []
  times.forEach((t, i) => {
    const final = i === times.length - 1
    const next = moved(state, 'a', p(i / 10), final, t)
    state = next.state
    if (next.write) writes.push(t)
  })
  return { state, writes }
}

describe('drag overrides (dragOverrides.ts)', () => {
  it('writes at most every DRAG_WRITE_MS while dragging, and always on the drop', () => {
    const { writes } = drag([1000, 1050, 1100, 1000 + DRAG_WRITE_MS, 1130, 1200, 1210])
    expect(writes).toEqual([1000, 1000 + DRAG_WRITE_MS, 1210])
  })

  it('tells the first move of a gesture from the ones that continue it', () => {
    const start = moved(idle, 'a', p(0.1), false, 1000)
    expect(start.first).toBe(true)
    const more = moved(start.state, 'a', p(0.2), false, 1000 + DRAG_WRITE_MS)
    expect(more.first).toBe(false)
    const drop = moved(more.state, 'a', p(0.3), true, 1000 + 2 * DRAG_WRITE_MS)
    expect(drop.first).toBe(false)
    // A keyboard step is a gesture of its own, and so is the next drag.
    expect(moved(drop.state, 'a', p(0.4), true, 2000).first).toBe(true)
    expect(moved(drop.state, 'a', p(0.4), false, 2000).first).toBe(true)
  })

  it('draws the card at the pointer while it is dragged, even after the document changed', () => {
    let state = moved(idle, 'a', p(0.3), false, 1000).state
    expect(state.dragging.has('a')).toBe(true)
    state = caughtUp(state)
    expect(state.positions.get('a')).toEqual(p(0.3))
  })

  it('after the drop, the next document change draws the card from the document again', () => {
    const { state } = drag([1000, 1200])
    expect(state.dragging.has('a')).toBe(false)
    expect(state.positions.get('a')).toEqual(p(0.1))
    expect(caughtUp(state).positions.has('a')).toBe(false)
  })

  it('keeps only the cards still dragged when the document changes', () => {
    let state = moved(idle, 'a', p(0.1), false, 1000).state
    state = moved(state, 'b', p(0.2), true, 1000).state
    const next = caughtUp(state)
    expect([...next.positions.keys()]).toEqual(['a'])
  })

  it('does not change the state (no re-render) when the document changes with nothing to clear', () => {
    expect(caughtUp(idle)).toBe(idle)
    const dragged = moved(idle, 'a', p(0.1), false, 1000).state
    expect(caughtUp(dragged)).toBe(dragged)
  })

  it('settles a dropped card whose drop changed nothing, unless it is dragged again', () => {
    const dropped = drag([1000, 1200]).state
    expect(settled(dropped, 'a').positions.has('a')).toBe(false)
    const again = moved(dropped, 'a', p(0.5), false, 1300).state
    expect(settled(again, 'a').positions.get('a')).toEqual(p(0.5))
  })

  it('a refused write ends the drag until the pointer moves the card again', () => {
    let state = moved(idle, 'a', p(0.1), false, 1000).state
    state = refused(state, 'a')
    expect(state.dragging.has('a')).toBe(false)
    expect(refused(state, 'a')).toBe(state)
    expect(caughtUp(state).positions.has('a')).toBe(false)
    expect(moved(state, 'a', p(0.2), false, 1010).state.dragging.has('a')).toBe(true)
  })

  it('never changes the state it was given', () => {
    const before = moved(idle, 'a', p(0.1), false, 1000).state
    const snapshot = { positions: new Map(before.positions), dragging: new Set(before.dragging), lastWrite: new Map(before.lastWrite) }
    moved(before, 'a', p(0.9), true, 2000)
    refused(before, 'a')
    settled(before, 'a')
    expect(before).toEqual(snapshot)
    expect(idle.positions.size + idle.dragging.size + idle.lastWrite.size).toBe(0)
  })
})
