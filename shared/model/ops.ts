import * as Y from 'yjs'
import { collection, collectionSchemas, infoMap, type CollectionKind, type RecordOf } from './doc.ts'
import { CatalogError, message, type Message } from '../i18n/message.ts'
import { modelValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import { issueMessage, mapInfoSchema, type MapInfo } from './schema.ts'

/**
 * Every change to the model goes through these functions, whichever view makes it (board,
 * lists, import). Each is one Yjs transaction, so remote peers and undo see one step.
 * `origin` lets a client's Y.UndoManager track only its own user's changes.
 */

/**
 * A change the model refuses. `.message` is the Japanese sentence; `messageIn('en')` (or
 * `messageEn`) the English one; `key` and `params` name it in its catalog
 * (shared/i18n/validation.ts).
 */
export class ModelValidationError extends CatalogError {
  constructor(
    readonly kind: CollectionKind | 'info',
    problem: Message,
  ) {
    super(problem)
    this.name = 'ModelValidationError'
  }
}

export function newRecordId(kind: CollectionKind): string {
  const prefix = kind === 'actor' ? 'a' : kind === 'person' ? 'p' : 'r'
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  const suffix = Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')
  return `${prefix}-${suffix}`
}

type NewRecord<K extends CollectionKind> = Omit<RecordOf<K>, 'id'> & { id?: string }

function validated<K extends CollectionKind>(kind: K, data: unknown): RecordOf<K> {
  const parsed = collectionSchemas[kind].safeParse(data)
  if (!parsed.success) throw new ModelValidationError(kind, issueMessage(parsed.error))
  return parsed.data as RecordOf<K>
}

function writeFields(target: Y.Map<unknown>, record: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue
    if (value === undefined || value === '') target.delete(key)
    else if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
  }
}

export function addRecord<K extends CollectionKind>(doc: Y.Doc, kind: K, data: NewRecord<K>, origin?: unknown): RecordOf<K> {
  const record = validated(kind, { ...data, id: data.id ?? newRecordId(kind) })
  if (kind === 'relation') assertEndsExist(doc, record as RecordOf<'relation'>)
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    collection(doc, kind).set(record.id, map)
    writeFields(map, record as Record<string, unknown>)
  }, origin)
  return record
}

/** Applies a partial change; `undefined` or '' clears an optional field. */
export function updateRecord<K extends CollectionKind>(
  doc: Y.Doc,
  kind: K,
  id: string,
  patch: Partial<Omit<RecordOf<K>, 'id'>>,
  origin?: unknown,
): RecordOf<K> {
  const target = collection(doc, kind).get(id)
  if (!(target instanceof Y.Map)) throw new ModelValidationError(kind, message(validationCatalog, 'cardDeleted'))
  const merged: Record<string, unknown> = { ...(target.toJSON() as Record<string, unknown>), ...patch, id }
  for (const key of Object.keys(merged)) if (merged[key] === undefined || merged[key] === '') delete merged[key]
  const record = validated(kind, merged)
  if (kind === 'relation') assertEndsExist(doc, record as RecordOf<'relation'>)
  doc.transact(() => {
    writeFields(target, { ...(record as Record<string, unknown>), ...clearedKeys(patch) })
  }, origin)
  return record
}

function clearedKeys(patch: object): Record<string, undefined> {
  return Object.fromEntries(
    Object.entries(patch)
      .filter(([, v]) => v === undefined || v === '')
      .map(([k]) => [k, undefined]),
  )
}

/** Removes a record; removing an actor or person also removes every relation touching it. */
export function removeRecord(doc: Y.Doc, kind: CollectionKind, id: string, origin?: unknown): void {
  doc.transact(() => {
    collection(doc, kind).delete(id)
    if (kind === 'relation') return
    const relations = collection(doc, 'relation')
    for (const [relId, rel] of [...relations.entries()]) {
      if (rel instanceof Y.Map && (rel.get('from') === id || rel.get('to') === id)) relations.delete(relId)
    }
  }, origin)
}

export function updateInfo(doc: Y.Doc, patch: Partial<MapInfo>, origin?: unknown): MapInfo {
  const map = infoMap(doc)
  const merged = { ...(map.toJSON() as Partial<MapInfo>), ...patch }
  const parsed = mapInfoSchema.safeParse(merged)
  if (!parsed.success) throw new ModelValidationError('info', issueMessage(parsed.error))
  doc.transact(() => writeFields(map, { ...parsed.data, ...clearedKeys(patch) }), origin)
  return parsed.data
}

function assertEndsExist(doc: Y.Doc, relation: RecordOf<'relation'>): void {
  const exists = (id: string) => collection(doc, 'actor').has(id) || collection(doc, 'person').has(id)
  if (!exists(relation.from) || !exists(relation.to)) {
    throw new ModelValidationError('relation', message(modelValidationCatalog, 'endsMissing'))
  }
}
