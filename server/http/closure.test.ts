import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readClosure } from '../../shared/plan/doc.ts'
import type { ApiErrorBody, CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'
import { closureReason } from './closure.ts'

type Role = 'facilitate' | 'edit' | 'view'

describe('closure API: 終結 and reopening a case', () => {
  let server: RunningServer
  let room: CreateRoomResponse
  const clients: Client[] = []
  const actor = { id: 'a-1', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true }
  let versionId = ''
  const token = (role: Role) => room.links[role].split('#k=')[1]
  const call = (method: string, route: string, role: Role | null, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/${route}`, {
      method,
      headers: { ...(role ? { authorization: `Bearer ${token(role)}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  const refusal = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status)
    const { error } = (await res.json()) as ApiErrorBody
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    expect(error.messageEn).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    return error
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-closure-http-'))
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
    const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '終結テスト', kind: 'case' }) })
    room = (await res.json()) as CreateRoomResponse
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('closes a case for everyone in the room, once', async () => {
    const viewer = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token('view'))
    clients.push(viewer)
    await waitForSync(viewer.provider)
    // An upload while open: it leaves a version behind to try restoring later.
    const put = await call('PUT', 'room.json', 'facilitate', { actors: [actor] })
    expect(put.status).toBe(200)
    versionId = ((await put.json()) as { versionId: string }).versionId

    const res = await call('POST', 'closure', 'facilitate', { reason: '  支援の見通しがついたため  ' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const closure = (await res.json()) as { closedAt: string; reason: string }
    expect(closure).toEqual({ closedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), reason: '支援の見通しがついたため' })
    await waitUntil(() => readClosure(viewer.doc) !== null, 'the closure reached the viewer')
    expect(readClosure(viewer.doc)).toEqual(closure)

    const again = await refusal(await call('POST', 'closure', 'facilitate', { reason: '二度目' }), 409, 'ALREADY_CLOSED')
    expect(again.message).toMatch(/すでに終結/)
    expect(readClosure(viewer.doc)).toEqual(closure)
  })

  it('refuses restores and room-file uploads while closed, and still saves meeting records', async () => {
    const restore = await refusal(await call('POST', `versions/${versionId}/restore`, 'facilitate', {}), 409, 'CASE_CLOSED')
    expect(restore.message).toMatch(/終結を取り消して/)
    const file = (await (await call('GET', 'room.json', 'facilitate', undefined, {})).json()) as Record<string, unknown>
    await refusal(await call('PUT', 'room.json', 'facilitate', { ...file, model: { actors: [{ ...actor, id: 'a-2' }] } }), 409, 'CASE_CLOSED')
    // Neither left a version of its own, nor changed the map.
    const { versions } = (await (await call('GET', 'versions', 'view', undefined, {})).json()) as { versions: { id: string }[] }
    expect(versions.map((v) => v.id)).toEqual([versionId])
    expect([...clients[0].doc.getMap('actors').keys()]).toEqual(['a-1'])
    const record = await call('POST', 'records', 'facilitate', { title: '終結時の支援会議', date: '2026-12-01' })
    expect(record.status).toBe(201)
  })

  it('reopens a closed case, once', async () => {
    // As the room page sends it: JSON content type, an empty object.
    const res = await call('DELETE', 'closure', 'facilitate', {})
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ reopened: true })
    await waitUntil(() => readClosure(clients[0].doc) === null, 'the reopening reached the viewer')
    await refusal(await call('DELETE', 'closure', 'facilitate'), 409, 'NOT_CLOSED')
    // Open again: the version can be restored.
    expect((await call('POST', `versions/${versionId}/restore`, 'facilitate', {})).status).toBe(200)
    await waitUntil(() => clients[0].doc.getMap('actors').size === 0, 'the restore reached the viewer')
  })

  it('is for the facilitator link only', async () => {
    for (const role of ['edit', 'view'] as const) {
      await refusal(await call('POST', 'closure', role, { reason: '終結' }), 403, 'FACILITATOR_ONLY')
      await refusal(await call('DELETE', 'closure', role), 403, 'FACILITATOR_ONLY')
    }
    await refusal(await call('POST', 'closure', null, { reason: '終結' }), 401, 'MISSING_TOKEN')
    const other = await fetch(`${server.url}/api/rooms/no-such-room/closure`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('facilitate')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '終結' }),
    })
    await refusal(other, 404, 'ROOM_NOT_FOUND')
    expect(readClosure(clients[0].doc)).toBeNull()
  })

  it('closes case rooms only: another kind of room has no plan tab to reopen it from', async () => {
    for (const kind of ['community', 'training'] as const) {
      const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '地域の会', kind }) })
      const other = (await res.json()) as CreateRoomResponse
      const close = await fetch(`${server.url}/api/rooms/${other.roomId}/closure`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.links.facilitate.split('#k=')[1]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: '終結' }),
      })
      const error = await refusal(close, 409, 'NOT_A_CASE')
      expect(error.message).toMatch(/ケース検討のルームだけ/)
      const file = (await (await fetch(`${server.url}/api/rooms/${other.roomId}/room.json`, { headers: { authorization: `Bearer ${other.links.facilitate.split('#k=')[1]}` } })).json()) as { plan?: { closure: unknown } }
      expect(file.plan?.closure ?? null).toBeNull()
    }
  })

  it('asks for a reason of 1–500 characters, sent as JSON', async () => {
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 42 }, { reason: '終結', closedAt: '2020-01-01T00:00:00.000Z' }, ['終結']]) {
      const error = await refusal(await call('POST', 'closure', 'facilitate', body), 400, 'INVALID_CLOSURE')
      expect(error.message).toBe('終結の理由を500文字以内で入力してください（空白だけにはできません）。')
    }
    await refusal(await call('POST', 'closure', 'facilitate', '{"reason":'), 400, 'INVALID_JSON')
    await refusal(await call('POST', 'closure', 'facilitate', { reason: 'x'.repeat(9000) }), 413, 'BODY_TOO_LARGE')
    await refusal(await call('POST', 'closure', 'facilitate', 'reason=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE')
    await refusal(await call('DELETE', 'closure', 'facilitate', undefined, {}), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expect(readClosure(clients[0].doc)).toBeNull()
    expect(closureReason({ reason: ` ${'あ'.repeat(500)} ` })).toBe('あ'.repeat(500))
  })
})
