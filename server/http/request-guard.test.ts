import type { IncomingMessage } from 'node:http'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import type { Logger } from '../log.ts'
import { jsonFromOwnOrigin, rateLimit, type RateLimitOptions } from './request-guard.ts'

const incoming = (address: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress: address }, headers }) as unknown as IncomingMessage

describe('JSON from our own origin', () => {
  function app(publicUrl: string | null, trustProxy = false) {
    const a = new Hono()
    a.use('/api/*', jsonFromOwnOrigin(publicUrl, trustProxy))
    a.all('/api/rooms', (c) => c.json({ ok: true }, 201))
    return a
  }
  const send = (a: Hono, headers: Record<string, string>, method = 'POST', proxyHeaders: Record<string, string> = {}) =>
    a.request('http://localhost:8787/api/rooms', { method, headers, body: method === 'GET' ? undefined : '{}' }, { incoming: incoming('127.0.0.1', proxyHeaders) })
  const json = { 'content-type': 'application/json' }

  it('requires application/json on state-changing requests (415), not on reads', async () => {
    const a = app(null)
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-seq', '']) {
      const res = await send(a, type ? { 'content-type': type } : {})
      expect(res.status, type).toBe(415)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
      expect(body.error.message).toMatch(/JSON/)
    }
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await send(a, { 'content-type': 'text/plain' }, method)).status, method).toBe(415)
    expect((await send(a, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(201)
    expect((await send(a, {}, 'GET')).status).toBe(201)
  })

  it('refuses a foreign Origin or a cross-site fetch (403); no Origin (curl) and our own are accepted', async () => {
    const a = app(null)
    expect((await send(a, json)).status).toBe(201)
    expect((await send(a, { ...json, origin: 'http://localhost:8787' })).status).toBe(201)
    // Behind a TLS proxy without PUBLIC_URL the browser's origin is https, the request http.
    expect((await send(a, { ...json, origin: 'https://localhost:8787' })).status).toBe(201)
    for (const origin of ['https://evil.example', 'http://localhost:9999', 'http://localhost.evil.example:8787', 'null', 'garbage']) {
      const res = await send(a, { ...json, origin })
      expect(res.status, origin).toBe(403)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FOREIGN_ORIGIN')
    }
    expect((await send(a, { ...json, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await send(a, { ...json, 'sec-fetch-site': 'same-origin' })).status).toBe(201)
  })

  it('with PUBLIC_URL, that origin only; X-Forwarded-Host counts only from a trusted proxy', async () => {
    const pub = app('https://map.example.lg.jp/')
    expect((await send(pub, { ...json, origin: 'https://map.example.lg.jp' })).status).toBe(201)
    expect((await send(pub, { ...json, origin: 'http://localhost:8787' })).status).toBe(403)
    const forwarded = { 'x-forwarded-host': 'map.example.lg.jp' }
    expect((await send(app(null, true), { ...json, origin: 'https://map.example.lg.jp' }, 'POST', forwarded)).status).toBe(201)
    expect((await send(app(null, false), { ...json, origin: 'https://map.example.lg.jp' }, 'POST', forwarded)).status).toBe(403)
  })
})

describe('rate limits', () => {
  function limited(o: Omit<RateLimitOptions, 'trustProxy' | 'what'> & { trustProxy?: boolean }) {
    const a = new Hono()
    a.use('*', rateLimit({ trustProxy: false, what: { ja: 'ルームの作成', en: 'rooms created' }, ...o }))
    a.get('*', (c) => c.text('ok'))
    return (address: string) => a.request('/x', {}, { incoming: incoming(address) })
  }

  it('answers 429 in Japanese with Retry-After past an address\'s budget; other addresses are served', async () => {
    let now = 0
    const get = limited({ perAddress: { burst: 3, perSecond: 1 / 60 }, now: () => now })
    expect(await Promise.all([1, 2, 3].map(async () => (await get('192.0.2.1')).status))).toEqual([200, 200, 200])
    const res = await get('192.0.2.1')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('60')
    const body = (await res.json()) as { error: { code: string; message: string; messageEn: string } }
    expect(body.error.code).toBe('RATE_LIMITED')
    expect(body.error.message).toBe('ルームの作成が短時間に多すぎます。60秒ほど待ってからやり直してください。')
    expect((await get('192.0.2.2')).status).toBe(200)
    expect((await get('::ffff:192.0.2.1')).status).toBe(429) // the same address, spelled as IPv6
    now = 60_000
    expect((await get('192.0.2.1')).status).toBe(200)
  })

  it('counts an IPv6 /64 as one address', async () => {
    const get = limited({ perAddress: { burst: 2, perSecond: 0.001 } })
    expect((await get('2001:db8:1:2::a')).status).toBe(200)
    expect((await get('2001:db8:1:2::b')).status).toBe(200)
    expect((await get('2001:db8:1:2:ffff::c')).status).toBe(429)
    expect((await get('2001:db8:1:3::a')).status).toBe(200)
  })

  it('a global budget refuses everyone once spent, in minutes, without spending the addresses\' own', async () => {
    let now = 0
    const get = limited({ perAddress: { burst: 2, perSecond: 2 / 3600 }, global: { burst: 3, perSecond: 1 / 600 }, now: () => now })
    const codes = []
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) codes.push((await get(address)).status)
    expect(codes).toEqual([200, 200, 200, 429])
    const res = await get('10.0.0.5')
    expect(res.headers.get('retry-after')).toBe('600')
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('RATE_LIMITED_GLOBAL')
    expect(body.error.message).toMatch(/10分ほど待って/)
    now = 600_000 // one room back in the global budget: 10.0.0.4 still has both of its own
    expect((await get('10.0.0.4')).status).toBe(200)
  })

  it('with the default settings, 200 participants behind one town-hall address open a room in the same second', async () => {
    const config = loadConfig({})
    let now = 0
    const get = limited({ perAddress: { burst: config.httpBurstPerAddress, perSecond: config.httpRatePerAddress }, now: () => now })
    // 26 requests per participant opening a room with its board (measured in Chromium), 30 to be safe.
    let refused = 0
    for (let i = 0; i < 200 * 30; i++) {
      now = i / 6 // all 6,000 within one second
      if ((await get('203.0.113.10')).status !== 200) refused++
    }
    expect(refused).toBe(0)
    // …and again a minute later (everyone reloads).
    for (let i = 0; i < 200 * 30; i++) {
      now = 60_000 + i * 10 // 6,000 over the next minute
      if ((await get('203.0.113.10')).status !== 200) refused++
    }
    expect(refused).toBe(0)
    // A flood from that address is cut: at once, then 200/s.
    now = 200_000
    let passed = 0
    for (let i = 0; i < 10_000; i++) if ((await get('203.0.113.10')).status === 200) passed++
    expect(passed).toBe(config.httpBurstPerAddress)
  })

  it('logs refusals as one line a minute with counts, never the address', async () => {
    let now = 0
    const lines: Record<string, unknown>[] = []
    const log: Logger = { info: (event, fields) => lines.push({ event, ...fields }), error: () => {} }
    const get = limited({ perAddress: { burst: 1, perSecond: 0.0001 }, now: () => now, log })
    for (let i = 0; i < 1000; i++) {
      now = i * 100
      await get('198.51.100.77')
    }
    // 999 refusals over 100 s: the first at once, then the count of the next minute.
    expect(lines).toEqual([
      { event: 'http.rate_limited', what: 'rooms created', perAddress: 1, global: 0 },
      { event: 'http.rate_limited', what: 'rooms created', perAddress: 600, global: 0 },
    ])
    expect(JSON.stringify(lines)).not.toContain('198.51.100')
  })
})
