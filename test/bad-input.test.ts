import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCodes } from '../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { openRaw } from './support/raw-socket.ts'
import { createRoom, startServerProcess, type CreatedRoom, type ServerProcess } from './support/server-process.ts'

const frame = (...parts: ((e: encoding.Encoder) => void)[]) => {
  const e = encoding.createEncoder()
  for (const p of parts) p(e)
  return encoding.toUint8Array(e)
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n)
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b)

// Whatever one client sends, only its own connection suffers: the room, its stored document
// and every other room keep working.
describe('bad input', () => {
  let server: ServerProcess
  let room: CreatedRoom
  let other: CreatedRoom
  const clients: Client[] = []
  const LIMIT = 64 * 1024
  const SYNC_LIMIT = 512 * 1024

  beforeAll(async () => {
    server = await startServerProcess({
      env: { MAX_MESSAGE_BYTES: String(LIMIT), MAX_SYNC_MESSAGE_BYTES: String(SYNC_LIMIT) },
    })
    room = await createRoom(server.url)
    other = await createRoom(server.url)
    const seed = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(seed)
    await waitForSync(seed.provider)
    seed.doc.getMap('m').set('before', '既存のデータ')
    await new Promise((r) => setTimeout(r, 100))
  })
  afterAll(async () => {
    destroyAll(clients)
    await server.kill()
  })

  const send = async (payload: Uint8Array | string, target = room) => {
    const raw = await openRaw(server.wsUrl, target.roomId, target.tokens.edit)
    raw.ws.send(payload)
    return raw.closed
  }

  it('closes a truncated message with 4400', async () => {
    expect((await send(new Uint8Array([0]))).code).toBe(closeCodes.badMessage)
    expect((await send(new Uint8Array([0, 2, 50, 1, 2]))).code).toBe(closeCodes.badMessage)
  })

  it('closes an unknown message type with 4400', async () => {
    expect((await send(frame(uint(99), uint(1)))).code).toBe(closeCodes.badMessage)
    expect((await send(frame(uint(0), uint(7), bytes(new Uint8Array([1]))))).code).toBe(closeCodes.badMessage)
  })

  it('closes a text frame with 4400', async () => {
    expect((await send('hello')).code).toBe(closeCodes.badMessage)
  })

  it('closes an update Yjs cannot apply with 4422', async () => {
    const garbage = new Uint8Array([5, 200, 1, 255, 255, 255, 255, 15, 7, 7, 7])
    const closed = await send(frame(uint(0), uint(2), bytes(garbage)))
    expect(closed.code).toBe(closeCodes.invalidUpdate)
  })

  it('closes an unreadable awareness update with 4400', async () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1) // one client
    encoding.writeVarUint(e, 12345)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, '{not json')
    expect((await send(frame(uint(1), bytes(encoding.toUint8Array(e))))).code).toBe(closeCodes.badMessage)
  })

  it('closes a message over the size limit with 1009', async () => {
    const big = frame(uint(0), uint(2), bytes(new Uint8Array(LIMIT + 10)))
    expect((await send(big)).code).toBe(closeCodes.messageTooBig)
  })

  it('closes a reconnect sync (sync step 2) over its own, larger limit with 1009', async () => {
    const big = frame(uint(0), uint(1), bytes(new Uint8Array(SYNC_LIMIT + 10)))
    expect((await send(big)).code).toBe(closeCodes.messageTooBig)
  })

  it('accepts an offline backlog bigger than the update limit when the participant reconnects', async () => {
    // A laptop in a meeting room without network: its edits pile up, then arrive in one
    // sync step 2. Refusing it would refuse the same backlog on every reconnect.
    const offline = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(offline)
    await waitForSync(offline.provider)
    offline.provider.disconnect()
    const notes = offline.doc.getMap<string>('offline')
    for (let i = 0; i < 6; i++) notes.set(`note-${i}`, `オフラインで書いたメモ${i}：` + 'あ'.repeat(10_000))
    expect(Y.encodeStateAsUpdate(offline.doc).byteLength).toBeGreaterThan(2 * LIMIT)
    offline.provider.connect()
    await waitForSync(offline.provider)

    const later = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(later)
    await waitForSync(later.provider)
    await waitUntil(() => later.doc.getMap('offline').size === 6, 'the offline backlog reached the room')
    expect(offline.provider.wsconnected).toBe(true)
  })

  it('rejects bad room creation requests with a Japanese JSON error', async () => {
    const post = (body: string) =>
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const long = await post(JSON.stringify({ title: 'あ'.repeat(10_000), kind: 'case' }))
    expect([400, 413]).toContain(long.status)
    const longBody = (await long.json()) as { error: { message: string } }
    expect(longBody.error.message).toMatch(/タイトル|大きすぎ/)

    const badKind = await post(JSON.stringify({ title: 'x', kind: 'party' }))
    expect(badKind.status).toBe(400)
    expect(((await badKind.json()) as { error: { message: string } }).error.message).toMatch(/種類/)

    const empty = await post(JSON.stringify({ title: '   ', kind: 'case' }))
    expect(empty.status).toBe(400)

    const notJson = await post('{"title": ')
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('INVALID_JSON')
  })

  it('keeps the stored document intact and every room serving afterwards', async () => {
    const fresh = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    const elsewhere = connectClient(server.wsUrl, other.roomId, other.tokens.edit)
    clients.push(fresh, elsewhere)
    await Promise.all([waitForSync(fresh.provider), waitForSync(elsewhere.provider)])
    expect(fresh.doc.getMap('m').toJSON()).toEqual({ before: '既存のデータ' })

    fresh.doc.getMap('m').set('after', 'ok')
    await waitUntil(() => clients[0].doc.getMap('m').get('after') === 'ok', 'the room still syncs')
    expect(server.child.exitCode).toBeNull()
  })
})
