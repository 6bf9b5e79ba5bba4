import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../app.ts'
import { createLogger } from '../log.ts'
import { connectClient, destroyAll, waitForSync, waitUntil } from '../../test/support/clients.ts'
import { createRoom, tempDataDir } from '../../test/support/server-process.ts'

describe('room lifecycle', () => {
  let server: RunningServer
  beforeAll(async () => {
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: tempDataDir(), ROOM_UNLOAD_GRACE_MS: '150' })
    server = await startServer(config, createLogger(true))
  })
  afterAll(async () => {
    await server.close()
  })

  it('loads a room on first connection and unloads it after the grace period once empty', async () => {
    const room = await createRoom(server.url)
    expect(server.rooms.isLoaded(room.roomId)).toBe(false)

    const a = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.edit)
    await waitForSync(a.provider)
    expect(server.rooms.isLoaded(room.roomId)).toBe(true)
    a.doc.getMap('m').set('kept', 1)
    await new Promise((r) => setTimeout(r, 50))
    destroyAll([a])

    // Still loaded during the grace period (a participant reloading the page)…
    await new Promise((r) => setTimeout(r, 50))
    expect(server.rooms.isLoaded(room.roomId)).toBe(true)
    // …and gone after it.
    await waitUntil(() => !server.rooms.isLoaded(room.roomId), 'room unloaded', 3_000)

    const b = connectClient(`ws://127.0.0.1:${server.port}/ws`, room.roomId, room.tokens.view)
    await waitForSync(b.provider)
    expect(b.doc.getMap('m').get('kept')).toBe(1)
    destroyAll([b])
  })

  it('keeps a room loaded when someone rejoins within the grace period', async () => {
    const room = await createRoom(server.url)
    const url = `ws://127.0.0.1:${server.port}/ws`
    const a = connectClient(url, room.roomId, room.tokens.edit)
    await waitForSync(a.provider)
    destroyAll([a])
    await new Promise((r) => setTimeout(r, 60))
    const b = connectClient(url, room.roomId, room.tokens.edit)
    await waitForSync(b.provider)
    await new Promise((r) => setTimeout(r, 300))
    expect(server.rooms.isLoaded(room.roomId)).toBe(true)
    destroyAll([b])
  })
})
