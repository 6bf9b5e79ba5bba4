import { classify, type Classification } from './classify.ts'
import type { PracticeCard, QuadrantData, QuadrantGroup } from './schema.ts'
import { tallyVotes, type VoteTally } from './votes.ts'
import { quadrantCatalog, quadrantPositionCatalog, quadrantTextCatalog } from '../i18n/quadrant.ts'
import { bilingual, message } from '../i18n/message.ts'
import { orphanGroupColor, quadrantIds, refGroups, type QuadrantId, type RefGroup } from './vocabulary.ts'

/**
 * The live summary the group looks at while placing cards. Pure functions over the arrays that
 * readQuadrant returns: every list below holds the same card objects, nothing is copied, so the
 * summary is cheap to recompute on each Y.Doc update.
 *
 * Gap rule (空白・手薄), over the cards that are inside a quadrant (on-axis cards excluded):
 * - 'empty' (空白): a quadrant with 0 cards. Always flagged, however few cards there are.
 * - 'thin' (手薄): at least `thinGapMinTotal` (default 8) cards are placed, and a quadrant has
 *   fewer than `thinGapRatio` (default 0.5, i.e. half) of the mean of the other three.
 *   The mean of the *other* three is used so that the quadrant does not lower its own bar.
 *   Examples: 6/6/2/2 → both 2s are thin (2 < 0.5 × 14/3); 6/6/3/3 is not (3 ≥ 2.5);
 *   10/10/10/4 → thin (4 < 5); 3/3/1/1 → both 1s are thin (1 < 0.5 × 7/3), which is what a
 *   group of eight cards should talk about. With the default ratio a single card can first be
 *   "thin" at 8 cards anyway (1 < 0.5 × 7/3); the minimum total matters when a facilitator
 *   raises the ratio: at a ratio of 1, 2/1/1/1 would otherwise call three quadrants thin, and
 *   with five cards that is noise. Half rather than a quarter: with a quarter, one card is not
 *   "thin" until 14 cards are placed, and a typical group board holds 10–30.
 */

export interface QuadrantStats {
  quadrant: QuadrantId
  cards: PracticeCard[]
  /** Counted votes on these cards. */
  votes: number
}

export interface GapFlag {
  quadrant: QuadrantId
  kind: 'empty' | 'thin'
  count: number
  /** Mean of the other three quadrants. */
  othersMean: number
  /** Japanese sentence (quadrantTextCatalog gapEmpty / gapThin). */
  message: string
  messageEn: string
}

export interface OrgStats {
  /** As first written; "福祉課" and "福祉課 " or full-width variants are one department. */
  org: string
  cards: PracticeCard[]
}

export interface GroupStats {
  groupId: string
  /** Undefined when the group was deleted while a card was added to it. */
  group: QuadrantGroup | undefined
  cards: PracticeCard[]
}

export interface QuadrantSummary {
  /** Cards in scope (see SummaryOptions). */
  total: number
  classification: Map<PracticeCard, Classification>
  quadrants: Record<QuadrantId, QuadrantStats>
  onAxis: PracticeCard[]
  /** Departments' own cards, most cards first; reference-deck cards belong to no department. */
  byOrg: OrgStats[]
  byGroup: GroupStats[]
  byRefGroup: Record<RefGroup | 'none', PracticeCard[]>
  referenceCards: PracticeCard[]
  gaps: GapFlag[]
  /** Expected departments (as given) that have placed no card yet. */
  missingOrgs: string[]
  /** Clamped by the vote-limit rule (votes.ts), over the whole room. */
  votes: VoteTally
}

export interface SummaryOptions {
  /** Only this workshop group's board. The plenary summary leaves it out. */
  groupId?: string
  /** 所属 expected to take part, e.g. from the participant list. */
  expectedOrgs?: readonly string[]
  /** Leave reference-deck cards out of counts and gaps, to see only the departments' own. */
  excludeReference?: boolean
}

/** Compares 所属 as people mean them: NFKC (全角/半角) and no spaces. */
export function orgKey(org: string): string {
  return org.normalize('NFKC').replace(/\s+/gu, '')
}

