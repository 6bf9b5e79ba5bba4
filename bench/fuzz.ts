/**
 * `npm run bench:fuzz -- [--frames 100000] [--seed 20261202] [--concurrency 16]`: a long
 * campaign of hostile frames (test/support/hostile-frames.ts) from view and edit links against
 * the real server process, while a bystander room keeps editing. Reports frames and connections
 * per second, close codes, the server's peak RSS, the bystander's worst edit latency during the
 * campaign, and whether every room loads after a SIGKILL and restart. The suite runs the same
 * generator with 10,000 frames (test/fuzz.test.ts); this is the longer run for the closing note.
 */
import fs from 'node:fs'
import { connectClient, destroyAll, waitForSync } from '../test/support/clients.ts'
import { runCampaign } from '../test/support/fuzz-campaign.ts'
import { createRoom, startServerProcess } from '../test/support/server-process.ts'

const args = new Map<string, string>()
const argv = process.argv.slice(2)
for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) args.set(argv[i].slice(2), argv[i + 1] ?? '')
const FRAMES = Number(args.get('frames') ?? 100_000)
const SEED = Number(args.get('seed') ?? 20261202)
const CONCURRENCY = Number(args.get('concurrency') ?? 16)

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

async function main() {
  let server = await startServerProcess({ env: { WS_CONNECT_BURST_PER_ADDRESS: '100000000', WS_CONNECT_RATE_PER_ADDRESS: '100000000' } })
  const attacked = []
  for (let i = 0; i < 5; i++) attacked.push(await createRoom(server.url, `fuzz ${i}`, 'case'))
  const bystander = await createRoom(server.url, 'bystander', 'case')
  const writer = connectClient(server.wsUrl, bystander.roomId, bystander.tokens.edit)
  const reader = connectClient(server.wsUrl, bystander.roomId, bystander.tokens.view)
  await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)])

  // Bystander latency: the writer stamps the time, the reader measures when it arrives.
  let worstLatency = 0
  let edits = 0
  reader.doc.getMap<number>('stamp').observe(() => {
    const sent = reader.doc.getMap<number>('stamp').get('t')
    if (sent) worstLatency = Math.max(worstLatency, Date.now() - sent)
  })
  const ticker = setInterval(() => {
    edits++
    writer.doc.getMap<number>('stamp').set('t', Date.now())
  }, 100)
  let peakRss = rssMb(server.child.pid!)
  const baseRss = peakRss
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 200)
  let lastReport = 0
  const result = await runCampaign({
    wsUrl: server.wsUrl,
    targets: attacked,
    frames: FRAMES,
    seed: SEED,
    concurrency: CONCURRENCY,
    onProgress: (sent) => {
      if (sent - lastReport >= 10_000) {
        lastReport = sent
        process.stderr.write(`  ${sent} frames…\n`)
      }
    },
  })
  clearInterval(ticker)
  clearInterval(sampler)
  const aliveAfter = server.child.exitCode === null
  // Our log lines are JSON (a handled "undecodable update: RangeError" among them); a stack trace,
  // Node's crash report or a last-resort process.* line is what counts.
  const crashLines = server
    .output()
    .split('\n')
    .filter((l) => (!l.startsWith('{') && /error|uncaught|unhandled|Maximum call stack/i.test(l)) || /"event":"process\./.test(l)).length
  const badInputLines = server.output().split('\n').filter((l) => l.includes('ws.closed_bad_input')).length
  destroyAll([writer, reader])

  await server.kill('SIGKILL')
  server = await startServerProcess({ dataDir: server.dataDir })
  let loaded = 0
  for (const room of [...attacked, bystander]) {
    const c = connectClient(server.wsUrl, room.roomId, room.tokens.view)
    await waitForSync(c.provider)
    loaded++
    destroyAll([c])
  }
  const quarantined = /room\.quarantined/.test(server.output())
  await server.kill()

  const seconds = result.ms / 1000
  console.log(`bench:fuzz — seed ${SEED}, ${CONCURRENCY} concurrent connections, ${new Date().toISOString()}`)
  console.log(`frames sent            ${result.frames} (${(result.frames / seconds).toFixed(0)}/s) over ${result.connections} connections in ${seconds.toFixed(1)} s`)
  console.log(`frame kinds            ${Object.keys(result.byKind).length}`)
  console.log(`close codes            ${JSON.stringify(result.closeCodes)}`)
  console.log(`server alive after     ${aliveAfter ? 'yes' : 'NO'}; crash lines in its log: ${crashLines}; bad-input log lines ${badInputLines} (≤ connections ${result.connections})`)
  console.log(`server RSS             ${baseRss.toFixed(0)} MB before, peak ${peakRss.toFixed(0)} MB`)
  console.log(`bystander room         ${edits} edits, worst delivery ${worstLatency} ms during the campaign`)
  console.log(`after SIGKILL+restart  ${loaded} of ${attacked.length + 1} rooms loaded; quarantine needed: ${quarantined ? 'yes' : 'no'}`)
  if (!aliveAfter || crashLines > 0 || loaded !== attacked.length + 1) process.exitCode = 1
}

await main()
