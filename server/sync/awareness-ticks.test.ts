import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import { SqliteStorage } from '../storage/sqlite.ts'
import { createLogger } from '../log.ts'
import { tempDataDir } from '../../test/support/server-process.ts'
import type { RoomConnection } from './connection.ts'
import { Room } from './room.ts'

const TICK_MS = 50

let ids = 0
function fakeConnection() {
  const ticks: number[] = [] // fake-clock time of each awareness message received
  const conn: RoomConnection = {
    id: ids++,
    canEdit: true,
    awarenessIds: new Set(),
    awarenessStale: false,
    isOpen: true,
    bufferedAmount: 0,
    send: (m) => {
      if (m[0] === 1) ticks.push(Date.now())
    },
    close: () => {},
  }
  return { conn, ticks }
}

/** An awareness update as a participant's browser sends it when its cursor moves. */
function cursorMove(clientId: number, clock: number, x: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clientId)
  encoding.writeVarUint(e, clock)
  encoding.writeVarString(e, JSON.stringify({ cursor: { x, y: 0 } }))
  return encoding.toUint8Array(e)
}

describe('awareness ticks in a plenary', () => {
  let room: Room
  let storage: SqliteStorage
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    storage = new SqliteStorage(tempDataDir())
    room = await Room.load(
      'r',
      storage,
      { compactAfterUpdates: 1e9, compactAfterBytes: 1e12, awarenessTickMs: TICK_MS, awarenessTickGroups: 5, awarenessSkipBytes: 1e9, disconnectBytes: 1e9 },
      createLogger(true),
    )
  })
  afterEach(async () => {
    vi.useRealTimers()
    await room.close()
    storage.close()
  })

  it('staggers the groups across the tick: small slices, each participant once per tick, nobody waits longer', () => {
    const people = Array.from({ length: 20 }, () => fakeConnection())
    for (const p of people) room.join(p.conn)
    const start = Date.now()
    // Everyone moves continuously for one second (10 Hz each).
    for (let step = 0; step < 100; step++) {
      const mover = people[step % people.length]
      room.applyAwarenessUpdate(mover.conn, cursorMove(1000 + mover.conn.id, step + 2, step))
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(TICK_MS)

    for (const p of people) {
      const gaps = p.ticks.slice(1).map((t, i) => t - p.ticks[i])
      expect(Math.min(...gaps), 'at most one awareness message per tick').toBeGreaterThanOrEqual(TICK_MS)
      expect(p.ticks[0] - start, 'first tick within one interval').toBeLessThanOrEqual(TICK_MS)
    }
    // The slices are spread over the interval: at any instant only a fifth of the room receives.
    const perInstant = new Map<number, number>()
    for (const p of people) for (const t of p.ticks) perInstant.set(t, (perInstant.get(t) ?? 0) + 1)
    expect(Math.max(...perInstant.values())).toBeLessThanOrEqual(people.length / 5)
  })

  it('tells every group that someone left within one tick', () => {
    const people = Array.from({ length: 10 }, () => fakeConnection())
    for (const p of people) room.join(p.conn)
    const leaver = people[0]
    room.applyAwarenessUpdate(leaver.conn, cursorMove(1000 + leaver.conn.id, 2, 1))
    vi.advanceTimersByTime(TICK_MS)
    for (const p of people) p.ticks.length = 0
    room.leave(leaver.conn)
    vi.advanceTimersByTime(TICK_MS)
    for (const p of people.slice(1)) expect(p.ticks.length).toBe(1)
  })
})
