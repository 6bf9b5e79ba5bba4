import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { DocStore } from '../storage/doc-store.ts'
import { closeCodes } from '../../shared/rooms.ts'
import { facilitatorOnlyRoots } from '../../shared/doc-access.ts'
import { InvalidUpdateError, PolicyError, ProtocolError, type RoomConnection } from './connection.ts'
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './protocol.ts'
import type { Logger } from '../log.ts'
import { freshAwarenessEntries } from './awareness-filter.ts'
import { AwarenessEncoder } from './awareness-encoder.ts'
import { AwarenessTicker } from './awareness-ticker.ts'
import { sendAwarenessTick, sendDocumentMessage, type BackpressureLimits } from './backpressure.ts'
import { AwarenessOwners, AwarenessViolation } from './awareness-guard.ts'
import { checkUpdate } from './update-guard.ts'
import { dropPending, pendingBytes } from './yjs-seams.ts'
import { restoreRestrictedState, restrictedState } from './restricted-state.ts'
import { RoomVersions, type VersionPolicy } from './room-versions.ts'
import { docFromState, restoreDocument } from '../../shared/history/restore.ts'
import { modelMapNames } from '../../shared/model/doc.ts'
import { quadrantMapNames } from '../../shared/quadrant/doc.ts'
import { loadRoomDoc } from './replay.ts'

export interface RoomOptions extends BackpressureLimits, Partial<VersionPolicy> {
  compactAfterUpdates: number
  compactAfterBytes: number
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
 * Updates whose dependencies have not arrived are held by Yjs and re-merged on every later
 * update (3,000 of them took the per-message cost from 3 to 31 ms). A legitimate client's are
 * a few edits made just before its sync step 2 arrives; beyond this the sender is closed and
 * the held updates dropped (they were never stored or broadcast; a stock client resends them).
 */
export const MAX_PENDING_BYTES = 16 * 1024

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One live room: its Y.Doc, its awareness and its participants.
 *
 * Durability rule: a document update reaches other participants only after the store has
 * made it durable. Updates received during one event-loop turn are written in one
 * transaction, then broadcast, each encoded once and sent as the same buffer to everyone.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness
  private readonly awarenessEncoder: AwarenessEncoder
  readonly connections = new Set<RoomConnection>()
  private readonly owners: AwarenessOwners
  /** Connections already told that an update was refused (told once, logged once). */
  private readonly toldForbidden = new WeakSet<RoomConnection>()
  /** Set when storage failed: the room refuses further work and must be reloaded. */
  broken = false

  private pending: PendingUpdate[] = []
  private flushScheduled = false
  private flushChain: Promise<void> = Promise.resolve()
  private receivedCount = 0
  private persistedCount = 0
  private persistWaiters: { target: number; resolve: () => void }[] = []

  private lastSeq: number
  private updatesSinceSnapshot: number
  private bytesSinceSnapshot: number
  private compacting: Promise<void> | null = null

  private readonly ticker: AwarenessTicker
  private readonly versions: RoomVersions

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
    private readonly log: Logger,
    stored: { lastSeq: number; updatesSinceSnapshot: number; bytesSinceSnapshot: number },
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awarenessEncoder = new AwarenessEncoder(this.awareness)
    this.lastSeq = stored.lastSeq
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot
    this.bytesSinceSnapshot = stored.bytesSinceSnapshot
    this.ticker = new AwarenessTicker(options.awarenessTickMs, options.awarenessTickGroups ?? 1, this.sendAwarenessTick)
    this.owners = new AwarenessOwners(options.maxAwarenessIdsPerConnection ?? 8)
    this.versions = new RoomVersions(id, doc, this.awareness, store.versions, {
      versionIntervalMs: options.versionIntervalMs ?? 10 * 60_000,
      bulkDeleteRecords: options.bulkDeleteRecords ?? 3,
    }, log)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  static async load(id: string, store: DocStore, options: RoomOptions, log: Logger): Promise<Room> {
    // Stored state is applied before listening, so loading never writes it back.
    const { doc, stored, problems } = await loadRoomDoc(store, id)
    if (problems.length > 0) {
      log.error('room.quarantined', {
        room: id,
        snapshot: problems.some((p) => p.seq === null),
        updates: problems.filter((p) => p.seq !== null).length,
        reasons: [...new Set(problems.map((p) => p.reason))],
      })
      // The log up to lastSeq was replaced by one snapshot of what loaded.
      return new Room(id, doc, store, options, log, { lastSeq: stored.lastSeq, updatesSinceSnapshot: 0, bytesSinceSnapshot: 0 }).listen()
    }
    return new Room(id, doc, store, options, log, stored).listen()
  }

