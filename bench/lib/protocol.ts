/** Messages between the orchestrator (bench/sync.ts) and the load generator (bench/loadgen.ts). */

/** Wire protocol a server speaks: y-websocket (room in the URL path; clients are y-websocket
 *  WebsocketProviders) or Hocuspocus (every message prefixed with the document name; clients are
 *  @hocuspocus/provider HocuspocusProviders). */
export type WireProtocol = 'y-websocket' | 'hocuspocus'

export interface LoadConfig {
  protocol: WireProtocol
  /** Base URL handed to WebsocketProvider (ours: ws://host:port/ws, reference: ws://host:port) or
   *  HocuspocusProviderWebsocket (ws://host:port). */
  wsUrl: string
  /** Room (y-websocket) or document name (Hocuspocus). */
  roomId: string
  /** Access token for our server (sent as ?token=…); null for the reference server. */
  token: string | null
  clients: number
  editors: number
  /** Edits per second per editor. */
  editRate: number
  /** Awareness (cursor) updates per second per client. */
  cursorRate: number
  /** How many clients run the complete stock receive path (y-websocket decodes every awareness
   *  message and applies every edit to its Y.Doc). The others are "light": they read the edit
   *  marker straight from the update bytes and handle awareness at byte level (see loadgen.ts). */
  fullClients: number
  /** true: clients re-send every remote awareness update they apply, as stock y-websocket 3.1.0
   *  does (its awareness 'update' listener has no origin filter); false: only their own. */
  awarenessEcho: boolean
  /** Give up connecting after this long. */
  connectTimeoutMs: number
  /** Longest wait for in-flight edits after the window closes. */
  drainTimeoutMs: number
}

export type ParentToGen =
  | { type: 'config'; config: LoadConfig }
  | { type: 'start' }
  | { type: 'measure' }
  | { type: 'stop' }

export interface Percentiles {
  count: number
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
  mean: number | null
}

export interface LoadResult {
  connected: number
  connectFailed: number
  /** WebSocket close codes seen by clients (code → count), whole run. */
  closeCodes: Record<string, number>
  /** Connections that dropped after having been connected, whole run after connect phase. */
  disconnects: number
  connectMs: number
  windowMs: number
  edits: {
    intended: number
    sent: number
    /** Per-editor sent counts (starvation shows up as an uneven spread). */
    sentPerEditor: number[]
    delivered: number
    expected: number
    /** Edit latency over all receivers (light ones time the frame's arrival, full ones the
     *  Y.Map observer call after Yjs applied the update). */
    latencyMs: Percentiles
    /** The same, full (stock y-websocket + Yjs) receivers only. */
    latencyFullMs: Percentiles
    drainMs: number
  }
  awareness: {
    intended: number
    sent: number
    /** Echoes sent by the light clients during the window (the full clients' echoes come from
     *  y-websocket itself and are not counted). */
    echoesSent: number
    /** Awareness frames that reached any client during the window (counted at the socket). */
    framesReceived: number
    /** Mean awareness frames/bytes sent per non-editor client during the window, for the full
     *  (stock path) and the light clients: with the same load these should match. */
    sentPerClient: {
      full: { clients: number; awarenessFrames: number; awarenessBytes: number }
      light: { clients: number; awarenessFrames: number; awarenessBytes: number }
    }
    /** Receivers that time cursor updates (all full clients and every k-th light client). */
    latencyReceivers: number
    /** Cursor-to-peer latency (send → arrival at the receiver). */
    latencyMs: Percentiles
  }
  /** Frames/bytes that reached all clients' sockets during the window. */
  framesReceived: number
  bytesReceived: number
  generator: {
    cpuS: number
    /** CPU seconds / window seconds, 1.0 = one core busy. */
    cpuCores: number
    /** Event loop utilisation during the window (0..1). */
    elu: number
    loopDelayP99Ms: number
    loopDelayMaxMs: number
  }
  fullClients: number
  warnings: string[]
}

export type GenToParent =
  | { type: 'connected'; connected: number; failed: number; closeCodes: Record<string, number>; connectMs: number }
  | { type: 'measuring' }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string }
