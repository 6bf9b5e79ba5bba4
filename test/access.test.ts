import fs from 'node:fs'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCodes } from '../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { openRaw } from './support/raw-socket.ts'
import { createRoom, startServerProcess, type ServerProcess } from './support/server-process.ts'

describe('access by capability link', () => {
  let server: ServerProcess
  const clients: Client[] = []
  beforeAll(async () => {
    server = await startServerProcess()
  })
  afterAll(async () => {
    destroyAll(clients)
    await server.kill()
  })

  it('returns the role of a valid token and refuses missing, wrong and unknown ones with Japanese errors', async () => {
    const room = await createRoom(server.url, '第3回 重層的支援会議', 'case')
    const get = (id: string, token?: string) =>
      fetch(`${server.url}/api/rooms/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

    for (const role of ['facilitate', 'edit', 'view'] as const) {
      const res = await get(room.roomId, room.tokens[role])
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({ roomId: room.roomId, title: '第3回 重層的支援会議', kind: 'case', role })
    }
    const missing = await get(room.roomId)
    expect(missing.status).toBe(401)
    const wrong = await get(room.roomId, room.tokens.edit.slice(0, -2) + 'xx')
    expect(wrong.status).toBe(403)
    const body = (await wrong.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('FORBIDDEN')
    expect(body.error.message).toMatch(/リンク/)
    const otherRooms = await createRoom(server.url)
    expect((await get(room.roomId, otherRooms.tokens.facilitate)).status).toBe(403)
    expect((await get('no-such-room-0000', room.tokens.edit)).status).toBe(404)
  })

  it('offers no way to list rooms', async () => {
    const res = await fetch(`${server.url}/api/rooms`)
    expect(res.status).toBe(404)
  })

  it('stores tokens only hashed', async () => {
    const room = await createRoom(server.url)
    const dbFiles = fs.readdirSync(server.dataDir).map((f) => fs.readFileSync(path.join(server.dataDir, f)))
    for (const token of Object.values(room.tokens)) {
      expect(dbFiles.some((b) => b.includes(Buffer.from(token)))).toBe(false)
    }
  })

  it('closes sockets without a valid token with an explaining close code', async () => {
    const room = await createRoom(server.url)
    expect(await (await openRaw(server.wsUrl, room.roomId, null)).closed).toMatchObject({ code: closeCodes.missingToken })
    expect(await (await openRaw(server.wsUrl, room.roomId, 'A'.repeat(43))).closed).toMatchObject({ code: closeCodes.forbidden })
    expect(await (await openRaw(server.wsUrl, 'unknown-room', room.tokens.edit)).closed).toMatchObject({
      code: closeCodes.roomNotFound,
    })
  })

  it('drops a view link update, tells it so, and does not store it', async () => {
    const room = await createRoom(server.url)
    const editor = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    const viewer = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    clients.push(editor, viewer)
    await Promise.all([waitForSync(editor.provider), waitForSync(viewer.provider)])

    const denied: string[] = []
    const ws = (viewer.provider as unknown as { ws: WebSocket }).ws
    ws.addEventListener('message', (e: MessageEvent) => {
      const dec = decoding.createDecoder(new Uint8Array(e.data as ArrayBuffer))
      if (decoding.readVarUint(dec) === 2 && decoding.readVarUint(dec) === 0) denied.push(decoding.readVarString(dec))
    })
    viewer.doc.getMap('m').set('intruder', true)
    editor.doc.getMap('m').set('legit', true)
    await waitUntil(() => denied.length > 0, 'viewer told its update was dropped')
    expect(denied[0]).toMatch(/read-only/)
    await waitUntil(() => viewer.doc.getMap('m').get('legit') === true, 'viewer still gets live updates')
    await new Promise((r) => setTimeout(r, 200))
    expect(editor.doc.getMap('m').has('intruder')).toBe(false)

    const fresh = connectClient(server.wsUrl, room.roomId, room.tokens.edit)
    clients.push(fresh)
    await waitForSync(fresh.provider)
    expect(fresh.doc.getMap('m').toJSON()).toEqual({ legit: true })
  })
})
