import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { createRoom, startServerProcess, type ServerProcess } from './support/server-process.ts'

// Stock y-websocket providers (disableBc) against the real server process.
describe('y-websocket protocol', () => {
  let server: ServerProcess
  const clients: Client[] = []
  const connect = (roomId: string, token: string) => {
    const c = connectClient(server.wsUrl, roomId, token)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    server = await startServerProcess()
  })
  afterAll(async () => {
    destroyAll(clients)
    await server.kill()
  })

  it('two clients converge, concurrent edits included', async () => {
    const room = await createRoom(server.url)
    const a = connect(room.roomId, room.tokens.edit)
    const b = connect(room.roomId, room.tokens.facilitate)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])

    a.doc.getArray<string>('items').push(['A1'])
    b.doc.getArray<string>('items').push(['B1'])
    a.doc.getText('note').insert(0, '地域包括')
    b.doc.getMap('shapes').set('s1', { x: 1, y: 2 })

    await waitUntil(
      () => a.doc.getArray('items').length === 2 && b.doc.getArray('items').length === 2,
      'both array items everywhere',
    )
    await waitUntil(() => b.doc.getText('note').toString() === '地域包括', 'text on b')
    await waitUntil(() => a.doc.getMap('shapes').has('s1'), 'map entry on a')
    expect(a.doc.getArray('items').toArray()).toEqual(b.doc.getArray('items').toArray())
  })

  it('ten clients converge and a late joiner receives the full state', async () => {
    const room = await createRoom(server.url)
    const ten = Array.from({ length: 10 }, () => connect(room.roomId, room.tokens.edit))
    await Promise.all(ten.map((c) => waitForSync(c.provider)))
    ten.forEach((c, i) => {
      for (let k = 0; k < 20; k++) c.doc.getMap('cards').set(`c${i}-${k}`, { by: i, k })
    })
    await waitUntil(() => ten.every((c) => c.doc.getMap('cards').size === 200), 'all 200 cards on all ten clients')
    const reference = ten[0].doc.getMap('cards').toJSON()
    for (const c of ten) expect(c.doc.getMap('cards').toJSON()).toEqual(reference)

    const late = connect(room.roomId, room.tokens.view)
    await waitForSync(late.provider)
    expect(late.doc.getMap('cards').size).toBe(200)
  })

  it('awareness reaches everyone and is removed when a client leaves', async () => {
    const room = await createRoom(server.url)
    const [a, b, c] = [0, 1, 2].map(() => connect(room.roomId, room.tokens.edit))
    await Promise.all([a, b, c].map((x) => waitForSync(x.provider)))
    a.awareness.setLocalStateField('user', { name: '佐藤', org: '福祉総務課' })
    const seesA = (x: Client) =>
      [...x.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === '佐藤')
    await waitUntil(() => seesA(b) && seesA(c), 'b and c see a')

    a.provider.disconnect()
    await waitUntil(() => !seesA(b) && !seesA(c), 'a removed from b and c', 3_000)
  })

  it('a view link still receives live updates and awareness', async () => {
    const room = await createRoom(server.url)
    const editor = connect(room.roomId, room.tokens.edit)
    const viewer = connect(room.roomId, room.tokens.view)
    await Promise.all([waitForSync(editor.provider), waitForSync(viewer.provider)])
    editor.doc.getMap('m').set('k', 'v')
    editor.awareness.setLocalStateField('user', { name: '編集者' })
    await waitUntil(() => viewer.doc.getMap('m').get('k') === 'v', 'viewer sees the edit')
    await waitUntil(
      () => [...viewer.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === '編集者'),
      'viewer sees the editor cursor state',
    )
  })
})
