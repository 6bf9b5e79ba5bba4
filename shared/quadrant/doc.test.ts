import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addRecord } from '../model/ops.ts'
import { groupsMap, practicesMap, quadrantTypes, readQuadrant, settingsMap, votesMap } from './doc.ts'
import {
  addPractice,
  addReferencePractices,
  createGroup,
  deleteGroup,
  deletePractice,
  movePractice,
  QuadrantValidationError,
  setVoteLimit,
  unvote,
  updatePractice,
  vote,
  VoteLimitError,
} from './ops.ts'
import { summarize } from './summary.ts'

const practice = { text: '見守り訪問で気になる世帯を把握する', authorName: '佐藤', authorOrg: '社会福祉協議会', x: -0.5, y: 0.5 }

function room() {
  const doc = new Y.Doc()
  const group = createGroup(doc, { name: '1班' })
  return { doc, group }
}

/** Two peers kept in sync the way providers do it: each update is sent to the other. */
function connectedPair() {
  const one = new Y.Doc()
  const two = new Y.Doc()
  one.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(two, update, 'remote'))
  two.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(one, update, 'remote'))
  return { one, two }
}

/** Brings two peers that were offline from each other together, both ways. */
function merge(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

describe('practice cards', () => {
  it('validates with Japanese messages naming the field', () => {
    const { doc, group } = room()
    const cases: [object, RegExp][] = [
      [{ text: '' }, /^取組: 取組を入力してください/],
      [{ text: 'あ'.repeat(301) }, /^取組: 300文字以内/],
      [{ x: 1.5 }, /^横軸（インフォーマル／フォーマル）: -1から1/],
      [{ y: 'top' }, /^縦軸（発見と把握／課題解決と予防）: 数値/],
      [{ authorOrg: '' }, /^所属: 所属を入力してください/],
      [{ refGroup: '4' }, /^参考事例の分類: /],
      [{ clientName: '山田' }, /使えない項目があります: clientName/],
    ]
    for (const [patch, message] of cases) {
      expect(() => addPractice(doc, { ...practice, groupId: group.id, ...patch } as never)).toThrow(message)
    }
    expect(() => addPractice(doc, { ...practice, groupId: 'g-nowhere' })).toThrow(/グループが見つかりません/)
    const long = addPractice(doc, { ...practice, text: 'あ'.repeat(300), groupId: group.id })
    expect(long.text).toHaveLength(300)
    expect(() => addPractice(doc, { ...practice, id: long.id, groupId: group.id })).toThrow('このIDのカードはすでにあります')
    expect(readQuadrant(doc).data.practices).toHaveLength(1)
  })

  it('moves a card in one transaction, brought back inside the diagram, and edits fields', () => {
    const { doc, group } = room()
    const card = addPractice(doc, { ...practice, groupId: group.id })
    let transactions = 0
    doc.on('afterTransaction', () => (transactions += 1))
    expect(movePractice(doc, card.id, 1.4, -0.123456)).toEqual({ x: 1, y: -0.1235 })
    expect(transactions).toBe(1)
    expect(() => movePractice(doc, card.id, Number.NaN, 0)).toThrow(QuadrantValidationError)
    updatePractice(doc, card.id, { text: '  見守り訪問  ', refGroup: '1', authorName: '' })
    const read = readQuadrant(doc).data.practices[0]
    expect(read).toMatchObject({ text: '見守り訪問', refGroup: '1', authorName: '', x: 1, y: -0.1235 })
    updatePractice(doc, card.id, { refGroup: undefined })
    expect(readQuadrant(doc).data.practices[0].refGroup).toBeUndefined()
    expect(() => updatePractice(doc, card.id, { groupId: 'g-nowhere' })).toThrow(/グループが見つかりません/)
    deletePractice(doc, card.id)
    expect(() => movePractice(doc, card.id, 0, 0)).toThrow('このカードはすでに削除されています')
  })

  it('keeps a move and a text edit made at the same time by two peers', () => {
    const one = new Y.Doc()
    const group = createGroup(one, { name: '1班' })
    const card = addPractice(one, { ...practice, groupId: group.id })
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    movePractice(one, card.id, 0.6, -0.4)
    updatePractice(two, card.id, { text: '見守り訪問（月2回）' })
    merge(one, two)
    for (const doc of [one, two]) expect(readQuadrant(doc).data.practices[0]).toMatchObject({ x: 0.6, y: -0.4, text: '見守り訪問（月2回）' })
  })

  it('reports and skips what a buggy peer synced, and keeps cards whose group or actors are gone', () => {
    const { doc, group } = room()
    const actor = addRecord(doc, 'actor', { name: '地域包括支援センター', level: '地域', fields: ['高齢'], formal: true })
    const good = addPractice(doc, { ...practice, groupId: group.id, actorIds: [actor.id, 'a-removed'] })
    doc.transact(() => {
      const broken = new Y.Map<unknown>()
      practicesMap(doc).set('q-broken', broken)
      broken.set('text', 42)
      const orphan = new Y.Map<unknown>()
      practicesMap(doc).set('q-orphan', orphan)
      for (const [k, v] of Object.entries({ ...practice, groupId: 'g-deleted', createdAt: '2025-01-01T00:00:00.000Z' })) orphan.set(k, v)
      ;(groupsMap(doc) as unknown as Y.Map<unknown>).set('g-junk', 'not a group')
      const votes = new Y.Map<number>()
      votesMap(doc).set('u1', votes)
      votes.set(good.id, 1.5)
      votes.set('q-orphan', 1)
      settingsMap(doc).set('voteLimit', -3)
      settingsMap(doc).set('thinGapRatio', 0.3)
      settingsMap(doc).set('color', 'red')
    })
    const { data, problems } = readQuadrant(doc)
    expect(data.practices.map((p) => p.id).sort()).toEqual([good.id, 'q-orphan'].sort())
    expect(data.practices.find((p) => p.id === good.id)!.actorIds).toEqual([actor.id])
    expect(data.votes).toEqual([{ voterId: 'u1', cardId: 'q-orphan', count: 1 }])
    expect(data.settings).toMatchObject({ voteLimit: 3, thinGapRatio: 0.3 })
    const byId = Object.fromEntries(problems.map((p) => [p.id, p.message]))
    expect(Object.keys(byId).sort()).toEqual(['color', 'g-junk', good.id, 'q-broken', 'q-orphan', `u1/${good.id}`, 'voteLimit'].sort())
    expect(byId['q-orphan']).toMatch(/グループが見つかりません（g-deleted）/)
    expect(byId[good.id]).toMatch(/a-removed/)
    expect(byId['q-broken']).toMatch(/^取組: /)
    expect(byId[`u1/${good.id}`]).toMatch(/^票数: /)
    expect(byId.voteLimit).toMatch(/^1人あたりの票数: /)
    const english = Object.fromEntries(problems.map((p) => [p.id, p.messageEn]))
    expect(english['q-orphan']).toBe('The card’s group was not found (g-deleted). Please choose the group again.')
    expect(english[good.id]).toBe('These agencies are no longer on the map: a-removed.')
    expect(english['q-broken']).toMatch(/^Practice: /)
    expect(english.color).toBe('Unknown setting: color.')
  })
})

describe('reference deck and groups', () => {
  it('adds the 17 reference practices once per group, at their reference positions', () => {
    const { doc, group } = room()
    const added = addReferencePractices(doc, group.id)
    expect(added).toHaveLength(17)
    expect(addReferencePractices(doc, group.id)).toEqual([])
    const { data } = readQuadrant(doc)
    expect(data.practices.map((p) => p.referenceNo)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
    expect(data.practices[0]).toMatchObject({ referenceNo: 1, x: -0.35, y: 0.75, refGroup: '1', authorOrg: '' })
    const other = createGroup(doc, { name: '2班' })
    expect(addReferencePractices(doc, other.id, { nos: [6, 17] }).map((p) => p.referenceNo)).toEqual([6, 17])
    expect(summarize(readQuadrant(doc).data).byRefGroup['3']).toHaveLength(5 + 1)
  })

  it('ends with one deck when two facilitators add it at the same moment', () => {
    const one = new Y.Doc()
    const group = createGroup(one, { name: '1班' })
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    addReferencePractices(one, group.id)
    addReferencePractices(two, group.id)
    merge(one, two)
    expect(readQuadrant(one).data.practices).toHaveLength(17)
    expect(readQuadrant(two).data.practices).toHaveLength(17)
  })

  it('creates groups with the next colour and order, and never deletes cards with a group', () => {
    const doc = new Y.Doc()
    const a = createGroup(doc, { name: '1班' })
    const b = createGroup(doc, { name: '2班' })
    expect([a.order, b.order]).toEqual([0, 1])
    expect(a.color).not.toBe(b.color)
    expect(() => createGroup(doc, { name: '' })).toThrow(/^グループ名: /)
    const card = addPractice(doc, { ...practice, groupId: a.id })
    expect(() => deleteGroup(doc, a.id)).toThrow('このグループには1枚のカードがあります。移動先のグループを選んでください')
    deleteGroup(doc, a.id, { moveCardsTo: b.id })
    const { data, problems } = readQuadrant(doc)
    expect(data.groups.map((g) => g.id)).toEqual([b.id])
    expect(data.practices[0]).toMatchObject({ id: card.id, groupId: b.id })
    expect(problems).toEqual([])
  })
})

describe('two peers', () => {
  it('moving a card across an axis on one peer changes the summary on the other', () => {
    const { one, two } = connectedPair()
    const group = createGroup(one, { name: '1班' })
    const card = addPractice(one, { ...practice, groupId: group.id, x: -0.5, y: 0.5 })
    const before = summarize(readQuadrant(two).data)
    expect(before.quadrants['informal-discovery'].cards.map((c) => c.id)).toEqual([card.id])
    expect(before.gaps.map((g) => g.quadrant)).toEqual(['formal-discovery', 'informal-solving', 'formal-solving'])

    movePractice(one, card.id, 0.4, 0.5) // across the vertical axis: informal → formal
    const after = summarize(readQuadrant(two).data)
    expect(after.quadrants['informal-discovery'].cards).toEqual([])
    expect(after.quadrants['formal-discovery'].cards.map((c) => c.id)).toEqual([card.id])
    expect(after.gaps.map((g) => g.quadrant)).toEqual(['informal-discovery', 'informal-solving', 'formal-solving'])

    movePractice(two, card.id, 0, 0.5) // onto the axis, from the other peer
    expect(summarize(readQuadrant(one).data).onAxis.map((c) => c.id)).toEqual([card.id])
  })
})

describe('votes', () => {
  function votingRoom(limit = 3) {
    const { doc, group } = room()
    const cards = ['a', 'b', 'c', 'd'].map((id) => addPractice(doc, { ...practice, id: `q-${id}`, groupId: group.id }))
    setVoteLimit(doc, limit)
    return { doc, cards }
  }

  it('refuses a vote over the limit with a Japanese message, and unvote frees it', () => {
    const { doc, cards } = votingRoom(3)
    expect(vote(doc, 'u1', cards[0].id)).toBe(1)
    expect(vote(doc, 'u1', cards[0].id)).toBe(2)
    vote(doc, 'u1', cards[1].id)
    let error: unknown
    try {
      vote(doc, 'u1', cards[2].id)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(VoteLimitError)
    expect((error as VoteLimitError).message).toBe('投票できるのは1人3票までです（3票使用済み）。ほかのカードの票を取り消してから投票してください')
    expect(error).toMatchObject({ limit: 3, used: 3, key: 'voteLimit', params: { limit: 3, used: 3 } })
    expect((error as VoteLimitError).messageIn('en')).toBe('You have used all your votes (3 of 3 per person). Take back a vote on another card first.')
    vote(doc, 'u2', cards[2].id) // another participant has their own budget
    expect(unvote(doc, 'u1', cards[0].id)).toBe(true)
    expect(unvote(doc, 'u1', cards[3].id)).toBe(false)
    vote(doc, 'u1', cards[2].id)
    const s = summarize(readQuadrant(doc).data)
    expect(Object.fromEntries(s.votes.perCard)).toEqual({ 'q-a': 1, 'q-b': 1, 'q-c': 2 })
    expect(s.votes.perVoter.get('u1')).toEqual({ counted: 3, stored: 3, remaining: 0 })
    expect(() => vote(doc, 'u1', 'q-gone')).toThrow('このカードはすでに削除されています')
    expect(() => vote(doc, 'u 1', cards[0].id)).toThrow(/^投票者: /)
  })

  it('lets the facilitator set the limit: 0 closes voting, a lowered limit clamps, invalid values are refused', () => {
    const { doc, cards } = votingRoom(3)
    for (const c of cards.slice(0, 3)) vote(doc, 'u1', c.id)
    setVoteLimit(doc, 2)
    expect(summarize(readQuadrant(doc).data).votes.perVoter.get('u1')).toEqual({ counted: 2, stored: 3, remaining: 0 })
    setVoteLimit(doc, 0)
    expect(() => vote(doc, 'u2', cards[0].id)).toThrow('現在は投票できません（ファシリテーターが票数を0にしています）')
    expect(() => setVoteLimit(doc, -1)).toThrow(/^1人あたりの票数: 0以上/)
    expect(() => setVoteLimit(doc, 1.5)).toThrow(/^1人あたりの票数: 整数/)
    const refusals = [() => vote(doc, 'u2', cards[0].id), () => setVoteLimit(doc, -1), () => setVoteLimit(doc, 1.5)].map((act) => {
      try {
        act()
      } catch (error) {
        return (error as QuadrantValidationError).messageIn('en')
      }
    })
    expect(refusals).toEqual([
      'Voting is closed (the facilitator has set the number of votes to 0).',
      'Votes per person: Use a value of 0 or more.',
      'Votes per person: Use a whole number.',
    ])
    expect(readQuadrant(doc).data.settings.voteLimit).toBe(0)
  })

  it('cannot exceed the limit after merge when the same voter votes from two devices at once', () => {
    const one = new Y.Doc()
    const group = createGroup(one, { name: '1班' })
    for (const id of ['a', 'b', 'c', 'd']) addPractice(one, { ...practice, id: `q-${id}`, groupId: group.id })
    setVoteLimit(one, 3)
    vote(one, 'u1', 'q-a') // the voter's map exists on both devices before they go offline
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))

    // Offline from each other: each device sees 1 vote used and allows 2 more.
    vote(one, 'u1', 'q-b')
    vote(one, 'u1', 'q-c')
    vote(two, 'u1', 'q-d')
    vote(two, 'u1', 'q-a')
    merge(one, two)

    const summaries = [one, two].map((doc) => summarize(readQuadrant(doc).data))
    for (const s of summaries) {
      expect(s.votes.perVoter.get('u1')!.counted).toBe(3)
      expect(s.votes.total).toBe(3)
      expect(s.votes.perVoter.get('u1')!.remaining).toBe(0)
    }
    // Both peers count the same votes: card-id order, whoever's update came first.
    expect(Object.fromEntries(summaries[0].votes.perCard)).toEqual(Object.fromEntries(summaries[1].votes.perCard))
    expect(() => vote(one, 'u1', 'q-d')).toThrow(VoteLimitError)
  })

  it('cannot exceed the limit when both devices cast the voter’s very first votes, or vote the same card', () => {
    const one = new Y.Doc()
    const group = createGroup(one, { name: '1班' })
    for (const id of ['a', 'b', 'c']) addPractice(one, { ...practice, id: `q-${id}`, groupId: group.id })
    setVoteLimit(one, 2)
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    vote(one, 'u1', 'q-a')
    vote(one, 'u1', 'q-b')
    vote(two, 'u1', 'q-b')
    vote(two, 'u1', 'q-c')
    merge(one, two)
    for (const doc of [one, two]) {
      const s = summarize(readQuadrant(doc).data)
      expect(s.votes.perVoter.get('u1')!.counted).toBeLessThanOrEqual(2)
      expect(s.votes.total).toBeLessThanOrEqual(2)
    }
  })

  it('a hostile peer writing many votes is clamped on every reader', () => {
    const { doc, cards } = votingRoom(3)
    doc.transact(() => {
      const mine = new Y.Map<number>()
      votesMap(doc).set('u-evil', mine)
      for (const c of cards) mine.set(c.id, 50)
    })
    const s = summarize(readQuadrant(doc).data)
    expect(s.votes.total).toBe(3)
    expect(Object.fromEntries(s.votes.perCard)).toEqual({ 'q-a': 3 })
  })

  it('votes on a deleted card count nowhere, and come back with the card on undo', () => {
    const { doc, cards } = votingRoom(3)
    const undo = new Y.UndoManager(quadrantTypes(doc), { trackedOrigins: new Set(['me']) })
    vote(doc, 'u1', cards[0].id)
    vote(doc, 'u1', cards[0].id)
    deletePractice(doc, cards[0].id, 'me')
    let s = summarize(readQuadrant(doc).data)
    expect(s.votes.total).toBe(0)
    expect(s.votes.perVoter.get('u1')).toBeUndefined()
    vote(doc, 'u1', cards[1].id) // the budget is free again
    undo.undo()
    s = summarize(readQuadrant(doc).data)
    expect(readQuadrant(doc).data.practices).toHaveLength(4)
    expect(Object.fromEntries(s.votes.perCard)).toEqual({ 'q-a': 2, 'q-b': 1 })
  })
})
