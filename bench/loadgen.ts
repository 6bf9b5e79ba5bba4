/**
 * Load generator: all bench clients in one process, forked by bench/sync.ts (not run by hand).
 * Talks to the orchestrator over IPC (see lib/protocol.ts).
 *
 * Every client is a stock provider with its own Y.Doc and Awareness, so everything the server
 * receives is what stock clients send: a y-websocket WebsocketProvider for y-websocket servers
 * (ours, reference), a `@hocuspocus/provider` HocuspocusProvider on its own
 * HocuspocusProviderWebsocket for Hocuspocus. Editors write tldraw-like shape records into the
 * Y.Map 'shapes'; each record carries a marker string
 * `BENCH|<editor>|<seq>|<inWindow 0/1>|<send time ms>|`.
 *
 * Receiving side: `fullClients` clients run the complete stock receive path (Yjs applies every
 * edit, a Y.Map observer times it; the provider decodes every awareness message). The other
 * clients are "light" so that one generator process can drive 200 clients: their socket wrapper
 * finds the marker(s) in each incoming update frame with Buffer.indexOf instead of applying it,
 * and handles awareness at byte level, including the stock client's echo (see lightAwareness).
 * The server cannot tell the difference: neither provider answers update or awareness messages
 * except with that echo. With Hocuspocus every frame starts with the document name (PREFIX);
 * the light paths skip it and put it back on the echoes, and every other message (auth, sync
 * status acks, ...) still goes through the stock provider.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { Socket } from 'node:net'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import type { Awareness } from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import type { GenToParent, LoadConfig, LoadResult, ParentToGen } from './lib/protocol'
import { FloatList, percentiles } from './lib/stats'

if (!process.send) {
  console.error('bench/loadgen.ts is started by bench/sync.ts (needs an IPC channel)')
  process.exit(2)
}
process.setMaxListeners(0) // every WebsocketProvider adds a process 'exit' listener

const send = (msg: GenToParent) => process.send!(msg)
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const SHAPES_PER_EDITOR = 20
const MSG_SYNC = 0
const MSG_AWARENESS = 1
const SYNC_UPDATE = 2
const MARKER = 'BENCH|'
const MARKER_BYTES = Buffer.from(MARKER, 'latin1')
const T_FIELD = Buffer.from('"t":', 'latin1')
/** Cursor latency is timed at about this many receivers (every k-th client). */
const CURSOR_TIMING_RECEIVERS = 20
/** Bytes every message starts with: none for y-websocket, varString(document name) for
 *  Hocuspocus. The message type follows at offset OFF. Set once from the config. */
let PREFIX: Uint8Array = new Uint8Array(0)
let OFF = 0

/** Message type of a frame (after the prefix), or -1 if it is too short / not for our document. */
function typeOf(buf: Uint8Array): number {
  if (buf.length <= OFF) return -1
  for (let i = 0; i < OFF; i++) if (buf[i] !== PREFIX[i]) return -1
  return buf[OFF]
}

const orgs = ['社会福祉協議会', '地域包括支援センター', '市役所 福祉課', '相談支援事業所', 'NPO法人 つながり']
const colors = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599']

// ---- state shared by all clients (one process, one clock) ----
let loadOn = false
let measuring = false
let connectPhase = true
let windowStart = 0
let windowEnd = 0
let editsSent = 0
let sentPerEditor: number[] = []
let delivered = 0
let awarenessSent = 0
let awarenessFramesIn = 0
let echoesSent = 0
let framesIn = 0
let bytesIn = 0
let disconnects = 0
const closeCodes: Record<string, number> = {}
const editLatency = new FloatList(1 << 18)
const editLatencyFull = new FloatList(1 << 16)
const cursorLatency = new FloatList(1 << 16)

interface ShapeRecord {
  bench: string
  id: string
  typeName: 'shape'
  type: 'geo'
  x: number
  y: number
  rotation: number
  index: string
  parentId: string
  isLocked: boolean
  opacity: number
  props: Record<string, string | number>
  meta: Record<string, never>
}

