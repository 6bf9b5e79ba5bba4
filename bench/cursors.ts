/**
 * npm run bench:cursors -- [--peers 0,30,100,200] [--duration 10] [--warmup 3] [--rate 10] [--sockets 10] [--screenshots DIR]
 *
 * Does the board stay smooth when a plenary's cursors move? One Chromium page opens a room on
 * our server (built client from dist/, as a participant would) and stays idle while N remote
 * participants move their cursors at --rate Hz. Measured in the page over the window:
 *
 *   - frames: requestAnimationFrame intervals (p50/p95/max, frames over 50 ms);
 *   - main thread busy: Chromium's TaskDuration over the window (CDP Performance metrics);
 *   - long tasks (PerformanceObserver 'longtask');
 *   - cursors drawn: distinct remote name tags tldraw drew on its canvas, and tags per frame
 *     (the board draws at most MAX_VISIBLE_CURSORS = 30, client/board/cursor-cap.ts);
 *   - the participant count the side panel shows.
 *
 * Reference: the same page with nobody else in the room (peers 0), and the 60 fps frame budget
 * of 16.7 ms. The remote participants are simulated at protocol level: --sockets connections,
 * each carrying N / sockets participants' awareness (what the browser receives is the same as
 * with one socket each — the server's coalesced ticks — while the machine's two cores are
 * left to the browser and the server; bench:sync measures the server with one socket each).
 */
import { parseArgs } from 'node:util'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { cpus } from 'node:os'
import type { CDPSession } from 'playwright-core'
import { REPO_ROOT, killAllChildren, startServer } from './lib/servers.ts'
import { launchChromium } from '../test/browser-helpers.ts'
import { startSimulatedPeers } from '../test/support/simulated-peers.ts'
import { quantile, table } from './lib/stats.ts'

