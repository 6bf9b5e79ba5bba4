import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress, requestIsHttps } from './client-address.ts'

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
})
