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
 * - Upgrades: the room stores tldraw's schema version beside the records (board-schema.ts).
 *   Records stored by an older version are migrated on load, and an editor writes them back
 *   in the current format. A board stored by a *newer* version is not bound at all (Board.tsx
 *   asks to reload), so this tab can never write old-format records into it.
 * - Order of local and remote writes. tldraw delivers local changes one animation frame late
 *   (its history is flushed per frame). If a remote change to the same record were applied in
 *   between, the late local write would reach the Y.Doc *after* it while the store shows the
 *   remote one: the two would silently differ. So before applying anything remote we flush
 *   pending local changes first, then read the values to apply from the map.
 * - Changes that tldraw's side effects make *because of* a remote change (e.g. re-routing an
 *   arrow whose card a colleague moved) are recorded by tldraw as 'user' changes. They are
 *   flushed right after the remote merge with REMOTE_FOLLOWUP_ORIGIN, so they sync but never
 *   land on this user's undo stack, and the reconciliation does not take them for user edits.
 * - `withOrigin(origin, fn)`: the model ⇄ board reconciliation (sync/) makes its
 *   store changes through the editor and needs them written with a chosen origin (undoable or
 *   not) and recognisable as its own (`derived`), so that it does not react to itself.
 */
import {
  DocumentRecordType,
  type IndexKey,
  PageRecordType,
  type RecordsDiff,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { flushStoreHistory } from '../library-seams'
import { migrateRecords, schemaStatus, storedSchema, writeCurrentSchema } from './board-schema'

/** Name of the top-level Y.Map that holds the tldraw records (contract with server/). */
export const TLDRAW_MAP_NAME = 'tldraw'

/** Transaction origin of the writes of this user's own board changes. */
export const BINDING_ORIGIN = Symbol('tldraw-yjs-binding')

/** Origin of writes that follow from remote changes (tldraw side effects); never undoable. */
export const REMOTE_FOLLOWUP_ORIGIN = Symbol('tldraw-remote-followup')

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

/** One batch of local document changes, after it was written to the Y.Doc. */
export interface LocalChangeBatch {
  changes: RecordsDiff<TLRecord>
  origin: unknown
  /** Made inside `withOrigin` (by the reconciliation), not directly by the user. */
  derived: boolean
}

export interface YjsStoreBinding {
  readonly yRecords: Y.Map<TLRecord>
  /** Writes pending local store changes to the Y.Doc now instead of at the next frame. */
  flush(): void
  /**
   * Runs `fn` (store changes) and writes its changes at once with `origin`, marked derived.
   * Pending changes made before are flushed first with their usual origin.
   */
  withOrigin(origin: unknown, fn: () => void): void
  /** Called after each batch of local document changes has been written. */
  onLocalChanges(listener: (batch: LocalChangeBatch) => void): () => void
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
        writeCurrentSchema(doc, store)
      }, BINDING_ORIGIN)
    }
  } else {
    // Existing room: the map is the truth. Drop local document records it does not have.
    const inMap = new Set<string>(yRecords.keys())
    const toRemove = store
      .allRecords()
      .filter((r) => isDocumentRecord(store, r) && !inMap.has(r.id))
      .map((r) => r.id)
    const stored = [...yRecords.values()].filter((r) => r && typeof r === 'object')
    const status = schemaStatus(store, storedSchema(doc))
    let migrated: TLRecord[] | null = null
    if (status.kind === 'older') {
      migrated = migrateRecords(store, status.stored, stored)
      if (!migrated) onInvalidRecords?.(stored.map((r) => r.id), new Error('tldraw migration failed'))
    }
    const toPut = (migrated ?? stored).filter((r) => isDocumentRecord(store, r))
    applyRemote(store, toPut, toRemove, onInvalidRecords)
    if (!readOnly && status.kind !== 'newer') {
      doc.transact(() => {
        // Migrated records go back in the current format, so the next load needs no migration.
        if (migrated) for (const record of toPut) yRecords.set(record.id, record)
        if (migrated || status.kind === 'current') writeCurrentSchema(doc, store)
      }, BINDING_ORIGIN)
    }
  }

  // ---- Local → Y ----------------------------------------------------------------------
  // Transactions written here; the observer below skips them (whatever their origin).
  const ownTransactions = new WeakSet<Y.Transaction>()
  let writeOrigin: unknown = BINDING_ORIGIN
  let derived = false
  const subscribers = new Set<(batch: LocalChangeBatch) => void>()
  const flush = () => flushStoreHistory(store)

  const unlisten = readOnly
    ? () => {}
    : store.listen(
        ({ changes }) => {
          const origin = writeOrigin
          const isDerived = derived
          doc.transact((tr) => {
            ownTransactions.add(tr)
            for (const record of Object.values(changes.added)) yRecords.set(record.id, record)
            for (const [, record] of Object.values(changes.updated)) yRecords.set(record.id, record)
            for (const record of Object.values(changes.removed)) yRecords.delete(record.id)
          }, origin)
          for (const subscriber of [...subscribers]) {
            try {
              subscriber({ changes, origin, derived: isDerived })
            } catch (error) {
              console.error('board change listener failed', error)
            }
          }
        },
        { source: 'user', scope: 'document' },
      )

  const withOrigin = (origin: unknown, fn: () => void) => {
    if (readOnly) return
    flush()
    const previous = { writeOrigin, derived }
    writeOrigin = origin
    derived = true
    try {
      fn()
      flush()
    } finally {
      writeOrigin = previous.writeOrigin
      derived = previous.derived
    }
  }

  // ---- Y → local ----------------------------------------------------------------------
  const observer = (event: Y.YMapEvent<TLRecord>, transaction: Y.Transaction) => {
    if (transaction.origin === BINDING_ORIGIN || ownTransactions.has(transaction)) return
    const keys = [...event.keysChanged]
    // Local changes still waiting for the next frame go first (see the header comment); the
    // values applied are then read from the map, so both sides end up with the same record.
    if (!readOnly) flush()
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    keys.forEach((id) => {
      const record = yRecords.get(id)
      if (record === undefined) {
        toRemove.push(id as TLRecord['id'])
        return
      }
      if (record && typeof record === 'object' && isDocumentRecord(store, record)) toPut.push(record)
    })
    if (!toPut.length && !toRemove.length) return
    if (readOnly) {
      applyRemote(store, toPut, toRemove, onInvalidRecords)
      return
    }
    withOrigin(REMOTE_FOLLOWUP_ORIGIN, () => applyRemote(store, toPut, toRemove, onInvalidRecords))
  }
  yRecords.observe(observer)

  return {
    yRecords,
    flush: () => {
      if (!readOnly) flush()
    },
    withOrigin,
    onLocalChanges(listener) {
      subscribers.add(listener)
      return () => subscribers.delete(listener)
    },
    dispose() {
      unlisten()
      subscribers.clear()
      yRecords.unobserve(observer)
    },
  }
}
