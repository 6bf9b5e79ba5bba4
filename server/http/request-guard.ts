import type { Context, MiddlewareHandler } from 'hono'
import { clientAddress, forwardedHost, incomingOf, rateLimitKey } from '../limits/client-address.ts'
import { RateLimiter } from '../limits/token-bucket.ts'
import type { Logger } from '../log.ts'
import { catalogApiError, waitText } from './errors.ts'

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
      return catalogApiError(c, 415, 'UNSUPPORTED_MEDIA_TYPE', 'unsupportedMediaType')
    }
    const origin = c.req.header('origin')
    const foreign =
      (origin !== undefined && !(configured ? origin === configured : sameHost(origin, c, trustProxy))) ||
      c.req.header('sec-fetch-site') === 'cross-site'
    if (foreign) {
      return catalogApiError(c, 403, 'FOREIGN_ORIGIN', 'foreignOrigin')
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
  /** What is limited, for the message: a text of apiErrorCatalog such as `limitedRequests`. */
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
      return catalogApiError(c, 429, 'RATE_LIMITED_GLOBAL', 'rateLimitedGlobal', { what: o.what, wait: waitText(globalWait) })
    }
    if (!perAddress.take(key)) {
      const seconds = perAddress.retryAfterSeconds(key)
      report('address')
      c.header('Retry-After', String(seconds))
      return catalogApiError(c, 429, 'RATE_LIMITED', 'rateLimited', { what: o.what, wait: waitText(seconds) })
    }
    everyone?.take('all')
    return next()
  }
}

