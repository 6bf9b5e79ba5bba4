import { describe, expect, it } from 'vitest'
import { SYNC_REQUEST_BUDGET, TokenBucket } from './connection-budget.ts'

describe('connection budget', () => {
  it('answers the sync requests a browser makes, and refuses a flood', () => {
    let now = 0
    const bucket = new TokenBucket(SYNC_REQUEST_BUDGET, () => now)
    // A browser sends one per connection; five in a row is already generous.
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false])
    now = 5_000 // one more every five seconds
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })
})
