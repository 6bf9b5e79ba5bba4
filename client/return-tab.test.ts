import { describe, expect, it } from 'vitest'
import { parsePrintQuery, printPath } from './print/print-data'
import { roomPath, tabFromSearch, withoutTab } from './return-tab'

describe('coming back to the tab a page was opened from', () => {
  it('opens the plan tab again after printing the plan from it', () => {
    const print = printPath('room 1', { doc: 'plan', recordId: null, includePersons: false, from: 'plan' })
    expect(print).toBe('/r/room%201/print?doc=plan&persons=0&from=plan')
    const back = roomPath('room 1', parsePrintQuery(print.slice(print.indexOf('?'))).from)
    expect(back).toBe('/r/room%201?tab=plan')
    expect(tabFromSearch(back.slice(back.indexOf('?')))).toBe('plan')
  })

  it('goes to the board when the page was not opened from a tab, or names an unknown one', () => {
    expect(parsePrintQuery('?doc=plan').from).toBeNull()
    expect(parsePrintQuery('?doc=plan&from=admin').from).toBeNull()
    expect(roomPath('r', null)).toBe('/r/r')
    expect(roomPath('r', 'board')).toBe('/r/r')
    expect(tabFromSearch('?tab=settings')).toBeNull()
  })

  it('takes the tab off the address once read, keeping the link’s key', () => {
    expect(withoutTab('http://localhost/r/abc?tab=plan#k=secret')).toBe('/r/abc#k=secret')
    expect(withoutTab('http://localhost/r/abc?x=1&tab=plan')).toBe('/r/abc?x=1')
  })
})