/** What the generator needs from a stock provider, whichever protocol it speaks. */
interface Conn {
  awareness: Awareness
  /** Connected (and, for Hocuspocus, attached and synced): a local change is sent right away. */
  connected(): boolean
  /** Light path took a message: do what the stock provider does on any incoming message
   *  (liveness timestamps; Hocuspocus also settles a pending connection attempt). */
  touch(): void
  setPresence(value: unknown): void
  destroy(): void
}

interface Client {
  idx: number
  doc: Y.Doc
  conn: Conn
  shapes: Y.Map<ShapeRecord>
  editorIdx: number // -1 when not an editor
  full: boolean
  echo: boolean
  /** Records cursor (awareness) latency. */
  timesCursors: boolean
  /** Highest sequence number seen per editor (dedupes records that a resync delivers again). */
  lastSeq: Float64Array
  /** Light clients: last known awareness clock per remote client id, and which have a state. */
  clocks: Map<number, number>
  hasState: Set<number>
  synced: boolean
  /** The server closed the connection with a code the provider does not retry (44xx). */
  terminal: boolean
  timers: NodeJS.Timeout[]
  /** Awareness frames/bytes this client sent during the window (own changes + echoes). */
  awarenessFramesOut: number
  awarenessBytesOut: number
}

// ---------------------------------------------------------------------------------------------
// edits

function shapeRecord(editorIdx: number, seq: number, m: 0 | 1): ShapeRecord {
  const k = seq % SHAPES_PER_EDITOR
  return {
    bench: `${MARKER}${editorIdx}|${seq}|${m}|${now()}|`,
    id: `shape:e${editorIdx}-${k}`,
    typeName: 'shape',
    type: 'geo',
    x: Math.round(Math.random() * 4000) / 4,
    y: Math.round(Math.random() * 3000) / 4,
    rotation: 0,
    index: `a${k}`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      w: 160,
      h: 90,
      geo: 'rectangle',
      color: 'blue',
      fill: 'semi',
      dash: 'draw',
      size: 'm',
      text: '地域包括支援センター',
      align: 'middle',
    },
    meta: {},
  }
}

/** Count (and time) one received edit; `marker` is the text after 'BENCH|'. */
function recordEdit(c: Client, e: number, s: number, m: number, t: number, receivedAt: number): void {
  if (e === c.editorIdx || !(e >= 0 && e < c.lastSeq.length)) return
  if (s <= c.lastSeq[e]) return
  c.lastSeq[e] = s
  if (m !== 1) return
  delivered++
  const lat = receivedAt - t
  editLatency.push(lat)
  if (c.full) editLatencyFull.push(lat)
}

function parseMarker(text: string): [number, number, number, number] | null {
  const parts = text.split('|')
  if (parts.length < 5) return null
  return [Number(parts[1]), Number(parts[2]), Number(parts[3]), Number(parts[4])]
}

/** Light path for an incoming update frame: find every marker in the bytes. */
function lightEdits(c: Client, buf: Buffer, receivedAt: number): void {
  let pos = buf.indexOf(MARKER_BYTES, OFF + 2)
  while (pos >= 0) {
    let end = pos + MARKER_BYTES.length
    let bars = 0
    while (end < buf.length && bars < 4) if (buf[end++] === 0x7c) bars++
    const f = parseMarker(buf.toString('latin1', pos, end))
    if (f) recordEdit(c, f[0], f[1], f[2], f[3], receivedAt)
    pos = buf.indexOf(MARKER_BYTES, end)
  }
}

// ---------------------------------------------------------------------------------------------
// awareness

function presence(idx: number) {
  return {
    cursor: { x: Math.round(Math.random() * 16000) / 10, y: Math.round(Math.random() * 9000) / 10 },
    user: { name: `参加者 ${idx + 1}`, org: orgs[idx % orgs.length], color: colors[idx % colors.length] },
    tool: 'select',
    t: now(),
  }
}

