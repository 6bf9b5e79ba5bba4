import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readModel } from '../model/doc.ts'
import { removeRecord, updateRecord } from '../model/ops.ts'
import { applyImport, parseImport } from '../model/transfer.ts'
import { closureMap, readPlan } from '../plan/doc.ts'
import { addTask, updatePlanInfo, updateTask } from '../plan/ops.ts'
import { docFromState, restoreDocument, roomCounts } from './restore.ts'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'samples', 'case-8050.json'), 'utf8'))

function caseDoc(): Y.Doc {
  const doc = new Y.Doc()
  applyImport(doc, parseImport(sample, { roomKind: 'case' }).model, { replace: true })
  doc.getMap('tldraw').set('shape:actor-x', { id: 'shape:actor-x', x: 10, y: 20 })
  return doc
}

/** Two replicas of one room, kept in sync like two browsers through the server. */
function replicas(): [Y.Doc, Y.Doc] {
  const a = caseDoc()
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  return [a, b]
}

describe('restoring a version', () => {
  it('brings back deleted actors and ties, reverts edits and removes what was added, in one change', () => {
    const [server, peer] = replicas()
    const version = docFromState(Y.encodeStateAsUpdate(server))
    const before = readModel(server).model
    const counts = roomCounts(server)

    const actorIds = [...server.getMap('actors').keys()]
    for (const id of actorIds.slice(0, 14)) removeRecord(server, 'actor', id)
    const kept = actorIds[14]
    updateRecord(server, 'actor', kept, { name: '書き換えた名称' })
    server.getMap('tldraw').delete('shape:actor-x')
    server.getMap('practices').set('q-later', new Y.Map<unknown>([['text', '後から足したカード']]))
    expect(roomCounts(peer).actors).toBe(1)

    let changes = 0
    server.on('afterTransaction', (tr: Y.Transaction) => tr.origin === 'restore' && changes++)
    restoreDocument(server, version, 'restore')

    expect(changes).toBe(1)
    expect(roomCounts(server)).toEqual(counts)
    expect(readModel(server).model).toEqual(before)
    expect(readModel(peer).model).toEqual(before)
    expect(peer.getMap('tldraw').get('shape:actor-x')).toEqual({ id: 'shape:actor-x', x: 10, y: 20 })
  })

  it('writes nothing when the room already equals the version', () => {
    const doc = caseDoc()
    const version = docFromState(Y.encodeStateAsUpdate(doc))
    let updates = 0
    doc.on('update', () => updates++)
    restoreDocument(doc, version, 'restore')
    expect(updates).toBe(0)
  })

  it('keeps what a participant writes after the restore', () => {
    const [server, peer] = replicas()
    const version = docFromState(Y.encodeStateAsUpdate(server))
    for (const id of [...server.getMap('relations').keys()]) removeRecord(server, 'relation', id)
    restoreDocument(server, version, 'restore')
    const id = [...peer.getMap('actors').keys()][0]
    updateRecord(peer, 'actor', id, { note: '復元の後に書いたメモ' })
    expect(readModel(server).model.actors.find((a) => a.id === id)?.note).toBe('復元の後に書いたメモ')
    expect(roomCounts(server).relations).toBe(sample.relations.length)
  })

  it("brings the plan back (fields, tasks, a person's stage) but leaves the closure alone", () => {
    const doc = caseDoc()
    const owner = [...doc.getMap('actors').keys()][0]
    const person = [...doc.getMap('persons').keys()][0]
    updatePlanInfo(doc, { direction: '長男の社会参加を支える', nextMonitoring: '2027-01-15' })
    addTask(doc, { id: 't-1', what: '就労相談へつなぐ', owner, due: '2026-12-20' })
    updateRecord(doc, 'person', person, { stage: 'つながる' })
    const version = docFromState(Y.encodeStateAsUpdate(doc))
    const planBefore = readPlan(doc).data

    updatePlanInfo(doc, { direction: '書き換えた方針' })
    updateTask(doc, 't-1', { status: '完了' })
    addTask(doc, { id: 't-2', what: '後から足したタスク', owner })
    updateRecord(doc, 'person', person, { stage: '継続する' })
    closureMap(doc).set('closedAt', '2026-12-02T09:00:00.000Z')
    closureMap(doc).set('reason', '支援の見通しがついたため')

    restoreDocument(doc, version, 'restore')
    expect(readPlan(doc).data.info).toEqual(planBefore.info)
    expect(readPlan(doc).data.tasks).toEqual(planBefore.tasks)
    expect(readModel(doc).model.persons.find((p) => p.id === person)?.stage).toBe('つながる')
    expect(readPlan(doc).data.closure?.reason).toBe('支援の見通しがついたため')
  })
})
