import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AwarenessTicker } from './awareness-ticker.ts'

describe('awareness ticker', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function recordingTicker(tickMs: number, groups: number) {
    const sent: { at: number; group: number; ids: number[] }[] = []
    const ticker = new AwarenessTicker(tickMs, groups, (group, changed) => sent.push({ at: Date.now(), group, ids: [...changed].sort() }))
    return { ticker, sent }
  }

  it('sends many changes within one interval as one message with each id once', () => {
    const { ticker, sent } = recordingTicker(50, 1)
    const start = Date.now()
    for (let i = 0; i < 10; i++) ticker.changed([1, 2])
    ticker.changed([3])
    expect(sent).toEqual([])
    vi.advanceTimersByTime(50)
    expect(sent).toEqual([{ at: start + 50, group: 0, ids: [1, 2, 3] }])
    vi.advanceTimersByTime(500)
    expect(sent).toHaveLength(1) // nothing changed: no empty ticks, no timer left running
  })

  it('staggers groups across the interval, each group once per interval', () => {
    const { ticker, sent } = recordingTicker(50, 5)
    const start = Date.now()
    ticker.changed([7])
    vi.advanceTimersByTime(50)
    expect(sent.map((s) => [s.group, s.at - start])).toEqual([
      [0, 10],
      [1, 20],
      [2, 30],
      [3, 40],
      [4, 50],
    ])
    expect(sent.every((s) => s.ids.join() === '7')).toBe(true)
  })

  it('sends at once with a zero interval, and nothing after stop', () => {
    const zero = recordingTicker(0, 2)
    zero.ticker.changed([1])
    expect(zero.sent.map((s) => s.group)).toEqual([0, 1])

    const { ticker, sent } = recordingTicker(50, 1)
    ticker.changed([1])
    ticker.stop()
    vi.advanceTimersByTime(200)
    expect(sent).toEqual([])
  })
})