/**
 * What a stock client does with an incoming awareness message, minus the JSON work:
 * `applyAwarenessUpdate` accepts each entry whose clock is newer (or an equal-clock removal), and
 * the provider's awareness 'update' listener (no origin filter in y-websocket 3.1.0, nor in
 * HocuspocusProvider 3.4.4's awarenessUpdateHandler) sends exactly the accepted entries back to
 * the server. We track clocks instead of states and echo the accepted entries' bytes verbatim (the
 * stock client re-encodes the same clock, and JSON.stringify of the parsed state gives back the
 * same text), behind the same document-name prefix for Hocuspocus.
 */
function lightAwareness(c: Client, ws: WebSocket, bytes: Buffer, receivedAt: number): void {
  const len = bytes.length
  let pos = OFF + 1 // prefix, message type
  const readVarUint = (): number => {
    let num = 0
    let mult = 1
    for (;;) {
      const r = bytes[pos++]
      num += (r & 0x7f) * mult
      if (r < 0x80 || pos >= len) return num
      mult *= 128
    }
  }
  readVarUint() // length of the embedded awareness update
  const count = readVarUint()
  const ownId = c.doc.clientID
  let accepted: number[] | null = null
  for (let i = 0; i < count && pos < len; i++) {
    const start = pos
    const id = readVarUint()
    const clock = readVarUint()
    const strLen = readVarUint()
    const isNull = strLen === 4 && bytes[pos] === 0x6e && bytes[pos + 1] === 0x75 // "null"
    pos += strLen
    if (id === ownId) continue // our own state coming back: its clock is never newer
    const cur = c.clocks.get(id) ?? 0
    if (cur < clock || (cur === clock && isNull && c.hasState.has(id))) {
      if (c.timesCursors && measuring && !isNull) {
        // presence JSON ends with ..."t":<send time>}}
        const at = bytes.lastIndexOf(T_FIELD, pos)
        if (at > start) {
          const t = Number(bytes.toString('latin1', at + T_FIELD.length, bytes.indexOf(0x7d, at)))
          if (t > 0) cursorLatency.push(receivedAt - t)
        }
      }
      c.clocks.set(id, clock)
      if (isNull) c.hasState.delete(id)
      else c.hasState.add(id)
      ;(accepted ??= []).push(start, pos)
    }
  }
  if (!c.echo || accepted === null || ws.readyState !== WebSocket.OPEN) return
  if (accepted.length / 2 === count) {
    ws.send(bytes)
  } else {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, accepted.length / 2)
    for (let i = 0; i < accepted.length; i += 2) encoding.writeUint8Array(inner, bytes.subarray(accepted[i], accepted[i + 1]))
    const enc = encoding.createEncoder()
    encoding.writeUint8Array(enc, PREFIX)
    encoding.writeVarUint(enc, MSG_AWARENESS)
    encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner))
    ws.send(encoding.toUint8Array(enc))
  }
  if (measuring) echoesSent++
}

// ---------------------------------------------------------------------------------------------
// socket wrapper

/** Append one masked (all-zero key) binary frame carrying `payload` to `out` at `o`. */
function writeFrame(out: Buffer, o: number, payload: Uint8Array): number {
  const n = payload.length
  out[o++] = 0x82 // FIN + binary
  if (n < 126) {
    out[o++] = 0x80 | n
  } else if (n < 65536) {
    out[o++] = 0x80 | 126
    out.writeUInt16BE(n, o)
    o += 2
  } else {
    out[o++] = 0x80 | 127
    out.writeUInt32BE(Math.floor(n / 2 ** 32), o)
    out.writeUInt32BE(n >>> 0, o + 4)
    o += 8
  }
  out.writeUInt32BE(0, o) // masking key 0: the masked payload equals the payload
  o += 4
  out.set(payload, o)
  return o + n
}
const frameSize = (n: number) => n + (n < 126 ? 6 : n < 65536 ? 8 : 14)

