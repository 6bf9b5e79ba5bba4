import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordDiffResponse, RecordInfo } from '../../shared/history/records.ts'
import { readModel } from '../../shared/model/doc.ts'
import { localDate } from '../../shared/plan/doc.ts'
import { addRecord, removeRecord, updateRecord } from '../../shared/model/ops.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import type { ApiErrorBody, CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))
type Role = 'facilitate' | 'edit' | 'view'

describe('room history API: meeting records and comparison', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-records-'))
  const start = () => startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
  let server: RunningServer
  let room: CreateRoomResponse
  const clients: Client[] = []
  const token = (role: Role) => room.links[role].split('#k=')[1]
  const call = (method: 'GET' | 'POST', route: string, role: Role | null, body?: unknown) => {
    const auth: Record<string, string> = role ? { authorization: `Bearer ${token(role)}` } : {}
    const url = `${server.url}/api/rooms/${room.roomId}/${route}`
    if (method === 'GET') return fetch(url, { headers: auth })
    const json = typeof body === 'string' ? body : JSON.stringify(body ?? {})
    return fetch(url, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: json })
  }
  const list = async (role: Role = 'view') => ((await (await call('GET', 'records', role)).json()) as { records: RecordInfo[] }).records
  const diff = async (route: string, role: Role) => {
    const res = await call('GET', route, role)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    return (await res.json()) as RecordDiffResponse
  }
  const refusal = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status)
    const { error } = (await res.json()) as ApiErrorBody
    expect(error.code).toBe(code)
    expect(error.messageEn).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    return error
  }
  const join = async (role: Role, org: string) => {
    const client = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token(role))
    clients.push(client)
    await waitForSync(client.provider)
    client.awareness.setLocalStateField('user', { name: '参加者', org })
    return client
  }
  const relationId = (client: Client, from: string, to: string) => readModel(client.doc).model.relations.find((r) => r.from === from && r.to === to)!.id
  let first = ''
  let second = ''

  beforeAll(async () => {
    server = await start()
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '会議記録テスト', kind: 'case' }),
    })
    room = (await res.json()) as CreateRoomResponse
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('saves a record of the map at a meeting, and the diff shows what changed since', async () => {
    const editor = await join('edit', '地域包括支援センター')
    const facilitator = await join('facilitate', '福祉総務課')
    applyImport(editor.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    await waitUntil(() => facilitator.doc.getMap('actors').size === sample.actors.length, 'the sample reached the facilitator')

    const res = await call('POST', 'records', 'facilitate', { title: '  第1回 重層的支援会議  ', date: '2025-04-10', attendees: ['地域包括支援センター', ' 福祉総務課 ', '福祉総務課'] })
    expect(res.status).toBe(201)
    first = ((await res.json()) as { recordId: string }).recordId
    expect(await list()).toEqual([
      {
        id: first,
        title: '第1回 重層的支援会議',
        date: '2025-04-10',
        attendees: ['地域包括支援センター', '福祉総務課'],
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        counts: { actors: sample.actors.length, persons: sample.persons.length, relations: sample.relations.length, practices: 0 },
      },
    ])
    // Nothing changed yet.
    const same = await diff(`records/${first}/diff`, 'edit')
    expect(same).toMatchObject({ from: first, to: 'now', personsIncluded: true, summary: { progress: 0, loss: 0, other: 0 } })
    expect(same.figures.after).toEqual(same.figures.before)

    // Between meetings: the care manager starts (planned → existing), 権利擁護 is taken off, a new agency comes in.
    const care = relationId(editor, 'a-caremgr', 'p-mother')
    const kenri = relationId(editor, 'a-kenri', 'p-mother')
    updateRecord(editor.doc, 'relation', care, { status: 'existing' })
    removeRecord(editor.doc, 'actor', 'a-kenri')
    addRecord(editor.doc, 'actor', { id: 'a-shogai', name: '障害者相談支援事業所', level: '市区町村（委託・法人・事業所）', formal: true, fields: ['障害'] })
    await waitUntil(() => facilitator.doc.getMap('actors').has('a-shogai') && !facilitator.doc.getMap('actors').has('a-kenri'), 'the edits reached the facilitator')

    const d = await diff(`records/${first}/diff`, 'facilitate')
    expect(d).toMatchObject({ from: first, to: 'now', personsIncluded: true })
    expect(d.relations.changed).toEqual([
      { id: care, from: 'a-caremgr', to: 'p-mother', type: '支援提供', statusBefore: 'planned', statusAfter: 'existing', kind: 'progress' },
    ])
    expect(d.actors).toEqual({ added: [{ id: 'a-shogai', label: '障害者相談支援事業所' }], removed: [{ id: 'a-kenri', label: '権利擁護センター' }], changed: [] })
    // 権利擁護's one tie (missing) went with it: removed, but not a loss.
    expect(d.relations.removed).toEqual([{ id: kenri, from: 'a-kenri', to: 'p-mother', type: '支援提供', status: 'missing' }])
    expect(d.relations.added).toEqual([])
    expect(d.summary).toEqual({ progress: 1, loss: 0, other: 0 })
    expect(d.persons).toEqual({ added: [], removed: [], changed: [] })
    expect(d.figures.before).toMatchObject({ actors: 15, persons: 3, ties: 22, countedTies: 9 })
    expect(d.figures.after).toMatchObject({ actors: 15, persons: 3, ties: 21, countedTies: 10 })
    expect(d.figures.before.isolatedActors).toContain('a-kenri')
    expect(d.figures.after.isolatedActors).toContain('a-shogai')
    expect(d.figures.after.isolatedActors).not.toContain('a-kenri')
    expect(d.figures.after.density).toBeGreaterThan(0)

    // An editor may leave persons out too.
    const without = await diff(`records/${first}/diff?persons=0`, 'edit')
    expect(without.personsIncluded).toBe(false)
    expect(without.relations.changed).toEqual([])
    expect(without.figures.after.persons).toBe(0)
    expect((await call('GET', `records/${first}/diff?persons=maybe`, 'edit')).status).toBe(400)
  })

  it('defaults the date to today and the attendees to the 所属 of those connected', async () => {
    // An observer on the view link (a projector, a trainee) is present but does not attend.
    const observer = await join('view', '見学者の所属')
    await waitUntil(() => clients[0].awareness.getStates().has(observer.awareness.clientID), 'the observer’s presence reached the editor')
    let orgs: string[] = []
    for (let i = 0; i < 100 && orgs.length < 2; i++) {
      orgs = await server.rooms.connectedOrgs(room.roomId)
      if (orgs.length < 2) await new Promise((r) => setTimeout(r, 50))
    }
    expect(orgs).toEqual(['地域包括支援センター', '福祉総務課'])
    const res = await call('POST', 'records', 'facilitate', { title: '第2回' })
    expect(res.status).toBe(201)
    second = ((await res.json()) as { recordId: string }).recordId
    // The server's today is the meetings' calendar (TZ, by default Asia/Tokyo), not its clock's.
    const today = localDate(new Date(), 'Asia/Tokyo')
    const records = await list('edit')
    expect(records.map((r) => r.id)).toEqual([second, first])
    expect(records[0]).toMatchObject({ title: '第2回', date: today, attendees: ['地域包括支援センター', '福祉総務課'] })

    // Record to record: the same changes as record to now.
    const between = await diff(`records/${first}/diff?to=${second}`, 'edit')
    expect(between).toMatchObject({ from: first, to: second, summary: { progress: 1, loss: 0, other: 0 } })
    expect(between.actors.removed).toEqual([{ id: 'a-kenri', label: '権利擁護センター' }])
  })

  it('gives a view link the list and the diff without persons, and refuses it a record', async () => {
    await refusal(await call('POST', 'records', 'view', { title: '閲覧者の記録' }), 403, 'FACILITATOR_ONLY')
    await refusal(await call('POST', 'records', 'edit', { title: '編集者の記録' }), 403, 'FACILITATOR_ONLY')
    expect((await call('POST', 'records', null, { title: '鍵なし' })).status).toBe(401)
    expect((await list('view')).length).toBe(2)

    // Even asking for persons, a view link gets none.
    for (const route of [`records/${first}/diff`, `records/${first}/diff?persons=1`]) {
      const d = await diff(route, 'view')
      expect(d.personsIncluded).toBe(false)
      expect(d.persons).toEqual({ added: [], removed: [], changed: [] })
      expect(d.figures.before).toMatchObject({ persons: 0, gapPersons: [] })
      // The care manager's tie was to the mother: not shown; 権利擁護 still shows as removed.
      expect(d.relations.changed).toEqual([])
      expect(d.actors.removed).toEqual([{ id: 'a-kenri', label: '権利擁護センター' }])
      const text = JSON.stringify(d)
      for (const p of sample.persons as { id: string; label: string }[]) {
        expect(text).not.toContain(p.id)
        expect(text).not.toContain(p.label)
      }
    }
  })

  it('refuses a bad title, date or attendee list with a message that says what to fix', async () => {
    const bad = async (body: unknown, fix: RegExp) => {
      const error = await refusal(await call('POST', 'records', 'facilitate', body), 400, 'INVALID_RECORD')
      expect(error.message).toMatch(fix)
    }
    await bad({ title: '   ' }, /タイトル/)
    await bad({}, /タイトル/)
    await bad({ title: 'あ'.repeat(201) }, /200文字/)
    await bad({ title: '第3回', date: '2025/04/10' }, /年-月-日/)
    await bad({ title: '第3回', date: '2025-02-30' }, /実在する日付/)
    await bad({ title: '第3回', attendees: '福祉総務課' }, /所属/)
    await bad({ title: '第3回', attendees: Array.from({ length: 51 }, (_, i) => `機関${i}`) }, /50件/)
    await bad({ title: '第3回', attendees: ['あ'.repeat(101)] }, /100文字/)
    await bad({ title: '第3回', name: '山田' }, /タイトル/)
    await bad(['第3回'], /タイトル/)
    await refusal(await call('POST', 'records', 'facilitate', '{"title":'), 400, 'INVALID_JSON')
    expect(await list()).toHaveLength(2)
  })

  it('gives the frozen copy as a room file, with the persons rule of downloads', async () => {
    const res = await call('GET', `records/${first}/room.json`, 'edit')
    expect(res.status).toBe(200)
    const file = (await res.json()) as { format: string; model: { actors: { id: string }[]; persons: unknown[] } }
    expect(file.format).toBe('jusou-room@1')
    // Frozen: 権利擁護センター was deleted after the record, and is still in it.
    expect(file.model.actors.map((a) => a.id)).toContain('a-kenri')
    expect(file.model.persons).toHaveLength(sample.persons.length)
    expect((await call('GET', `records/${first}/room.json`, 'view')).status).toBe(403)
    const withoutPersons = await call('GET', `records/${first}/room.json?persons=0`, 'view')
    expect(withoutPersons.status).toBe(200)
    expect(((await withoutPersons.json()) as { model: { persons: unknown[] } }).model.persons).toEqual([])
    expect((await call('GET', 'records/999/room.json', 'edit')).status).toBe(404)
  })

  it('answers 404 for a record the room does not have', async () => {
    for (const route of ['records/99999/diff', 'records/abc/diff', `records/${first}/diff?to=99999`, `records/${first}/diff?to=later`]) {
      await refusal(await call('GET', route, 'edit'), 404, 'RECORD_NOT_FOUND')
    }
    // Another room's record is not this room's.
    const other = (await (
      await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '別のルーム', kind: 'case' }) })
    ).json()) as CreateRoomResponse
    const res = await fetch(`${server.url}/api/rooms/${other.roomId}/records/${first}/diff`, { headers: { authorization: `Bearer ${other.links.edit.split('#k=')[1]}` } })
    const error = await refusal(res, 404, 'RECORD_NOT_FOUND')
    expect(error.message).toContain('会議記録')
  })

  it('keeps the records over a server restart', async () => {
    const before = await diff(`records/${first}/diff?to=${second}`, 'edit')
    const listed = await list()
    destroyAll(clients)
    clients.length = 0
    await server.close()
    server = await start()
    expect(await list()).toEqual(listed)
    expect(await diff(`records/${first}/diff?to=${second}`, 'edit')).toEqual(before)
    const now = await diff(`records/${second}/diff`, 'facilitate')
    expect(now.summary).toEqual({ progress: 0, loss: 0, other: 0 })
    expect(now.figures.after).toEqual(now.figures.before)
  })
})
