import * as Y from 'yjs'
import type * as awarenessProtocol from 'y-protocols/awareness'
import type { DocStore } from '../storage/doc-store.ts'
import { closeCodes } from '../../shared/rooms.ts'
import { closureMap } from '../../shared/plan/doc.ts'
import type { Closure } from '../../shared/plan/schema.ts'
import { InvalidUpdateError, PolicyError, ProtocolError, type RoomConnection } from './connection.ts'
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './protocol.ts'
import type { Logger } from '../log.ts'
import { sendDocumentMessage } from './backpressure.ts'
import { checkUpdate } from './update-guard.ts'
import { dropPending, pendingBytes } from './yjs-seams.ts'
import { changedRoots, restoreRestrictedState, restrictedState } from './restricted-state.ts'
import { RoomVersions, type VersionPolicy } from './room-versions.ts'
import { docFromState, restoreDocument } from '../../shared/history/restore.ts'
import { modelMapNames } from '../../shared/model/doc.ts'
import { quadrantMapNames } from '../../shared/quadrant/doc.ts'
import { loadRoomDoc } from './replay.ts'
import { CaseClosedError, clearClosure, restrictedRefusal, restrictedRootsOf, writeClosure } from './room-closure.ts'
import { RoomPresence, type PresenceOptions } from './room-presence.ts'

export interface RoomOptions extends PresenceOptions, Partial<VersionPolicy> {
  compactAfterUpdates: number
  compactAfterBytes: number
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
  readonly connections = new Set<RoomConnection>()
  private readonly presence: RoomPresence
  /** Connections already told that an update was refused (told once, logged once). */
  private readonly toldForbidden = new WeakSet<RoomConnection>()
  /** Connections whose updates were dropped since the case was closed (told once each). */
  private droppedWhileClosed = new WeakSet<RoomConnection>()
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

