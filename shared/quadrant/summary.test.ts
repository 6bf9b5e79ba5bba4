import { describe, expect, it } from 'vitest'
import { defaultQuadrantSettings, type PracticeCard, type QuadrantData, type VoteEntry } from './schema.ts'
import { findGaps, orgKey, plenaryOverlay, summarize } from './summary.ts'
import { tallyVotes } from './votes.ts'

let seq = 0
function card(x: number, y: number, extra: Partial<PracticeCard> = {}): PracticeCard {
  seq += 1
  return {
    id: `c${String(seq).padStart(3, '0')}`,
    text: `取組${seq}`,
    authorName: '',
    authorOrg: '福祉課',
    x,
    y,
    groupId: 'g1',
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    ...extra,
  }
}

const groups = [
  { id: 'g1', name: '1班', color: '#1f77b4', order: 0 },
  { id: 'g2', name: '2班', color: '#d62728', order: 1 },
]

function data(practices: PracticeCard[], votes: VoteEntry[] = [], settings = defaultQuadrantSettings): QuadrantData {
  return { practices, groups, votes, settings }
}

/** `n` cards in one quadrant, given by the signs of x and y. */
const many = (n: number, sx: number, sy: number, extra: Partial<PracticeCard> = {}) =>
  Array.from({ length: n }, (_, i) => card(sx * (0.2 + i * 0.05), sy * 0.5, extra))

describe('summary counts', () => {
  it('counts per quadrant, on the axes, per 所属, per group and per reference group, holding the same card objects', () => {
    const a = card(-0.5, 0.5, { authorOrg: '福祉課', refGroup: '1' })
    const b = card(0.5, 0.5, { authorOrg: '福祉課 ', groupId: 'g2' })
    const c = card(0.5, -0.5, { authorOrg: '高齢介護課', refGroup: '2' })
    const d = card(0, 0, { authorOrg: '社会福祉協議会', groupId: 'g2' })
    const ref = card(-0.3, -0.35, { authorOrg: '', referenceNo: 10, refGroup: '3' })
    const s = summarize(data([a, b, c, d, ref]))

    expect(s.total).toBe(5)
    expect(s.quadrants['informal-discovery'].cards).toEqual([a])
    expect(s.quadrants['informal-discovery'].cards[0]).toBe(a) // not a copy
    expect(s.quadrants['formal-discovery'].cards).toEqual([b])
    expect(s.quadrants['formal-solving'].cards).toEqual([c])
    expect(s.quadrants['informal-solving'].cards).toEqual([ref])
    expect(s.onAxis).toEqual([d])
    // "福祉課" and "福祉課 " are one department; the reference card is nobody's. Ties in
    // code-point order, the same on every machine.
    expect(s.byOrg.map((o) => [o.org, o.cards.length])).toEqual([
      ['福祉課', 2],
      ['社会福祉協議会', 1],
      ['高齢介護課', 1],
    ])
    expect(s.byGroup.map((g) => [g.groupId, g.cards.length])).toEqual([
      ['g1', 3],
      ['g2', 2],
    ])
    expect(s.byRefGroup['1']).toEqual([a])
    expect(s.byRefGroup['2']).toEqual([c])
    expect(s.byRefGroup['3']).toEqual([ref])
    expect(s.byRefGroup.none).toEqual([b, d])
    expect(s.referenceCards).toEqual([ref])
  })

  it('summarises one group’s board, and can leave the reference deck out', () => {
    const own = card(-0.5, 0.5)
    const other = card(0.5, 0.5, { groupId: 'g2' })
    const ref = card(0.5, -0.5, { authorOrg: '', referenceNo: 8 })
    const g1 = summarize(data([own, other, ref]), { groupId: 'g1' })
    expect(g1.total).toBe(2)
    expect(g1.byGroup.map((g) => g.groupId)).toEqual(['g1'])
    expect(g1.quadrants['formal-discovery'].cards).toEqual([])
    const ownOnly = summarize(data([own, other, ref]), { excludeReference: true })
    expect(ownOnly.total).toBe(2)
    expect(ownOnly.quadrants['formal-solving'].cards).toEqual([])
  })

  it('lists expected departments that placed nothing, matching width and spaces', () => {
    const cards = [card(-0.5, 0.5, { authorOrg: 'ＮＰＯ法人 さくら' }), card(0.5, 0.5, { authorOrg: '福祉課' })]
    const s = summarize(data(cards), { expectedOrgs: ['福祉課', 'NPO法人さくら', '子ども家庭支援センター', '子ども家庭支援センター ', '', '生活困窮相談窓口'] })
    expect(s.missingOrgs).toEqual(['子ども家庭支援センター', '生活困窮相談窓口'])
    expect(orgKey('ＮＰＯ法人 さくら')).toBe(orgKey('NPO法人さくら'))
  })

  it('places on-axis cards in no quadrant, so they neither fill nor thin one', () => {
    const s = summarize(data([card(0, 0.5), card(0.5, 0), card(0, 0)]))
    expect(s.onAxis).toHaveLength(3)
    expect(s.gaps.map((g) => g.kind)).toEqual(['empty', 'empty', 'empty', 'empty'])
  })
})

