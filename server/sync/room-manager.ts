import type { DocStore } from '../storage/doc-store.ts'
import type { Logger } from '../log.ts'
import { Room, type RoomOptions } from './room.ts'

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
