/**
 * Runs hostile frames against a running server: many short connections, each with a random
 * link (view or edit) of a random room, sending a few frames until the server closes it.
 * Counts what was sent and how connections ended; asserts nothing (the caller does).
 */
import WebSocket from 'ws'
import { hostileFrame, prng } from './hostile-frames.ts'

export interface FuzzTarget {
  roomId: string
  tokens: { edit: string; view: string }
}

export interface CampaignResult {
  /** Frames sent (frames not sent because the server had closed the connection are not counted). */
  frames: number
  connections: number
  byKind: Record<string, number>
  closeCodes: Record<string, number>
  ms: number
}

export async function runCampaign(opts: {
  wsUrl: string
  targets: FuzzTarget[]
  frames: number
  seed: number
  concurrency?: number
  maxFramesPerConnection?: number
  onProgress?: (sent: number) => void
}): Promise<CampaignResult> {
  let nextIndex = 0
  const result: CampaignResult = { frames: 0, connections: 0, byKind: {}, closeCodes: {}, ms: 0 }
  const started = Date.now()
  const maxPer = opts.maxFramesPerConnection ?? 30

  async function oneConnection(): Promise<void> {
    // Each connection has its own generator: its frames depend on the seed and its index only,
    // not on how the workers happen to interleave.
    const rng = prng(opts.seed * 1_000_003 + nextIndex++)
    const target = rng.pick(opts.targets)
    const role = rng.next() < 0.5 ? 'view' : 'edit'
    const count = rng.int(1, maxPer)
    const frames = Array.from({ length: count }, () => hostileFrame(rng))
    const ws = new WebSocket(`${opts.wsUrl}/${target.roomId}?token=${target.tokens[role]}`)
    ws.on('message', () => {})
    const closed = new Promise<number>((resolve) => {
      ws.on('close', (code) => resolve(code))
      ws.on('error', () => resolve(-1))
    })
    const opened = await Promise.race([new Promise<boolean>((r) => ws.once('open', () => r(true))), closed.then(() => false)])
    result.connections++
    if (opened) {
      for (const f of frames) {
        if (ws.readyState !== WebSocket.OPEN) break
        ws.send(f.frame, { binary: typeof f.frame !== 'string' })
        result.frames++
        result.byKind[f.kind] = (result.byKind[f.kind] ?? 0) + 1
        // Let the server answer now and then, as a real client would between messages.
        if (rng.next() < 0.3) await new Promise((r) => setImmediate(r))
      }
      // Give the server a moment to close us for what we sent, then leave.
      await Promise.race([closed, new Promise((r) => setTimeout(r, 50))])
      if (ws.readyState === WebSocket.OPEN) ws.close(1000)
    }
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-2), 3_000))])
    if (code === -2) ws.terminate()
    result.closeCodes[String(code)] = (result.closeCodes[String(code)] ?? 0) + 1
  }

  const workers = Array.from({ length: opts.concurrency ?? 16 }, async () => {
    while (result.frames < opts.frames) {
      await oneConnection()
      opts.onProgress?.(result.frames)
    }
  })
  await Promise.all(workers)
  result.ms = Date.now() - started
  return result
}
