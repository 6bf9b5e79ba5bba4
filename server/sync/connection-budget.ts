/**
 * What one WebSocket connection may ask of the server per unit of time, as token buckets.
 *
 * Why: every message costs the server work, and some a lot — a sync step 1 is answered with up
 * to the whole document (1,000 four-byte requests on a 1.9 MB room queued 2 GB). A participant's
 * browser sends one sync step 1 per connection and, while someone drags a card, a few dozen
 * updates and at most 20 presence messages a second; the budgets leave wide room for that and
 * none for a flood. Exceeding one closes the connection (closeCodes.policy); the stock provider
 * reconnects, and reconnections are limited per address (ws-endpoint.ts).
 */
export interface BudgetRule {
  /** Messages allowed at once. */
  burst: number
  /** Messages regained per second. */
  perSecond: number
}

export const SYNC_REQUEST_BUDGET: BudgetRule = { burst: 5, perSecond: 0.2 }
export const MESSAGE_BUDGET: BudgetRule = { burst: 2_000, perSecond: 400 }

export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly rule: BudgetRule,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rule.burst
    this.last = now()
  }

  take(): boolean {
    const t = this.now()
    this.tokens = Math.min(this.rule.burst, this.tokens + ((t - this.last) / 1000) * this.rule.perSecond)
    this.last = t
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