/**
 * WebSocket factory (a wrapped `ws`) handed to the provider as WebSocketPolyfill. y-websocket
 * listens through `onmessage`, HocuspocusProviderWebsocket through `addEventListener('message')`;
 * both are intercepted. Besides the light receive paths, two generator-side economies that leave
 * the frames the server gets, and their order, unchanged:
 * - the socket stays in 'nodebuffer' mode; only frames handed to the provider are copied into an
 *   ArrayBuffer;
 * - send() frames the messages itself (binary, masked with an all-zero key - the server unmasks
 *   every frame as usual) and writes everything sent during one tick with a single socket write,
 *   so the echoes caused by a burst of incoming frames cost one syscall, not one each. When
 *   permessage-deflate was negotiated, send() goes through ws unchanged.
 */
function makeSocketFactory(holder: { client?: Client }) {
  return function BenchSocket(url: string, protocols?: string | string[]) {
    const ws = new WebSocket(url, protocols)
    Object.defineProperty(ws, 'binaryType', { configurable: true, get: () => 'nodebuffer', set: () => {} })
    const socketOf = () => (ws as unknown as { _socket?: Socket })._socket
    const wsSend = ws.send.bind(ws) as (data: Uint8Array) => void
    let queue: Uint8Array[] = []
    let queuedBytes = 0
    const flush = () => {
      const sock = socketOf()
      const q = queue
      const size = queuedBytes
      queue = []
      queuedBytes = 0
      if (!sock || sock.destroyed || ws.readyState !== WebSocket.OPEN) return
      const out = Buffer.allocUnsafe(size)
      let o = 0
      for (const p of q) o = writeFrame(out, o, p)
      sock.write(out)
    }
    ;(ws as unknown as { send: (data: Uint8Array) => void }).send = (data: Uint8Array) => {
      const c = holder.client
      if (measuring && c && typeOf(data) === MSG_AWARENESS) {
        c.awarenessFramesOut++
        c.awarenessBytesOut += data.length
      }
      if (ws.readyState !== WebSocket.OPEN || ws.extensions !== '') return wsSend(data)
      if (queue.length === 0) process.nextTick(flush)
      queue.push(data)
      queuedBytes += frameSize(data.length)
    }
    type Handler = (ev: { data: ArrayBuffer }) => void
    const wrap = (fn: Handler) => (data: WebSocket.RawData) => {
      const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
      const len = buf.length
      const type = typeOf(buf)
      if (measuring) {
        framesIn++
        bytesIn += len
        if (type === MSG_AWARENESS) awarenessFramesIn++
      }
      const c = holder.client
      if (c && !c.full && !connectPhase) {
        if (type === MSG_AWARENESS) {
          c.conn.touch()
          lightAwareness(c, ws, buf, now())
          return
        }
        if (type === MSG_SYNC && len > OFF + 1 && buf[OFF + 1] === SYNC_UPDATE) {
          c.conn.touch()
          lightEdits(c, buf, now())
          return
        }
      }
      // Everything else (and everything for full clients) goes through the stock provider.
      const ab = new ArrayBuffer(len)
      new Uint8Array(ab).set(buf)
      fn({ data: ab })
    }
    // y-websocket: ws.onmessage = fn
    let handler: Handler | null = null
    let listener: ((data: WebSocket.RawData) => void) | null = null
    Object.defineProperty(ws, 'onmessage', {
      configurable: true,
      get: () => handler,
      set: (fn: Handler | null) => {
        if (listener) ws.off('message', listener)
        handler = fn
        listener = fn ? wrap(fn) : null
        if (listener) ws.on('message', listener)
      },
    })
    // Hocuspocus: ws.addEventListener('message', fn) / removeEventListener
    const listeners = new Map<Handler, (data: WebSocket.RawData) => void>()
    const add = ws.addEventListener.bind(ws) as (type: string, fn: unknown, opts?: unknown) => void
    const remove = ws.removeEventListener.bind(ws) as (type: string, fn: unknown) => void
    ;(ws as unknown as { addEventListener: typeof add }).addEventListener = (type, fn, opts) => {
      if (type !== 'message') return add(type, fn, opts)
      const h = fn as Handler
      if (listeners.has(h)) return
      const l = wrap(h)
      listeners.set(h, l)
      ws.on('message', l)
    }
    ;(ws as unknown as { removeEventListener: typeof remove }).removeEventListener = (type, fn) => {
      if (type !== 'message') return remove(type, fn)
      const l = listeners.get(fn as Handler)
      if (!l) return
      listeners.delete(fn as Handler)
      ws.off('message', l)
    }
    return ws
  } as unknown as typeof globalThis.WebSocket
}

