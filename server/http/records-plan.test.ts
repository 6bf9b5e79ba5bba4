import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordDiffResponse } from '../../shared/history/records.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import { localDate, readPlan } from '../../shared/plan/doc.ts'
import { addTask, removeTask, updatePlanInfo, updateTask } from '../../shared/plan/ops.ts'
import type { CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))
type Role = 'facilitate' | 'edit' | 'view'

describe('meeting records: what the 支援プラン moved between meetings', () => {
  let server: RunningServer
  let room: CreateRoomResponse
  const clients: Client[] = []
  const token = (role: Role) => room.links[role].split('#k=')[1]
  const record = async (title: string, date: string) => {
    const res = await fetch(`${server.url}/api/rooms/${room.roomId}/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token('facilitate')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, date }),
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { recordId: string }).recordId
  }
  const diff = async (route: string, role: Role) => {
    const res = await fetch(`${server.url}/api/rooms/${room.roomId}/${route}`, { headers: { authorization: `Bearer ${token(role)}` } })
    expect(res.status).toBe(200)
    return (await res.json()) as RecordDiffResponse
  }
  /** Waits until the server's copy holds what the editor wrote. */
  const reached = async (check: (tasks: string[]) => boolean) => {
    for (let i = 0; i < 200; i++) {
      if (check(await server.rooms.read(room.roomId, (doc) => readPlan(doc).data.tasks.map((t) => `${t.id}:${t.status}:${t.due ?? ''}`)))) return
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error('the editor’s plan did not reach the server')
  }
  let editor: Client
  let first = ''
  let second = ''

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-records-plan-'))
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
    const res = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'プランの記録', kind: 'case' }) })
    room = (await res.json()) as CreateRoomResponse
    editor = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token('edit'))
    clients.push(editor)
    await waitForSync(editor.provider)
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('lists tasks added, removed, changed and completed, and the overdue ones on the later meeting’s day', async () => {
    applyImport(editor.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    updatePlanInfo(editor.doc, { direction: '母の介護を優先する', keyPerson: 'a-houkatsu' })
    addTask(editor.doc, { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', with: ['p-son'], due: '2026-05-01' })
    addTask(editor.doc, { id: 't-care', what: '要介護認定の申請', owner: 'a-houkatsu', due: '2026-04-20', status: '実施中' })
    addTask(editor.doc, { id: 't-old', what: '家計の聞き取り', owner: 'a-jiritsu', due: '2026-04-01' })
    await reached((tasks) => tasks.length === 3)
    first = await record('第1回 支援会議', '2026-04-10')

    updateTask(editor.doc, 't-care', { status: '完了' })
    updateTask(editor.doc, 't-visit', { due: '2026-06-01' })
    removeTask(editor.doc, 't-old')
    addTask(editor.doc, { id: 't-new', what: '就労相談へつなぐ', owner: 'a-jiritsu', due: '2026-04-30' })
    updatePlanInfo(editor.doc, { direction: '長男の社会参加を両輪で支える', wishes: '母は自宅で暮らし続けたい' })
    await reached((tasks) => tasks.includes('t-care:完了:2026-04-20') && tasks.includes('t-visit:未着手:2026-06-01') && tasks.includes('t-new:未着手:2026-04-30') && tasks.length === 3)
    second = await record('第2回 支援会議', '2026-05-15')

    const d = await diff(`records/${first}/diff?to=${second}`, 'edit')
    expect(d.tasks).toEqual({
      added: [{ id: 't-new', what: '就労相談へつなぐ', owner: 'a-jiritsu', due: '2026-04-30', status: '未着手' }],
      removed: [{ id: 't-old', what: '家計の聞き取り', owner: 'a-jiritsu', due: '2026-04-01', status: '未着手' }],
      changed: [
        { id: 't-care', what: '要介護認定の申請', owner: 'a-houkatsu', statusBefore: '実施中', statusAfter: '完了', dueBefore: '2026-04-20', dueAfter: '2026-04-20' },
        { id: 't-visit', what: '長男への訪問', owner: 'a-hikikomori', statusBefore: '未着手', statusAfter: '未着手', dueBefore: '2026-05-01', dueAfter: '2026-06-01' },
      ],
      completed: [{ id: 't-care', what: '要介護認定の申請', owner: 'a-houkatsu', due: '2026-04-20', status: '完了' }],
      // Judged on 2026-05-15, the second meeting's day: the new task was due on 04-30.
      overdue: [{ id: 't-new', what: '就労相談へつなぐ', owner: 'a-jiritsu', due: '2026-04-30', status: '未着手' }],
    })
    expect(d.plan).toEqual({ changedFields: ['direction', 'wishes'] })
  })

  it('judges overdue tasks on today’s date when comparing with the map now', async () => {
    const today = localDate(new Date(), 'Asia/Tokyo')
    const d = await diff(`records/${first}/diff`, 'edit')
    const expected = [
      { id: 't-new', due: '2026-04-30' },
      { id: 't-visit', due: '2026-06-01' },
    ].filter((t) => t.due < today)
    expect(d.tasks.overdue.map((t) => t.id)).toEqual(expected.map((t) => t.id))
    expect(d.tasks.completed.map((t) => t.id)).toEqual(['t-care'])
  })

  it('tells a view link nothing about 本人の意向 or persons among the partners', async () => {
    updateTask(editor.doc, 't-new', { with: ['p-son'] })
    updatePlanInfo(editor.doc, { wishes: '施設入所も考えたい' })
    for (let i = 0; i < 100; i++) {
      const now = await server.rooms.read(room.roomId, (doc) => readPlan(doc).data.info.wishes)
      if (now === '施設入所も考えたい') break
      await new Promise((r) => setTimeout(r, 20))
    }
    const d = await diff(`records/${second}/diff`, 'view')
    expect(d.personsIncluded).toBe(false)
    expect(d.plan.changedFields).toEqual([])
    expect(d.tasks.changed).toEqual([])
    const full = await diff(`records/${second}/diff`, 'edit')
    expect(full.tasks.changed.map((t) => t.id)).toEqual(['t-new'])
    expect(full.plan.changedFields).toEqual(['wishes'])
    const text = JSON.stringify(d)
    for (const p of sample.persons as { id: string }[]) expect(text).not.toContain(p.id)
    expect(text).not.toContain('施設入所')
  })
})
