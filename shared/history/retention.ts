/**
 * Which restorable versions a room keeps: recent ones dense, older ones sparse, so that a
 * room edited for months keeps a bounded history and a mistake of a minute ago is always
 * one click away.
 *
 * - the newest `keepNewest` versions, whatever their age;
 * - everything younger than 2 hours;
 * - then one per hour up to 2 days, one per day up to 30 days, one per week after that
 *   (in each bucket one survives: the newest taken before a mistake could be made — before a
 *   bulk deletion, a replace or a restore — else the newest);
 * - never more than `maxVersions` in all (the oldest go first).
 */
export interface RetainedVersion {
  id: string
  /** Milliseconds since the epoch. */
  createdAt: number
  /** 'periodic' versions give way to the others in their bucket. */
  reason?: string
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface RetentionRules {
  keepNewest: number
  maxVersions: number
  denseMs: number
  /** Age limits, ascending; the last must be Infinity. */
  tiers: readonly { upToMs: number; bucketMs: number }[]
}

export const retentionRules: RetentionRules = {
  keepNewest: 20,
  maxVersions: 300,
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
  const buckets = new Map<string, RetainedVersion[]>()
  const kept: RetainedVersion[] = []
  newestFirst.forEach((v, index) => {
    const age = now - v.createdAt
    if (index < rules.keepNewest || age < rules.denseMs) return void kept.push(v)
    const tier = rules.tiers.findIndex((t) => age < t.upToMs)
    const bucket = `${tier}:${Math.floor(v.createdAt / rules.tiers[tier].bucketMs)}`
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), v])
  })
  const drop: string[] = []
  for (const members of buckets.values()) {
    const survivor = members.find((v) => v.reason !== undefined && v.reason !== 'periodic') ?? members[0]
    kept.push(survivor)
    for (const v of members) if (v !== survivor) drop.push(v.id)
  }
  kept.sort((a, b) => b.createdAt - a.createdAt)
  for (const v of kept.slice(rules.maxVersions)) drop.push(v.id)
  return drop
}