describe('gap flags (空白・手薄)', () => {
  const counts = (tl: number, tr: number, bl: number, br: number) => [...many(tl, -1, 1), ...many(tr, 1, 1), ...many(bl, -1, -1), ...many(br, 1, -1)]

  it('flags every empty quadrant, even with very few cards', () => {
    const s = summarize(data(counts(1, 0, 0, 1)))
    expect(s.gaps.map((g) => [g.quadrant, g.kind])).toEqual([
      ['formal-discovery', 'empty'],
      ['informal-solving', 'empty'],
    ])
    expect(s.gaps[0].message).toBe('「フォーマル × 発見と把握」（右上）にはまだ取組がありません（空白）')
    expect(s.gaps[0].messageEn).toBe('“Formal × finding needs” (top right) has no practices yet (empty)')
    expect(summarize(data([])).gaps).toHaveLength(4)
  })

  it('flags a thin quadrant below half the mean of the other three once 8 cards are placed', () => {
    const s = summarize(data(counts(10, 10, 10, 4)))
    expect(s.gaps).toHaveLength(1)
    expect(s.gaps[0]).toMatchObject({ quadrant: 'formal-solving', kind: 'thin', count: 4, othersMean: 10 })
    expect(s.gaps[0].message).toBe('「フォーマル × 課題解決と予防」（右下）は4枚で、ほかの象限（平均10.0枚）に比べて手薄です')
    expect(s.gaps[0].messageEn).toBe('“Formal × solving and preventing” (bottom right) is thin: it holds 4, against an average of 10.0 cards in the other quadrants')
    // 5 is not below half of 10: not thin.
    expect(summarize(data(counts(10, 10, 10, 5))).gaps).toEqual([])
    expect(summarize(data(counts(6, 6, 2, 2))).gaps.map((g) => [g.quadrant, g.kind])).toEqual([
      ['informal-solving', 'thin'],
      ['formal-solving', 'thin'],
    ])
    expect(summarize(data(counts(6, 6, 3, 3))).gaps).toEqual([])
    // 8 cards is the least: 3/3/1/1 flags the 1s.
    expect(summarize(data(counts(3, 3, 1, 1))).gaps.map((g) => g.kind)).toEqual(['thin', 'thin'])
  })

  it('does not call a quadrant thin while fewer than the minimum of cards are placed', () => {
    // 7 cards: 1 against a mean of 2 is not below half anyway; nothing flagged.
    expect(summarize(data(counts(3, 2, 1, 1))).gaps).toEqual([])
    // With a ratio of 1, 2/1/1/1 would flag three quadrants; 5 cards are below the minimum of 8.
    const eager = { ...defaultQuadrantSettings, thinGapRatio: 1 }
    expect(summarize(data(counts(2, 1, 1, 1), [], eager)).gaps).toEqual([])
    expect(summarize(data(counts(4, 2, 2, 2), [], eager)).gaps.map((g) => g.quadrant)).toEqual([
      'formal-discovery',
      'informal-solving',
      'formal-solving',
    ])
  })

  it('follows the facilitator’s thin settings', () => {
    const settings = { ...defaultQuadrantSettings, thinGapRatio: 0.25, thinGapMinTotal: 4 }
    expect(summarize(data(counts(10, 10, 10, 3), [], settings)).gaps).toEqual([])
    expect(summarize(data(counts(10, 10, 10, 2), [], settings)).gaps.map((g) => g.quadrant)).toEqual(['formal-solving'])
    expect(findGaps({ 'informal-discovery': { cards: [1] }, 'formal-discovery': { cards: [1] }, 'informal-solving': { cards: [1] }, 'formal-solving': { cards: [1] } }, 0.25, 8)).toEqual([])
  })
})

