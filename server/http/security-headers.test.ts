import type { IncomingMessage } from 'node:http'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from './security-headers.ts'

const incoming = (headers: Record<string, string> = {}, encrypted = false) =>
  ({ socket: { remoteAddress: '127.0.0.1', encrypted }, headers }) as unknown as IncomingMessage

function app(trustProxy: boolean) {
  const a = new Hono()
  a.use('*', securityHeaders(trustProxy))
  a.get('/page', (c) => c.html('<p>ok</p>'))
  a.get('/boom', () => {
    throw new Error('boom')
  })
  a.onError((_err, c) => c.json({ error: 'x' }, 500))
  return a
}

function expectHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(res.headers.get('x-frame-options')).toBe('DENY')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('no-referrer')
}

describe('security headers', () => {
  it('are on pages, thrown errors (onError) and unmatched routes (notFound)', async () => {
    const a = app(false)
    const env = { incoming: incoming() }
    for (const [path, status] of [['/page', 200], ['/boom', 500], ['/nothing', 404]] as const) {
      const res = await a.request(path, {}, env)
      expect(res.status, path).toBe(status)
      expectHeaders(res)
      expect(res.headers.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('add HSTS over a TLS socket, or behind a trusted proxy that says https — never otherwise', async () => {
    const hsts = async (trustProxy: boolean, req: IncomingMessage) =>
      (await app(trustProxy).request('/page', {}, { incoming: req })).headers.get('strict-transport-security')
    expect(await hsts(false, incoming({}, true))).toBe('max-age=31536000')
    expect(await hsts(true, incoming({ 'x-forwarded-proto': 'https' }))).toBe('max-age=31536000')
    expect(await hsts(false, incoming({ 'x-forwarded-proto': 'https' }))).toBeNull() // anyone can send the header
    expect(await hsts(true, incoming({ 'x-forwarded-proto': 'http' }))).toBeNull()
    expect(await hsts(true, incoming())).toBeNull()
  })
})
