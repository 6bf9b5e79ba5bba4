import type { MiddlewareHandler } from 'hono'
import type { IncomingMessage } from 'node:http'
import { clientAddress } from '../limits/client-address.ts'
import { RateLimiter } from '../limits/token-bucket.ts'
import { apiError } from './errors.ts'

/**
 * State-changing API requests must be JSON from our own origin. A cross-origin page can send a
 * `text/plain` POST without a preflight (63,483 rooms were created that way in a minute); a JSON
 * content type forces the preflight, and the Origin check refuses another site outright.
 * Requests without Origin (curl, scripts of the town hall's own IT) stay allowed.
 */
export function jsonFromOwnOrigin(publicUrl: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) return next()
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/json\b/i.test(type)) {
      return apiError(c, 415, 'UNSUPPORTED_MEDIA_TYPE', '送信形式が正しくありません。アプリの画面から操作してください（JSON で送ってください）。', 'Send application/json.')
    }
    const origin = c.req.header('origin')
    const own = publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin
    if ((origin && origin !== own) || c.req.header('sec-fetch-site') === 'cross-site') {
      return apiError(c, 403, 'FOREIGN_ORIGIN', '別のサイトからの操作は受け付けていません。このアプリの画面から操作してください。', 'Requests from another origin are refused.')
    }
    return next()
  }
}

export interface RateLimitRule {
  burst: number
  perSecond: number
}

/**
 * Requests per client address, as a token bucket: 429 with Retry-After beyond it. `global`
 * adds one bucket shared by everyone (room creation: disk is shared too).
 */
export function rateLimit(rule: RateLimitRule, trustProxy: boolean, what: { ja: string; en: string }, global?: RateLimitRule): MiddlewareHandler {
  const perAddress = new RateLimiter({ capacity: rule.burst, refillPerSecond: rule.perSecond })
  const everyone = global ? new RateLimiter({ capacity: global.burst, refillPerSecond: global.perSecond }) : null
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    const address = incoming ? clientAddress(incoming, trustProxy) : 'unknown'
    const limited = !perAddress.take(address) ? perAddress.retryAfterSeconds(address) : everyone && !everyone.take('all') ? everyone.retryAfterSeconds('all') : null
    if (limited !== null) {
      c.header('Retry-After', String(Math.max(1, limited)))
      return apiError(c, 429, 'RATE_LIMITED', `${what.ja}が短時間に多すぎます。${Math.max(1, limited)}秒ほど待ってからやり直してください。`, `Too many ${what.en}; retry later.`)
    }
    return next()
  }
}
