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
