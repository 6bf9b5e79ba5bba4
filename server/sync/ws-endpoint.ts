import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, WebSocket } from 'ws'
import { closeCodes, WS_PATH, type Role } from '../../shared/rooms.ts'
import { clientAddress } from '../limits/client-address.ts'
import { RateLimiter } from '../limits/token-bucket.ts'
import { authorize, canEdit, type AccessResult } from '../rooms/room-access.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { Logger } from '../log.ts'
import { InvalidUpdateError, PolicyError, ProtocolError, type RoomConnection } from './connection.ts'
import { MESSAGE_BUDGET, SYNC_REQUEST_BUDGET, TokenBucket } from './connection-budget.ts'
import { handleMessage } from './message-handler.ts'
import type { RoomManager } from './room-manager.ts'
import type { Room } from './room.ts'

export interface SyncEndpointOptions {
  maxMessageBytes: number
  /** Limit for sync step 2 (a reconnecting participant's offline backlog); ≥ maxMessageBytes. */
  maxSyncMessageBytes: number
  maxConnectionsPerRoom: number
  /** Places of a room that view links may take together, so observers never fill a room. */
  maxViewConnectionsPerRoom: number
  /** Open connections from one client address (a town hall's NAT may carry a whole plenary). */
  maxConnectionsPerAddress: number
  /** New connections per address: this many at once, regained at the rate per second. */
  wsConnectBurstPerAddress: number
  wsConnectRatePerAddress: number
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean
  /** Interval of WebSocket pings; a connection that misses one is dropped. */
  pingIntervalMs?: number
}

/** A facilitator can always get in: these places above the room's limit are theirs only. */
export const FACILITATOR_RESERVE = 10
/** How often refusals for rate limits are summarised in the log (one line, with a count). */
const REFUSAL_LOG_INTERVAL_MS = 10_000

let nextConnectionId = 1

/**
 * y-websocket sync step 2 starts with the bytes 0 (messageSync), 1 (syncStep2). Only this
 * message may exceed maxMessageBytes: after an offline session it carries all the edits made
 * meanwhile, and refusing it would refuse them on every reconnect.
 */
const isSyncStep2 = (buf: Uint8Array): boolean => buf[0] === 0 && buf[1] === 1

class WsConnection implements RoomConnection {
  readonly id = nextConnectionId++
  readonly awarenessIds = new Set<number>()
  readonly canEdit: boolean
  readonly canFacilitate: boolean
  alive = true
  awarenessStale = false
  private toldReadOnly = false
  private readonly syncRequests = new TokenBucket(SYNC_REQUEST_BUDGET)
  private readonly messages = new TokenBucket(MESSAGE_BUDGET)

  constructor(
    private readonly ws: WebSocket,
    readonly role: Role,
  ) {
    this.canEdit = canEdit(role)
    this.canFacilitate = role === 'facilitate'
  }

  allowSyncRequest(): boolean {
    return this.syncRequests.take()
  }

  allowMessage(): boolean {
    return this.messages.take()
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    // A read-only client is told once that its changes are dropped, not on every keystroke.
    if (message[0] === 2 /* messageAuth */) {
      if (this.toldReadOnly) return
      this.toldReadOnly = true
    }
    this.ws.send(message, { binary: true })
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, reason)
      // A client that stopped reading never completes the close handshake.
      setTimeout(() => this.ws.terminate(), 2_000).unref()
    }
  }
}

/**
 * The room WebSocket endpoint `${WS_PATH}/:roomId?token=…`, speaking the y-websocket protocol.
 *
 * Access is decided before the upgrade, so that the frame size limit can follow the role: only
 * links that may write get the large sync step 2 allowance (a reconnecting participant's offline
 * backlog); a view link's frames are bounded by maxMessageBytes while ws reads them. Refusals
 * still complete the upgrade and close with a code and reason the client can explain. Every
 * failure ends only the connection at fault, and is logged once for that connection.
 */
