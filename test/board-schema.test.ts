/**
 * Boards outlive app upgrades: a room's tldraw records are stored with tldraw's schema version,
 * older records are migrated when the board opens (not dropped as invalid), and a board stored
 * by a newer version is recognised so that an old tab never writes into it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLRecord } from 'tldraw'
import { bindStoreToYjs, getTldrawMap } from '../client/board/yjs-store-binding'
import { getSchemaMap, schemaStatus, storedSchema } from '../client/board/board-schema'

const newStore = () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
const NOTE_ID = 'shape:note1'

/** The schema of this version, with the sticky note's props one version before rich text. */
function olderSchema(store = newStore()) {
  const schema = store.schema.serialize()
  return { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 8 } }
}

/** A sticky note as tldraw 2.x–3.x stored it: plain `text`, no rich text. */
const oldNote = {
  id: NOTE_ID,
  typeName: 'shape',
  type: 'note',
  x: 100,
  y: 100,
  rotation: 0,
  index: 'a1',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  meta: {},
  props: {
    color: 'yellow',
    labelColor: 'black',
    size: 'm',
    font: 'draw',
    fontSizeAdjustment: 0,
    align: 'middle',
    verticalAlign: 'middle',
    growY: 0,
    url: '',
    text: '民生委員と見守り訪問',
    scale: 1,
  },
}

function roomDoc(records: object[], schema: object | null): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    const map = getTldrawMap(doc)
    map.set('document:document', { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as unknown as TLRecord)
    map.set('page:page', { id: 'page:page', typeName: 'page', name: 'ページ1', index: 'a1', meta: {} } as unknown as TLRecord)
    for (const r of records) map.set((r as { id: string }).id, r as TLRecord)
    if (schema) getSchemaMap(doc).set('schema', schema)
  })
  return doc
}

const textOf = (record: unknown) =>
  JSON.stringify((record as { props: { richText?: unknown } }).props.richText ?? null)

describe('board records across app upgrades', () => {
  it('migrates a board stored by an older version and writes it back in the current format', () => {
    const store = newStore()
    const doc = roomDoc([structuredClone(oldNote)], olderSchema(store))
    expect(schemaStatus(store, storedSchema(doc)).kind).toBe('older')

    const binding = bindStoreToYjs({ store, doc, readOnly: false, defaultPageName: 'ページ1' })
    const shown = store.get(NOTE_ID as TLRecord['id'])
    expect(shown, 'the old sticky note is on the board, not skipped').toBeDefined()
    expect(textOf(shown)).toContain('民生委員と見守り訪問')

    const stored = getTldrawMap(doc).get(NOTE_ID) as unknown as { props: Record<string, unknown> }
    expect(stored.props.text).toBeUndefined()
    expect(textOf(stored)).toContain('民生委員と見守り訪問')
    expect(storedSchema(doc)).toEqual(store.schema.serialize())
    expect(schemaStatus(newStore(), storedSchema(doc)).kind).toBe('current')
    binding.dispose()
  })

  it('lets a view-only participant read an older board without writing anything', () => {
    const store = newStore()
    const doc = roomDoc([structuredClone(oldNote)], olderSchema(store))
    let updates = 0
    doc.on('update', () => updates++)
    const binding = bindStoreToYjs({ store, doc, readOnly: true, defaultPageName: 'ページ1' })
    expect(textOf(store.get(NOTE_ID as TLRecord['id']))).toContain('民生委員と見守り訪問')
    expect(updates).toBe(0)
    expect(storedSchema(doc)).toEqual(olderSchema(store))
    binding.dispose()
  })

  it('reads rooms made before the version was stored as current, and records the version', () => {
    const store = newStore()
    const doc = roomDoc([], null)
    const binding = bindStoreToYjs({ store, doc, readOnly: false, defaultPageName: 'ページ1' })
    expect(store.get('page:page' as TLRecord['id'])).toBeDefined()
    expect(storedSchema(doc)).toEqual(store.schema.serialize())
    binding.dispose()
  })

  it('records the version in a fresh room', () => {
    const store = newStore()
    const doc = new Y.Doc()
    const binding = bindStoreToYjs({ store, doc, readOnly: false, defaultPageName: 'ページ1' })
    expect(storedSchema(doc)).toEqual(store.schema.serialize())
    binding.dispose()
  })

  it('recognises a board stored by a newer version', () => {
    const store = newStore()
    const schema = store.schema.serialize()
    const newer = { ...schema, sequences: { ...schema.sequences, 'com.tldraw.shape.note': 999 } }
    expect(schemaStatus(store, newer).kind).toBe('newer')
    expect(schemaStatus(store, schema).kind).toBe('current')
  })
})
