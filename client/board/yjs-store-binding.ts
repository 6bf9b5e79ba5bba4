/**
 * Two-way binding between a tldraw store and the room's Y.Doc.
 *
 * Why this module exists, and why it looks the way it does:
 *
 * - The Y.Doc is the source of truth that our server stores, merges and relays (y-websocket
 *   protocol); tldraw keeps its own reactive store. Something has to translate, and it should
 *   be one small, well-understood place rather than logic spread over React components.
 * - Layout (the contract with server/ and bench/): `doc.getMap('tldraw')` maps record id →
 *   tldraw record (plain JSON) for document-scope records only: document, pages, shapes,
 *   bindings, assets (and tldraw 5's `user` attribution records, which are document-scope too).
 *   Session records (camera, selection, instance) stay per device; presence travels through
 *   awareness (see presence.ts), never through the document.
 * - Local → Y: we listen to the store with `{ source: 'user', scope: 'document' }` and write
 *   each batch in ONE `doc.transact`, so a drag of 30 shapes becomes one Yjs update and one
 *   websocket message, not 30.
 * - Y → local: changes made by others (or loaded from the offline copy in IndexedDB) are
 *   applied inside `store.mergeRemoteChanges`. tldraw marks them as source 'remote', so (a)
 *   our own listener does not echo them back, and (b) they never enter the local undo stack:
 *   Ctrl+Z undoes *my* last action, not my colleague's.
 * - Our own writes carry `BINDING_ORIGIN` as transaction origin, which is how the observer
 *   recognises and skips them. (Checking `transaction.local` would also skip updates that
 *   y-indexeddb applies locally.)
 * - A view-only participant never writes: the server would drop the update anyway and the
 *   local document would silently diverge from the room's.
 * - Initial load: if the map is still empty after the first server sync, this is a fresh
 *   room: we write tldraw's default document and page (deterministic ids `document:document`
 *   and `page:page`, so two people opening a fresh room at once converge instead of getting
 *   two pages). Otherwise the store is replaced by the map's contents.
 * - Records from peers are untrusted input: a record that does not pass tldraw's validation
 *   (e.g. from a newer app version) is skipped and reported, instead of breaking the board.
 */
import {
  DocumentRecordType,
  type IndexKey,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'

/** Name of the top-level Y.Map that holds the tldraw records (contract with server/). */
export const TLDRAW_MAP_NAME = 'tldraw'

/** Transaction origin of every write made by this binding. */
export const BINDING_ORIGIN = Symbol('tldraw-yjs-binding')

export const DEFAULT_PAGE_ID = 'page:page' as TLPageId

export interface YjsStoreBindingOptions {
  store: TLStore
  doc: Y.Doc
  /** View-only participants: apply remote changes, never write. */
  readOnly: boolean
  /** Name of the page created in a fresh room (in the creator's language). */
  defaultPageName: string
  /** Called when remote records had to be skipped (invalid for this version of tldraw). */
  onInvalidRecords?: (ids: string[], error: unknown) => void
}

export interface YjsStoreBinding {
  readonly yRecords: Y.Map<TLRecord>
  dispose(): void
}

export function getTldrawMap(doc: Y.Doc): Y.Map<TLRecord> {
  return doc.getMap<TLRecord>(TLDRAW_MAP_NAME)
}

function isDocumentRecord(store: TLStore, record: { typeName: string }): boolean {
  return store.scopedTypes.document.has(record.typeName as TLRecord['typeName'])
}

/**
 * Put records and remove ids as remote changes. If the batch is rejected (one invalid record
 * fails the whole put), retry record by record and skip the bad ones.
 */
function applyRemote(
  store: TLStore,
  toPut: TLRecord[],
  toRemove: TLRecord['id'][],
  onInvalid: ((ids: string[], error: unknown) => void) | undefined,
): void {
  const existingRemovals = toRemove.filter((id) => store.has(id))
  try {
    store.mergeRemoteChanges(() => {
      if (existingRemovals.length) store.remove(existingRemovals)
      if (toPut.length) store.put(toPut)
    })
    return
  } catch (error) {
    const skipped: string[] = []
    let lastError: unknown = error
    store.mergeRemoteChanges(() => {
      const stillThere = existingRemovals.filter((id) => store.has(id))
      if (stillThere.length) store.remove(stillThere)
      for (const record of toPut) {
        try {
          store.put([record])
        } catch (recordError) {
          skipped.push(record?.id ?? '(no id)')
          lastError = recordError
        }
      }
    })
    if (skipped.length) onInvalid?.(skipped, lastError)
  }
}

export function bindStoreToYjs(options: YjsStoreBindingOptions): YjsStoreBinding {
  const { store, doc, readOnly, defaultPageName, onInvalidRecords } = options
  const yRecords = getTldrawMap(doc)

  // ---- Initial load -------------------------------------------------------------------
  if (yRecords.size === 0) {
    // Fresh room: keep whatever document-scope records the store already has (normally
    // none before the editor mounts) and make sure the default document and page exist.
    const initial: TLRecord[] = []
    if (!store.has(TLDOCUMENT_ID)) initial.push(DocumentRecordType.create({ id: TLDOCUMENT_ID }))
    const hasPage = store.allRecords().some((r) => r.typeName === 'page')
    if (!hasPage) initial.push(PageRecordType.create({ id: DEFAULT_PAGE_ID, name: defaultPageName, index: 'a1' as IndexKey }))
    if (initial.length) store.mergeRemoteChanges(() => store.put(initial))
    if (!readOnly) {
      doc.transact(() => {
        for (const record of store.allRecords()) {
          if (isDocumentRecord(store, record)) yRecords.set(record.id, record)
        }
      }, BINDING_ORIGIN)
    }
  } else {
    // Existing room: the map is the truth. Drop local document records it does not have.
    const inMap = new Set<string>(yRecords.keys())
    const toRemove = store
      .allRecords()
      .filter((r) => isDocumentRecord(store, r) && !inMap.has(r.id))
      .map((r) => r.id)
    const toPut = [...yRecords.values()].filter((r) => r && typeof r === 'object' && isDocumentRecord(store, r))
    applyRemote(store, toPut, toRemove, onInvalidRecords)
  }

  // ---- Local → Y ----------------------------------------------------------------------
  const unlisten = readOnly
    ? () => {}
    : store.listen(
        ({ changes }) => {
          doc.transact(() => {
            for (const record of Object.values(changes.added)) yRecords.set(record.id, record)
            for (const [, record] of Object.values(changes.updated)) yRecords.set(record.id, record)
            for (const record of Object.values(changes.removed)) yRecords.delete(record.id)
          }, BINDING_ORIGIN)
        },
        { source: 'user', scope: 'document' },
      )

  // ---- Y → local ----------------------------------------------------------------------
  const observer = (event: Y.YMapEvent<TLRecord>, transaction: Y.Transaction) => {
    if (transaction.origin === BINDING_ORIGIN) return
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') {
        toRemove.push(id as TLRecord['id'])
        return
      }
      const record = yRecords.get(id)
      if (record && typeof record === 'object' && isDocumentRecord(store, record)) toPut.push(record)
    })
    if (toPut.length || toRemove.length) applyRemote(store, toPut, toRemove, onInvalidRecords)
  }
  yRecords.observe(observer)

  return {
    yRecords,
    dispose() {
      unlisten()
      yRecords.unobserve(observer)
    },
  }
}
