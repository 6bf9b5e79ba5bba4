import * as Y from 'yjs'
import { modelMapNames } from '../model/doc.ts'
import { planMapNames } from '../plan/doc.ts'
import { quadrantMapNames } from '../quadrant/doc.ts'

/**
 * Every root map of a room (docs/ARCHITECTURE.md §2): what a version holds and a restore
 * brings back. The board's maps are named here as strings because the server never imports
 * client code; client/board/yjs-store-binding.ts and board-schema.ts own those names.
 */
export const roomRootMaps: readonly string[] = [
  'tldraw',
  'tldraw_schema',
  ...Object.values(modelMapNames),
  ...Object.values(quadrantMapNames),
  // The plan, but not its closure: closing and reopening a case is not content a restore undoes.
  planMapNames.info,
  planMapNames.task,
]

/** Record counts shown beside a version: what a participant recognises. */
export interface RoomCounts {
  actors: number
  persons: number
  relations: number
  practices: number
}

export function roomCounts(doc: Y.Doc): RoomCounts {
  return {
    actors: doc.getMap(modelMapNames.actor).size,
    persons: doc.getMap(modelMapNames.person).size,
    relations: doc.getMap(modelMapNames.relation).size,
    practices: doc.getMap(quadrantMapNames.practice).size,
  }
}

/** A document holding exactly the state of a stored version. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.applyUpdate(doc, state)
  return doc
}

/**
 * Makes `doc` hold what `version` holds, as ONE new change in `origin`: keys the version
 * lacks are deleted, differing values are written, equal ones are left alone (so a
 * colleague's untouched record keeps its history). Being an ordinary change, it reaches
 * every participant live, and whatever anyone writes afterwards applies on top of it.
 *
 * Works for the layout of docs/ARCHITECTURE.md: root maps of records, each record a Y.Map
 * of plain values (or a plain value itself), nested maps copied recursively.
 */
export function restoreDocument(doc: Y.Doc, version: Y.Doc, origin: unknown): void {
  doc.transact(() => {
    for (const name of roomRootMaps) syncMap(doc.getMap<unknown>(name), version.getMap<unknown>(name))
  }, origin)
}

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key)
  for (const [key, wanted] of source.entries()) {
    const current = target.get(key)
    if (wanted instanceof Y.Map) {
      if (current instanceof Y.Map) syncMap(current, wanted)
      else target.set(key, copyMap(wanted))
    } else if (wanted instanceof Y.AbstractType) {
      // Not part of our layout (the update guard allows it, the layout does not use it).
      target.set(key, (wanted as Y.AbstractType<unknown>).clone())
    } else if (current instanceof Y.AbstractType || JSON.stringify(current) !== JSON.stringify(wanted)) {
      target.set(key, wanted)
    }
  }
}

function copyMap(source: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>()
  for (const [key, value] of source.entries()) copy.set(key, value instanceof Y.Map ? copyMap(value) : value instanceof Y.AbstractType ? value.clone() : value)
  return copy
}
