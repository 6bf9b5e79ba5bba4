import type { Context, MiddlewareHandler } from 'hono'
import { clientAddress, forwardedHost, incomingOf, rateLimitKey } from '../limits/client-address.ts'
import { RateLimiter } from '../limits/token-bucket.ts'
import type { Logger } from '../log.ts'
import { apiError } from './errors.ts'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * State-changing API requests must be JSON from our own origin. A cross-origin page can send a
 * `text/plain` POST without a CORS preflight (63,483 rooms were created that way in a minute);
 * requiring `application/json` forces the preflight, which we never grant, and the Origin check
 * refuses another site outright. Requests without Origin (curl, the town hall's own scripts)
 * stay allowed: a browser always sends Origin on a cross-origin POST.
 *
 * Our origin is PUBLIC_URL when set. Otherwise it is the Host the request was sent to
 * (X-Forwarded-Host too, behind a trusted proxy); only the host is compared, because behind a
 * TLS proxy without PUBLIC_URL the browser's https origin reaches us as plain http.
 */
export function jsonFromOwnOrigin(publicUrl: string | null, trustProxy = false): MiddlewareHandler {
  const configured = publicUrl ? new URL(publicUrl).origin : null
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next()
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (mediaType !== 'application/json') {
      return apiError(c, 415, 'UNSUPPORTED_MEDIA_TYPE', '送信形式が正しくありません。アプリの画面から操作してください（JSON で送ってください）。', 'Send Content-Type: application/json.')
    }
    const origin = c.req.header('origin')
    const foreign =
      (origin !== undefined && !(configured ? origin === configured : sameHost(origin, c, trustProxy))) ||
      c.req.header('sec-fetch-site') === 'cross-site'
    if (foreign) {
      return apiError(c, 403, 'FOREIGN_ORIGIN', '別のサイトからの操作は受け付けていません。このアプリの画面から操作してください。', 'Requests from another origin are refused.')
    }
    return next()
  }
}

function sameHost(origin: string, c: Context, trustProxy: boolean): boolean {
  let url: URL
  try {
    url = new URL(origin) // "null" (sandboxed frames, file:) throws: never ours
  } catch {
    return false
  }
  const incoming = incomingOf(c)
  const hosts = [c.req.header('host') ?? new URL(c.req.url).host, incoming ? forwardedHost(incoming, trustProxy) : undefined]
  return hosts.some((host) => {
    if (!host) return false
    try {
      // Parsed with the origin's scheme, so "example:80" equals "http://example".
      return new URL(`${url.protocol}//${host}`).host === url.host
    } catch {
      return false
    }
  })
}

export interface RateLimitRule {
  /** Requests allowed at once… */
  burst: number
  /** …and per second after that. */
  perSecond: number
}

export interface RateLimitOptions {
  perAddress: RateLimitRule
  /** One bucket shared by every address (room creation: the disk is shared too). */
  global?: RateLimitRule
  trustProxy: boolean
  /** What is limited, for the message: 「リクエスト」, 「ルームの作成」. */
  what: { ja: string; en: string }
  log?: Logger
  now?: () => number
}

/**
 * Requests per client address, as a token bucket: 429 with Retry-After beyond it. IPv6
 * addresses share a bucket per /64. Refusals are logged at most once a minute, with counts —
 * a flood must not become a flood of log lines — and never with an address.
 */
export function rateLimit(o: RateLimitOptions): MiddlewareHandler {
  const now = o.now ?? Date.now
  const perAddress = new RateLimiter({ capacity: o.perAddress.burst, refillPerSecond: o.perAddress.perSecond, now })
  const everyone = o.global ? new RateLimiter({ capacity: o.global.burst, refillPerSecond: o.global.perSecond, now }) : null
  // The first refusal is logged at once, later ones as counts in at most one line a minute.
  let refused = { address: 0, global: 0 }
  let lastLine = -Infinity

  const report = (kind: 'address' | 'global') => {
    refused[kind]++
    const t = now()
    if (o.log && t - lastLine >= 60_000) {
      o.log.info('http.rate_limited', { what: o.what.en, perAddress: refused.address, global: refused.global })
      refused = { address: 0, global: 0 }
      lastLine = t
    }
  }

  return async (c, next) => {
    const incoming = incomingOf(c)
    const key = rateLimitKey(incoming ? clientAddress(incoming, o.trustProxy) : 'unknown')
    // The shared bucket is checked first, so that its refusals do not also spend the address's.
    const globalWait = everyone ? everyone.retryAfterSeconds('all') : 0
    if (globalWait > 0) {
      report('global')
      c.header('Retry-After', String(globalWait))
      return apiError(
        c,
        429,
        'RATE_LIMITED_GLOBAL',
        `このサーバーで${o.what.ja}が短時間に多すぎます。${wait(globalWait)}ほど待ってからやり直してください。急ぐときはサーバーの管理者に連絡してください。`,
        `Too many ${o.what.en} on this server; retry in ${globalWait} s.`,
      )
    }
    if (!perAddress.take(key)) {
      const seconds = perAddress.retryAfterSeconds(key)
      report('address')
      c.header('Retry-After', String(seconds))
      return apiError(c, 429, 'RATE_LIMITED', `${o.what.ja}が短時間に多すぎます。${wait(seconds)}ほど待ってからやり直してください。`, `Too many ${o.what.en}; retry in ${seconds} s.`)
    }
    everyone?.take('all')
    return next()
  }
}

const wait = (seconds: number) => (seconds < 90 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分`)
