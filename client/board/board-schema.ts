/**
 * Which version of tldraw's record format the room's board is stored in.
 *
 * Why: board records live in the Y.Doc as plain JSON for as long as the room exists — across
 * upgrades of this app and of tldraw. tldraw migrates old records only if it knows which
 * version they were written in. So the room stores tldraw's serialized schema (one entry in
 * its own Y.Map, next to the records), every editor keeps it current, and a board opened after
 * an upgrade migrates the older records instead of dropping them as invalid.
 *
 * Rooms made before this entry existed were all written by tldraw 5.1 (the version this app
 * started with): an absent entry means "current", which is true for them.
 */
import type { TLRecord, TLStore } from 'tldraw'
import * as Y from 'yjs'

/** Name of the top-level Y.Map holding the schema entry (contract with server/). */
export const BOARD_SCHEMA_MAP_NAME = 'tldraw_schema'
const SCHEMA_KEY = 'schema'

export type StoredSchema = Parameters<TLStore['schema']['getMigrationsSince']>[0]

export type SchemaStatus =
  /** Stored in this app's format (or before versions were stored). */
  | { kind: 'current' }
  /** Stored by an older version: the records must be migrated before use. */
  | { kind: 'older'; stored: StoredSchema }
  /** Stored by a newer version of the app: this tab must not read or write it. */
  | { kind: 'newer' }

export function getSchemaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_SCHEMA_MAP_NAME)
}

export function storedSchema(doc: Y.Doc): StoredSchema | null {
  const value = getSchemaMap(doc).get(SCHEMA_KEY)
  return value && typeof value === 'object' ? (value as StoredSchema) : null
}

export function schemaStatus(store: TLStore, stored: StoredSchema | null): SchemaStatus {
  if (!stored) return { kind: 'current' }
  const migrations = store.schema.getMigrationsSince(stored)
  // tldraw cannot go back: a version it does not know is a newer one.
  if (!migrations.ok) return { kind: 'newer' }
  return migrations.value.length === 0 ? { kind: 'current' } : { kind: 'older', stored }
}

/** Records in the stored format → this version's format; null if a migration failed. */
export function migrateRecords(store: TLStore, stored: StoredSchema, records: TLRecord[]): TLRecord[] | null {
  const result = store.schema.migrateStoreSnapshot({
    schema: stored,
    store: Object.fromEntries(records.map((r) => [r.id, r])) as Record<TLRecord['id'], TLRecord>,
  })
  return result.type === 'success' ? (Object.values(result.value) as TLRecord[]) : null
}

/** Records this app's format as the room's (call inside the transaction that writes records). */
export function writeCurrentSchema(doc: Y.Doc, store: TLStore): void {
  const map = getSchemaMap(doc)
  const current = store.schema.serialize()
  if (JSON.stringify(map.get(SCHEMA_KEY)) !== JSON.stringify(current)) map.set(SCHEMA_KEY, current)
}