// ---------------------------------------------------------------------------------------------
// clients

interface ConnEvents {
  synced(): void
  /** The server refused us for good (y-websocket: 44xx close; Hocuspocus: authentication failed). */
  terminal(): void
  closed(code: string): void
}

/** Stock y-websocket 3.1.0 client. */
function yWebsocketConn(cfg: LoadConfig, doc: Y.Doc, holder: { client?: Client }, on: ConnEvents): Conn {
  const provider = new WebsocketProvider(cfg.wsUrl, cfg.roomId, doc, {
    WebSocketPolyfill: makeSocketFactory(holder),
    disableBc: true,
    params: cfg.token ? { token: cfg.token } : {},
    maxBackoffTime: 2500,
  })
  if (!cfg.awarenessEcho) {
    // Patched client: propagate only our own awareness changes.
    const p = provider as unknown as { _awarenessUpdateHandler: (changes: unknown, origin: unknown) => void }
    const stock = p._awarenessUpdateHandler
    provider.awareness.off('update', stock)
    p._awarenessUpdateHandler = (changes, origin) => {
      if (origin === 'local') stock(changes, origin)
    }
    provider.awareness.on('update', p._awarenessUpdateHandler)
  }
  provider.on('sync', (s: boolean) => {
    if (s) on.synced()
  })
  provider.on('closed', () => on.terminal())
  provider.on('connection-close', (ev: { code?: number } | null) => {
    on.closed(ev && typeof ev.code === 'number' ? String(ev.code) : 'local')
  })
  return {
    awareness: provider.awareness,
    connected: () => provider.wsconnected,
    touch: () => {
      provider.wsLastMessageReceived = Date.now()
    },
    setPresence: (value) => provider.awareness.setLocalStateField('presence', value),
    destroy: () => provider.destroy(),
  }
}

/** Stock @hocuspocus/provider 3.4.4 client: one HocuspocusProviderWebsocket per client (as one
 *  browser tab has), one HocuspocusProvider for the room's document attached to it. */
function hocuspocusConn(cfg: LoadConfig, doc: Y.Doc, holder: { client?: Client }, on: ConnEvents): Conn {
  const socket = new HocuspocusProviderWebsocket({
    url: cfg.wsUrl,
    WebSocketPolyfill: makeSocketFactory(holder),
    maxDelay: 2500, // like y-websocket's maxBackoffTime above
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: cfg.roomId,
    document: doc,
    token: cfg.token,
  })
  if (!cfg.awarenessEcho) {
    const p = provider as unknown as { boundAwarenessUpdateHandler: (changes: unknown, origin: unknown) => void }
    const stock = p.boundAwarenessUpdateHandler
    provider.awareness!.off('update', stock)
    p.boundAwarenessUpdateHandler = (changes, origin) => {
      if (origin === 'local') stock(changes, origin)
    }
    provider.awareness!.on('update', p.boundAwarenessUpdateHandler)
  }
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (state) on.synced()
  })
  provider.on('authenticationFailed', () => on.terminal())
  // 'close' covers the socket closing and the server's CLOSE message for the document.
  provider.on('close', ({ event }: { event?: { code?: number } }) => {
    on.closed(event && typeof event.code === 'number' ? String(event.code) : 'local')
  })
  provider.attach() // with an explicit websocketProvider, v3 providers attach on demand
  const s = socket as unknown as { connectionAttempt: unknown; resolveConnectionAttempt(): void }
  return {
    awareness: provider.awareness!,
    connected: () => socket.status === WebSocketStatus.Connected && provider.isSynced,
    touch: () => {
      // What HocuspocusProviderWebsocket.onMessage does before dispatching.
      if (s.connectionAttempt) s.resolveConnectionAttempt()
      socket.lastMessageReceived = Date.now()
    },
    setPresence: (value) => provider.setAwarenessField('presence', value),
    destroy: () => {
      provider.destroy()
      socket.destroy()
    },
  }
}