  private listen(): this {
    this.doc.on('update', this.onDocUpdate)
    return this
  }

  // ---- participants -------------------------------------------------------------------

  join(conn: RoomConnection): void {
    this.connections.add(conn)
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const others = [...this.awareness.getStates().keys()]
    if (others.length > 0) conn.send(this.awarenessEncoder.message(others))
  }

  leave(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null)
    }
    this.owners.release(conn)
  }

  // ---- document -----------------------------------------------------------------------

  /**
   * Answers a client's sync step 1 with what it lacks, never with undurable state. The state
   * vector is read before anything waits, so a malformed one fails here, synchronously, and
   * closes only its own connection. The reply goes through back-pressure like every document
   * message: a client that stops reading is disconnected instead of queueing copies.
   */
  replySyncStep1(conn: RoomConnection, stateVector: Uint8Array): void {
    try {
      Y.decodeStateVector(stateVector)
    } catch (err) {
      throw new ProtocolError(`malformed state vector: ${(err as Error).name}`)
    }
    if (conn.allowSyncRequest && !conn.allowSyncRequest()) throw new PolicyError('too many sync requests')
    void this.whenPersisted().then(() => {
      if (!conn.isOpen || !this.connections.has(conn)) return
      try {
        sendDocumentMessage(conn, () => encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)), this.options)
      } catch (err) {
        this.log.error('room.sync_reply_failed', { room: this.id, conn: conn.id, error: (err as Error).name })
        conn.close(closeCodes.serverError, 'server error')
      }
    })
  }

  /**
   * A sync step 2 or update from a client. Checked before it touches the document
   * (update-guard.ts): garbage and unloadable content throw InvalidUpdateError; a view link's
   * change, or an edit link's change to facilitator-only settings, is dropped and the client told.
   */
  applyClientUpdate(conn: RoomConnection, update: Uint8Array): void {
    const restrictedRoots = conn.canEdit && !conn.canFacilitate ? facilitatorOnlyRoots : undefined
    // Only an editor's deletions are counted: a view link's update is refused anyway.
    const verdict = checkUpdate(this.doc, update, { restrictedRoots, recordRoots: conn.canEdit ? recordRoots : undefined })
    if (verdict.ok && verdict.empty) return
    if (!verdict.ok && verdict.kind === 'invalid') throw new InvalidUpdateError(verdict.reason)
    if (!conn.canEdit) return this.refuse(conn, 'read-only link: document changes are not accepted')
    if (!verdict.ok) return this.refuse(conn, verdict.reason)
    const pendingBefore = pendingBytes(this.doc)
    const before = verdict.restricted ? restrictedState(this.doc) : null
    // The state before a deletion of many records becomes a version first (stored synchronously).
    if (this.versions.deleting(verdict.deletedRecords ?? 0)) void this.versions.take('bulk-delete').catch(() => {})
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (err) {
      throw new InvalidUpdateError(`update could not be applied: ${(err as Error).name}`)
    }
    if (before) {
      // Undo the edit link's change to facilitator-only settings as the server's own change:
      // every client, the sender included, returns to the facilitator's values.
      restoreRestrictedState(this.doc, before, this)
      this.refuse(conn, 'only the facilitator may change these settings')
    }
    const pending = pendingBytes(this.doc)
    if (pending > MAX_PENDING_BYTES && pending > pendingBefore) {
      dropPending(this.doc)
      throw new InvalidUpdateError('too many updates with missing dependencies')
    }
  }

  private refuse(conn: RoomConnection, reason: string): void {
    if (this.toldForbidden.has(conn)) return
    this.toldForbidden.add(conn)
    if (conn.canEdit) this.log.info('room.update_refused', { room: this.id, conn: conn.id, reason })
    conn.send(encodePermissionDenied(reason))
  }

  /**
   * Returns the room to a stored version, live for every participant, as one change of the
   * server's; the state just before becomes a version too, so the restore can be undone.
   */
  async restore(state: Uint8Array): Promise<string> {
    const version = docFromState(state)
    try {
      const saved = await this.versions.take('before-restore')
      restoreDocument(this.doc, version, this)
      return saved
    } finally {
      version.destroy()
    }
  }

  /** Replaces the room's content (an uploaded room file) as one change, after saving a version. */
  async replaceContent(apply: (doc: Y.Doc, origin: unknown) => void): Promise<string> {
    const saved = await this.versions.take('before-replace')
    apply(this.doc, this)
    return saved
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.versions.changed()
    this.pending.push({ update, origin })
    this.receivedCount++
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
  }

  private flush = (): void => {
    this.flushScheduled = false
    const batch = this.pending
    this.pending = []
    if (batch.length === 0) return
    this.flushChain = this.flushChain.then(() => this.persistAndBroadcast(batch))
  }

  private async persistAndBroadcast(batch: PendingUpdate[]): Promise<void> {
    if (this.broken) return
    try {
      const { lastSeq } = await this.store.append(this.id, batch.map((b) => b.update))
      this.lastSeq = lastSeq
    } catch (err) {
      // Nothing of this batch was broadcast; clients still hold their changes and resend
      // them on reconnect, so closing everyone is the safe way out.
      this.broken = true
      this.log.error('room.persist_failed', { room: this.id, error: (err as Error).message })
      for (const conn of this.connections) conn.close(closeCodes.serverError, 'storage failure')
      return
    }
    this.persistedCount += batch.length
    this.updatesSinceSnapshot += batch.length
    for (const { update, origin } of batch) {
      this.bytesSinceSnapshot += update.byteLength
      const message = encodeUpdateMessage(update)
      for (const conn of this.connections) if (conn !== origin) sendDocumentMessage(conn, message, this.options)
    }
    this.persistWaiters = this.persistWaiters.filter((w) => {
      if (w.target > this.persistedCount) return true
      w.resolve()
      return false
    })
    if (
      this.updatesSinceSnapshot >= this.options.compactAfterUpdates ||
      this.bytesSinceSnapshot >= this.options.compactAfterBytes
    ) {
      void this.compact()
    }
  }

  /** Resolves once every update received so far is durable. */
  whenPersisted(): Promise<void> {
    if (this.persistedCount >= this.receivedCount) return Promise.resolve()
    const target = this.receivedCount
    return new Promise((resolve) => this.persistWaiters.push({ target, resolve }))
  }

  /** Replaces the update log with one snapshot of the current state, atomically. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    this.compacting = (async () => {
      // Yield first so compaction never runs inside the broadcast path.
      await new Promise((r) => setImmediate(r))
      // Everything up to lastSeq is applied to this.doc, so the snapshot contains it.
      const uptoSeq = this.lastSeq
      const count = this.updatesSinceSnapshot
      const bytes = this.bytesSinceSnapshot
      if (count === 0) return
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      try {
        await this.store.compact(this.id, snapshot, uptoSeq)
        this.updatesSinceSnapshot -= count
        this.bytesSinceSnapshot -= bytes
      } catch (err) {
        // The log is intact; compaction is retried after the next updates.
        this.log.error('room.compact_failed', { room: this.id, error: (err as Error).message })
      }
    })().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  // ---- awareness ----------------------------------------------------------------------

  /**
   * A participant's presence. Only entries the connection owns are taken (awareness-guard.ts);
   * an oversized, too deep or unreadable entry throws ProtocolError, one id too many PolicyError.
   */
  applyAwarenessUpdate(conn: RoomConnection, update: Uint8Array): void {
    let fresh: Uint8Array | null
    try {
      fresh = freshAwarenessEntries(this.awareness, update, this.owners.admitter(conn))
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
  replyAwarenessQuery(conn: RoomConnection): void {
    if (conn.bufferedAmount > this.options.disconnectBytes) return conn.close(closeCodes.tooSlow, 'client too slow, reconnect to resync')
    if (conn.bufferedAmount > this.options.awarenessSkipBytes) {
      // It gets the full state with the first tick it can take (backpressure.ts).
      conn.awarenessStale = true
      return
    }
    const reply = this.awarenessMessage()
    if (reply) conn.send(reply)
  }

  /** Full awareness state, for a client's awareness query. */
  awarenessMessage(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    return ids.length > 0 ? this.awarenessEncoder.message(ids) : null
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = this.connectionOf(origin)
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
  private sendAwarenessTick = (group: number, changed: ReadonlySet<number>): void => {
    const members = [...this.connections].filter((c) => c.id % this.ticker.groups === group)
    if (members.length === 0) return
    const delta = this.awarenessEncoder.message(changed)
    sendAwarenessTick(members, delta, () => this.awarenessMessage(), this.options)
  }

  private connectionOf(origin: unknown): RoomConnection | null {
    return this.connections.has(origin as RoomConnection) ? (origin as RoomConnection) : null
  }

  // ---- lifecycle ----------------------------------------------------------------------

  /** Flushes, compacts and frees the room. Called when it is unloaded or the server stops. */
  async close(): Promise<void> {
    if (this.flushScheduled) this.flush()
    await this.flushChain
    this.ticker.stop()
    await this.versions.close()
    if (!this.broken && this.updatesSinceSnapshot > 0) await this.compact()
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/** Record maps whose bulk deletion is guarded by a version (docs/ARCHITECTURE.md §2). */
const recordRoots: ReadonlySet<string> = new Set([modelMapNames.actor, modelMapNames.person, modelMapNames.relation, quadrantMapNames.practice])
