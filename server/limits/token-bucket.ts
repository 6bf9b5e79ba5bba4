/**
 * Token buckets per key (a client address), with bounded memory: a spray of addresses evicts
 * the oldest buckets instead of growing the map without end.
 */
export interface RateLimiterOptions {
  capacity: number
  refillPerSecond: number
  /** Buckets kept at most; the least recently used is forgotten first (it starts full again). */
  maxKeys?: number
  now?: () => number
}

interface Bucket {
  tokens: number
  last: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly maxKeys: number
  private readonly now: () => number

  constructor(private readonly o: RateLimiterOptions) {
    this.maxKeys = o.maxKeys ?? 50_000
    this.now = o.now ?? Date.now
  }

  take(key: string, cost = 1): boolean {
    const b = this.refill(key)
    if (b.tokens < cost) return false
    b.tokens -= cost
    return true
  }

  retryAfterSeconds(key: string): number {
    const b = this.refill(key)
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.o.refillPerSecond)
  }

  private refill(key: string): Bucket {
    const t = this.now()
    let b = this.buckets.get(key)
    if (b) {
      b.tokens = Math.min(this.o.capacity, b.tokens + ((t - b.last) / 1000) * this.o.refillPerSecond)
      b.last = t
      // Re-insert so the map's order is least recently used first.
      this.buckets.delete(key)
    } else {
      b = { tokens: this.o.capacity, last: t }
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
    }
    this.buckets.set(key, b)
    return b
  }
}
