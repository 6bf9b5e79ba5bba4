import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseCsv } from '../../shared/graph/csv.ts'
import { deriveGraph } from '../../shared/graph/derive.ts'
import { graphFromGraphml } from '../../shared/graph/graphml.ts'
import { parseXml } from '../../shared/graph/xml.ts'
import { caseSampleWithNotes, personDataIn } from '../../shared/model/privacy-fixtures.ts'
import { readModel } from '../../shared/model/doc.ts'
import type { MapModel } from '../../shared/model/schema.ts'
import { applyImport, parseImport } from '../../shared/model/transfer.ts'
import type { CreateRoomResponse } from '../../shared/rooms.ts'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from '../../test/support/clients.ts'
import { startServer, type RunningServer } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../log.ts'

function modelDoc(model: MapModel): Y.Doc {
  const doc = new Y.Doc()
  applyImport(doc, model, { replace: true })
  return doc
}

describe('graph export API', () => {
  let server: RunningServer
  let dataDir: string
  const clients: Client[] = []
  let room: CreateRoomResponse
  const token = (role: 'facilitate' | 'edit' | 'view') => room.links[role].split('#k=')[1]
  // The case sample with a person note: every person-describing text must stay out of persons=0.
  const sampleJson = caseSampleWithNotes()
  const model = parseImport(sampleJson, { roomKind: 'case' }).model
  // What the server reads back: readModel orders records by id.
  const expected = { ...deriveGraph(readModel(modelDoc(model)).model), kind: 'case' as const }

  const get = (file: string, auth?: string | null, query = '') =>
    fetch(`${server.url}/api/rooms/${room.roomId}/${file}${query}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} })

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jusou-graph-export-'))
    // Grace 0: a room unloads as soon as its last participant leaves, to test both read paths.
    server = await startServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ROOM_UNLOAD_GRACE_MS: '0' }), createLogger(true))
    const res = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'グラフ書き出しテスト', kind: 'case' }),
    })
    room = (await res.json()) as CreateRoomResponse
    // Write the sample through a stock y-websocket client, as the browser would.
    const client = connectClient(server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token('edit'))
    clients.push(client)
    await waitForSync(client.provider)
    applyImport(client.doc, model, { replace: true })
    const deadline = Date.now() + 10_000
    for (;;) {
      const graphRes = await get('graph.json', token('edit'))
      const body = (await graphRes.json()) as { elements: { nodes: unknown[]; edges: unknown[] } }
      if (body.elements.nodes.length === expected.nodes.length && body.elements.edges.length === expected.edges.length) break
      if (Date.now() > deadline) throw new Error('the model never reached the server')
      await new Promise((r) => setTimeout(r, 50))
    }
  })

  afterAll(async () => {
    destroyAll(clients)
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves GraphML of the live room with persons to edit and facilitate links, as a no-store download', async () => {
    for (const role of ['edit', 'facilitate'] as const) {
      const res = await get('graph.graphml', token(role))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/)
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${room.roomId}-graph.graphml"`)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(graphFromGraphml(await res.text())).toEqual(expected)
    }
    expect((await get('graph.graphml', token('edit'), '?persons=1')).status).toBe(200)
  })

  it('gives a view link only the files without persons, and says how to ask for them', async () => {
    for (const file of ['graph.graphml', 'graph.gexf', 'graph.json', 'nodes.csv', 'edges.csv']) {
      for (const query of ['', '?persons=1', '?persons=true']) {
        const res = await get(file, token('view'), query)
        expect(res.status, `${file}${query}`).toBe(403)
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        const body = (await res.json()) as { error: { code: string; message: string; messageEn: string } }
        expect(body.error.code).toBe('PERSONS_NEED_EDIT_LINK')
        expect(body.error.message).toMatch(/閲覧用リンクでは人物を除いた書き出しだけができます。.*persons=0/)
        expect(body.error.messageEn).toMatch(/persons=0/)
      }
      const allowed = await get(file, token('view'), '?persons=0')
      expect(allowed.status, file).toBe(200)
      expect(allowed.headers.get('content-disposition')).toContain('-no-persons-')
    }
  })

  it('serves GEXF (Gephi) of the live room with the same access rules, every node and tie in it', async () => {
    const res = await get('graph.gexf', token('facilitate'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/gexf\+xml/)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${room.roomId}-graph.gexf"`)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const root = parseXml(await res.text())
    expect(root.attributes.version).toBe('1.2')
    const graph = root.children.find((c) => c.name === 'graph')!
    const ids = (tag: string) => graph.children.find((c) => c.name === tag)!.children.map((c) => c.attributes.id)
    expect(ids('nodes')).toEqual(expected.nodes.map((n) => n.id))
    expect(ids('edges')).toEqual(expected.edges.map((e) => e.id))
    expect((await get('graph.gexf', null)).status).toBe(401)
  })

  it('serves Cytoscape JSON and Excel CSVs', async () => {
    const json = (await (await get('graph.json', token('edit'))).json()) as { data: unknown; elements: { nodes: { data: unknown }[] } }
    expect(json.data).toEqual({ mapKind: 'case', personsIncluded: true })
    expect(json.elements.nodes.map((n) => n.data)).toEqual(expected.nodes)

    const nodes = await get('nodes.csv', token('facilitate'))
    expect(nodes.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    const nodesText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await nodes.arrayBuffer())
    expect(nodesText.charCodeAt(0)).toBe(0xfeff)
    expect(parseCsv(nodesText)).toHaveLength(1 + expected.nodes.length)
    const edges = await get('edges.csv', token('edit'))
    expect(parseCsv(await edges.text())).toHaveLength(1 + expected.edges.length)
  })

  it('leaves persons out with ?persons=0 in every format', async () => {
    const actors = expected.nodes.filter((n) => n.kind === 'actor')
    const actorEdges = expected.edges.filter((e) => !e.source.startsWith('p-') && !e.target.startsWith('p-'))
    const graphml = await get('graph.graphml', token('view'), '?persons=0')
    expect(graphml.headers.get('content-disposition')).toContain('-no-persons-graph.graphml')
    const back = graphFromGraphml(await graphml.text())
    expect(back.nodes).toEqual(actors)
    expect(back.edges).toEqual(actorEdges)
    for (const file of ['graph.graphml', 'graph.gexf', 'graph.json', 'nodes.csv', 'edges.csv']) {
      for (const role of ['view', 'edit'] as const) {
        const text = await (await get(file, token(role), '?persons=0')).text()
        expect(personDataIn(text, sampleJson), `${file} (${role})`).toEqual([])
        expect(text).toContain('地域包括支援センター')
      }
    }
  })

  it('refuses missing, wrong and unknown tokens and rooms with Japanese JSON errors', async () => {
    const missing = await get('graph.graphml', null)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { code: 'MISSING_TOKEN', message: expect.stringMatching(/鍵/) } })
    const wrong = await get('nodes.csv', token('view').slice(0, -2) + 'xx')
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringMatching(/リンク/) } })
    const unknown = await fetch(`${server.url}/api/rooms/no-such-room-0000/graph.json`, { headers: { authorization: `Bearer ${token('view')}` } })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { code: 'ROOM_NOT_FOUND', message: expect.stringMatching(/見つかりません/) } })
    const badQuery = await get('graph.json', token('view'), '?persons=maybe')
    expect(badQuery.status).toBe(400)
    expect(((await badQuery.json()) as { error: { message: string } }).error.message).toMatch(/persons/)
    // The other API routes are still reached after the export routes.
    expect((await fetch(`${server.url}/api/rooms/${room.roomId}`, { headers: { authorization: `Bearer ${token('view')}` } })).status).toBe(200)
  })

  it('reads an unloaded room from storage without loading it, and does not pin a loaded one', async () => {
    destroyAll(clients.splice(0))
    // The export above borrowed the live room; it must still unload when everyone has left.
    await waitUntil(() => !server.rooms.isLoaded(room.roomId), 'room unloaded after the last client left')
    const res = await get('graph.graphml', token('edit'))
    expect(res.status).toBe(200)
    expect(graphFromGraphml(await res.text())).toEqual(expected)
    expect(server.rooms.isLoaded(room.roomId)).toBe(false)
  })
})
