import fs from 'node:fs'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCodes } from '../shared/rooms.ts'
import { settingsMap } from '../shared/quadrant/doc.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { awarenessFrame, deepValueUpdate, clockGapUpdate, nestedJson, prng, syncFrame } from './support/hostile-frames.ts'
import { openRaw } from './support/raw-socket.ts'
import { createRoom, startServerProcess, type CreatedRoom, type ServerProcess } from './support/server-process.ts'

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// Each attack a penetration test found, replayed against the real server process: the attacker's
// connection is closed, the process and everyone else carry on.
describe('hardening: what one link holder can do', () => {
  let server: ServerProcess
  let room: CreatedRoom
  const clients: Client[] = []
  const alive = () => expect(server.child.exitCode, server.output().slice(-3000)).toBeNull()

  beforeAll(async () => {
    server = await startServerProcess()
    room = await createRoom(server.url, '攻撃テスト', 'case')
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.kill()
  })

  /** The close code the frames earn, or 'open' if the connection is still open after a moment. */
  const sendFrom = async (role: 'view' | 'edit' | 'facilitate', ...frames: (Uint8Array | string)[]) => {
    const raw = await openRaw(server.wsUrl, room.roomId, room.tokens[role])
    for (const f of frames) raw.ws.send(f)
    const code = await Promise.race([raw.closed.then((c) => c.code), sleep(1_000).then(() => 'open' as const)])
    raw.ws.terminate()
    return code
  }

  it('survives a 3-byte sync step 1 with a malformed state vector from a view link (was: process exit)', async () => {
    expect(await sendFrom('view', new Uint8Array([0, 0, 0]))).toBe(closeCodes.badMessage)
    const rng = prng(1)
    for (let i = 0; i < 50; i++) {
      const code = await sendFrom('view', syncFrame(0, Uint8Array.from([...rng.bytes(rng.int(1, 6)), 0xff, 0xff])))
      // Some random bytes happen to be a valid state vector: those are answered, not closed.
      expect([closeCodes.badMessage, 'open']).toContain(code)
    }
    alive()
  })

  it('survives presence JSON nested 4,200 deep (was: stack overflow in the encoder)', async () => {
    const observer = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(observer)
    await waitForSync(observer.provider)
    expect(await sendFrom('view', awarenessFrame([[424242, 5, nestedJson(4_200, 'object')]]))).toBe(closeCodes.badMessage)
    await sleep(150)
    expect(observer.awareness.getStates().has(424242)).toBe(false)
    alive()
  })

  it('refuses an editor update nested 5,000 deep, so the room still loads after a restart (was: bricked)', async () => {
    expect(await sendFrom('edit', syncFrame(2, deepValueUpdate(5_000)))).toBe(closeCodes.invalidUpdate)
    expect(await sendFrom('edit', syncFrame(2, deepValueUpdate(100)))).toBe(closeCodes.invalidUpdate)
    await server.kill('SIGKILL')
    server = await startServerProcess({ dataDir: server.dataDir })
    const after = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(after)
    await waitForSync(after.provider)
    const graph = await fetch(`${server.url}/api/rooms/${room.roomId}/graph.json?persons=0`, { headers: { authorization: `Bearer ${room.tokens.view}` } })
    expect(graph.status).toBe(200)
  })

  it('refuses oversized frames from a view link at the normal limit; only writers get the backlog allowance', async () => {
    const big = syncFrame(1, new Uint8Array(3 * 1024 * 1024))
    expect(await sendFrom('view', big)).toBe(closeCodes.messageTooBig)
    // The same size as an edit link's offline backlog is read (zeros: an empty update).
    expect(await sendFrom('edit', big)).toBe('open')
    alive()
  })

  it('does not let a view link rename another participant or flood the room with presence ids', async () => {
    const victim = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    const observer = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(victim, observer)
    await Promise.all([waitForSync(victim.provider), waitForSync(observer.provider)])
    victim.awareness.setLocalStateField('user', { name: '保健師A', org: '健康課' })
    await waitUntil(() => (observer.awareness.getStates().get(victim.doc.clientID) as { user?: { name: string } })?.user?.name === '保健師A', 'observer sees the victim')

    const attacker = await openRaw(server.wsUrl, room.roomId, room.tokens.view)
    attacker.ws.send(awarenessFrame([[victim.doc.clientID, 1_000_000, JSON.stringify({ user: { name: 'なりすまし', org: 'x' } })]]))
    await sleep(300)
    const seen = observer.awareness.getStates().get(victim.doc.clientID) as { user: { name: string } }
    expect(seen.user.name).toBe('保健師A')
    expect((victim.awareness.getLocalState() as { user: { name: string } }).user.name).toBe('保健師A')

    const before = observer.awareness.getStates().size
    const flood = Array.from({ length: 500 }, (_, i) => [900_000 + i, 1, '{"user":{"name":"偽"}}'] as [number, number, string])
    attacker.ws.send(awarenessFrame(flood))
    expect((await attacker.closed).code).toBe(closeCodes.policy)
    await sleep(300)
    expect(observer.awareness.getStates().size).toBe(before)
    alive()
  })

  it('keeps memory bounded when a view client stops reading and asks for the document 1,000 times (was: +2.1 GB)', async () => {
    const writer = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(writer)
    await waitForSync(writer.provider)
    const big = writer.doc.getMap<string>('big')
    for (let i = 0; i < 1_900; i++) big.set(`k${i}`, 'x'.repeat(1_000))
    const reader = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(reader)
    await waitUntil(() => reader.doc.getMap('big').size === 1_900, 'the 1.9 MB document reached the room', 20_000)
    reader.provider.destroy()
    await sleep(200)
    const base = rssMb(server.child.pid!)

    const raw = await openRaw(server.wsUrl, room.roomId, room.tokens.view)
    ;(raw.ws as unknown as { _socket: { pause(): void } })._socket.pause() // stops reading
    for (let i = 0; i < 1_000; i++) raw.ws.send(syncFrame(0, new Uint8Array([0])))
    await sleep(2_500)
    const peak = rssMb(server.child.pid!)
    expect(peak - base).toBeLessThan(150)
    raw.ws.terminate()
    alive()
  })

  it('keeps memory bounded when a client that stops reading keeps asking for everyone\'s presence', async () => {
    const peers = Array.from({ length: 20 }, () => connectClient(server.wsUrl, room.roomId, room.tokens.view))
    clients.push(...peers)
    await Promise.all(peers.map((p) => waitForSync(p.provider)))
    peers.forEach((p, i) => p.awareness.setLocalStateField('user', { name: `参加者${i}`, org: 'x'.repeat(4_000) }))
    await sleep(300)
    const base = rssMb(server.child.pid!)
    const raw = await openRaw(server.wsUrl, room.roomId, room.tokens.view)
    ;(raw.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    for (let i = 0; i < 1_900; i++) raw.ws.send(new Uint8Array([3]))
    await sleep(2_000)
    expect(rssMb(server.child.pid!) - base).toBeLessThan(100)
    raw.ws.terminate()
    alive()
  })

  it('bounds updates held for missing dependencies and closes the sender', async () => {
    const raw = await openRaw(server.wsUrl, room.roomId, room.tokens.facilitate)
    const rng = prng(7)
    let sent = 0
    while (raw.ws.readyState === WebSocket.OPEN && sent < 3_000) {
      raw.ws.send(syncFrame(2, clockGapUpdate(rng)))
      sent++
      if (sent % 100 === 0) await sleep(5)
    }
    expect((await raw.closed).code).toBe(closeCodes.invalidUpdate)
    // Edits of everyone else are still fast.
    const a = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    const b = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(a, b)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])
    const t0 = Date.now()
    a.doc.getMap('m').set('after-pending', 1)
    await waitUntil(() => b.doc.getMap('m').get('after-pending') === 1, 'edit delivered')
    expect(Date.now() - t0).toBeLessThan(500)
  })

  it('lets only the facilitator change facilitator-only settings (the vote limit)', async () => {
    const editor = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    const facilitator = connectClient(server.wsUrl, room.roomId, room.tokens.facilitate)
    const observer = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(editor, facilitator, observer)
    await Promise.all([editor, facilitator, observer].map((c) => waitForSync(c.provider)))
    settingsMap(editor.doc).set('voteLimit', 99)
    editor.doc.getMap('m').set('editor-still-writes', true)
    await waitUntil(() => observer.doc.getMap('m').get('editor-still-writes') === true, "the editor's other edits arrive")
    await sleep(200)
    expect(settingsMap(observer.doc).get('voteLimit')).toBeUndefined()
    settingsMap(facilitator.doc).set('voteLimit', 5)
    await waitUntil(() => settingsMap(observer.doc).get('voteLimit') === 5, "the facilitator's setting arrives")
    // A fresh client loads the facilitator's value from the server, not the editor's.
    const fresh = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(fresh)
    await waitForSync(fresh.provider)
    expect(settingsMap(fresh.doc).get('voteLimit')).toBe(5)
  })
})