const { values: opts } = parseArgs({
  options: {
    peers: { type: 'string', default: '0,30,100,200' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rate: { type: 'string', default: '10' },
    sockets: { type: 'string', default: '10' },
    screenshots: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (opts.help) {
  console.log('usage: npm run bench:cursors -- [--peers 0,30,100,200] [--duration 10] [--warmup 3] [--rate 10] [--sockets 10] [--screenshots DIR]')
  process.exit(0)
}
const peerCounts = opts.peers.split(',').map((s) => Number(s.trim()))
const durationS = Number(opts.duration)
const warmupS = Number(opts.warmup)
const rateHz = Number(opts.rate)
const socketCount = Math.max(1, Number(opts.sockets))
if (peerCounts.some((n) => !Number.isInteger(n) || n < 0) || !(durationS > 0) || !(rateHz > 0)) {
  console.error('bench:cursors: --peers must be whole numbers ≥ 0, --duration and --rate positive')
  process.exit(2)
}
if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
  console.error('bench:cursors: dist/ is missing — run `npm run build` first (the page under test is the built client)')
  process.exit(2)
}

const VIEWPORT = { width: 1400, height: 900 }
const PEER_LABEL_PREFIX = '参加者'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// ---- the page under test -----------------------------------------------------------------------

/**
 * Installed before any page script: counts the name tags tldraw draws on its cursor canvas and
 * records animation frames and long tasks while `__bench.recording` is on. Plain JavaScript in
 * a string: tsx would add its `__name` helper to a serialized function, which the page lacks.
 */
const probeScript = (prefix: string) => `(() => {
  const b = { labels: new Map(), tagCalls: 0, frames: [], longTasks: [], recording: false }
  window.__bench = b
  const original = CanvasRenderingContext2D.prototype.fillText
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    const s = String(text)
    if (b.recording && s.startsWith(${JSON.stringify(prefix)})) {
      b.tagCalls++
      b.labels.set(s, (b.labels.get(s) || 0) + 1)
    }
    return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth)
  }
  const tick = (ts) => {
    if (b.recording) b.frames.push(ts)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  try {
    new PerformanceObserver((list) => {
      if (b.recording) for (const e of list.getEntries()) b.longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: false })
  } catch {}
})()`

interface Row {
  peers: number
  participantsShown: string
  fps: number
  frameP50: number
  frameP95: number
  frameMax: number
  slowFrames: number
  busyPct: number
  longTasks: number
  longTaskMs: number
  cursorsDistinct: number
  tagsPerFrame: number
}


/** Seconds the page's main thread spent on tasks since it opened (Chromium's own counter). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN
}

async function measure(peerCount: number): Promise<Row> {
  const server = await startServer('ours')
  const browser = await launchChromium()
  let stopPeers = () => {}
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP' })
    const profile = JSON.stringify({ name: '計測', org: '事務局' })
    await context.addInitScript({ content: `localStorage.setItem('jusou-profile', ${JSON.stringify(profile)})` })
    await context.addInitScript({ content: probeScript(PEER_LABEL_PREFIX) })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`http://127.0.0.1:${server.port}/r/${server.roomId}#k=${server.token}`)
    await page.locator('.tl-canvas').waitFor({ timeout: 30_000 })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')

    stopPeers = await startSimulatedPeers({
      url: `${server.wsUrl}/${encodeURIComponent(server.roomId)}?token=${encodeURIComponent(server.token!)}`,
      count: peerCount,
      rateHz,
      sockets: socketCount,
      labelPrefix: PEER_LABEL_PREFIX,
    })
    await sleep(warmupS * 1000)
    await page.evaluate('window.__bench.recording = true')
    const busy0 = await taskSeconds(cdp)
    const t0 = Date.now()
    await sleep(durationS * 1000)
    const busy1 = await taskSeconds(cdp)
    const wallS = (Date.now() - t0) / 1000
    const probe = (await page.evaluate(`(() => {
      const b = window.__bench
      b.recording = false
      return { frames: b.frames, longTasks: b.longTasks, distinct: b.labels.size, tagCalls: b.tagCalls }
    })()`)) as { frames: number[]; longTasks: number[]; distinct: number; tagCalls: number }
    const participantsShown = (await page.getByTestId('participant-count').textContent()) ?? '?'
    if (opts.screenshots) {
      mkdirSync(opts.screenshots, { recursive: true })
      await page.screenshot({ path: join(opts.screenshots, `cursors-${peerCount}.png`) })
      const list = page.getByTestId('participants')
      await list.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true)).catch(() => {})
      await list.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: join(opts.screenshots, `participants-${peerCount}.png`) })
    }
    if (errors.length) console.warn(`[bench] peers ${peerCount}: page errors: ${errors.slice(0, 3).join(' | ')}`)
    const intervals = probe.frames.slice(1).map((t, i) => t - probe.frames[i])
    return {
      peers: peerCount,
      participantsShown,
      fps: intervals.length / wallS,
      frameP50: quantile(intervals, 50),
      frameP95: quantile(intervals, 95),
      frameMax: Math.max(0, ...intervals),
      slowFrames: intervals.filter((d) => d > 50).length,
      busyPct: ((busy1 - busy0) / wallS) * 100,
      longTasks: probe.longTasks.length,
      longTaskMs: probe.longTasks.reduce((a, b) => a + b, 0),
      cursorsDistinct: probe.distinct,
      tagsPerFrame: intervals.length ? probe.tagCalls / probe.frames.length : 0,
    }
  } finally {
    stopPeers()
    await browser.close()
    await server.stop()
  }
}

function printTable(rows: Row[]) {
  const head = ['peers', 'shown as', 'fps', 'frame p50 ms', 'frame p95 ms', 'max ms', 'frames >50ms', 'main thread busy %', 'long tasks (ms)', 'cursors drawn', 'tags/frame']
  const lines = rows.map((r) => [
    String(r.peers),
    `${r.participantsShown}人`,
    r.fps.toFixed(1),
    r.frameP50.toFixed(1),
    r.frameP95.toFixed(1),
    r.frameMax.toFixed(0),
    String(r.slowFrames),
    r.busyPct.toFixed(1),
    `${r.longTasks} (${r.longTaskMs.toFixed(0)})`,
    String(r.cursorsDistinct),
    r.tagsPerFrame.toFixed(1),
  ])
  console.log(table([head, ...lines], 0))
}

process.on('SIGINT', () => {
  killAllChildren()
  process.exit(130)
})

const rows: Row[] = []
console.log(`[bench] cursors: peers ${peerCounts.join(',')} at ${rateHz} Hz over ${socketCount} socket(s); warm-up ${warmupS}s, window ${durationS}s; ${cpus().length} CPUs`)
for (const n of peerCounts) {
  console.log(`[bench] peers ${n}: measuring`)
  rows.push(await measure(n))
}
console.log('')
printTable(rows)
console.log('\nreference: the row with 0 peers (same page, nobody else in the room) and the 60 fps budget of 16.7 ms per frame')