export function summarize(data: QuadrantData, options: SummaryOptions = {}): QuadrantSummary {
  // The limit is per person across the whole room, so the tally always sees every card.
  const votes = tallyVotes(data.votes, new Set(data.practices.map((p) => p.id)), data.settings.voteLimit)
  const inScope = data.practices.filter(
    (p) => (options.groupId === undefined || p.groupId === options.groupId) && !(options.excludeReference && p.referenceNo !== undefined),
  )

  const classification = new Map<PracticeCard, Classification>()
  const quadrants = Object.fromEntries(quadrantIds.map((q) => [q, { quadrant: q, cards: [], votes: 0 }])) as unknown as Record<
    QuadrantId,
    QuadrantStats
  >
  const onAxis: PracticeCard[] = []
  const byRefGroup = Object.fromEntries([...refGroups, 'none'].map((g) => [g, []])) as unknown as Record<RefGroup | 'none', PracticeCard[]>
  const orgs = new Map<string, OrgStats>()
  const groupsById = new Map(data.groups.map((g) => [g.id, g]))
  const byGroupId = new Map<string, GroupStats>(data.groups.map((g) => [g.id, { groupId: g.id, group: g, cards: [] }]))
  const referenceCards: PracticeCard[] = []

  for (const card of inScope) {
    const c = classify(card.x, card.y)
    classification.set(card, c)
    if (c.kind === 'quadrant') {
      quadrants[c.quadrant].cards.push(card)
      quadrants[c.quadrant].votes += votes.perCard.get(card.id) ?? 0
    } else onAxis.push(card)
    byRefGroup[card.refGroup ?? 'none'].push(card)
    if (card.referenceNo !== undefined) referenceCards.push(card)
    if (card.authorOrg !== '' && card.referenceNo === undefined) {
      const key = orgKey(card.authorOrg)
      const stats = orgs.get(key)
      if (stats) stats.cards.push(card)
      else orgs.set(key, { org: card.authorOrg, cards: [card] })
    }
    let group = byGroupId.get(card.groupId)
    if (!group) byGroupId.set(card.groupId, (group = { groupId: card.groupId, group: groupsById.get(card.groupId), cards: [] }))
    group.cards.push(card)
  }

  const byGroup = [...byGroupId.values()].filter((g) => options.groupId === undefined || g.groupId === options.groupId)
  const byOrg = [...orgs.values()].sort((a, b) => b.cards.length - a.cards.length || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0))
  const missingOrgs = missingDepartments(options.expectedOrgs ?? [], orgs)
  const gaps = findGaps(quadrants, data.settings.thinGapRatio, data.settings.thinGapMinTotal)

  return { total: inScope.length, classification, quadrants, onAxis, byOrg, byGroup, byRefGroup, referenceCards, gaps, missingOrgs, votes }
}

export function findGaps(quadrants: Record<QuadrantId, { cards: readonly unknown[] }>, ratio: number, minTotal: number): GapFlag[] {
  const counts = quadrantIds.map((q) => quadrants[q].cards.length)
  const placed = counts.reduce((a, b) => a + b, 0)
  const gaps: GapFlag[] = []
  quadrantIds.forEach((q, i) => {
    const count = counts[i]
    const othersMean = (placed - count) / 3
    const where = { quadrant: message(quadrantCatalog, q), position: message(quadrantPositionCatalog, q) }
    if (count === 0) {
      const text = bilingual(message(quadrantTextCatalog, 'gapEmpty', where))
      gaps.push({ quadrant: q, kind: 'empty', count, othersMean, message: text.ja, messageEn: text.en })
    } else if (placed >= minTotal && count < ratio * othersMean) {
      const text = bilingual(message(quadrantTextCatalog, 'gapThin', { ...where, count, mean: othersMean.toFixed(1) }))
      gaps.push({ quadrant: q, kind: 'thin', count, othersMean, message: text.ja, messageEn: text.en })
    }
  })
  return gaps
}

function missingDepartments(expected: readonly string[], placed: ReadonlyMap<string, unknown>): string[] {
  const seen = new Set<string>()
  const missing: string[] = []
  for (const org of expected) {
    const key = orgKey(org)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    if (!placed.has(key)) missing.push(org.trim())
  }
  return missing
}

export interface OverlayCard {
  card: PracticeCard
  group: QuadrantGroup | undefined
  color: string
  votes: number
}

export interface PlenaryOverlay {
  /** Every group's cards on one diagram, in drawing (creation) order, coloured by group. */
  cards: OverlayCard[]
  /** Groups in their order, with how many cards each brought; deleted groups last. */
  legend: GroupStats[]
  summary: QuadrantSummary
}

/** The plenary view: all groups' boards overlaid, with the summary across all of them. */
export function plenaryOverlay(data: QuadrantData, options: Omit<SummaryOptions, 'groupId'> = {}): PlenaryOverlay {
  const summary = summarize(data, options)
  const groups = new Map(data.groups.map((g) => [g.id, g]))
  const cards = [...summary.classification.keys()].map((card) => {
    const group = groups.get(card.groupId)
    return { card, group, color: group?.color ?? orphanGroupColor, votes: summary.votes.perCard.get(card.id) ?? 0 }
  })
  // byGroup already lists existing groups in their order first, then deleted ones.
  return { cards, legend: summary.byGroup, summary }
}
