import { describe, expect, it } from 'vitest'
import { versionsToDrop, type RetainedVersion } from './retention.ts'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const now = Date.UTC(2026, 11, 2, 12, 0, 0)

/** One version every `stepMs` going back `spanMs` from now. */
function every(stepMs: number, spanMs: number): RetainedVersion[] {
  const out: RetainedVersion[] = []
  for (let t = now; t > now - spanMs; t -= stepMs) out.push({ id: `v${out.length}`, createdAt: t })
  return out
}

describe('version retention', () => {
  it('keeps every version of the last two hours and the newest twenty', () => {
    const versions = every(5 * MIN, 2 * HOUR)
    expect(versionsToDrop(versions, now)).toEqual([])
    const old = [{ id: 'a', createdAt: now - 40 * DAY }, { id: 'b', createdAt: now - 40 * DAY - MIN }]
    expect(versionsToDrop(old, now)).toEqual([])
  })

  it('thins older versions to one per hour, then per day, then per week', () => {
    const versions = every(10 * MIN, 90 * DAY) // a room edited all day long for three months
    const dropped = new Set(versionsToDrop(versions, now))
    const kept = versions.filter((v) => !dropped.has(v.id))
    const inRange = (from: number, to: number) => kept.filter((v) => now - v.createdAt >= from && now - v.createdAt < to).length
    expect(inRange(0, 2 * HOUR)).toBe(12)
    expect(inRange(2 * HOUR, 2 * DAY)).toBeGreaterThanOrEqual(45)
    expect(inRange(2 * HOUR, 2 * DAY)).toBeLessThanOrEqual(48 + 8) // the newest twenty reach past two hours
    expect(inRange(2 * DAY, 30 * DAY)).toBeGreaterThanOrEqual(27)
    expect(inRange(2 * DAY, 30 * DAY)).toBeLessThanOrEqual(29)
    expect(inRange(30 * DAY, 91 * DAY)).toBeLessThanOrEqual(10)
    expect(kept.length).toBeLessThan(110)
    expect(versions.length).toBe(12960)
  })

  it('is stable: applying it to what it kept drops nothing more', () => {
    const versions = every(7 * MIN, 20 * DAY)
    const dropped = new Set(versionsToDrop(versions, now))
    const kept = versions.filter((v) => !dropped.has(v.id))
    expect(versionsToDrop(kept, now)).toEqual([])
  })

  it('keeps the newest version of each bucket', () => {
    const versions = [
      { id: 'newer', createdAt: now - 3 * DAY + 10 * MIN },
      { id: 'older', createdAt: now - 3 * DAY + 5 * MIN },
      ...every(MIN, 21 * MIN),
    ]
    const dropped = versionsToDrop(versions, now, { keepNewest: 0, maxVersions: 300, denseMs: 2 * HOUR, tiers: [{ upToMs: Infinity, bucketMs: DAY }] })
    expect(dropped).toEqual(['older'])
  })

  it('keeps the version taken before a bulk deletion over a later periodic one in its bucket', () => {
    const bulk = { id: 'bulk', createdAt: now - 5 * DAY + 5 * MIN, reason: 'bulk-delete' }
    const later = { id: 'later', createdAt: now - 5 * DAY + 15 * MIN, reason: 'periodic' }
    const recent = every(MIN, 21 * MIN).map((v) => ({ ...v, reason: 'periodic' }))
    expect(versionsToDrop([bulk, later, ...recent], now)).toEqual(['later'])
  })

  it('never keeps more than the cap, dropping the oldest', () => {
    const many = every(MIN, 400 * MIN)
    const dropped = versionsToDrop(many, now, { keepNewest: 1000, maxVersions: 300, denseMs: 0, tiers: [{ upToMs: Infinity, bucketMs: 1 }] })
    expect(dropped).toHaveLength(100)
    expect(dropped).toContain(many.at(-1)!.id)
  })
})