describe('hardening: connection limits per address, per link and per room', () => {
  let server: ServerProcess
  let room: CreatedRoom
  const sockets: WebSocket[] = []

  beforeAll(async () => {
    server = await startServerProcess({
      env: { MAX_CONNECTIONS_PER_ROOM: '4', MAX_VIEW_CONNECTIONS_PER_ROOM: '2', MAX_CONNECTIONS_PER_ADDRESS: '8', WS_CONNECT_BURST_PER_ADDRESS: '12', WS_CONNECT_RATE_PER_ADDRESS: '1' },
    })
    room = await createRoom(server.url)
  })
  afterAll(async () => {
    for (const ws of sockets) ws.terminate()
    await server?.kill()
  })

  /** Opens a socket and reports its close code, or 'open' if it is still open after a moment. */
  async function attempt(role: 'view' | 'edit' | 'facilitate', roomId = room.roomId): Promise<number | 'open'> {
    const raw = await openRaw(server.wsUrl, roomId, room.tokens[role]).catch(() => null)
    if (!raw) return -1
    sockets.push(raw.ws)
    return Promise.race([raw.closed.then((c) => c.code), sleep(300).then(() => 'open' as const)])
  }

  it('gives view links only their share of the room, keeps places for editors and a reserve for facilitators', async () => {
    expect(await attempt('view')).toBe('open')
    expect(await attempt('view')).toBe('open')
    expect(await attempt('view')).toBe(closeCodes.viewersFull)
    expect(await attempt('edit')).toBe('open')
    expect(await attempt('edit')).toBe('open')
    expect(await attempt('edit')).toBe(closeCodes.roomFull)
    expect(await attempt('facilitate')).toBe('open')
  })

  it('limits open connections and connection attempts from one address', async () => {
    // 5 open so far; 3 more places for this address in another room.
    const other = await createRoom(server.url)
    const codes: (number | 'open')[] = []
    for (let i = 0; i < 4; i++) {
      const raw = await openRaw(server.wsUrl, other.roomId, other.tokens.edit)
      sockets.push(raw.ws)
      codes.push(await Promise.race([raw.closed.then((c) => c.code), sleep(300).then(() => 'open' as const)]))
    }
    expect(codes).toEqual(['open', 'open', 'open', closeCodes.tooManyConnections])
    // Now with nothing open: quick attempts soon spend the burst (12) and are refused.
    for (const ws of sockets.splice(0)) ws.terminate()
    await sleep(200)
    const quick: number[] = []
    for (let i = 0; i < 10; i++) {
      const raw = await openRaw(server.wsUrl, other.roomId, other.tokens.edit)
      raw.ws.close()
      quick.push((await raw.closed).code)
    }
    expect(quick).toContain(closeCodes.tooManyConnections)
    expect(server.output()).toMatch(/ws\.rate_limited|ws\.refused/)
  })
})
