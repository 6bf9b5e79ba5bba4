import { describe, expect, it } from 'vitest'
import { orgsPresent, rosterFrom, sameRoster } from './roster'

const user = (name: string, org: string, viewer?: boolean) => ({ user: { id: `u-${name}`, name, org, color: '#123456', ...(viewer === undefined ? {} : { viewer }) } })

describe('who attends a meeting', () => {
  it('leaves view links out of the attendees and the departments expected, but lists them as present', () => {
    const states = new Map<number, unknown>([
      [1, user('安藤', '地域包括支援センター')],
      [2, user('見学者', '県庁', true)],
      [3, user('山田', '福祉総務課', false)],
    ])
    const list = rosterFrom(states, 1)
    expect(list.map((p) => p.name).sort()).toEqual(['安藤', '山田', '見学者'].sort())
    expect(orgsPresent(list)).toEqual(['地域包括支援センター', '福祉総務課'])
  })

  it('sees a participant switch to a view link as a roster change', () => {
    const before = rosterFrom(new Map([[2, user('見学者', '県庁')]]), 1)
    const after = rosterFrom(new Map([[2, user('見学者', '県庁', true)]]), 1)
    expect(sameRoster(before, after)).toBe(false)
  })
})
