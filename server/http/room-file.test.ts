import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readModel } from '../../shared/model/doc.ts'
import { personDataIn } from '../../shared/model/privacy-fixtures.ts'
import { addPractice, createGroup, vote } from '../../shared/quadrant/ops.ts'
import { readQuadrant } from '../../shared/quadrant/doc.ts'
import { readPlan } from '../../shared/plan/doc.ts'
import { addTask, updatePlanInfo } from '../../shared/plan/ops.ts'
import type { RoomFile } from '../../shared/room-file/room-file.ts'
import type { CreateRoomResponse } from '../../shared/rooms.ts'
import type { VersionInfo } from '../../shared/history/versions.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'

const samplePath = path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json')
const sample = JSON.parse(fs.readFileSync(samplePath, 'utf8'))

describe('room file API: the whole room as one JSON file', () => {
  let server: RunningServer
  const clients: Client[] = []
  const rooms: CreateRoomResponse[] = []
  const token = (room: CreateRoomResponse, role: 'facilitate' | 'edit' | 'view') => room.links[role].split('#k=')[1]
  const request = (room: CreateRoomResponse, method: 'GET' | 'PUT', role: 'facilitate' | 'edit' | 'view', body?: unknown, query = '') =>
    fetch(`${server.url}/api/rooms/${room.roomId}/room.json${query}`, {
      method,
      headers: { authorization: `Bearer ${token(room, role)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const newRoom = async (title: string) => {
    const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title, kind: 'case' }) })
    const room = (await res.json()) as CreateRoomResponse
    rooms.push(room)
    const client = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token(room, 'edit'))
    clients.push(client)
    await waitForSync(client.provider)
    return { room, client }
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-room-file-'))
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('exports the model and the quadrant, and moves a room into another one, live', async () => {
    const { room: from, client: a } = await newRoom('移す前のルーム')
    applyImport(a.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    const group = createGroup(a.doc, { name: '地域福祉課' })
    const card = addPractice(a.doc, { text: '民生委員との定例会', x: -0.5, y: 0.5, groupId: group.id, authorName: '佐藤', authorOrg: '地域福祉課' })
    vote(a.doc, 'voter-1', card.id)
    // What the editor wrote is on the server before anyone downloads it.
    for (let i = 0; i < 100 && (await server.rooms.read(from.roomId, (doc) => doc.getMap('votes').size)) === 0; i++) {
      await new Promise((r) => setTimeout(r, 20))
    }

    const res = await request(from, 'GET', 'edit')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const file = (await res.json()) as RoomFile
    expect(file).toMatchObject({ format: 'jusou-room@1', title: '移す前のルーム', kind: 'case', personsIncluded: true })
    expect(file.model.actors).toHaveLength(sample.actors.length)
    expect(file.model.persons).toHaveLength(sample.persons.length)
    expect(file.quadrant.practices.map((p) => p.text)).toEqual(['民生委員との定例会'])
    expect(file.quadrant.votes).toEqual([{ voterId: 'voter-1', cardId: card.id, count: 1 }])
    expect(file.records).toEqual([])

    // A meeting record is listed in the file (its copy is a file of its own).
    const saved = await fetch(`${server.url}/api/rooms/${from.roomId}/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(from, 'facilitate')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '第1回 支援会議', date: '2026-12-01', attendees: ['福祉総務課'] }),
    })
    expect(saved.status).toBe(201)
    const withRecord = (await (await request(from, 'GET', 'edit')).json()) as RoomFile
    expect(withRecord.records).toMatchObject([{ title: '第1回 支援会議', date: '2026-12-01', attendees: ['福祉総務課'] }])

    const { room: to, client: b } = await newRoom('移した先のルーム')
    const put = await request(to, 'PUT', 'facilitate', file)
    expect(put.status).toBe(200)
    const report = (await put.json()) as { accepted: { actors: number }; quadrant: { accepted: { practices: number } }; versionId: string }
    expect(report.accepted.actors).toBe(sample.actors.length)
    expect(report.quadrant.accepted.practices).toBe(1)
    await waitUntil(() => b.doc.getMap('practices').size === 1 && b.doc.getMap('actors').size === sample.actors.length, 'the room filled for its participant')
    expect(readModel(b.doc).model).toEqual(readModel(a.doc).model)
    expect(readQuadrant(b.doc).data).toEqual(readQuadrant(a.doc).data)

    // Replacing made a version of what was there first.
    const versions = ((await (await fetch(`${server.url}/api/rooms/${to.roomId}/versions`, { headers: { authorization: `Bearer ${token(to, 'view')}` } })).json()) as { versions: VersionInfo[] }).versions
    expect(versions[0]).toMatchObject({ id: report.versionId, reason: 'before-replace', counts: { actors: 0 } })
  })

  it('accepts a sample file and refuses what is not a map, and only from a facilitator link', async () => {
    const room = rooms[1]
    expect((await request(room, 'PUT', 'edit', sample)).status).toBe(403)
    expect((await request(room, 'PUT', 'view', sample)).status).toBe(403)
    const notAMap = await request(room, 'PUT', 'facilitate', [1, 2, 3])
    expect(notAMap.status).toBe(400)
    expect(((await notAMap.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'INVALID_ROOM_FILE', message: expect.stringMatching(/JSON/) })
    const ok = await request(room, 'PUT', 'facilitate', sample)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { quadrant: unknown }).quadrant).toBeNull()
  })

  it('keeps the room’s persons when the uploaded file was written without them', async () => {
    const room = rooms[0]
    const withoutPersons = (await (await request(room, 'GET', 'view', undefined, '?persons=0')).json()) as RoomFile
    const put = await request(room, 'PUT', 'facilitate', withoutPersons)
    expect(put.status).toBe(200)
    const file = (await (await request(room, 'GET', 'edit')).json()) as RoomFile
    expect(file.model.persons).toHaveLength(sample.persons.length)
    expect(file.model.relations).toHaveLength(sample.relations.length)
    expect(file.model.info.summary).toBe(sample.summary)
  })

  it('carries the 支援プラン, and without persons leaves the person’s wishes out', async () => {
    const { room: from, client: a } = await newRoom('プランのあるルーム')
    applyImport(a.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    updatePlanInfo(a.doc, { direction: '母の介護と長男の社会参加を両輪で支える', wishes: '母は自宅で暮らし続けたい', keyPerson: 'p-son' })
    addTask(a.doc, { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', with: ['p-son'], due: '2026-05-01' })
    for (let i = 0; i < 100 && (await server.rooms.read(from.roomId, (doc) => readPlan(doc).data.tasks.length)) === 0; i++) {
      await new Promise((r) => setTimeout(r, 20))
    }
    const full = (await (await request(from, 'GET', 'edit')).json()) as RoomFile
    expect(full.plan).toEqual(readPlan(a.doc).data)
    const text = await (await request(from, 'GET', 'view', undefined, '?persons=0')).text()
    const shared = JSON.parse(text) as RoomFile
    expect(shared.plan.info).toEqual({ direction: '母の介護と長男の社会参加を両輪で支える' })
    expect(shared.plan.tasks[0].with).toEqual([])
    expect(text).not.toContain('暮らし続けたい')

    const { room: to, client: b } = await newRoom('プランの移し先')
    const put = await request(to, 'PUT', 'facilitate', full)
    expect(put.status).toBe(200)
    expect(((await put.json()) as { plan: unknown }).plan).toEqual({ accepted: { fields: 3, tasks: 1 }, rejected: [], closureIgnored: false })
    await waitUntil(() => readPlan(b.doc).data.tasks.length === 1, 'the plan reached the other room’s participant')
    expect(readPlan(b.doc).data).toEqual(readPlan(a.doc).data)
  })

  it('leaves persons out with ?persons=0, and a view link gets only that', async () => {
    const room = rooms[0]
    expect((await request(room, 'GET', 'view')).status).toBe(403)
    const res = await request(room, 'GET', 'view', undefined, '?persons=0')
    expect(res.status).toBe(200)
    const text = await res.text()
    const file = JSON.parse(text) as RoomFile
    expect(file.personsIncluded).toBe(false)
    expect(file.model.persons).toEqual([])
    expect(personDataIn(text, sample)).toEqual([])
  })
})
