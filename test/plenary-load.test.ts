import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCodes } from '../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { createRoom, startServerProcess, type ServerProcess } from './support/server-process.ts'

type RawSocket = { _socket: { pause(): void; resume(): void }; addEventListener: WebSocket['addEventListener'] }
const socketOf = (c: Client) => (c.provider as unknown as { ws: RawSocket }).ws

const TICK_MS = 50

// A plenary: many participants moving cursors, a few editing, some on bad Wi-Fi.
describe('plenary load', () => {
  let server: ServerProcess
  const clients: Client[] = []
  beforeAll(async () => {
    server = await startServerProcess({
      env: {
        AWARENESS_TICK_MS: String(TICK_MS),
        SLOW_CLIENT_SKIP_BYTES: String(32 * 1024),
        SLOW_CLIENT_DISCONNECT_BYTES: String(1024 * 1024),
      },
    })
  })
  afterAll(async () => {
    destroyAll(clients)
    await server.kill()
  })
  const connect = (roomId: string, token: string) => {
    const c = connectClient(server.wsUrl, roomId, token)
    clients.push(c)
    return c
  }

  it('coalesces cursor traffic to at most one awareness message per tick per client', async () => {
    const room = await createRoom(server.url)
    const twenty = Array.from({ length: 20 }, () => connect(room.roomId, room.tokens.edit))
    await Promise.all(twenty.map((c) => waitForSync(c.provider)))
    twenty.forEach((c, i) => c.awareness.setLocalStateField('user', { name: `参加者${i}`, org: '福祉課' }))
    await new Promise((r) => setTimeout(r, 300))

    const received = twenty.map(() => [] as number[])
    twenty.forEach((c, i) =>
      socketOf(c).addEventListener('message', (e: MessageEvent) => {
        if (new Uint8Array(e.data as ArrayBuffer)[0] === 1) received[i].push(performance.now())
      }),
    )
    const durationMs = 1_000
    const started = performance.now()
    let step = 0
    while (performance.now() - started < durationMs) {
      step++
      twenty.forEach((c, i) => c.awareness.setLocalStateField('cursor', { x: step, y: i }))
      await new Promise((r) => setTimeout(r, 10))
    }
    await new Promise((r) => setTimeout(r, TICK_MS * 4))
    const maxMessages = Math.ceil(durationMs / TICK_MS) + 4
    for (const times of received) expect(times.length).toBeLessThanOrEqual(maxMessages)
    // Without coalescing each client would receive about 20 × 100 messages.
    expect(Math.min(...received.map((t) => t.length))).toBeGreaterThan(5)

    for (const c of twenty) {
      const cursors = [...c.awareness.getStates().values()]
        .map((s) => (s as { cursor?: { x: number } }).cursor?.x)
        .filter((x) => x !== undefined)
      expect(cursors).toHaveLength(20)
      expect(cursors.every((x) => x === step)).toBe(true)
    }

    twenty[0].provider.disconnect()
    const gone = (c: Client) => ![...c.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === '参加者0')
    await waitUntil(() => twenty.slice(1).every(gone), 'a leaver disappears for everyone', 1_000)
  })

  it('skips, then disconnects a client that stops reading; it resyncs to the same document', async () => {
    const room = await createRoom(server.url)
    const editor = connect(room.roomId, room.tokens.edit)
    const peer = connect(room.roomId, room.tokens.edit)
    const stalled = connect(room.roomId, room.tokens.edit)
    await Promise.all([editor, peer, stalled].map((c) => waitForSync(c.provider)))
    const closes: number[] = []
    stalled.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code))

    socketOf(stalled)._socket.pause()
    const latencies: number[] = []
    peer.doc.getMap<number>('pings').observe((ev) => {
      for (const key of ev.keysChanged) latencies.push(performance.now() - peer.doc.getMap<number>('pings').get(key)!)
    })
    const blob = 'x'.repeat(48 * 1024)
    for (let i = 0; i < 300; i++) {
      editor.doc.getMap('bulk').set(`b${i}`, blob + i)
      editor.doc.getMap<number>('pings').set(`p${i}`, performance.now())
      await new Promise((r) => setTimeout(r, 5))
    }
    await waitUntil(() => latencies.length === 300, 'peer receives every edit')
    latencies.sort((a, b) => a - b)
    // Generous bound: this checks the room is not held up by the stalled client, not speed.
    expect(latencies[Math.floor(latencies.length * 0.95)]).toBeLessThan(1500)

    socketOf(stalled)._socket.resume()
    await waitUntil(() => closes.includes(closeCodes.tooSlow), 'stalled client was disconnected as too slow', 15_000)
    await waitUntil(() => stalled.provider.synced && stalled.doc.getMap('bulk').size === 300, 'stalled client resynced', 20_000)
    expect(stalled.doc.getMap('bulk').toJSON()).toEqual(editor.doc.getMap('bulk').toJSON())
  })
})