function createClient(cfg: LoadConfig, idx: number): Client {
  const doc = new Y.Doc()
  const shapes = doc.getMap<ShapeRecord>('shapes')
  const editorIdx = idx < cfg.editors ? idx : -1
  // Full clients are taken from the end of the list, i.e. non-editors first.
  const full = cfg.clients - 1 - idx < cfg.fullClients
  const holder: { client?: Client } = {}
  const events: ConnEvents = {
    synced: () => {
      client.synced = true
    },
    terminal: () => {
      client.terminal = true
    },
    closed: (code) => {
      closeCodes[code] = (closeCodes[code] ?? 0) + 1
      if (!connectPhase) disconnects++
    },
  }
  const conn = (cfg.protocol === 'hocuspocus' ? hocuspocusConn : yWebsocketConn)(cfg, doc, holder, events)
  const client: Client = {
    idx,
    doc,
    conn,
    shapes,
    editorIdx,
    full,
    echo: cfg.awarenessEcho,
    timesCursors: full || idx % Math.max(1, Math.floor(cfg.clients / CURSOR_TIMING_RECEIVERS)) === 0,
    lastSeq: new Float64Array(cfg.editors).fill(-1),
    clocks: new Map(),
    hasState: new Set(),
    synced: false,
    terminal: false,
    timers: [],
    awarenessFramesOut: 0,
    awarenessBytesOut: 0,
  }
  holder.client = client
  // Records arriving through Yjs: every update for full clients, resyncs for light ones.
  shapes.observe((event) => {
    if (event.transaction.local) return
    const t1 = now()
    for (const key of event.keysChanged) {
      const rec = shapes.get(key)
      const f = rec && typeof rec.bench === 'string' ? parseMarker(rec.bench) : null
      if (f) recordEdit(client, f[0], f[1], f[2], f[3], t1)
    }
  })
  if (full && client.timesCursors) {
    conn.awareness.on('change', (changes: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin === 'local' || !measuring) return
      const t1 = now()
      const states = conn.awareness.getStates()
      for (const list of [changes.added, changes.updated]) {
        for (const id of list) {
          if (id === doc.clientID) continue
          const t = (states.get(id) as { presence?: { t?: number } } | undefined)?.presence?.t
          if (typeof t === 'number') cursorLatency.push(t1 - t)
        }
      }
    })
  }
  return client
}

/**
 * Calls `fn` on a fixed grid of `period` ms starting at a random phase. A tick that fires late is
 * still sent; ticks missed entirely (late by a whole period or more, i.e. a starved event loop)
 * are dropped, never caught up, and the grid does not drift - so sent < intended measures
 * starvation rather than ordinary timer jitter.
 */
function every(period: number, fn: () => void, timers: NodeJS.Timeout[]): void {
  let next = performance.now() + Math.random() * period
  const tick = () => {
    const t = performance.now()
    if (t >= next) {
      fn()
      next += period * (1 + Math.floor((t - next) / period))
    }
    timers[slot] = setTimeout(tick, Math.max(0, next - performance.now()))
  }
  const slot = timers.length
  timers.push(setTimeout(tick, Math.max(0, next - performance.now())))
}

