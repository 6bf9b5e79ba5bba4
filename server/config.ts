import path from 'node:path'
import { DEFAULT_TIME_ZONE } from '../shared/plan/doc.ts'

/** Server configuration, read once from the environment. Every knob is documented in README.md. */
export interface ServerConfig {
  host: string
  port: number
  /** Directory holding the SQLite database (created if missing). */
  dataDir: string
  /** Directory holding the built client (vite build output). */
  clientDir: string
  /** Public origin used in capability links when the app runs behind a proxy. */
  publicUrl: string | null
  tldrawLicenseKey: string | null
  /** Largest WebSocket message accepted; bigger ones close the connection with 1009. */
  maxMessageBytes: number
  /**
   * Largest sync step 2 accepted: the backlog a participant sends when reconnecting after
   * working offline (every edit made meanwhile, in one message). At least maxMessageBytes.
   */
  maxSyncMessageBytes: number
  maxConnectionsPerRoom: number
  /** Places of one room that view links may take together (observers never fill a room). */
  maxViewConnectionsPerRoom: number
  /** Open WebSocket connections from one client address, over all rooms. */
  maxConnectionsPerAddress: number
  /** New WebSocket connections per client address: a burst, then this many per second. */
  wsConnectBurstPerAddress: number
  wsConnectRatePerAddress: number
  /** Behind a reverse proxy: client address from X-Forwarded-For, HTTPS from X-Forwarded-Proto. */
  trustProxy: boolean
  /** HTTP requests per client address: a burst, then this many per second. */
  httpBurstPerAddress: number
  httpRatePerAddress: number
  /** Rooms one address may create at once, then per hour; and all addresses together per hour. */
  roomCreationBurstPerAddress: number
  roomCreationPerHourPerAddress: number
  roomCreationPerHour: number
  /** A request's headers must arrive within this time, the whole request within requestTimeoutMs. */
  headersTimeoutMs: number
  requestTimeoutMs: number
  /** Presence (awareness) ids one connection may announce; a browser tab uses one. */
  maxAwarenessIdsPerConnection: number
  /** How long an empty room stays in memory before it is unloaded. */
  roomUnloadGraceMs: number
  versionIntervalMs: number
  bulkDeleteRecords: number
  /** Compact a room's update log into one snapshot after this many updates or bytes. */
  compactAfterUpdates: number
  compactAfterBytes: number
  /** Awareness changes are coalesced and sent once per tick (0 = send at once). */
  awarenessTickMs: number
  /** Participants' ticks are staggered in this many groups across the tick interval. */
  awarenessTickGroups: number
  /** Back-pressure: skip awareness for a client with this many bytes queued… */
  awarenessSkipBytes: number
  /** …and disconnect it (it resyncs) above this many. */
  disconnectBytes: number
  /** SQLite synchronous mode: FULL survives power loss; NORMAL survives process crashes. */
  sqliteSynchronous: 'FULL' | 'NORMAL'
  /**
   * Start even though the database holds less than the data directory's record says (a lost
   * WAL, a replaced file): logged, and the record is rewritten. For one start after a known loss.
   */
  acceptDataLoss: boolean
  /**
   * IANA time zone of the meetings' calendar: a record's default date and the day tasks become
   * overdue in comparisons and the Excel download (a server clock in UTC would be a day off).
   */
  timeZone: string
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`設定 ${name} は ${min} 以上の整数で指定してください（現在: "${raw}"）`)
  }
  return value
}

function timeZone(env: NodeJS.ProcessEnv): string {
  const raw = env.TZ?.trim() || DEFAULT_TIME_ZONE
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone
  } catch {
    throw new Error(`設定 TZ は Asia/Tokyo のような IANA のタイムゾーン名で指定してください（現在: "${raw}"）`)
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sync = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase()
  if (sync !== 'FULL' && sync !== 'NORMAL') {
    throw new Error(`設定 SQLITE_SYNCHRONOUS は FULL か NORMAL で指定してください（現在: "${sync}"）`)
  }
  const maxMessageBytes = int(env, 'MAX_MESSAGE_BYTES', 2 * 1024 * 1024, 1024)
  const headersTimeoutMs = int(env, 'HEADERS_TIMEOUT_MS', 10_000, 1000)
  const requestTimeoutMs = int(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000)
  // Node refuses to start an HTTP server whose header timeout exceeds its request timeout.
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new Error(`設定 REQUEST_TIMEOUT_MS（${requestTimeoutMs}）は HEADERS_TIMEOUT_MS（${headersTimeoutMs}）以上にしてください`)
  }
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 8787),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    clientDir: path.resolve(env.CLIENT_DIR || './dist'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    tldrawLicenseKey: env.TLDRAW_LICENSE_KEY?.trim() || null,
    maxMessageBytes,
    maxSyncMessageBytes: Math.max(maxMessageBytes, int(env, 'MAX_SYNC_MESSAGE_BYTES', 32 * 1024 * 1024, 1024)),
    maxConnectionsPerRoom: int(env, 'MAX_CONNECTIONS_PER_ROOM', 500, 1),
    maxViewConnectionsPerRoom: int(env, 'MAX_VIEW_CONNECTIONS_PER_ROOM', 250, 0),
    maxConnectionsPerAddress: int(env, 'MAX_CONNECTIONS_PER_ADDRESS', 600, 1),
    wsConnectBurstPerAddress: int(env, 'WS_CONNECT_BURST_PER_ADDRESS', 400, 1),
    wsConnectRatePerAddress: int(env, 'WS_CONNECT_RATE_PER_ADDRESS', 10, 1),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    // 200 participants behind one town-hall address open a room at once: ≈ 30 requests each.
    httpBurstPerAddress: int(env, 'HTTP_BURST_PER_ADDRESS', 6000, 1),
    httpRatePerAddress: int(env, 'HTTP_RATE_PER_ADDRESS', 200, 1),
    roomCreationBurstPerAddress: int(env, 'ROOM_CREATION_BURST_PER_ADDRESS', 30, 1),
    roomCreationPerHourPerAddress: int(env, 'ROOM_CREATION_PER_HOUR_PER_ADDRESS', 60, 1),
    roomCreationPerHour: int(env, 'ROOM_CREATION_PER_HOUR', 600, 1),
    headersTimeoutMs,
    requestTimeoutMs,
    maxAwarenessIdsPerConnection: int(env, 'MAX_PRESENCE_IDS_PER_CONNECTION', 8, 1),
    roomUnloadGraceMs: int(env, 'ROOM_UNLOAD_GRACE_MS', 30_000),
    versionIntervalMs: int(env, 'VERSION_INTERVAL_MS', 10 * 60_000),
    bulkDeleteRecords: int(env, 'BULK_DELETE_RECORDS', 3),
    compactAfterUpdates: int(env, 'COMPACT_AFTER_UPDATES', 500, 1),
    compactAfterBytes: int(env, 'COMPACT_AFTER_BYTES', 4 * 1024 * 1024, 1),
    awarenessTickMs: int(env, 'AWARENESS_TICK_MS', 50),
    awarenessTickGroups: int(env, 'AWARENESS_TICK_GROUPS', 5, 1),
    awarenessSkipBytes: int(env, 'SLOW_CLIENT_SKIP_BYTES', 256 * 1024, 1),
    disconnectBytes: int(env, 'SLOW_CLIENT_DISCONNECT_BYTES', 8 * 1024 * 1024, 1),
    sqliteSynchronous: sync,
    acceptDataLoss: env.ACCEPT_DATA_LOSS === '1' || env.ACCEPT_DATA_LOSS === 'true',
    timeZone: timeZone(env),
  }
}
