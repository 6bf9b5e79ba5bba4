import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, WebSocket } from 'ws'
import { closeCodes, WS_PATH } from '../../shared/rooms.ts'
import { authorize, canEdit } from '../rooms/room-access.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { Logger } from '../log.ts'
import { InvalidUpdateError, ProtocolError, type RoomConnection } from './connection.ts'
import { handleMessage } from './message-handler.ts'
import type { RoomManager } from './room-manager.ts'
import type { Room } from './room.ts'

export interface SyncEndpointOptions {
  maxMessageBytes: number
  /** Limit for sync step 2 (a reconnecting participant's offline backlog); ≥ maxMessageBytes. */
  maxSyncMessageBytes: number
  maxConnectionsPerRoom: number
  /** Interval of WebSocket pings; a connection that misses one is dropped. */
  pingIntervalMs?: number
}

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
  alive = true
  awarenessStale = false
  private toldReadOnly = false

  constructor(
    private readonly ws: WebSocket,
    readonly canEdit: boolean,
  ) {}

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
 * Access is checked after the upgrade so that refusals carry a close code and a reason the
 * client can explain; every failure ends only the connection at fault.
 */
export function attachSyncEndpoint(
  server: Server,
  directory: RoomDirectory,
  rooms: RoomManager,
  options: SyncEndpointOptions,
  log: Logger,
): { close(): void } {
  // ws enforces the larger limit while reading; the smaller one is checked per message type.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(options.maxMessageBytes, options.maxSyncMessageBytes),
  })
  const prefix = `${WS_PATH}/`
  const live = new Map<WebSocket, WsConnection>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
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
    wss.handleUpgrade(req, socket, head, (ws) => {
      void onConnection(ws, roomId, url.searchParams.get('token')).catch((err) => {
        log.error('ws.connection_failed', { room: roomId, error: (err as Error).message })
        if (ws.readyState === WebSocket.OPEN) ws.close(closeCodes.serverError, 'server error')
      })
    })
  })

  async function onConnection(ws: WebSocket, roomId: string, token: string | null): Promise<void> {
    // Messages that arrive while the room loads are queued, in order.
    const queued: RawData[] = []
    let onMessage: (data: RawData, isBinary: boolean) => void = (data) => queued.push(data)
    ws.on('message', (data, isBinary) => onMessage(data, isBinary))
    ws.on('error', () => ws.terminate())

    const access = await authorize(directory, roomId, token)
    if (!access.ok) {
      const [code, reason] =
        access.reason === 'missing-token'
          ? [closeCodes.missingToken, 'missing token']
          : access.reason === 'not-found'
            ? [closeCodes.roomNotFound, 'room not found']
            : [closeCodes.forbidden, 'invalid token for this room']
      ws.close(code, reason)
      return
    }
    if (ws.readyState !== WebSocket.OPEN) return

    const room = await rooms.acquire(roomId)
    if (room.connections.size >= options.maxConnectionsPerRoom) {
      ws.close(closeCodes.roomFull, 'room is full')
      rooms.released(room)
      return
    }
    if (ws.readyState !== WebSocket.OPEN) {
      rooms.released(room)
      return
    }
    const conn = new WsConnection(ws, canEdit(access.role))
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

  function receive(room: Room, conn: WsConnection, data: RawData, isBinary: boolean): void {
    if (!conn.isOpen) return
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol')
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)
      if (buf.byteLength > options.maxMessageBytes && !isSyncStep2(buf)) {
        conn.close(closeCodes.messageTooBig, 'message too large')
        return
      }
      handleMessage(room, conn, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength))
    } catch (err) {
      if (err instanceof InvalidUpdateError) {
        conn.close(closeCodes.invalidUpdate, 'update rejected')
      } else if (err instanceof ProtocolError) {
        conn.close(closeCodes.badMessage, 'malformed message')
      } else {
        log.error('ws.message_failed', { room: room.id, error: (err as Error).message })
        conn.close(closeCodes.serverError, 'server error')
      }
      log.info('ws.closed_bad_input', { room: room.id, conn: conn.id, error: (err as Error).message })
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
      for (const ws of wss.clients) ws.close(1001, 'server shutting down')
      wss.close()
    },
  }
}