function startLoad(cfg: LoadConfig, clients: Client[]): void {
  const editPeriod = 1000 / cfg.editRate
  const cursorPeriod = 1000 / cfg.cursorRate
  for (const c of clients) {
    if (c.editorIdx >= 0) {
      const e = c.editorIdx
      let seq = 0
      every(
        editPeriod,
        () => {
          // A disconnected editor sends nothing (its edit would only stay local).
          if (!loadOn || !c.conn.connected()) return
          const m: 0 | 1 = measuring ? 1 : 0
          const rec = shapeRecord(e, seq++, m)
          c.shapes.set(rec.id, rec)
          if (m) {
            editsSent++
            sentPerEditor[e]++
          }
        },
        c.timers,
      )
    }
    if (cfg.cursorRate > 0) {
      every(
        cursorPeriod,
        () => {
          if (!loadOn || !c.conn.connected()) return
          c.conn.setPresence(presence(c.idx))
          if (measuring) awarenessSent++
        },
        c.timers,
      )
    }
  }
}

// ---------------------------------------------------------------------------------------------
// run

/** Mean awareness frames/bytes sent per client of a group (to check light ≡ stock). */
function sentPerClient(group: Client[]) {
  const n = group.length
  const frames = group.reduce((a, c) => a + c.awarenessFramesOut, 0)
  const bytes = group.reduce((a, c) => a + c.awarenessBytesOut, 0)
  return { clients: n, awarenessFrames: n ? Math.round(frames / n) : 0, awarenessBytes: n ? Math.round(bytes / n) : 0 }
}

