import { describe, expect, it } from 'vitest'
import { nestedJson } from '../../test/support/hostile-frames.ts'
import { AwarenessOwners, AwarenessViolation, jsonDepthExceeds, MAX_AWARENESS_DEPTH, MAX_AWARENESS_STATE_BYTES } from './awareness-guard.ts'
import type { RoomConnection } from './connection.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
const conn = (id: number) => ({ id, awarenessIds: new Set<number>() }) as unknown as RoomConnection

describe('awareness guard', () => {
  it('measures JSON depth from bytes, ignoring brackets inside strings and escapes', () => {
    expect(jsonDepthExceeds(utf8(nestedJson(32)), 32)).toBe(false)
    expect(jsonDepthExceeds(utf8(nestedJson(33)), 32)).toBe(true)
    expect(jsonDepthExceeds(utf8(nestedJson(4_200, 'object')), 32)).toBe(true)
    expect(jsonDepthExceeds(utf8(JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[[' })), 2)).toBe(false)
    expect(jsonDepthExceeds(utf8(JSON.stringify({ name: '「山田」［注］' })), 1)).toBe(false)
  })

  it("drops entries for another connection's client id (no renaming someone else)", () => {
    const owners = new AwarenessOwners(8)
    const victim = conn(1)
    const attacker = conn(2)
    owners.claim(victim, [100])
    expect(owners.admitter(attacker)(100, utf8('{"user":{"name":"偽"}}'))).toBe(false)
    expect(owners.admitter(victim)(100, utf8('{"user":{"name":"本物"}}'))).toBe(true)
    // Once the owner has left, its id is free again (a reconnecting tab keeps its id).
    owners.release(victim)
    expect(owners.admitter(attacker)(100, utf8('{}'))).toBe(true)
  })

  it('caps the ids one connection may own, counting those announced in the same message', () => {
    const owners = new AwarenessOwners(3)
    const c = conn(1)
    const admit = owners.admitter(c)
    expect(admit(1, utf8('{}'))).toBe(true)
    expect(admit(2, utf8('{}'))).toBe(true)
    expect(admit(3, utf8('{}'))).toBe(true)
    expect(() => admit(4, utf8('{}'))).toThrow(AwarenessViolation)
    owners.claim(c, [1, 2, 3])
    // Its own ids stay writable.
    expect(owners.admitter(c)(2, utf8('{"a":1}'))).toBe(true)
    expect(() => owners.admitter(c)(5, utf8('{}'))).toThrow(/too many/)
  })

  it('refuses oversized and too deep entries before anything parses them', () => {
    const owners = new AwarenessOwners(8)
    const admit = owners.admitter(conn(1))
    expect(() => admit(1, new Uint8Array(MAX_AWARENESS_STATE_BYTES + 1).fill(0x20))).toThrow(/too large/)
    expect(() => admit(1, utf8(nestedJson(MAX_AWARENESS_DEPTH + 1)))).toThrow(/too deep/)
  })
})
