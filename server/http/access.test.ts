import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../shared/rooms.ts'
import { hashToken, newToken } from '../rooms/tokens.ts'
import type { RoomDirectory, RoomRecord } from '../storage/doc-store.ts'
import { bearerToken, roomAccess, type RoomAccessEnv } from './access.ts'
import { notFound } from './not-found.ts'

function directoryWith(room: RoomRecord, tokens: Record<Role, string>): RoomDirectory {
  const hashes = Object.fromEntries(Object.entries(tokens).map(([role, t]) => [hashToken(t), role as Role]))
  return {
    create: async () => {},
    get: async (id) => (id === room.id ? room : null),
    roleForToken: async (id, hash) => (id === room.id ? (hashes[hash] ?? null) : null),
  }
}

describe('room access middleware', () => {
  const room: RoomRecord = { id: 'room1', title: '支援会議', kind: 'case', createdAt: '2026-01-01T00:00:00Z' }
  const tokens = { facilitate: newToken(), edit: newToken(), view: newToken() }
  const app = new Hono<RoomAccessEnv>()
  app.get('/rooms/:roomId/role', roomAccess(directoryWith(room, tokens)), (c) => c.json({ role: c.get('access').role }))
  const get = (id: string, auth?: string) => app.request(`/rooms/${id}/role`, { headers: auth ? { authorization: auth } : {} })

  it('puts the role of a valid Bearer token on the context', async () => {
    for (const role of ['facilitate', 'edit', 'view'] as const) {
      const res = await get('room1', `Bearer ${tokens[role]}`)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ role })
    }
    expect(await (await get('room1', `bearer   ${tokens.edit}  `)).json()).toEqual({ role: 'edit' })
  })

  it('answers 401, 403 and 404 with the API error body, in Japanese and English', async () => {
    const cases: [string, string | undefined, number, string][] = [
      ['room1', undefined, 401, 'MISSING_TOKEN'],
      ['room1', 'Basic abc', 401, 'MISSING_TOKEN'],
      ['room1', `Bearer ${newToken()}`, 403, 'FORBIDDEN'],
      ['nope', `Bearer ${tokens.edit}`, 404, 'ROOM_NOT_FOUND'],
    ]
    for (const [id, auth, status, code] of cases) {
      const res = await get(id, auth)
      expect(res.status, `${id} ${auth}`).toBe(status)
      const body = (await res.json()) as { error: { code: string; message: string; messageEn: string } }
      expect(body.error.code).toBe(code)
      expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龯]/)
      expect(body.error.messageEn).toMatch(/[a-z]/)
    }
  })

  it('reads only a Bearer token', () => {
    expect(bearerToken(undefined)).toBeNull()
    expect(bearerToken('Bearer ')).toBeNull()
    expect(bearerToken('Token x')).toBeNull()
    expect(bearerToken('Bearer abc')).toBe('abc')
  })
})

describe('not found', () => {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-notfound-'))
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>client</title>')
  const app = new Hono()
  app.get('/api/known', (c) => c.text('ok'))
  app.notFound(notFound(clientDir))

  it('is a JSON API error under /api, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await app.request('/api/unknown', { method })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
    }
    expect((await app.request('/api/known')).status).toBe(200)
  })

  it('gives page paths the client, which routes itself', async () => {
    const res = await app.request('/r/room1')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>client</title>')
    expect((await app.request('/r/room1', { method: 'POST' })).status).toBe(404)
  })
})
