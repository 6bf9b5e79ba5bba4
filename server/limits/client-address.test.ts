import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress, forwardedHost, incomingOf, rateLimitKey, requestIsHttps } from './client-address.ts'

const req = (remoteAddress: string, headers: Record<string, string> = {}, encrypted = false) =>
  ({ socket: { remoteAddress, encrypted }, headers }) as unknown as IncomingMessage

describe('client address', () => {
  it('is the socket peer unless a trusted proxy names it, IPv4-mapped addresses normalised', () => {
    expect(clientAddress(req('::ffff:192.0.2.7'), false)).toBe('192.0.2.7')
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' }), false)).toBe('127.0.0.1')
    // The last entry is the one our proxy added; earlier ones are the client's to invent.
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' }), true)).toBe('198.51.100.1')
  })

  it('tells HTTPS from TLS or a trusted X-Forwarded-Proto only', () => {
    expect(requestIsHttps(req('127.0.0.1', {}, true), false)).toBe(true)
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'https' }), false)).toBe(false)
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'https' }), true)).toBe(true)
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'http' }), true)).toBe(false)
  })

  it('takes the proxy\'s entry in its usual spellings, and falls back to the peer when it is not an address', () => {
    const behind = (xff: string | string[]) => clientAddress(req('10.1.1.1', { 'x-forwarded-for': xff as string }), true)
    expect(behind('198.51.100.1:52314')).toBe('198.51.100.1') // some proxies append the port
    expect(behind('[2001:DB8::7]:443')).toBe('2001:db8::7')
    expect(behind('::ffff:198.51.100.2')).toBe('198.51.100.2')
    expect(behind(['203.0.113.9', '198.51.100.3'])).toBe('198.51.100.3') // repeated header
    expect(behind('198.51.100.1, unknown')).toBe('10.1.1.1')
    expect(behind('198.51.100.1, ')).toBe('10.1.1.1')
    expect(behind('x'.repeat(500))).toBe('10.1.1.1')
    expect(clientAddress(req('10.1.1.1', {}), true)).toBe('10.1.1.1') // no header: the peer
    expect(clientAddress({ socket: {}, headers: {} } as unknown as IncomingMessage, false)).toBe('unknown')
  })

  it('limits IPv6 by /64 (one host can pick any address in it), IPv4 per address', () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('2001:db8:1:2:ffff:ffff:ffff:fffe')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64')
    expect(rateLimitKey('fe80::1:2.3.4.5')).toBe('fe80:0:0:0::/64')
    expect(rateLimitKey('192.0.2.7')).toBe('192.0.2.7')
    expect(rateLimitKey('unknown')).toBe('unknown')
  })

  it('uses the first X-Forwarded-Proto entry (the browser\'s hop) and X-Forwarded-Host only from a trusted proxy', () => {
    expect(requestIsHttps(req('127.0.0.1', { 'x-forwarded-proto': 'https, http' }), true)).toBe(true)
    expect(forwardedHost(req('127.0.0.1', { 'x-forwarded-host': 'map.example.lg.jp' }), true)).toBe('map.example.lg.jp')
    expect(forwardedHost(req('127.0.0.1', { 'x-forwarded-host': 'map.example.lg.jp' }), false)).toBeUndefined()
    expect(forwardedHost(req('127.0.0.1', {}), true)).toBeUndefined()
  })

  it('finds the Node request behind a hono context, if any', () => {
    const incoming = req('127.0.0.1')
    expect(incomingOf({ env: { incoming } })).toBe(incoming)
    expect(incomingOf({ env: undefined })).toBeUndefined()
  })
})
