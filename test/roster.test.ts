import { describe, expect, it } from 'vitest'
import { groupByOrg, orgsPresent, rosterFrom, sameRoster } from '../client/room/roster'

const user = (name: string, org: string, color = '#123456') => ({ user: { id: `u-${name}`, name, org, color } })
const cursorAt = (x: number) => ({ presence: { cursor: { x, y: 0 } } })

describe('the roster of a plenary', () => {
  it('lists people with a name, yourself first, then in Japanese order', () => {
    const states = new Map<number, unknown>([
      [3, user('山田', '福祉総務課')],
      [1, user('安藤', '地域包括支援センター')],
      [2, { presence: cursorAt(1) }], // no profile yet: not listed
      [9, user('佐藤', '社協')],
    ])
    const list = rosterFrom(states, 9)
    expect(list.map((p) => p.name)).toEqual(['佐藤', '安藤', '山田'])
    expect(list[0].isSelf).toBe(true)
  })

  it('does not change when only cursors move, so views do not re-render 20 times a second', () => {
    const before = rosterFrom(new Map([[1, { ...user('山田', '福祉総務課'), ...cursorAt(1) }]]), 0)
    const after = rosterFrom(new Map([[1, { ...user('山田', '福祉総務課'), ...cursorAt(2) }]]), 0)
    expect(sameRoster(before, after)).toBe(true)
  })

  it('changes when someone joins, leaves or edits their 所属', () => {
    const base = rosterFrom(new Map([[1, user('山田', '福祉総務課')]]), 0)
    expect(sameRoster(base, rosterFrom(new Map([[1, user('山田', '福祉総務課')], [2, user('佐藤', '社協')]]), 0))).toBe(false)
    expect(sameRoster(base, rosterFrom(new Map(), 0))).toBe(false)
    expect(sameRoster(base, rosterFrom(new Map([[1, user('山田', '障害福祉課')]]), 0))).toBe(false)
  })

  it('groups 200 people by 所属 with counts, largest first, no 所属 last', () => {
    const orgs = ['福祉総務課', '社協', '地域包括支援センター', '']
    const states = new Map<number, unknown>(
      Array.from({ length: 200 }, (_, i) => [i + 1, user(`参加者${i}`, orgs[i % 7 === 0 ? 3 : i % 3])] as [number, unknown]),
    )
    const groups = groupByOrg(rosterFrom(states, 1))
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(200)
    expect(groups.at(-1)?.org).toBe('')
    const named = groups.slice(0, -1).map((g) => g.members.length)
    expect(named).toEqual([...named].sort((a, b) => b - a))
    expect(orgsPresent(rosterFrom(states, 1)).sort()).toEqual(['地域包括支援センター', '福祉総務課', '社協'].sort())
  })
})
