import type { MiddlewareHandler } from 'hono'
import type { IncomingMessage } from 'node:http'
import { requestIsHttps } from '../limits/client-address.ts'

/**
 * Security headers on every response: pages, static files, the API, errors and 404s.
 * The CSP limits the page to its own origin, so the browser itself refuses any request to an
 * outside host (the guarantee closed town-hall networks need), and no other site may frame the
 * app (a case map under someone else's page could be clicked through). HSTS only when the
 * request came over HTTPS: sent over plain HTTP on a training laptop it would lock users out.
 */
const csp = [
  "default-src 'self'",
  // 'self' covers our own ws(s):; tldraw fetches data: and blob: URLs for images/exports.
  "connect-src 'self' data: blob:",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

export function securityHeaders(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.header('Content-Security-Policy', csp)
    c.header('X-Frame-Options', 'DENY')
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    const https = incoming ? requestIsHttps(incoming, trustProxy) : new URL(c.req.url).protocol === 'https:'
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000')
  }
}
