/**
 * Remote participants simulated at protocol level, for plenary-sized tests and bench:cursors:
 * each has a tldraw-shaped presence (what client/board/presence.ts publishes), a name
 * `${labelPrefix}N` and a 所属, and moves its cursor in a circle at `rateHz`.
 *
 * Many participants share one socket (an awareness update may carry several clients' states):
 * the browser under test receives exactly what it would with one socket each — the server's
 * coalesced ticks — without spending the machine's cores on hundreds of client processes.
 */
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'

/** Participants per socket at most: the server's default presence ids per connection. */
export const PEERS_PER_SOCKET = 8

export const SIMULATED_ORGS = ['福祉総務課', '地域包括支援センター', '社会福祉協議会', '障害福祉課', '生活困窮者自立相談支援機関', '子ども家庭課']

interface Peer {
  clientId: number
  clock: number
  user: { id: string; name: string; org: string; color: string }
  phase: number
}

export interface SimulatedPeersOptions {
  /** Full WebSocket URL of the room, with its token. */
  url: string
  count: number
  rateHz: number
  sockets: number
  labelPrefix: string
}

function presenceAt(peer: Peer, t: number) {
  const angle = peer.phase + t * 0.8
  const radius = 150 + (peer.clientId % 5) * 50
  return {
    cursor: { x: 650 + Math.cos(angle) * radius, y: 420 + Math.sin(angle) * radius * 0.7, type: 'default', rotation: 0 },
    currentPageId: 'page:page',
    selectedShapeIds: [],
    camera: { x: 0, y: 0, z: 1 },
    screenBounds: { x: 0, y: 0, w: 1400, h: 900 },
    chatMessage: '',
    brush: null,
    scribbles: [],
    followingUserId: null,
    meta: {},
  }
}

function awarenessMessage(peers: Peer[], t: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, peers.length)
  for (const p of peers) {
    p.clock++
    encoding.writeVarUint(update, p.clientId)
    encoding.writeVarUint(update, p.clock)
    encoding.writeVarString(update, JSON.stringify({ user: p.user, presence: presenceAt(p, t) }))
  }
  const msg = encoding.createEncoder()
  encoding.writeVarUint(msg, 1) // y-websocket messageAwareness
  encoding.writeVarUint8Array(msg, encoding.toUint8Array(update))
  return encoding.toUint8Array(msg)
}

/** Connects the participants and starts moving them; resolves to a function that stops them. */
export async function startSimulatedPeers(options: SimulatedPeersOptions): Promise<() => void> {
  const { url, count, rateHz, labelPrefix } = options
  if (count === 0) return () => {}
  // The server lets one connection own at most MAX_PRESENCE_IDS_PER_CONNECTION (default 8)
  // presence ids: never put more participants than that on one socket.
  const socketCount = Math.max(1, Math.min(Math.max(options.sockets, Math.ceil(count / PEERS_PER_SOCKET)), count))
  const peers: Peer[] = Array.from({ length: count }, (_, i) => ({
    clientId: 1_000_000 + i,
    clock: 0,
    user: {
      id: `simulated-${i}`,
      name: `${labelPrefix}${i + 1}`,
      org: SIMULATED_ORGS[i % SIMULATED_ORGS.length],
      color: `hsl(${(i * 47) % 360} 70% 45%)`,
    },
    phase: (i / count) * Math.PI * 2,
  }))
  const groups = Array.from({ length: socketCount }, (_, s) => peers.filter((_peer, i) => i % socketCount === s))
  const sockets = await Promise.all(
    groups.map(
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url)
          ws.binaryType = 'nodebuffer'
          ws.once('open', () => resolve(ws))
          ws.once('error', reject)
        }),
    ),
  )
  // Each participant moves on its own time grid, spread over the period, as people do.
  const slots = Math.max(1, Math.round(1000 / rateHz / 10)) // 10 ms slots
  const t0 = Date.now()
  let slot = 0
  const timer = setInterval(() => {
    const t = (Date.now() - t0) / 1000
    groups.forEach((group, s) => {
      const due = group.filter((p) => p.clientId % slots === slot)
      if (due.length && sockets[s].readyState === WebSocket.OPEN) sockets[s].send(awarenessMessage(due, t))
    })
    slot = (slot + 1) % slots
  }, 10)
  return () => {
    clearInterval(timer)
    for (const ws of sockets) ws.close()
  }
}
