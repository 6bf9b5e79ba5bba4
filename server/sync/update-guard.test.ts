import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { facilitatorOnlyRoots } from '../../shared/doc-access.ts'
import { settingsMap } from '../../shared/quadrant/doc.ts'
import { deepValueUpdate } from '../../test/support/hostile-frames.ts'
import { checkUpdate, MAX_TYPE_DEPTH, MAX_VALUE_DEPTH, storedUpdateProblem } from './update-guard.ts'

/** The update a client's change produces, relative to what the server has. */
function changeOf(server: Y.Doc, change: (doc: Y.Doc) => void, clientID = 77): Uint8Array {
  const client = new Y.Doc()
  client.clientID = clientID
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, before)
}

const editLink = { restrictedRoots: facilitatorOnlyRoots }

describe('update guard', () => {
  it('accepts ordinary edits, and says when an update changes nothing', () => {
    const server = new Y.Doc()
    expect(checkUpdate(server, changeOf(server, (d) => d.getMap('tldraw').set('shape:1', { props: { richText: { type: 'doc', content: [{ type: 'paragraph' }] } } })), editLink)).toEqual({ ok: true, empty: false })
    expect(checkUpdate(server, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ ok: true, empty: true })
  })

  it('refuses garbage as invalid', () => {
    expect(checkUpdate(new Y.Doc(), new Uint8Array([1, 2, 3, 4, 5]))).toMatchObject({ ok: false, kind: 'invalid' })
  })

  it(`refuses values nested deeper than ${MAX_VALUE_DEPTH} (the 5,000-deep array that bricked a room)`, () => {
    const server = new Y.Doc()
    expect(checkUpdate(server, deepValueUpdate(MAX_VALUE_DEPTH))).toMatchObject({ ok: true })
    expect(checkUpdate(server, deepValueUpdate(MAX_VALUE_DEPTH + 1))).toMatchObject({ ok: false, kind: 'invalid' })
    expect(checkUpdate(server, deepValueUpdate(5_000))).toMatchObject({ ok: false, kind: 'invalid' })
    // 5,000 deep overflows Yjs' own reader here: refused either way.
    expect(storedUpdateProblem(deepValueUpdate(5_000))).toMatch(/nested deeper|undecodable/)
    expect(storedUpdateProblem(deepValueUpdate(200))).toMatch(/nested deeper/)
    expect(storedUpdateProblem(deepValueUpdate(3))).toBeNull()
  })

  it(`refuses shared types nested deeper than ${MAX_TYPE_DEPTH}, also when the chain starts in the room`, () => {
    const server = new Y.Doc()
    const nest = (doc: Y.Doc, levels: number) => {
      let map = doc.getMap<unknown>('practices')
      for (let i = 0; i < levels; i++) {
        const inner = new Y.Map<unknown>()
        map.set('child', inner)
        map = inner
      }
    }
    expect(checkUpdate(server, changeOf(server, (d) => nest(d, MAX_TYPE_DEPTH)))).toMatchObject({ ok: true })
    expect(checkUpdate(server, changeOf(server, (d) => nest(d, MAX_TYPE_DEPTH + 1)))).toMatchObject({ ok: false, kind: 'invalid' })
    // Half the chain already stored, half in the update.
    Y.applyUpdate(server, changeOf(server, (d) => nest(d, 5)))
    const deeper = changeOf(server, (d) => {
      let map = d.getMap('practices') as Y.Map<unknown>
      while (map.get('child') instanceof Y.Map) map = map.get('child') as Y.Map<unknown>
      for (let i = 0; i < 5; i++) {
        const inner = new Y.Map<unknown>()
        map.set('child', inner)
        map = inner
      }
    })
    expect(checkUpdate(server, deeper)).toMatchObject({ ok: false, kind: 'invalid' })
  })

  it('refuses subdocuments', () => {
    const server = new Y.Doc()
    expect(checkUpdate(server, changeOf(server, (d) => d.getMap('m').set('sub', new Y.Doc())))).toMatchObject({ ok: false, kind: 'invalid' })
  })

  it('flags an edit link setting, overwriting or deleting facilitator-only settings, and not a facilitator', () => {
    const server = new Y.Doc()
    const set = changeOf(server, (d) => settingsMap(d).set('voteLimit', 99))
    expect(checkUpdate(server, set, editLink)).toEqual({ ok: true, empty: false, restricted: true })
    expect(checkUpdate(server, set)).toEqual({ ok: true, empty: false })
    Y.applyUpdate(server, set)
    // Overwriting an existing key: the new item names only its origin, not the map.
    const overwrite = changeOf(server, (d) => settingsMap(d).set('voteLimit', 0))
    expect(checkUpdate(server, overwrite, editLink)).toMatchObject({ ok: true, restricted: true })
    const remove = changeOf(server, (d) => settingsMap(d).delete('voteLimit'))
    expect(checkUpdate(server, remove, editLink)).toMatchObject({ ok: true, restricted: true })
    // …while the rest of the room is the edit link's to change.
    expect(checkUpdate(server, changeOf(server, (d) => d.getMap('votes').set('u1', new Y.Map())), editLink)).toEqual({ ok: true, empty: false })
  })

  it('refuses from an edit link an item whose place depends on state the room does not have', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    client.getText('t').insert(0, 'abc')
    const sv = Y.encodeStateVector(client)
    client.getText('t').insert(3, 'd')
    const tail = Y.encodeStateAsUpdate(client, sv)
    expect(checkUpdate(server, tail, editLink)).toMatchObject({ ok: false, kind: 'forbidden' })
    // A facilitator's is held by Yjs (bounded by the room).
    expect(checkUpdate(server, tail)).toMatchObject({ ok: true })
  })

  it('resolves a long chain of typed text without recursion', () => {
    const server = new Y.Doc()
    const update = changeOf(server, (d) => {
      const t = d.getText('note')
      for (let i = 0; i < 20_000; i++) t.insert(i, 'あ')
    })
    expect(checkUpdate(server, update, editLink)).toMatchObject({ ok: true })
  })

  it('counts the records an update deletes, for versions before bulk deletions', () => {
    const server = new Y.Doc()
    Y.applyUpdate(
      server,
      changeOf(server, (d) => {
        for (let i = 0; i < 6; i++) d.getMap('actors').set(`a-${i}`, new Y.Map<unknown>([['name', `機関${i}`]]))
        d.getMap('tldraw').set('shape:x', { x: 1 })
      }),
    )
    const records = { recordRoots: new Set(['actors', 'relations']) }
    const deleted = (change: (d: Y.Doc) => void) => {
      const verdict = checkUpdate(server, changeOf(server, change), records)
      return verdict.ok ? (verdict.deletedRecords ?? 0) : -1
    }
    expect(deleted((d) => [0, 1, 2, 3, 4].forEach((i) => d.getMap('actors').delete(`a-${i}`)))).toBe(5)
    // Overwriting a record, editing inside one or deleting a drawing removes no record.
    expect(deleted((d) => d.getMap('actors').set('a-0', new Y.Map<unknown>([['name', '置き換え']])))).toBe(0)
    expect(deleted((d) => (d.getMap('actors').get('a-1') as Y.Map<unknown>).delete('name'))).toBe(0)
    expect(deleted((d) => d.getMap('tldraw').delete('shape:x'))).toBe(0)
    // Overwriting records with something that is not a record removes them.
    expect(deleted((d) => [0, 1, 2, 3].forEach((i) => d.getMap('actors').set(`a-${i}`, null)))).toBe(4)
    expect(checkUpdate(server, changeOf(server, (d) => d.getMap('actors').delete('a-5')), records)).toMatchObject({ deletedRecords: 1 })
    expect(checkUpdate(server, changeOf(server, (d) => d.getMap('actors').delete('a-0')))).toEqual({ ok: true, empty: false })
  })
})
