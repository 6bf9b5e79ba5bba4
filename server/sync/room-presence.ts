import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { closeCodes } from '../../shared/rooms.ts'
import { freshAwarenessEntries } from './awareness-filter.ts'
import { AwarenessEncoder } from './awareness-encoder.ts'
import { AwarenessOwners, AwarenessViolation } from './awareness-guard.ts'
import { AwarenessTicker } from './awareness-ticker.ts'
import { sendAwarenessTick, type BackpressureLimits } from './backpressure.ts'
import { PolicyError, ProtocolError, type RoomConnection } from './connection.ts'

export interface PresenceOptions extends BackpressureLimits {
  awarenessTickMs: number
  /**
   * Participants are split into this many groups whose ticks are staggered across the tick
   * interval, so that a plenary's cursor traffic leaves the server in small, even slices instead
   * of one burst to everyone (and one burst of echoes back). Each participant still gets at most
   * one awareness message per tick. 1 = everyone on the same tick.
   */
  awarenessTickGroups?: number
  /** Presence ids one connection may own (a stock client uses one). Default 8. */
  maxAwarenessIdsPerConnection?: number
}

/**
 * The presence half of a room (docs/ARCHITECTURE.md §6): who owns which awareness id, and the
 * staggered ticks that send changes out. The server has no presence of its own.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness
  private readonly encoder: AwarenessEncoder
  private readonly owners: AwarenessOwners
  private readonly ticker: AwarenessTicker

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<RoomConnection>,
    private readonly options: PresenceOptions,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.encoder = new AwarenessEncoder(this.awareness)
    this.ticker = new AwarenessTicker(options.awarenessTickMs, options.awarenessTickGroups ?? 1, this.sendTick)
    this.owners = new AwarenessOwners(options.maxAwarenessIdsPerConnection ?? 8)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** A new participant gets everyone's presence. */
  greet(conn: RoomConnection): void {
    const others = [...this.awareness.getStates().keys()]
    if (others.length > 0) conn.send(this.encoder.message(others))
  }

  /** A participant left: its ids are removed for everyone. */
  release(conn: RoomConnection): void {
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null)
    this.owners.release(conn)
  }

  /**
   * A participant's presence. Only entries the connection owns are taken (awareness-guard.ts);
   * an oversized, too deep or unreadable entry throws ProtocolError, one id too many PolicyError.
   */
  apply(conn: RoomConnection, update: Uint8Array): void {
    try {
      const fresh = freshAwarenessEntries(this.awareness, update, this.owners.admitter(conn))
      if (fresh) awarenessProtocol.applyAwarenessUpdate(this.awareness, fresh, conn)
    } catch (err) {
      if (err instanceof AwarenessViolation && err.policy) throw new PolicyError(err.message)
      throw new ProtocolError(`unreadable awareness update: ${(err as Error).name}`)
    }
  }

  /**
   * Answers an awareness query with everyone's presence, through back-pressure like every other
   * reply: a client that asks over and over without reading is skipped and then disconnected.
   */
  replyQuery(conn: RoomConnection): void {
    if (conn.bufferedAmount > this.options.disconnectBytes) return conn.close(closeCodes.tooSlow, 'client too slow, reconnect to resync')
    if (conn.bufferedAmount > this.options.awarenessSkipBytes) {
      // It gets the full state with the first tick it can take (backpressure.ts).
      conn.awarenessStale = true
      return
    }
    const reply = this.message()
    if (reply) conn.send(reply)
  }

  /** Full awareness state, for a client's awareness query. */
  message(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    return ids.length > 0 ? this.encoder.message(ids) : null
  }

  stopTicks(): void {
    this.ticker.stop()
  }

  destroy(): void {
    this.ticker.stop()
    this.awareness.destroy()
  }

  private onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const conn = this.connections.has(origin as RoomConnection) ? (origin as RoomConnection) : null
    if (conn) {
      for (const id of added) conn.awarenessIds.add(id)
      for (const id of updated) conn.awarenessIds.add(id)
      for (const id of removed) conn.awarenessIds.delete(id)
      this.owners.claim(conn, added)
      this.owners.claim(conn, updated)
    }
    this.ticker.changed([...added, ...updated, ...removed])
  }

  /** One combined awareness message per tick, latest state per client, same buffer for the group. */
  private sendTick = (group: number, changed: ReadonlySet<number>): void => {
    const members = [...this.connections].filter((c) => c.id % this.ticker.groups === group)
    if (members.length === 0) return
    const delta = this.encoder.message(changed)
    sendAwarenessTick(members, delta, () => this.message(), this.options)
  }
}