  private readonly versions: RoomVersions

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    private readonly store: DocStore,
    private readonly options: RoomOptions,
    private readonly log: Logger,
    stored: { lastSeq: number; updatesSinceSnapshot: number; bytesSinceSnapshot: number },
  ) {
    // The server is not a participant: it has no presence of its own.
    this.presence = new RoomPresence(doc, this.connections, options)
    this.lastSeq = stored.lastSeq
    this.updatesSinceSnapshot = stored.updatesSinceSnapshot
    this.bytesSinceSnapshot = stored.bytesSinceSnapshot
    this.versions = new RoomVersions(id, doc, this.awareness, store.versions, {
      versionIntervalMs: options.versionIntervalMs ?? 10 * 60_000,
      bulkDeleteRecords: options.bulkDeleteRecords ?? 3,
    }, log)
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness
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
    this.presence.greet(conn)
  }

  leave(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    this.presence.release(conn)
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
   * change, and any change while the case is closed, is dropped and the client told; a write to
   * roots the link may not change (restricted-state.ts) is applied, undone and the client told.
   */
  applyClientUpdate(conn: RoomConnection, update: Uint8Array): void {
    const restrictedRoots = restrictedRootsOf(conn)
    // Only an editor's deletions are counted: a view link's update is refused anyway.
    const verdict = checkUpdate(this.doc, update, { restrictedRoots, recordRoots: conn.canEdit ? recordRoots : undefined })
    if (verdict.ok && verdict.empty) return
    if (!verdict.ok && verdict.kind === 'invalid') throw new InvalidUpdateError(verdict.reason)
    if (!conn.canEdit) return this.refuse(conn, 'read-only link: document changes are not accepted')
    if (this.closed) return this.refuseWhileClosed(conn)
    if (!verdict.ok) return this.refuse(conn, verdict.reason)
    const pendingBefore = pendingBytes(this.doc)
    // Always snapshotted (the maps are tiny): an update Yjs held back for a clock gap can write a
    // restricted root later, when an innocent-looking update from the same client completes it.
    const before = restrictedRoots ? restrictedState(this.doc, restrictedRoots) : null
    // The state before a deletion of many records becomes a version first (stored synchronously).
    if (this.versions.deleting(verdict.deletedRecords ?? 0)) void this.versions.take('bulk-delete').catch(() => {})
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (err) {
      throw new InvalidUpdateError(`update could not be applied: ${(err as Error).name}`)
    }
    const written = before ? changedRoots(before, restrictedState(this.doc, before.keys())) : []
    if (before && written.length > 0) {
      // Undo the change as the server's own: every client, the sender included, returns to the
      // facilitator's settings and the closure the server wrote.
      restoreRestrictedState(this.doc, before, this)
      this.refuse(conn, restrictedRefusal(written))
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

  /** While the case is closed (planClosure holds a closure) the room is read-only for everyone. */
  get closed(): boolean {
    return closureMap(this.doc).size > 0
  }

  private refuseWhileClosed(conn: RoomConnection): void {
    if (this.droppedWhileClosed.has(conn)) return
    this.droppedWhileClosed.add(conn)
    this.log.info('room.update_refused', { room: this.id, conn: conn.id, reason: 'case closed' })
    conn.send(encodePermissionDenied('the case is closed: document changes are not accepted'))
  }

  /** 終結: closes the case for everyone, as the server's own change; null when already closed. */
  closeCase(reason: string): Closure | null {
    const closure = writeClosure(this.doc, reason, this)
    if (closure) this.log.info('room.case_closed', { room: this.id })
    return closure
  }

  /** Reopens the case for everyone; false when it was not closed. */
  reopenCase(): boolean {
    if (!clearClosure(this.doc, this)) return false
    this.log.info('room.case_reopened', { room: this.id })
    const dropped = this.droppedWhileClosed
    this.droppedWhileClosed = new WeakSet()
    // Those clients hold updates the room dropped, and their later ones would wait for them
    // forever: a sync step 1 makes their provider send what the room lacks, as after going offline.
    const stateVector = Y.encodeStateVector(this.doc)
    for (const conn of this.connections) if (dropped.has(conn)) sendDocumentMessage(conn, encodeSyncStep1(stateVector), this.options)
    return true
  }

  /**
   * Returns the room to a stored version, live for every participant, as one change of the
   * server's; the state just before becomes a version too, so the restore can be undone.
   */
  async restore(state: Uint8Array): Promise<string> {
    if (this.closed) throw new CaseClosedError()
    const version = docFromState(state)
    try {
      const saved = await this.versions.take('before-restore')
      if (this.closed) throw new CaseClosedError()
      restoreDocument(this.doc, version, this)
      return saved
    } finally {
      version.destroy()
    }
  }

  /** Replaces the room's content (an uploaded room file) as one change, after saving a version. */
  async replaceContent(apply: (doc: Y.Doc, origin: unknown) => void): Promise<string> {
    if (this.closed) throw new CaseClosedError()
    const saved = await this.versions.take('before-replace')
    if (this.closed) throw new CaseClosedError()
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

  // ---- awareness (room-presence.ts) ----------------------------------------------------

  /** Presence ids announced by view links: they are not counted among a meeting's attendees. */
  viewerAwarenessIds(): Set<number> {
    const ids = new Set<number>()
    for (const conn of this.connections) if (!conn.canEdit) for (const id of conn.awarenessIds) ids.add(id)
    return ids
  }

  applyAwarenessUpdate(conn: RoomConnection, update: Uint8Array): void {
    this.presence.apply(conn, update)
  }

  replyAwarenessQuery(conn: RoomConnection): void {
    this.presence.replyQuery(conn)
  }

  awarenessMessage(): Uint8Array | null {
    return this.presence.message()
  }

  // ---- lifecycle ----------------------------------------------------------------------

  /** Flushes, compacts and frees the room. Called when it is unloaded or the server stops. */
  async close(): Promise<void> {
    if (this.flushScheduled) this.flush()
    await this.flushChain
    this.presence.stopTicks()
    await this.versions.close()
    if (!this.broken && this.updatesSinceSnapshot > 0) await this.compact()
    this.presence.destroy()
    this.doc.destroy()
  }
}

/** Record maps whose bulk deletion is guarded by a version (docs/ARCHITECTURE.md §2). */
const recordRoots: ReadonlySet<string> = new Set([modelMapNames.actor, modelMapNames.person, modelMapNames.relation, quadrantMapNames.practice])
