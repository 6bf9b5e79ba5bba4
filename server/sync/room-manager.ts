import type { DocStore } from '../storage/doc-store.ts'
import type { RestoreResponse, VersionInfo } from '../../shared/history/versions.ts'
import type { Closure } from '../../shared/plan/schema.ts'
import type { Logger } from '../log.ts'
import * as Y from 'yjs'
import { replayStored } from './replay.ts'
import { presentOrgs } from './room-versions.ts'
import { Room, type RoomOptions } from './room.ts'

/** How long a read waits for a live room's latest updates to become durable. */
const READ_PERSIST_WAIT_MS = 5_000

/**
 * Loads rooms lazily on first connection and unloads them a grace period after the last
 * participant leaves, so a participant who reloads the page does not force a reload.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: DocStore,
    private readonly options: RoomOptions & { roomUnloadGraceMs: number },
    private readonly log: Logger,
  ) {}

  /** The live room, loading it if needed. Cancels a pending unload. */
  async acquire(roomId: string): Promise<Room> {
    this.cancelUnload(roomId)
    let loading = this.rooms.get(roomId)
    if (!loading) {
      loading = Room.load(roomId, this.store, this.options, this.log)
      this.rooms.set(roomId, loading)
      loading.then(
        () => this.log.info('room.loaded', { room: roomId }),
        () => this.rooms.delete(roomId),
      )
    }
    const room = await loading
    if (room.broken) {
      // Storage failed earlier: drop the broken instance and load a fresh one from storage.
      if (this.rooms.get(roomId) === loading) this.rooms.delete(roomId)
      return this.acquire(roomId)
    }
    return room
  }

  /** Called when a participant leaves: arms the unload timer if the room is empty. */
  released(room: Room): void {
    if (room.connections.size > 0 || this.unloadTimers.has(room.id)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.id)
      if (room.connections.size === 0) void this.unload(room)
    }, this.options.roomUnloadGraceMs)
    timer.unref()
    this.unloadTimers.set(room.id, timer)
  }

  private cancelUnload(roomId: string): void {
    const timer = this.unloadTimers.get(roomId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(roomId)
  }

  private async unload(room: Room): Promise<void> {
    this.rooms.delete(room.id)
    try {
      await room.close()
      this.log.info('room.unloaded', { room: room.id })
    } catch (err) {
      this.log.error('room.unload_failed', { room: room.id, error: (err as Error).message })
    }
  }

  /**
   * Reads a room's document without disturbing the sync server (HTTP downloads). A loaded room
   * is read from its live document once what it holds is durable — the rule the sync protocol
   * follows; borrowing it cancels a pending unload, so release re-arms it. A room nobody has
   * open is replayed from storage into a throw-away document and not loaded: a download must
   * not keep rooms in memory.
   */
  async read<T>(roomId: string, reader: (doc: Y.Doc) => T): Promise<T> {
    if (this.rooms.has(roomId)) {
      const room = await this.acquire(roomId)
      try {
        // A room whose storage failed never becomes durable: then read what storage holds.
        if ((await durableWithin(room, READ_PERSIST_WAIT_MS)) && !room.broken) return reader(room.doc)
      } finally {
        this.released(room)
      }
    }
    const { doc } = replayStored(await this.store.load(roomId))
    try {
      return reader(doc)
    } finally {
      doc.destroy()
    }
  }

  /** The room's restorable versions, newest first. */
  versions(roomId: string): Promise<VersionInfo[]> {
    return this.store.versions.list(roomId)
  }

  /**
   * Returns a room to one of its versions, live for everyone in it (Room.restore); null when the
   * room has no such version. Resolves with the id of the version made of the state before.
   * Rejects with CaseClosedError (room-closure.ts) while the case is closed, like replaceContent.
   */
  async restoreVersion(roomId: string, versionId: string): Promise<RestoreResponse | null> {
    const state = await this.store.versions.state(roomId, versionId)
    if (!state) return null
    const room = await this.acquire(roomId)
    try {
      const saved = await room.restore(state)
      await room.whenPersisted()
      return { restored: versionId, saved }
    } finally {
      this.released(room)
    }
  }

  /** Replaces a room's content live for everyone (Room.replaceContent); resolves with the version saved before. */
  async replaceContent(roomId: string, apply: (doc: Y.Doc, origin: unknown) => void): Promise<string> {
    const room = await this.acquire(roomId)
    try {
      const saved = await room.replaceContent(apply)
      await room.whenPersisted()
      return saved
    } finally {
      this.released(room)
    }
  }

  /**
   * Closes the case (Room.closeCase) and resolves once the closure is durable (so it has gone
   * out to everyone); null when it was already closed.
   */
  closeCase(roomId: string, reason: string): Promise<Closure | null> {
    return this.live(roomId, (room) => room.closeCase(reason))
  }

  /** Reopens a closed case (Room.reopenCase); false when it was not closed. */
  reopenCase(roomId: string): Promise<boolean> {
    return this.live(roomId, (room) => room.reopenCase())
  }

  /** Runs `change` on the live room, then waits until what it wrote is durable. */
  private async live<T>(roomId: string, change: (room: Room) => T): Promise<T> {
    const room = await this.acquire(roomId)
    try {
      const result = change(room)
      await room.whenPersisted()
      return result
    } finally {
      this.released(room)
    }
  }

  /** 所属 of the participants connected to the room now (none when it is not loaded). */
  async connectedOrgs(roomId: string): Promise<string[]> {
    if (!this.rooms.has(roomId)) return []
    const room = await this.acquire(roomId)
    try {
      return presentOrgs(room.awareness, room.viewerAwarenessIds())
    } finally {
      this.released(room)
    }
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  isLoaded(roomId: string): boolean {
    return this.rooms.has(roomId)
  }

  /** Flushes and closes every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const rooms = await Promise.allSettled([...this.rooms.values()])
    this.rooms.clear()
    for (const r of rooms) if (r.status === 'fulfilled') await r.value.close()
  }
}

function durableWithin(room: Room, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    timer.unref()
    void room.whenPersisted().then(() => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}