export function attachSyncEndpoint(
  server: Server,
  directory: RoomDirectory,
  rooms: RoomManager,
  options: SyncEndpointOptions,
  log: Logger,
): { close(): void } {
  const writers = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(options.maxMessageBytes, options.maxSyncMessageBytes),
  })
  const readers = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  const prefix = `${WS_PATH}/`
  const live = new Map<WebSocket, WsConnection>()
  const perAddress = new Map<string, number>()
  const connectLimiter = new RateLimiter({ capacity: options.wsConnectBurstPerAddress, refillPerSecond: options.wsConnectRatePerAddress })
  const refusals = refusalLog(log)

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(prefix)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    let roomId: string
    try {
      roomId = decodeURIComponent(url.pathname.slice(prefix.length))
    } catch {
      roomId = ''
    }
    const address = clientAddress(req, options.trustProxy)
    if (!connectLimiter.take(address)) {
      refusals.count('connect_rate')
      readers.handleUpgrade(req, socket, head, (ws) => ws.close(closeCodes.tooManyConnections, 'too many connections, try later'))
      return
    }
    void authorize(directory, roomId, url.searchParams.get('token')).then(
      (access) => {
        const wss = access.ok && canEdit(access.role) ? writers : readers
        wss.handleUpgrade(req, socket, head, (ws) => {
          void onConnection(ws, roomId, access, address).catch((err) => {
            log.error('ws.connection_failed', { room: roomId, error: (err as Error).name })
            if (ws.readyState === WebSocket.OPEN) ws.close(closeCodes.serverError, 'server error')
          })
        })
      },
      (err) => {
        log.error('ws.authorize_failed', { error: (err as Error).name })
        socket.destroy()
      },
    )
  })

  async function onConnection(ws: WebSocket, roomId: string, access: AccessResult, address: string): Promise<void> {
    // Messages that arrive while the room loads are queued, in order (bounded by the budget).
    const queued: RawData[] = []
    let onMessage: (data: RawData, isBinary: boolean) => void = (data) => {
      if (queued.length < 100) queued.push(data)
      else ws.terminate()
    }
    ws.on('message', (data, isBinary) => onMessage(data, isBinary))
    ws.on('error', () => ws.terminate())

    if (!access.ok) {
      const [code, reason] =
        access.reason === 'missing-token'
          ? [closeCodes.missingToken, 'missing token']
          : access.reason === 'not-found'
            ? [closeCodes.roomNotFound, 'room not found']
            : [closeCodes.forbidden, 'invalid token for this room']
      refuse(ws, code, reason, roomId)
      return
    }
    if ((perAddress.get(address) ?? 0) >= options.maxConnectionsPerAddress) {
      refusals.count('address_full')
      ws.close(closeCodes.tooManyConnections, 'too many connections from this address')
      return
    }
    // Counted from here, so that connections still loading their room count too.
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
    let counted = true
    const uncount = () => {
      if (!counted) return
      counted = false
      const n = (perAddress.get(address) ?? 1) - 1
      if (n <= 0) perAddress.delete(address)
      else perAddress.set(address, n)
    }
    ws.once('close', uncount)
    if (ws.readyState !== WebSocket.OPEN) return uncount()

    const room = await rooms.acquire(roomId)
    const refusal = placeRefusal(room, access.role)
    if (refusal) {
      refuse(ws, refusal[0], refusal[1], roomId)
      rooms.released(room)
      return
    }
    if (ws.readyState !== WebSocket.OPEN) {
      rooms.released(room)
      return
    }
    const conn = new WsConnection(ws, access.role)
    room.join(conn)
    ws.on('pong', () => (conn.alive = true))
    live.set(ws, conn)
    ws.on('close', () => {
      live.delete(ws)
      room.leave(conn)
      rooms.released(room)
    })
    onMessage = (data, isBinary) => receive(room, conn, data, isBinary)
    for (const data of queued) receive(room, conn, data, true)
  }

  /** Whether the room has a place for this role: view links share part of it, facilitators get a reserve. */
  function placeRefusal(room: Room, role: Role): [number, string] | null {
    const total = room.connections.size
    if (role === 'facilitate') {
      return total >= options.maxConnectionsPerRoom + FACILITATOR_RESERVE ? [closeCodes.roomFull, 'room is full'] : null
    }
    if (total >= options.maxConnectionsPerRoom) return [closeCodes.roomFull, 'room is full']
    if (role === 'view') {
      let viewers = 0
      for (const c of room.connections) if (!c.canEdit) viewers++
      if (viewers >= options.maxViewConnectionsPerRoom) return [closeCodes.viewersFull, 'no more places for view links']
    }
    return null
  }

  function refuse(ws: WebSocket, code: number, reason: string, roomId: string): void {
    // One line per refused connection; the room id is not secret, the token never logged.
    log.info('ws.refused', { room: roomId.slice(0, 64), code })
    ws.close(code, reason)
  }

  function receive(room: Room, conn: WsConnection, data: RawData, isBinary: boolean): void {
    if (!conn.isOpen) return
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol')
      if (!conn.allowMessage()) throw new PolicyError('too many messages')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      if (buf.byteLength > options.maxMessageBytes && !(conn.canEdit && isSyncStep2(buf))) {
        conn.close(closeCodes.messageTooBig, 'message too large')
        log.info('ws.closed_bad_input', { room: room.id, conn: conn.id, code: closeCodes.messageTooBig })
        return
      }
      handleMessage(room, conn, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
    } catch (err) {
      let code: number = closeCodes.serverError
      if (err instanceof InvalidUpdateError) code = closeCodes.invalidUpdate
      else if (err instanceof ProtocolError) code = closeCodes.badMessage
      else if (err instanceof PolicyError) code = closeCodes.policy
      else log.error('ws.message_failed', { room: room.id, conn: conn.id, error: (err as Error).name })
      conn.close(code, code === closeCodes.serverError ? 'server error' : code === closeCodes.policy ? 'limit exceeded' : 'malformed message')
      // Our own error messages name the rule that was broken and never quote the client.
      log.info('ws.closed_bad_input', { room: room.id, conn: conn.id, code, error: (err as Error).message })
    }
  }

  // Liveness: a participant whose laptop vanished from the Wi-Fi is dropped after one
  // missed ping, so its cursor disappears for everyone.
  const pinger = setInterval(() => {
    for (const [ws, conn] of live) {
      if (!conn.alive) {
        ws.terminate()
        continue
      }
      conn.alive = false
      ws.ping()
    }
  }, options.pingIntervalMs ?? 30_000)
  pinger.unref()

  return {
    close() {
      clearInterval(pinger)
      refusals.stop()
      for (const wss of [writers, readers]) {
        for (const ws of wss.clients) ws.close(1001, 'server shutting down')
        wss.close()
      }
    },
  }
}

/** Refusals by rate limit come in floods: one summary line per interval, not one per socket. */
function refusalLog(log: Logger) {
  const counts = new Map<string, number>()
  const timer = setInterval(() => {
    if (counts.size === 0) return
    log.info('ws.rate_limited', Object.fromEntries(counts))
    counts.clear()
  }, REFUSAL_LOG_INTERVAL_MS)
  timer.unref()
  return {
    count(kind: string) {
      counts.set(kind, (counts.get(kind) ?? 0) + 1)
    },
    stop() {
      clearInterval(timer)
    },
  }
}
