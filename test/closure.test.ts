import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addRecord } from '../shared/model/ops.ts'
import { closureMap, readClosure, readPlan } from '../shared/plan/doc.ts'
import { addTask } from '../shared/plan/ops.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { createRoom, startServerProcess, type CreatedRoom, type ServerProcess } from './support/server-process.ts'

/** Permission-denied reasons the server sends this client from now on (its current socket). */
function deniedReasons(client: Client): string[] {
  const reasons: string[] = []
  const ws = (client.provider as unknown as { ws: WebSocket }).ws
  ws.addEventListener('message', (e: MessageEvent) => {
    const dec = decoding.createDecoder(new Uint8Array(e.data as ArrayBuffer))
    if (decoding.readVarUint(dec) === 2 && decoding.readVarUint(dec) === 0) reasons.push(decoding.readVarString(dec))
  })
  return reasons
}

const settle = () => new Promise((r) => setTimeout(r, 400))

describe('a closed case with stock y-websocket clients', () => {
  let server: ServerProcess
  let room: CreatedRoom
  const clients: Client[] = []
  const join = async (role: 'facilitate' | 'edit' | 'view') => {
    const client = connectClient(server.wsUrl, room.roomId, room.tokens[role])
    clients.push(client)
    await waitForSync(client.provider)
    return client
  }
  const closure = (method: 'POST' | 'DELETE', body?: unknown) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/closure`, {
      method,
      headers: { authorization: `Bearer ${room.tokens.facilitate}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  beforeAll(async () => {
    server = await startServerProcess({ env: { VERSION_INTERVAL_MS: '0' } })
    room = await createRoom(server.url, '終結の事例', 'case')
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.kill()
  })

  it('keeps an edit link’s change after closure from everyone else, across a reconnect and a restart', async () => {
    const editor = await join('edit')
    const other = await join('edit')
    addRecord(editor.doc, 'actor', { id: 'a-hoken', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true })
    addTask(editor.doc, { id: 't-1', what: '受診同行', owner: 'a-hoken' })
    await waitUntil(() => readPlan(other.doc).data.tasks.length === 1, 'an edit before closure reached the other client')

    expect((await closure('POST', { reason: '支援の見通しがついたため' })).status).toBe(200)
    await waitUntil(() => readClosure(editor.doc) !== null && readClosure(other.doc) !== null, 'both clients saw the closure')

    const denied = deniedReasons(editor)
    // What a client without a read-only screen would still send: plan ops refuse (closed), raw writes do not.
    addRecord(editor.doc, 'actor', { id: 'a-late', name: '終結後の機関', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true })
    await waitUntil(() => denied.length > 0, 'the editor was told its change was refused')
    expect(denied).toEqual(['the case is closed: document changes are not accepted'])
    await settle()
    expect(other.doc.getMap('actors').has('a-late')).toBe(false)
    expect(editor.provider.wsconnected).toBe(true)

    // A reconnect sends the change again in sync step 2: dropped again.
    editor.provider.disconnect()
    editor.provider.connect()
    await waitForSync(editor.provider)
    await settle()
    const fresh = await join('view')
    expect(fresh.doc.getMap('actors').has('a-late')).toBe(false)
    expect(fresh.doc.getMap('actors').has('a-hoken')).toBe(true)

    // Nothing of it was stored either.
    destroyAll([editor, other, fresh])
    clients.length = 0
    await server.kill()
    server = await startServerProcess({ dataDir: server.dataDir, env: { VERSION_INTERVAL_MS: '0' } })
    const afterRestart = await join('view')
    expect(readClosure(afterRestart.doc)?.reason).toBe('支援の見通しがついたため')
    expect(afterRestart.doc.getMap('actors').has('a-late')).toBe(false)
  })

  it('reverts a facilitator client that writes the closure itself, and lets edits flow after reopening', async () => {
    const facilitator = await join('facilitate')
    const editor = await join('edit')
    const watcher = await join('view')
    const denied = deniedReasons(editor)
    addRecord(editor.doc, 'actor', { id: 'a-shakyo', name: '社会福祉協議会', level: '市区町村（委託・法人・事業所）', fields: ['地域福祉（社協）'], formal: true })
    await waitUntil(() => denied.length > 0, 'the editor was told while closed')
    await settle()

    expect((await closure('DELETE')).status).toBe(200)
    await waitUntil(() => readClosure(watcher.doc) === null && readClosure(facilitator.doc) === null, 'everyone saw the case reopened')

    // Edits flow again; the change the room dropped while closed is asked for again and arrives too.
    addTask(editor.doc, { id: 't-2', what: '就労相談へつなぐ', owner: 'a-hoken' })
    await waitUntil(() => readPlan(watcher.doc).data.tasks.some((t) => t.id === 't-2'), 'an edit after reopening reached the watcher')
    await waitUntil(() => watcher.doc.getMap('actors').has('a-shakyo'), 'the dropped change arrived once the case was open')

    // A facilitator's own client may not close the case by writing planClosure: the server undoes it.
    const facilitatorDenied = deniedReasons(facilitator)
    facilitator.doc.transact(() => {
      closureMap(facilitator.doc).set('closedAt', '2026-12-01T10:00:00.000Z')
      closureMap(facilitator.doc).set('reason', '画面から直接')
    })
    await waitUntil(() => facilitatorDenied.length > 0, 'the facilitator was told')
    expect(facilitatorDenied).toEqual(['only the server writes the case closure'])
    await waitUntil(() => closureMap(facilitator.doc).size === 0, 'the facilitator’s own copy was reverted')
    await settle()
    expect(closureMap(watcher.doc).size).toBe(0)
    expect(closureMap(editor.doc).size).toBe(0)
    addTask(editor.doc, { id: 't-3', what: '見守り', owner: 'a-hoken' })
    await waitUntil(() => readPlan(watcher.doc).data.tasks.some((t) => t.id === 't-3'), 'the room is still open')
  })
})
