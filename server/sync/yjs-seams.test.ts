import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dropPending, findStruct, isRootType, pendingBytes, structsInRange, typeLocation } from './yjs-seams.ts'

// These pin the Yjs internals the server reads. If one fails after a Yjs upgrade, fix the seam
// in yjs-seams.ts; nothing else reads them.
describe('Yjs seams', () => {
  it('sees and drops updates held for missing dependencies', () => {
    const source = new Y.Doc()
    source.getText('t').insert(0, 'abc')
    const sv = Y.encodeStateVector(source)
    source.getText('t').insert(3, 'd')
    const tail = Y.encodeStateAsUpdate(source, sv)
    const doc = new Y.Doc()
    expect(pendingBytes(doc)).toBe(0)
    Y.applyUpdate(doc, tail)
    expect(pendingBytes(doc)).toBeGreaterThan(0)
    dropPending(doc)
    expect(pendingBytes(doc)).toBe(0)
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(tail.byteLength)
  })

  it('finds integrated items, their root and nesting depth, and items in a clock range', () => {
    const doc = new Y.Doc()
    doc.clientID = 5
    const inner = new Y.Map<unknown>()
    doc.getMap('practices').set('card', inner)
    inner.set('x', 1)
    expect(typeLocation(doc, doc.getMap('practices') as unknown as Y.AbstractType<unknown>)).toEqual({ root: 'practices', depth: 0 })
    expect(typeLocation(doc, inner as unknown as Y.AbstractType<unknown>)).toEqual({ root: 'practices', depth: 1 })
    expect(isRootType(doc.getMap('practices') as unknown as Y.AbstractType<unknown>)).toBe(true)
    expect(isRootType(inner as unknown as Y.AbstractType<unknown>)).toBe(false)
    const item = findStruct(doc, 5, 1)
    expect(item).toBeInstanceOf(Y.Item)
    expect((item as Y.Item).parent).toBe(inner)
    expect(findStruct(doc, 5, 99)).toBeNull()
    expect(findStruct(doc, 6, 0)).toBeNull()
    expect([...structsInRange(doc, 5, 0, 2)].map((s) => s.id.clock)).toEqual([0, 1])
    expect([...structsInRange(doc, 5, 10, 2)]).toEqual([])
  })

  it('decodes updates into items that name a root by string, or a parent id, or only an origin', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const sv = Y.encodeStateVector(doc)
    doc.getMap('m').set('a', 2)
    const first = Y.decodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())).structs
    expect(first).toEqual([])
    const full = Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs as Y.Item[]
    expect(full[0].parent).toBe('m')
    const overwrite = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, sv)).structs as Y.Item[]
    expect(overwrite[0].parent).toBeNull()
    expect(overwrite[0].origin).toBeInstanceOf(Y.ID)
  })
})
