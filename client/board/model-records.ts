/**
 * One model record as React state, for cards and the inspector.
 *
 * A board may show hundreds of cards; each subscribing to a whole collection would make every
 * edit wake every card. So there is one `observeDeep` per collection and document, and it wakes
 * only the subscribers of the records an event touched. Snapshots are cached per record, so
 * `useSyncExternalStore` sees the same object until that record changes.
 *
 * The store a card lives in is tied to its room's Y.Doc here too (`modelDocFor`): shape utils
 * only get the editor, and must find the model without copying it into the shape.
 */
import { useCallback, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { message, type Message } from '../../shared/i18n/message'
import { validationCatalog } from '../../shared/i18n/validation'
import { collection, collectionSchemas, type CollectionKind, type RecordOf } from '../../shared/model/doc'
import { issueMessage } from '../../shared/model/schema'

export type RecordState<K extends CollectionKind> =
  | { status: 'ok'; record: RecordOf<K> }
  /** The schema's objection, shown with `messageIn(message, lang)`. */
  | { status: 'invalid'; message: Message }
  | { status: 'missing' }

const kinds: CollectionKind[] = ['actor', 'person', 'relation']

export function readRecordState<K extends CollectionKind>(doc: Y.Doc, kind: K, id: string): RecordState<K> {
  const value = collection(doc, kind).get(id)
  if (value === undefined) return { status: 'missing' }
  if (!(value instanceof Y.Map)) return { status: 'invalid', message: message(validationCatalog, 'badRecord') }
  const parsed = collectionSchemas[kind].safeParse({ ...(value.toJSON() as Record<string, unknown>), id })
  if (!parsed.success) return { status: 'invalid', message: issueMessage(parsed.error) }
  return { status: 'ok', record: parsed.data as RecordOf<K> }
}

class RecordWatch {
  private listeners = new Map<string, Set<() => void>>()
  private cache = new Map<string, RecordState<CollectionKind>>()
  private observing = false

  constructor(private readonly doc: Y.Doc) {}

  private start() {
    if (this.observing) return
    this.observing = true
    for (const kind of kinds) {
      const map = collection(this.doc, kind)
      map.observeDeep((events) => {
        const touched = new Set<string>()
        for (const event of events) {
          if (event.target === map) {
            for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key)
          } else if (typeof event.path[0] === 'string') {
            touched.add(event.path[0])
          }
        }
        for (const id of touched) {
          const key = `${kind}:${id}`
          this.cache.delete(key)
          for (const listener of [...(this.listeners.get(key) ?? [])]) listener()
        }
      })
    }
  }

  subscribe(kind: CollectionKind, id: string, listener: () => void): () => void {
    this.start()
    const key = `${kind}:${id}`
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) {
        this.listeners.delete(key)
        this.cache.delete(key)
      }
    }
  }

  get<K extends CollectionKind>(kind: K, id: string): RecordState<K> {
    // Cached (and invalidated by the observer) so that React sees a stable snapshot.
    this.start()
    const key = `${kind}:${id}`
    let state = this.cache.get(key) as RecordState<K> | undefined
    if (!state) {
      state = readRecordState(this.doc, kind, id)
      this.cache.set(key, state)
    }
    return state
  }
}

const watches = new WeakMap<Y.Doc, RecordWatch>()

function watchFor(doc: Y.Doc): RecordWatch {
  let watch = watches.get(doc)
  if (!watch) watches.set(doc, (watch = new RecordWatch(doc)))
  return watch
}

const missing = { status: 'missing' } as const

/** The record `kind`/`id` of `doc`, re-rendering when (and only when) it changes. */
export function useModelRecord<K extends CollectionKind>(doc: Y.Doc | null, kind: K, id: string): RecordState<K> {
  const subscribe = useCallback(
    (listener: () => void) => (doc ? watchFor(doc).subscribe(kind, id, listener) : () => {}),
    [doc, kind, id],
  )
  const get = useCallback(() => (doc ? watchFor(doc).get(kind, id) : missing), [doc, kind, id])
  return useSyncExternalStore(subscribe, get)
}

// ---- Which Y.Doc a tldraw store belongs to ------------------------------------------------
const docsByStore = new WeakMap<object, Y.Doc>()

export function setModelDocFor(store: object, doc: Y.Doc): void {
  docsByStore.set(store, doc)
}

export function modelDocFor(store: object): Y.Doc | null {
  return docsByStore.get(store) ?? null
}
