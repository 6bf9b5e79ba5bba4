/**
 * Which restorable versions a room keeps: recent ones dense, older ones sparse, so that a
 * room edited for months keeps a bounded history and a mistake of a minute ago is always
 * one click away.
 *
 * - the newest `keepNewest` versions, whatever their age;
 * - everything younger than 2 hours;
 * - then one per hour up to 2 days, one per day up to 30 days, one per week after that
 *   (in each bucket the newest version survives).
 */
export interface RetainedVersion {
  id: string
  /** Milliseconds since the epoch. */
  createdAt: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface RetentionRules {
  keepNewest: number
  denseMs: number
  /** Age limits, ascending; the last must be Infinity. */
  tiers: readonly { upToMs: number; bucketMs: number }[]
}

export const retentionRules: RetentionRules = {
  keepNewest: 20,
  denseMs: 2 * HOUR,
  tiers: [
    { upToMs: 2 * DAY, bucketMs: HOUR },
    { upToMs: 30 * DAY, bucketMs: DAY },
    { upToMs: Infinity, bucketMs: 7 * DAY },
  ],
}

/** Ids of the versions to delete, given all of a room's versions and the current time. */
export function versionsToDrop(versions: readonly RetainedVersion[], now: number, rules: RetentionRules = retentionRules): string[] {
  const newestFirst = [...versions].sort((a, b) => b.createdAt - a.createdAt)
  const seenBuckets = new Set<string>()
  const drop: string[] = []
  newestFirst.forEach((v, index) => {
    const age = now - v.createdAt
    if (index < rules.keepNewest || age < rules.denseMs) return
    const tier = rules.tiers.findIndex((t) => age < t.upToMs)
    const bucket = `${tier}:${Math.floor(v.createdAt / rules.tiers[tier].bucketMs)}`
    if (seenBuckets.has(bucket)) drop.push(v.id)
    else seenBuckets.add(bucket)
  })
  return drop
}
