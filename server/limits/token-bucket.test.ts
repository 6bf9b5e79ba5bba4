import { describe, expect, it } from 'vitest'
import { RateLimiter } from './token-bucket.ts'

describe('RateLimiter', () => {
  it('allows a burst per key, then the refill rate, independently per key', () => {
    let now = 0
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 2, now: () => now })
    expect([1, 2, 3, 4].map(() => limiter.take('10.0.0.1'))).toEqual([true, true, true, false])
    expect(limiter.take('10.0.0.2')).toBe(true)
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1)
    now = 500 // half a second: one token back
    expect(limiter.take('10.0.0.1')).toBe(true)
    expect(limiter.take('10.0.0.1')).toBe(false)
    now = 60_000 // never more than the burst
    expect([1, 2, 3, 4].map(() => limiter.take('10.0.0.1'))).toEqual([true, true, true, false])
  })

  it('keeps at most maxKeys buckets, forgetting the least recently used', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2, now: () => 0 })
    expect(limiter.take('a')).toBe(true)
    expect(limiter.take('b')).toBe(true)
    expect(limiter.take('a')).toBe(false) // a is now the most recent
    expect(limiter.take('c')).toBe(true) // evicts b
    expect(limiter.take('b')).toBe(true) // b forgotten: full again; evicts a
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBe(2)
  })
})

describe('RateLimiter memory and edges', () => {
  it('forgets idle buckets once they are full again, so memory shrinks after a burst', () => {
    let now = 0
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1, now: () => now })
    for (let i = 0; i < 1000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`)
    expect(limiter.size).toBe(1000)
    now = 2_000 // every bucket has refilled: they are the same as none
    limiter.take('10.9.9.9')
    expect(limiter.size).toBe(1)
  })

  it('a spray of 200,000 addresses never holds more than maxKeys, and stays fast', () => {
    let now = 0
    const limiter = new RateLimiter({ capacity: 5, refillPerSecond: 0.01, maxKeys: 10_000, now: () => now })
    const started = performance.now()
    for (let i = 0; i < 200_000; i++) {
      now += 0.05 // 20,000 new addresses a second
      limiter.take(`a${i}`)
      if (limiter.size > 10_000) throw new Error(`grew to ${limiter.size}`)
    }
    expect(limiter.size).toBeGreaterThanOrEqual(9_000)
    expect(performance.now() - started).toBeLessThan(1_000) // ≈ 100 ms here; 1.8 s when evicting one key at a time
  })

  it('drops full buckets before busy ones when it must make room', () => {
    let now = 0
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1, maxKeys: 3, now: () => now })
    limiter.take('idle') // refills within 1 s
    now = 100
    limiter.take('busy')
    limiter.take('busy')
    now = 5_000
    limiter.take('busy') // 'busy' is recent and not full; 'idle' is full by now
    limiter.take('other')
    limiter.take('third') // room is made by sweeping 'idle', not by forgetting 'busy'
    expect(limiter.take('busy')).toBe(true)
    expect(limiter.take('busy')).toBe(false)
  })

  it('charges a cost, reports the wait for it, and ignores a clock stepping back', () => {
    let now = 10_000
    const limiter = new RateLimiter({ capacity: 10, refillPerSecond: 2, now: () => now })
    expect(limiter.take('k', 8)).toBe(true)
    expect(limiter.take('k', 3)).toBe(false) // refused: nothing spent
    expect(limiter.retryAfterSeconds('k', 3)).toBe(1) // 2 tokens, 1 more in 0.5 s
    expect(limiter.retryAfterSeconds('k', 2)).toBe(0)
    expect(limiter.retryAfterSeconds('unknown')).toBe(0)
    now = 5_000
    expect(limiter.take('k', 2)).toBe(true)
    expect(limiter.take('k')).toBe(false)
  })

  it('refuses a configuration that would never refill', () => {
    expect(() => new RateLimiter({ capacity: 5, refillPerSecond: 0 })).toThrow(Error)
  })
})
