/**
 * One room's shared state on this device: the Y.Doc, its websocket connection to our server
 * (stock y-websocket protocol) and its offline copy in IndexedDB.
 *
 * The offline copy is what makes "write while the wifi is down" work: edits go into the Y.Doc,
 * y-indexeddb stores them, and when the websocket comes back the y-websocket sync exchange
 * sends exactly what the server is missing. CRDT merge does the rest.
 */
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { closeCodes, WS_PATH } from '../../shared/rooms'
import { sendOwnAwarenessOnly } from '../library-seams'

const LOCAL_LOAD_TIMEOUT_MS = 3_000

export type SocketState = 'connecting' | 'connected' | 'disconnected'

export interface ConnectionState {
  socket: SocketState
  /** The websocket has been open at least once during this page's life. */
  everConnected: boolean
  /** The document is in sync with the server (y-websocket 'sync' event). */
  synced: boolean
  /** Failed connection attempts in a row. */
  failedAttempts: number
  /** The offline copy has been loaded into the document. */
  localLoaded: boolean
  /** navigator.onLine */
  browserOnline: boolean
  /** The server refused us with a close code after which reconnecting is pointless. */
  closed: { code: number; reason: string } | null
}

export type ConnectionLabel = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed'

/** What to tell the user about the connection. Pure, so that it can be tested. */
export function connectionLabel(state: ConnectionState): ConnectionLabel {
  if (state.closed) return 'closed'
  if (!state.browserOnline) return 'offline'
  if (state.socket === 'connected') return 'connected'
  // y-websocket retries forever with a backoff of at most 2.5 s; after a few failures in a
  // row we call it offline rather than pretending a connection is about to happen.
  if (state.failedAttempts >= 3) return 'offline'
  return state.everConnected ? 'reconnecting' : 'connecting'
}

/** Close codes after which we stop reconnecting (the server decided; retrying cannot help). */
export function isTerminalCloseCode(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === closeCodes.messageTooBig
}

export function websocketBaseUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${WS_PATH}`
}

export class RoomConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly local: IndexeddbPersistence
  private state: ConnectionState
  private listeners = new Set<() => void>()
  private disposers: (() => void)[] = []

  constructor(
    readonly roomId: string,
    token: string,
  ) {
    this.state = {
      socket: 'connecting',
      everConnected: false,
      synced: false,
      failedAttempts: 0,
      localLoaded: false,
      browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
      closed: null,
    }

    this.local = new IndexeddbPersistence(`jusou-room-${roomId}`, this.doc)
    this.local.once('synced', () => this.update({ localLoaded: true }))
    // IndexedDB can be unavailable (disabled by policy, private windows): do not let the board
    // wait for it forever. Without it there is simply no offline copy.
    const localTimeout = setTimeout(() => {
      if (!this.state.localLoaded) this.update({ localLoaded: true })
    }, LOCAL_LOAD_TIMEOUT_MS)
    this.disposers.push(() => clearTimeout(localTimeout))

    this.provider = new WebsocketProvider(websocketBaseUrl(window.location), roomId, this.doc, {
      params: { token },
      shouldReconnect: (event) => !isTerminalCloseCode(event.code),
    })
    sendOwnAwarenessOnly(this.provider)

    const onStatus = ({ status }: { status: SocketState }) => {
      if (status === 'connected') this.update({ socket: status, everConnected: true, failedAttempts: 0, closed: null })
      else this.update({ socket: status, synced: status === 'disconnected' ? false : this.state.synced })
    }
    const onSync = (synced: boolean) => this.update({ synced })
    const onClose = (event: CloseEvent | null) => {
      if (!event) return
      const terminal = isTerminalCloseCode(event.code)
      if (terminal) {
        // Stop for good (y-websocket already does for 44xx via shouldReconnect; disconnect()
        // makes it explicit and also covers 1009).
        this.provider.disconnect()
      }
      this.update({
        socket: 'disconnected',
        synced: false,
        failedAttempts: this.state.failedAttempts + 1,
        closed: terminal ? { code: event.code, reason: event.reason } : null,
      })
    }
    this.provider.on('status', onStatus)
    this.provider.on('sync', onSync)
    this.provider.on('connection-close', onClose)
    this.disposers.push(() => {
      this.provider.off('status', onStatus)
      this.provider.off('sync', onSync)
      this.provider.off('connection-close', onClose)
    })

    const onOnline = () => this.update({ browserOnline: true })
    const onOffline = () => this.update({ browserOnline: false })
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    this.disposers.push(() => {
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
    })
  }

  get awareness() {
    return this.provider.awareness
  }

  getState = (): ConnectionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Try again after a terminal close (e.g. the room was full). */
  reconnect(): void {
    this.update({ closed: null, failedAttempts: 0 })
    this.provider.connect()
  }

  destroy(): void {
    for (const dispose of this.disposers) dispose()
    this.disposers = []
    this.listeners.clear()
    this.provider.awareness.setLocalState(null)
    this.provider.destroy()
    void this.local.destroy()
    this.doc.destroy()
  }

  private update(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener()
  }
}
