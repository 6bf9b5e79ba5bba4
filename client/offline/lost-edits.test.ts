import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addRecord, updateRecord } from '../../shared/model/ops'
import { LostEditTracker, type LostEdit } from './lost-edits'

/** A device: its doc, its tracker and what the tracker reported. */
function device(clientID: number) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const reported: LostEdit[] = []
  const tracker = new LostEditTracker(doc, (lost) => reported.push(...lost))
  tracker.setApart(false)
  return { doc, tracker, reported }
}

/** What the server does for one device: everything it is missing, applied as a remote update. */
function deliver(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')
}

function sharedActor() {
  const a = device(1)
  const b = device(2)
  const actor = addRecord(a.doc, 'actor', { name: '地域包括支援センター', level: '市区町村（委託・法人・事業所）', fields: ['高齢'], formal: true })
  deliver(a.doc, b.doc)
  return { a, b, id: actor.id }
}

const nameOf = (doc: Y.Doc, id: string) => (doc.getMap('actors').get(id) as Y.Map<unknown>).get('name')

describe('lost offline edits', () => {
  it('tells the participant whose offline rename lost to a concurrent one, with both values', () => {
    const { a, b, id } = sharedActor()
    a.tracker.setApart(true)
    b.tracker.setApart(true)
    updateRecord(a.doc, 'actor', id, { name: '包括（北部）' })
    updateRecord(b.doc, 'actor', id, { name: '北部包括' })
    // Both come back: each gets the other's edit in the sync exchange.
    deliver(b.doc, a.doc)
    deliver(a.doc, b.doc)
    a.tracker.setApart(false)
    b.tracker.setApart(false)

    const winner = nameOf(a.doc, id)
    expect(nameOf(b.doc, id)).toBe(winner)
    const [loser, kept] = winner === '北部包括' ? [a, b] : [b, a]
    const lostValue = winner === '北部包括' ? '包括（北部）' : '北部包括'
    expect(loser.reported).toEqual([
      { kind: 'actor', recordId: id, field: 'name', recordName: winner, mine: lostValue, theirs: winner },
    ])
    expect(kept.reported).toEqual([])
  })

  it('also tells the one who came back first, when a colleague who was offline too comes back later and wins', () => {
    // Run both orders, so that the device that reconnects first is once the winner and once the loser.
    const outcomes = new Set<string>()
    for (const [firstId, laterId] of [
      [1, 2],
      [2, 1],
    ]) {
      const first = device(firstId)
      const later = device(laterId)
      const server = new Y.Doc()
      const actor = addRecord(first.doc, 'actor', { name: '社協', level: '市区町村（委託・法人・事業所）', fields: ['高齢'], formal: true })
      deliver(first.doc, later.doc)
      deliver(first.doc, server)
      first.tracker.setApart(true)
      later.tracker.setApart(true)
      updateRecord(first.doc, 'actor', actor.id, { name: '社協（CSW）' })
      updateRecord(later.doc, 'actor', actor.id, { name: '社会福祉協議会' })

      // `first` reconnects: the server has nothing new, its rename stands.
      deliver(first.doc, server)
      deliver(server, first.doc)
      first.tracker.setApart(false)
      expect(first.reported).toEqual([])

      // `later` reconnects; the server passes its rename on to `first`.
      deliver(later.doc, server)
      deliver(server, later.doc)
      later.tracker.setApart(false)
      deliver(server, first.doc)

      const winner = nameOf(server, actor.id)
      const loser = winner === '社協（CSW）' ? later : first
      const other = loser === first ? later : first
      expect(loser.reported.map((l) => [l.mine, l.theirs])).toEqual([[loser === first ? '社協（CSW）' : '社会福祉協議会', winner]])
      expect(other.reported).toEqual([])
      outcomes.add(loser === first ? 'first lost' : 'later lost')
    }
    expect(outcomes).toEqual(new Set(['first lost', 'later lost']))
  })

  it('says nothing when a colleague changes the field after seeing the offline edit', () => {
    const { a, b, id } = sharedActor()
    a.tracker.setApart(true)
    updateRecord(a.doc, 'actor', id, { name: '包括（北部）' })
    deliver(a.doc, b.doc)
    a.tracker.setApart(false)
    updateRecord(b.doc, 'actor', id, { name: '北部地域包括支援センター' })
    deliver(b.doc, a.doc)
    expect(nameOf(a.doc, id)).toBe('北部地域包括支援センター')
    expect(a.reported).toEqual([])
    expect(a.tracker.pendingCount).toBe(0)
  })

  it('says nothing for different fields of the same card, or edits made while connected', () => {
    const { a, b, id } = sharedActor()
    a.tracker.setApart(true)
    b.tracker.setApart(true)
    updateRecord(a.doc, 'actor', id, { name: '包括（北部）' })
    updateRecord(b.doc, 'actor', id, { note: '月1回の連絡会' })
    deliver(b.doc, a.doc)
    deliver(a.doc, b.doc)
    a.tracker.setApart(false)
    b.tracker.setApart(false)
    expect(a.reported).toEqual([])
    expect(b.reported).toEqual([])

    // Connected: the last write wins in plain sight, as in any shared document.
    updateRecord(a.doc, 'actor', id, { note: 'A' })
    updateRecord(b.doc, 'actor', id, { note: 'B' })
    deliver(b.doc, a.doc)
    deliver(a.doc, b.doc)
    expect(a.reported).toEqual([])
    expect(b.reported).toEqual([])
  })

  it('reports a lost edit once', () => {
    const { a, b, id } = sharedActor()
    a.tracker.setApart(true)
    b.tracker.setApart(true)
    updateRecord(a.doc, 'actor', id, { name: 'A案' })
    updateRecord(b.doc, 'actor', id, { name: 'B案' })
    deliver(b.doc, a.doc)
    deliver(a.doc, b.doc)
    for (let i = 0; i < 2; i++) {
      a.tracker.setApart(true)
      a.tracker.setApart(false)
      b.tracker.setApart(true)
      b.tracker.setApart(false)
    }
    expect(a.reported.length + b.reported.length).toBe(1)
  })
})
