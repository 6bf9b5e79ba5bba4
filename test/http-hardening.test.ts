import fs from 'node:fs'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServer, type RunningServer } from '../server/app.ts'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/log.ts'
import { connectClient, destroyAll, waitForSync } from './support/clients.ts'
import { createRoom, tempDataDir } from './support/server-process.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type ErrorBody = { error: { code: string; message: string; messageEn: string } }

function expectSecurityHeaders(res: Response, what: string) {
  expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'")
  expect(res.headers.get('content-security-policy'), what).toContain("default-src 'self'")
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
}

/** Sends `head` on a raw socket, then `drip` every `everyMs` until the server closes it. */
async function dribble(port: number, head: string, drip: string, everyMs: number): Promise<{ ms: number; answer: string }> {
  const socket = net.connect(port, '127.0.0.1')
  socket.on('error', () => {}) // the server cuts it mid-write
  let answer = ''
  socket.on('data', (d) => (answer += d.toString('latin1')))
  await new Promise((r) => socket.once('connect', r))
  const started = Date.now()
  socket.write(head)
  const timer = setInterval(() => socket.writable && socket.write(drip), everyMs)
  await new Promise((r) => socket.once('close', r))
  clearInterval(timer)
  return { ms: Date.now() - started, answer }
}

// What reaches the server over HTTP before any room link: headers on every answer, JSON from
// our own origin only, budgets per address, and no socket held open by a slow sender.
describe('HTTP hardening', () => {
  let server: RunningServer
  let dataDir: string
  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(
      loadConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
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
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  it('puts the security headers on pages, the API, 404s and errors; HSTS only over HTTPS', async () => {
    for (const path of ['/', '/r/abc', '/api/config', '/api/no-such-thing', '/api/rooms/x']) {
      const res = await fetch(`${server.url}${path}`)
      expectSecurityHeaders(res, path)
      expect(res.headers.get('strict-transport-security'), path).toBeNull()
    }
    expect((await fetch(`${server.url}/api/no-such-thing`)).status).toBe(404)
    // Error answers: a non-route (hono's own 404), bad JSON, a body too large.
    const answers = {
      'POST /nothing': await fetch(`${server.url}/nothing`, { method: 'POST' }),
      'bad JSON': await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.2' }, body: '{' }),
      'too large': await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.3' }, body: JSON.stringify({ title: 'x'.repeat(20_000), kind: 'case' }) }),
    }
    expect([answers['POST /nothing'].status, answers['bad JSON'].status, answers['too large'].status]).toEqual([404, 400, 413])
    for (const [what, res] of Object.entries(answers)) expectSecurityHeaders(res, what)

    const https = await fetch(`${server.url}/api/config`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000')
    const page = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })

  it('refuses a text/plain or cross-origin room creation, accepts JSON from our origin or none', async () => {
    const plain = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.0.0.1' }, body: '{"title":"x","kind":"case"}' })
    expect(plain.status).toBe(415)
    expectSecurityHeaders(plain, '415')
    expect(((await plain.json()) as ErrorBody).error.message).toMatch(/JSON/)
    const foreign = await post({ title: 'x', kind: 'case' }, { origin: 'https://evil.example', 'x-forwarded-for': '10.0.0.1' })
    expect(foreign.status).toBe(403)
    expect(((await foreign.json()) as ErrorBody).error.code).toBe('FOREIGN_ORIGIN')
    const crossSite = await post({ title: 'x', kind: 'case' }, { 'sec-fetch-site': 'cross-site', 'x-forwarded-for': '10.0.0.1' })
    expect(crossSite.status).toBe(403)
    expect((await post({ title: 'x', kind: 'case' }, { origin: server.url, 'x-forwarded-for': '10.0.0.1' })).status).toBe(201)
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(201)
    // The refused requests spent none of 10.0.0.1's room budget (3): one room left.
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(201)
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.1' })).status).toBe(429)
  })

  it('limits room creation per address with a Japanese 429 and Retry-After; other addresses still create', async () => {
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await post({ title: `r${i}`, kind: 'case' }, { 'x-forwarded-for': '10.0.0.2' })).status)
    expect(codes).toEqual([201, 201, 201, 429])
    const limited = await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.2' })
    expect(limited.status).toBe(429)
    expectSecurityHeaders(limited, '429')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = (await limited.json()) as ErrorBody
    expect(body.error.code).toBe('RATE_LIMITED')
    expect(body.error.message).toMatch(/^ルームの作成が短時間に多すぎます。\d+秒ほど待ってからやり直してください。$/)
    // Only the last X-Forwarded-For entry (our proxy's) counts: a client cannot pick its own.
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.99, 10.0.0.2' })).status).toBe(429)
    expect((await post({ title: 'x', kind: 'case' }, { 'x-forwarded-for': '10.0.0.3' })).status).toBe(201)
    // The address that is out of rooms may still use the rest of the app.
    expect((await fetch(`${server.url}/api/config`, { headers: { 'x-forwarded-for': '10.0.0.2' } })).status).toBe(200)
  })

  it('cuts a connection that sends its headers too slowly (408)', async () => {
    const { ms, answer } = await dribble(server.port, 'GET /api/config HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n', 300)
    expect(ms).toBeLessThan(4_000) // 1.5 s limit, checked every second
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('cuts a request whose body arrives too slowly (408)', async () => {
    const head = 'POST /api/rooms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nX-Forwarded-For: 10.0.0.4\r\n\r\n{"title":"'
    const { ms, answer } = await dribble(server.port, head, 'a', 200)
    expect(ms).toBeLessThan(4_500) // 2 s limit, checked every second
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('keeps a room WebSocket open past the request timeout', async () => {
    const room = await createRoom(server.url)
    // A raw socket, not a provider: a provider would reconnect and hide a cut connection.
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/${room.roomId}?token=${room.tokens.edit}`)
    const closed: number[] = []
    ws.on('close', (code) => closed.push(code))
    const received: Buffer[] = []
    ws.on('message', (data) => received.push(data as Buffer))
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    await sleep(3_500) // past REQUEST_TIMEOUT_MS (2 s) and the next check (every 1 s)
    expect(closed).toEqual([])
    expect(ws.readyState).toBe(WebSocket.OPEN)
    // Still served: sync step 1 with an empty state vector gets a sync step 2 back.
    const before = received.length
    ws.send(new Uint8Array([0, 0, 1, 0]))
    await sleep(300)
    expect(received.slice(before).some((m) => m[0] === 0 && m[1] === 1)).toBe(true)
    ws.close()

    // And stock clients keep editing together across the timeout.
    const a = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.edit)
    const b = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.edit)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])
    let reconnects = 0
    a.provider.on('status', ({ status }: { status: string }) => status === 'disconnected' && reconnects++)
    await sleep(3_000)
    a.doc.getMap('m').set('late', 1)
    await sleep(300)
    expect(b.doc.getMap('m').get('late')).toBe(1)
    expect(reconnects).toBe(0)
    destroyAll([a, b])
  })
})

describe('HTTP hardening without a trusted proxy', () => {
  let server: RunningServer
  let dataDir: string
  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ROOM_CREATION_PER_HOUR: '2' }), createLogger(true))
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('ignores X-Forwarded-Proto: no HSTS over plain HTTP', async () => {
    const res = await fetch(`${server.url}/api/config`, { headers: { 'x-forwarded-proto': 'https' } })
    expect(res.headers.get('strict-transport-security')).toBeNull()
    expectSecurityHeaders(res, '/api/config')
  })

  it('stops room creation for everyone past the global budget', async () => {
    const post = (xff: string) =>
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': xff }, body: JSON.stringify({ title: 'x', kind: 'case' }) })
    expect((await post('10.1.0.1')).status).toBe(201)
    expect((await post('10.1.0.2')).status).toBe(201)
    const refused = await post('10.1.0.3')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60)
    const body = (await refused.json()) as ErrorBody
    expect(body.error.code).toBe('RATE_LIMITED_GLOBAL')
    expect(body.error.message).toMatch(/分ほど待ってからやり直してください/)
  })
})
