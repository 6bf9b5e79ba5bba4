import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, destroyAll, waitForSync, waitUntil, type Client } from './support/clients.ts'
import { runCampaign, type CampaignResult } from './support/fuzz-campaign.ts'
import { createRoom, startServerProcess, type CreatedRoom, type ServerProcess } from './support/server-process.ts'

const FRAMES = 10_000
const SEED = 20261202

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
}

// Whatever link holders send, the process stays up, rooms under attack and the rooms next to
// them keep syncing, and every room loads again after a restart.
describe('fuzz: 10,000 hostile frames from view and edit links', () => {
  let server: ServerProcess
  const attacked: CreatedRoom[] = []
  let bystander: CreatedRoom
  const clients: Client[] = []
  let result: CampaignResult
  let peakRss = 0

  beforeAll(async () => {
    // Everything comes from 127.0.0.1: lift the per-address connection rate for this test.
    server = await startServerProcess({ env: { WS_CONNECT_BURST_PER_ADDRESS: '1000000', WS_CONNECT_RATE_PER_ADDRESS: '100000' } })
    for (let i = 0; i < 3; i++) attacked.push(await createRoom(server.url, `攻撃されるルーム${i}`, 'case'))
    bystander = await createRoom(server.url, '隣のルーム', 'case')
  })
  afterAll(async () => {
    destroyAll(clients)
    await server?.kill('SIGKILL')
  })

  it('keeps the process up and the next room syncing while the frames arrive', async () => {
    const writer = connectClient(server.wsUrl, bystander.roomId, bystander.tokens.edit)
    const reader = connectClient(server.wsUrl, bystander.roomId, bystander.tokens.view)
    clients.push(writer, reader)
    await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)])
    let n = 0
    const ticker = setInterval(() => writer.doc.getMap('bystander').set('n', ++n), 100)
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 200)
    try {
      result = await runCampaign({ wsUrl: server.wsUrl, targets: attacked, frames: FRAMES, seed: SEED })
    } finally {
      clearInterval(ticker)
      clearInterval(sampler)
    }
    expect(result.frames).toBeGreaterThanOrEqual(FRAMES)
    expect(server.child.exitCode, server.output().slice(-2000)).toBeNull()
    await waitUntil(() => reader.doc.getMap('bystander').get('n') === n, 'the bystander room still syncs', 5_000)
    // Every kind of hostile frame was sent, and the server closed connections for cause.
    expect(Object.keys(result.byKind).length).toBeGreaterThanOrEqual(20)
    for (const code of ['4400', '4422', '1008']) expect(result.closeCodes[code] ?? 0, `close ${code}`).toBeGreaterThan(0)
    // Our log lines are JSON; a stack trace or Node's crash report is not.
    expect(server.output().split('\n').filter((l) => !l.startsWith('{') && /error|uncaught|unhandled|Maximum call stack/i.test(l))).toEqual([])
    expect(server.output()).not.toMatch(/"level":"error"/)
    expect(peakRss).toBeLessThan(600)
    console.log(`fuzz: ${result.frames} frames, ${result.connections} connections in ${result.ms} ms; close codes ${JSON.stringify(result.closeCodes)}; peak RSS ${peakRss.toFixed(0)} MB`)
  })

  it('logs one line per closed connection, never one per frame', () => {
    const lines = server.output().split('\n').filter((l) => l.includes('"ws.closed_bad_input"'))
    expect(lines.length).toBeLessThanOrEqual(result.connections)
  })

  it('loads every room after a restart, with the legitimate edits and without the hostile ones', async () => {
    await server.kill('SIGKILL')
    server = await startServerProcess({ dataDir: server.dataDir })
    for (const room of [...attacked, bystander]) {
      const c = connectClient(server.wsUrl, room.roomId, room.tokens.view)
      clients.push(c)
      await waitForSync(c.provider)
      expect(c.doc.getMap('quadrantSettings').size, 'edit links cannot write facilitator settings').toBe(0)
      expect(JSON.stringify(c.doc.getMap('m').toJSON())).not.toMatch(/\[\[\[\[\[\[\[\[\[\[/)
      const res = await fetch(`${server.url}/api/rooms/${room.roomId}/graph.json?persons=0`, { headers: { authorization: `Bearer ${room.tokens.view}` } })
      expect(res.status).toBe(200)
    }
    expect(server.output()).not.toMatch(/room\.quarantined/)
  })
})
