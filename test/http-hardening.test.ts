import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../server/app.ts'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/log.ts'
import { connectClient, destroyAll, waitForSync } from './support/clients.ts'
import { createRoom, tempDataDir } from './support/server-process.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// What reaches the server over HTTP before any room link: headers on every answer, JSON from
// our own origin only, budgets per address, and no socket held open by a slow sender.
describe('HTTP hardening', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer(
      loadConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: tempDataDir(),
        TRUST_PROXY: '1',
        ROOM_CREATION_BURST_PER_ADDRESS: '3',
        HEADERS_TIMEOUT_MS: '1500',
        REQUEST_TIMEOUT_MS: '2000',
      }),
      createLogger(true),
    )
  })
  afterAll(async () => {
    await server.close()
  })

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  it('puts the security headers on pages, the API, 404s and errors; HSTS only over HTTPS', async () => {
    for (const path of ['/', '/r/abc', '/api/config', '/api/no-such-thing', '/api/rooms/x']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('strict-transport-security'), path).toBeNull()
    }
    const https = await fetch(`${server.url}/api/config`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })

  it('refuses a text/plain or cross-origin room creation, accepts JSON from our origin or none', async () => {
    const plain = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.0.0.1' }, body: '{"title":"x","kind":"case"}' })
    expect(plain.status).toBe(415)
    expect(((await plain.json()) as { error: { message: string } }).error.message).toMatch(/JSON/)
    const foreign = await post({ title: 'x', kind: 'case' }, { origin: 'https://evil.example', 'x-forwarded-for': '10.0.0.1' })
    expect(foreign.status).toBe(403)
    expect((await post({ title: 'x', kind: 'case' }, { origin: server.url, 'x-forwarded-for': '10.0.0.1' })).status).toBe(201)
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(201)
  })

  it('limits room creation per address with a Japanese 429 and Retry-After; other addresses still create', async () => {
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await post({ title: `r${i}`, kind: 'case' }, { 'x-forwarded-for': '10.0.0.2' })).status)
    expect(codes).toEqual([201, 201, 201, 429])
    const limited = await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.2' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/待って/)
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.3' })).status).toBe(201)
  })

  it('cuts a connection that sends its headers too slowly', async () => {
    const socket = net.connect(server.port, '127.0.0.1')
    socket.on('error', () => {}) // the server cuts it mid-write
    await new Promise((r) => socket.once('connect', r))
    const started = Date.now()
    socket.write('GET /api/config HTTP/1.1\r\nHost: x\r\n')
    const timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 300)
    await new Promise((r) => socket.once('close', r))
    clearInterval(timer)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('keeps a room WebSocket open past the request timeout', async () => {
    const room = await createRoom(server.url)
    const a = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.edit)
    const b = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.edit)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])
    await sleep(3_500)
    a.doc.getMap('m').set('late', 1)
    await sleep(300)
    expect(b.doc.getMap('m').get('late')).toBe(1)
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
    destroyAll([a, b])
  })
})