async function main(cfg: LoadConfig): Promise<void> {
  if (cfg.protocol === 'hocuspocus') {
    const enc = encoding.createEncoder()
    encoding.writeVarString(enc, cfg.roomId)
    PREFIX = encoding.toUint8Array(enc)
    OFF = PREFIX.length
  }
  sentPerEditor = new Array(cfg.editors).fill(0)
  const clients: Client[] = []
  const t0 = Date.now()
  // Connect in small batches; each client starts with a presence, as a real client would.
  const BATCH = 20
  for (let i = 0; i < cfg.clients; i += BATCH) {
    for (let j = i; j < Math.min(cfg.clients, i + BATCH); j++) {
      const c = createClient(cfg, j)
      c.conn.setPresence(presence(j))
      clients.push(c)
    }
    await sleep(20)
  }
  const deadline = t0 + cfg.connectTimeoutMs
  while (Date.now() < deadline && clients.some((c) => !c.synced && !c.terminal)) await sleep(50)
  const connected = clients.filter((c) => c.synced).length
  const connectMs = Date.now() - t0
  // Light clients take over the awareness clocks they know so far (the stock path was active
  // until now) and forget the remote states without events, so that y-protocols' 30 s timeout
  // does not later announce removals that a real client would never send.
  for (const c of clients) {
    if (c.full) continue
    const aw = c.conn.awareness
    for (const [id, meta] of [...aw.meta]) {
      if (id === c.doc.clientID) continue
      c.clocks.set(id, meta.clock)
      if (aw.states.has(id)) c.hasState.add(id)
      aw.states.delete(id)
      aw.meta.delete(id)
    }
  }
  connectPhase = false
  send({ type: 'connected', connected, failed: cfg.clients - connected, closeCodes: { ...closeCodes }, connectMs })

  const histogram = monitorEventLoopDelay({ resolution: 10 })
  let cpu0 = process.cpuUsage()
  let elu0 = performance.eventLoopUtilization()
  let cpuS = 0
  let elu = 0

  await new Promise<void>((resolveRun) => {
    process.on('message', (msg: ParentToGen) => {
      if (msg.type === 'start') {
        loadOn = true
        startLoad(cfg, clients)
      } else if (msg.type === 'measure') {
        measuring = true
        windowStart = now()
        cpu0 = process.cpuUsage()
        elu0 = performance.eventLoopUtilization()
        histogram.enable()
        send({ type: 'measuring' })
      } else if (msg.type === 'stop') {
        measuring = false
        loadOn = false
        windowEnd = now()
        const cpu = process.cpuUsage(cpu0)
        cpuS = (cpu.user + cpu.system) / 1e6
        elu = performance.eventLoopUtilization(elu0).utilization
        histogram.disable()
        for (const c of clients) for (const t of c.timers) clearTimeout(t)
        resolveRun()
      }
    })
  })

  // Drain: wait for edits sent inside the window that are still in flight.
  const expected = editsSent * (cfg.clients - 1)
  const drainStart = Date.now()
  let last = delivered
  let lastChange = Date.now()
  while (delivered < expected && Date.now() - drainStart < cfg.drainTimeoutMs) {
    await sleep(50)
    if (delivered !== last) {
      last = delivered
      lastChange = Date.now()
    } else if (Date.now() - lastChange > 3000) break // nothing arriving any more
  }
  const drainMs = Date.now() - drainStart

  const windowMs = windowEnd - windowStart
  const windowS = windowMs / 1000
  const warnings: string[] = []
  const cpuCores = cpuS / windowS
  if (cpuCores > 0.85 || elu > 0.9) {
    warnings.push(
      `load generator near saturation (CPU ${(cpuCores * 100).toFixed(0)}% of a core, event loop ${(elu * 100).toFixed(0)}% busy): ` +
        'latencies include client-side queueing and sends may be starved',
    )
  }
  const full = sentPerClient(clients.filter((c) => c.full && c.editorIdx < 0))
  const light = sentPerClient(clients.filter((c) => !c.full && c.editorIdx < 0))
  if (full.clients > 0 && light.clients > 0 && Math.abs(full.awarenessBytes - light.awarenessBytes) > 0.1 * Math.max(full.awarenessBytes, light.awarenessBytes)) {
    warnings.push(
      `light clients sent ${light.awarenessBytes} awareness bytes each, full (stock) clients ${full.awarenessBytes}: the light emulation diverged from stock behaviour on this server`,
    )
  }
  if (connected < cfg.clients) {
    const refused = clients.filter((c) => c.terminal && !c.synced).length
    warnings.push(
      `only ${connected}/${cfg.clients} clients synced (${refused} refused by the server, ${cfg.clients - connected - refused} still not synced after ${connectMs} ms)`,
    )
  }
  const result: LoadResult = {
    connected,
    connectFailed: cfg.clients - connected,
    closeCodes: { ...closeCodes },
    disconnects,
    connectMs,
    windowMs: Math.round(windowMs),
    edits: {
      intended: Math.round(cfg.editors * cfg.editRate * windowS),
      sent: editsSent,
      sentPerEditor,
      delivered,
      expected,
      latencyMs: percentiles(editLatency),
      latencyFullMs: percentiles(editLatencyFull),
      drainMs,
    },
    awareness: {
      intended: Math.round(cfg.clients * cfg.cursorRate * windowS),
      sent: awarenessSent,
      echoesSent,
      framesReceived: awarenessFramesIn,
      latencyReceivers: clients.filter((c) => c.timesCursors).length,
      sentPerClient: { full, light },
      latencyMs: percentiles(cursorLatency),
    },
    framesReceived: framesIn,
    bytesReceived: bytesIn,
    generator: {
      cpuS: Math.round(cpuS * 100) / 100,
      cpuCores: Math.round(cpuCores * 100) / 100,
      elu: Math.round(elu * 100) / 100,
      loopDelayP99Ms: Math.round(histogram.percentile(99) / 1e4) / 100,
      loopDelayMaxMs: Math.round(histogram.max / 1e4) / 100,
    },
    fullClients: Math.min(cfg.fullClients, cfg.clients),
    warnings,
  }
  send({ type: 'result', result })

  for (const c of clients) {
    c.conn.destroy()
    c.doc.destroy()
  }
  await sleep(200)
  process.exit(0)
}

process.once('message', (msg: ParentToGen) => {
  if (msg.type !== 'config') {
    send({ type: 'error', message: `expected config, got ${msg.type}` })
    process.exit(2)
  }
  main(msg.config).catch((e) => {
    send({ type: 'error', message: String((e as Error)?.stack ?? e) })
    process.exit(1)
  })
})
// The orchestrator going away means nobody wants our result.
process.on('disconnect', () => process.exit(0))
