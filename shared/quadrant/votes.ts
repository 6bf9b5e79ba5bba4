import type { VoteEntry } from './schema.ts'

/**
 * The vote-limit rule, applied on the read side.
 *
 * Writes check the limit too (ops.ts), but a check on write cannot hold under concurrency: the
 * same participant voting from two tabs or devices while offline from each other writes two
 * different card keys under their voter map, and after the merge both are there. A hostile
 * client can also write whatever it likes. So every reader clamps, deterministically:
 *
 *   For each voter, take their entries on cards that still exist, in ascending card-id order
 *   (UTF-16 code-unit order), and count each entry's votes only while the voter has budget
 *   left: counted = min(count, limit − counted so far). Everything beyond is stored but ignored.
 *
 * The order depends only on the merged document, never on which update arrived first, so all
 * peers show the same totals. Votes on deleted cards count nowhere and free the voter's budget
 * (undoing the delete brings them back, clamped again). Lowering the limit clamps existing
 * votes the same way; raising it lets them count again.
 */
export interface VoterTally {
  /** Votes that count, ≤ limit. */
  counted: number
  /** Votes stored on existing cards; above `counted` only after a race or a lowered limit. */
  stored: number
  /** How many more this voter may cast; the write-side check uses the same number. */
  remaining: number
}

export interface VoteTally {
  limit: number
  /** Counted votes per card id; cards without votes are absent. */
  perCard: Map<string, number>
  perVoter: Map<string, VoterTally>
  /** Sum of counted votes. */
  total: number
}

export function tallyVotes(votes: readonly VoteEntry[], existingCards: ReadonlySet<string>, limit: number): VoteTally {
  const byVoter = new Map<string, VoteEntry[]>()
  for (const vote of votes) {
    if (!existingCards.has(vote.cardId) || !(vote.count > 0)) continue
    const list = byVoter.get(vote.voterId)
    if (list) list.push(vote)
    else byVoter.set(vote.voterId, [vote])
  }
  const perCard = new Map<string, number>()
  const perVoter = new Map<string, VoterTally>()
  let total = 0
  for (const [voterId, entries] of byVoter) {
    // Sorting a copy of references only; the entries themselves are not copied.
    const ordered = [...entries].sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0))
    let counted = 0
    let stored = 0
    for (const entry of ordered) {
      stored += entry.count
      const take = Math.max(0, Math.min(entry.count, limit - counted))
      if (take === 0) continue
      counted += take
      perCard.set(entry.cardId, (perCard.get(entry.cardId) ?? 0) + take)
    }
    total += counted
    perVoter.set(voterId, { counted, stored, remaining: Math.max(0, limit - stored) })
  }
  return { limit, perCard, perVoter, total }
}
