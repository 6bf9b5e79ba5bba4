/**
 * Token buckets per key (a client address, a link): each key may spend `capacity` at once and
 * earns `refillPerSecond` back. Memory is bounded: a bucket that has refilled to full is the
 * same as no bucket and is dropped, and when more than `maxKeys` keys are held (a spray of
 * addresses) the least recently used are forgotten — they start full again, which is the
 * price of not letting an attacker grow the map without end.
 */
export interface RateLimiterOptions {
  capacity: number
  refillPerSecond: number
  /** Buckets kept at most (default 50,000, a few MB). */
  maxKeys?: number
  /** Clock in milliseconds; tests inject one. */
  now?: () => number
}

interface Bucket {
  tokens: number
  /** When `tokens` was last brought up to date (ms). */
  last: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly capacity: number
  private readonly refillPerMs: number
  private readonly maxKeys: number
  private readonly now: () => number
  /** Idle buckets are swept out this often: the time an empty one needs to refill, at most a minute. */
  private readonly sweepEveryMs: number
  private lastSweep: number

  constructor(o: RateLimiterOptions) {
    if (!(o.capacity > 0) || !(o.refillPerSecond > 0)) throw new Error('RateLimiter: capacity and refillPerSecond must be > 0')
    this.capacity = o.capacity
    this.refillPerMs = o.refillPerSecond / 1000
    this.maxKeys = Math.max(1, o.maxKeys ?? 50_000)
    this.now = o.now ?? Date.now
    this.sweepEveryMs = Math.min(this.capacity / this.refillPerMs, 60_000)
    this.lastSweep = this.now()
  }

  /** Spends `cost` tokens of `key` if it has them; false (and nothing spent) if not. */
  take(key: string, cost = 1): boolean {
    const t = this.now()
    if (t - this.lastSweep >= this.sweepEveryMs) this.sweep(t)
    const b = this.buckets.get(key) ?? { tokens: this.capacity, last: t }
    this.refill(b, t)
    const ok = b.tokens >= cost
    if (ok) b.tokens -= cost
    // Delete and set again, refused or not: the map stays ordered least recently used first,
    // so a key that keeps knocking is the last to be forgotten.
    this.buckets.delete(key)
    if (b.tokens < this.capacity) {
      if (this.buckets.size >= this.maxKeys) this.makeRoom(t)
      this.buckets.set(key, b)
    }
    return ok
  }

  /** Seconds until `key` can spend `cost` tokens (0 = now). For a Retry-After header. */
  retryAfterSeconds(key: string, cost = 1): number {
    const t = this.now()
    const held = this.buckets.get(key)
    const tokens = held ? Math.min(this.capacity, held.tokens + Math.max(0, t - held.last) * this.refillPerMs) : this.capacity
    if (tokens >= cost) return 0
    return Math.max(1, Math.ceil((cost - tokens) / this.refillPerMs / 1000))
  }

  /** Buckets held (for tests and diagnostics). */
  get size(): number {
    return this.buckets.size
  }

  private refill(b: Bucket, t: number): void {
    // max(0, …): a clock that steps back must not take tokens away.
    b.tokens = Math.min(this.capacity, b.tokens + Math.max(0, t - b.last) * this.refillPerMs)
    b.last = t
  }

  /**
   * At maxKeys: drop buckets that are full by now (at most one sweep a second), then the least
   * recently used — a tenth at a time, because each walk from the map's start passes over the
   * entries deleted before (one eviction per new key made a spray of addresses 25× slower).
   */
  private makeRoom(t: number): void {
    if (t - this.lastSweep >= 1_000) this.sweep(t)
    if (this.buckets.size < this.maxKeys) return
    const target = this.maxKeys - Math.max(1, Math.floor(this.maxKeys / 10))
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break
      this.buckets.delete(key)
    }
  }

  /** A full bucket is the same as none: dropping them shrinks the map again after a burst. */
  private sweep(t: number): void {
    this.lastSweep = t
    for (const [key, b] of this.buckets) {
      if (b.tokens + Math.max(0, t - b.last) * this.refillPerMs >= this.capacity) this.buckets.delete(key)
    }
  }
}