describe('votes (clamped by the limit rule)', () => {
  it('counts each voter up to the limit in card-id order, ignores deleted cards, and says what is left', () => {
    const cards = new Set(['c-a', 'c-b', 'c-c'])
    const votes: VoteEntry[] = [
      { voterId: 'u1', cardId: 'c-c', count: 2 },
      { voterId: 'u1', cardId: 'c-a', count: 2 },
      { voterId: 'u1', cardId: 'c-b', count: 1 }, // 5 stored by a racing or hostile client, limit 3
      { voterId: 'u2', cardId: 'c-gone', count: 3 }, // on a deleted card: counts nowhere
      { voterId: 'u2', cardId: 'c-c', count: 1 },
    ]
    const t = tallyVotes(votes, cards, 3)
    expect(Object.fromEntries(t.perCard)).toEqual({ 'c-a': 2, 'c-b': 1, 'c-c': 1 })
    expect(t.total).toBe(4)
    expect(t.perVoter.get('u1')).toEqual({ counted: 3, stored: 5, remaining: 0 })
    expect(t.perVoter.get('u2')).toEqual({ counted: 1, stored: 1, remaining: 2 })
    // The same votes in another order give the same result: no dependence on arrival order.
    expect(tallyVotes([...votes].reverse(), cards, 3)).toEqual(t)
    // Raising the limit lets stored votes count again; 0 closes voting.
    expect(tallyVotes(votes, cards, 10).total).toBe(6)
    expect(tallyVotes(votes, cards, 0).total).toBe(0)
  })

  it('adds votes to the summary per card and per quadrant', () => {
    const a = card(-0.5, 0.5)
    const b = card(0.5, -0.5)
    const s = summarize(
      data([a, b], [
        { voterId: 'u1', cardId: a.id, count: 2 },
        { voterId: 'u2', cardId: a.id, count: 1 },
        { voterId: 'u2', cardId: b.id, count: 1 },
      ]),
    )
    expect(s.votes.perCard.get(a.id)).toBe(3)
    expect(s.quadrants['informal-discovery'].votes).toBe(3)
    expect(s.quadrants['formal-solving'].votes).toBe(1)
    expect(s.votes.total).toBe(4)
  })
})

describe('plenary overlay', () => {
  it('contains every group’s cards, coloured by group, and a card whose group is gone', () => {
    const one = [card(-0.5, 0.5), card(0.5, -0.5)]
    const two = [card(0.5, 0.5, { groupId: 'g2' })]
    const orphan = card(-0.5, -0.5, { groupId: 'g-deleted' })
    const overlay = plenaryOverlay(data([...one, ...two, orphan]))
    expect(overlay.cards.map((c) => c.card)).toEqual([...one, ...two, orphan])
    expect(overlay.cards.map((c) => c.color)).toEqual(['#1f77b4', '#1f77b4', '#d62728', '#7f7f7f'])
    expect(overlay.legend.map((g) => [g.group?.name ?? null, g.cards.length])).toEqual([
      ['1班', 2],
      ['2班', 1],
      [null, 1],
    ])
    expect(overlay.summary.gaps).toEqual([])
  })
})
