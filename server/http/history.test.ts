import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readModel } from '../../shared/model/doc.ts'
import { addRecord, removeRecord, updateRecord } from '../../shared/model/ops.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import type { CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'
import type { VersionInfo } from '../../shared/history/versions.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))

describe('room history API: versions and restore', () => {
  let server: RunningServer
  let room: CreateRoomResponse
  const clients: Client[] = []
  const token = (role: 'facilitate' | 'edit' | 'view') => room.links[role].split('#k=')[1]
  const call = (method: string, route: string, role: 'facilitate' | 'edit' | 'view' | null) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/${route}`, {
      method,
      headers: { ...(role ? { authorization: `Bearer ${token(role)}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: method === 'POST' ? '{}' : undefined,
    })
  const versions = async (role: 'facilitate' | 'edit' | 'view' = 'view') =>
    ((await (await call('GET', 'versions', role)).json()) as { versions: VersionInfo[] }).versions
  const join = async (role: 'facilitate' | 'edit' | 'view', org: string) => {
    const client = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token(role))
    clients.push(client)
    await waitForSync(client.provider)
    client.awareness.setLocalStateField('user', { name: '参加者', org })
    return client
  }

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-history-'))
    // No periodic versions: every version in this test comes from a bulk change or a restore.
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, VERSION_INTERVAL_MS: '0' }), createLogger(true))
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '履歴テスト', kind: 'case' }),
    })
    room = (await res.json()) as CreateRoomResponse
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.close()
  })

  it('keeps the state before an editor deletes many records at once, and the facilitator restores it for everyone', async () => {
    const editor = await join('edit', '地域包括支援センター')
    const other = await join('edit', '福祉総務課')
    applyImport(editor.doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
    await waitUntil(() => other.doc.getMap('actors').size === sample.actors.length, 'the sample reached the other editor')
    const full = readModel(editor.doc).model
    expect(await versions()).toEqual([])

    // Ctrl+A, Delete: one transaction removing every actor and tie.
    editor.doc.transact(() => {
      for (const id of [...editor.doc.getMap('relations').keys()]) editor.doc.getMap('relations').delete(id)
      for (const id of [...editor.doc.getMap('actors').keys()]) editor.doc.getMap('actors').delete(id)
    })
    await waitUntil(() => other.doc.getMap('actors').size === 0, 'the deletion reached the other editor')

    const [bulk] = await versions()
    expect(bulk).toMatchObject({ reason: 'bulk-delete', counts: { actors: sample.actors.length, persons: sample.persons.length, relations: sample.relations.length } })
    expect(bulk.orgs).toEqual(['地域包括支援センター', '福祉総務課'])

    // Only a facilitator restores; a wrong version is a clear 404.
    for (const role of ['view', 'edit'] as const) {
      const refused = await call('POST', `versions/${bulk.id}/restore`, role)
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FACILITATOR_ONLY')
    }
    expect((await call('POST', `versions/${bulk.id}/restore`, null)).status).toBe(401)
    expect((await call('POST', 'versions/99999/restore', 'facilitate')).status).toBe(404)
    expect((await call('POST', 'versions/abc/restore', 'facilitate')).status).toBe(404)
    expect(other.doc.getMap('actors').size).toBe(0)

    const res = await call('POST', `versions/${bulk.id}/restore`, 'facilitate')
    expect(res.status).toBe(200)
    const { restored, saved } = (await res.json()) as { restored: string; saved: string }
    expect(restored).toBe(bulk.id)
    for (const c of [editor, other]) {
      await waitUntil(() => c.doc.getMap('relations').size === sample.relations.length, 'every participant sees the map again')
      expect(readModel(c.doc).model).toEqual(full)
    }

    // The state just before the restore is a version too: the restore can be undone.
    const list = await versions()
    expect(list[0]).toMatchObject({ id: saved, reason: 'before-restore', counts: { actors: 0, relations: 0 } })
    expect((await call('POST', `versions/${saved}/restore`, 'facilitate')).status).toBe(200)
    await waitUntil(() => other.doc.getMap('actors').size === 0, 'the restore undone for everyone')
    expect((await call('POST', `versions/${bulk.id}/restore`, 'facilitate')).status).toBe(200)
    await waitUntil(() => other.doc.getMap('actors').size === sample.actors.length, 'and redone')
  })

  it('does not take a version for ordinary edits or small deletions', async () => {
    const [editor] = clients
    const before = (await versions()).length
    const ids = [...editor.doc.getMap('actors').keys()]
    updateRecord(editor.doc, 'actor', ids[0], { note: '普通の編集' })
    removeRecord(editor.doc, 'actor', ids[1])
    editor.doc.transact(() => {
      for (const id of ids.slice(2, 4)) editor.doc.getMap('actors').delete(id)
    })
    // Three records in all since the last version: not yet a bulk deletion.
    await waitUntil(() => clients[1].doc.getMap('actors').size === ids.length - 3, 'edits reached the peer')
    expect((await versions()).length).toBe(before)
  })

  it('keeps what two participants write while and after a restore happens', async () => {
    const [a, b] = clients
    const target = (await versions()).find((v) => v.reason === 'bulk-delete')!
    let writing = true
    let n = 0
    const writers = [a, b].map((c, i) =>
      (async () => {
        while (writing) {
          addRecord(c.doc, 'actor', { name: `書き込み${i}-${n++}`, level: '地域', formal: false, fields: ['住民活動'] })
          await new Promise((r) => setTimeout(r, 15))
        }
      })(),
    )
    await new Promise((r) => setTimeout(r, 100))
    expect((await call('POST', `versions/${target.id}/restore`, 'facilitate')).status).toBe(200)
    await new Promise((r) => setTimeout(r, 150))
    writing = false
    await Promise.all(writers)
    // Each writes a last record once it knows the restore happened.
    addRecord(a.doc, 'actor', { id: 'a-after-a', name: '復元の後A', level: '地域', formal: false, fields: ['住民活動'] })
    addRecord(b.doc, 'actor', { id: 'a-after-b', name: '復元の後B', level: '地域', formal: false, fields: ['住民活動'] })
    const names = (c: Client) => new Set([...c.doc.getMap<{ get(k: string): unknown }>('actors').values()].map((m) => m.get('name')))
    await waitUntil(() => names(a).has('復元の後B') && names(b).has('復元の後A'), 'both see the other’s later writes')
    // Both replicas agree, and everything written after the server's restore is there.
    expect(readModel(a.doc).model).toEqual(readModel(b.doc).model)
    const stored = await server.rooms.read(room.roomId, (doc) => readModel(doc).model.actors.map((x) => x.name))
    expect(stored).toContain('復元の後A')
    expect(stored).toContain('復元の後B')
    for (const original of sample.actors) expect(stored).toContain(original.name)
  })
})
