import * as Y from 'yjs'
import { bilingual, CatalogError, message, type Message } from '../i18n/message.ts'
import { importCatalog, modelValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import type { RoomKind } from '../rooms.ts'
import { collection, collectionSchemas, infoMap, readModel, type CollectionKind } from './doc.ts'
import { newRecordId } from './ops.ts'
import { personalInfoMessage } from './personal-info.ts'
import { issueMessage, mapInfoSchema, type MapInfo, type MapModel, type RecordKind } from './schema.ts'

/**
 * JSON import and export of a room's model. "Load sample" and a user's file import take the
 * same path: parseImport → report → applyImport.
 */

export const exportFormat = 'jusou-map/model@1'

export interface ExportedModel extends MapModel {
  format: typeof exportFormat
  exportedAt: string
  /** false: the file was written "without persons" and holds nothing that describes them. */
  personsIncluded: boolean
}

/**
 * `includePersons: false` leaves out everything that describes the people of a case, not just
 * their cards: the persons (with their notes and tags), every tie that touches one, and the
 * household narrative (summary) and household issue tags. A community map's summary and tags
 * describe a district, not people, and are kept. Ties are kept only between two actors, so that
 * a tie to a person record that failed validation cannot carry a note about that person out.
 */
export function exportModel(doc: Y.Doc, options: { includePersons?: boolean; roomKind?: RoomKind } = {}): ExportedModel {
  const { model } = readModel(doc)
  const includePersons = options.includePersons ?? true
  const exportedAt = new Date().toISOString()
  if (includePersons) return { format: exportFormat, exportedAt, personsIncluded: true, ...model }
  const actorIds = new Set(model.actors.map((a) => a.id))
  return {
    format: exportFormat,
    exportedAt,
    personsIncluded: false,
    info: withoutHousehold(model.info, options.roomKind),
    actors: model.actors,
    persons: [],
    relations: model.relations.filter((r) => actorIds.has(r.from) && actorIds.has(r.to)),
  }
}

/** The map's info without what describes a household (anything but a community map's). */
export function withoutHousehold(info: MapInfo, roomKind?: RoomKind): MapInfo {
  if ((roomKind ?? info.kind) === 'community') return info
  return info.kind ? { kind: info.kind, issues: [] } : { issues: [] }
}

export interface ImportRejection {
  kind: RecordKind
  /** Position in the file's list (1-based), so a user can find the line in their file. */
  index: number | null
  id: string | null
  /** Japanese. */
  message: string
  messageEn: string
}

/** Imported, but worth a look: a person's label or note that looks like a name or an address. */
export type ImportWarning = ImportRejection

export interface ImportReport {
  accepted: { actors: number; persons: number; relations: number }
  rejected: ImportRejection[]
  warnings: ImportWarning[]
}

export interface ParsedImport {
  model: MapModel
  report: ImportReport
}

/** A file that is not a map at all. `.message` is Japanese; `messageIn('en')` English. */
export class ImportFormatError extends CatalogError {
  constructor(problem: Message) {
    super(problem)
    this.name = 'ImportFormatError'
  }
}

/**
 * Validates a file's content record by record. Accepts our export format and the shape of
 * the shared sample files (no relation ids, householdIssues / localIssues).
 * Persons are refused in community maps: a district map describes no individual.
 */
export function parseImport(input: unknown, options: { roomKind?: RoomKind } = {}): ParsedImport {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ImportFormatError(message(importCatalog, 'notAnObject'))
  }
  const src = input as Record<string, unknown>
  const list = (key: string): unknown[] => {
    const v = src[key]
    if (v === undefined) return []
    if (!Array.isArray(v)) throw new ImportFormatError(message(importCatalog, 'notAList', { key }))
    return v
  }
  const rawActors = list('actors')
  const rawPersons = list('persons')
  const rawRelations = list('relations')
  if (rawActors.length + rawPersons.length + rawRelations.length === 0) {
    throw new ImportFormatError(message(importCatalog, 'empty'))
  }

  const rejected: ImportRejection[] = []
  const reject = (kind: RecordKind, index: number | null, id: string | null, m: Message) => void rejected.push({ kind, index, id, ...messages(m) })
  const seen = new Set<string>()
  const fileIndex = new Map<string, number>()
  const take = <K extends CollectionKind>(kind: K, raw: unknown[], prepare: (r: Record<string, unknown>, i: number) => unknown) => {
    const out: ReturnType<(typeof collectionSchemas)[K]['parse']>[] = []
    raw.forEach((item, i) => {
      const rawId = typeof item === 'object' && item && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null
      if (typeof item !== 'object' || item === null) {
        reject(kind, i + 1, null, message(validationCatalog, 'badRecord'))
        return
      }
      const parsed = collectionSchemas[kind].safeParse(prepare(item as Record<string, unknown>, i))
      if (!parsed.success) {
        reject(kind, i + 1, rawId, issueMessage(parsed.error))
        return
      }
      if (seen.has(parsed.data.id)) {
        reject(kind, i + 1, parsed.data.id, message(importCatalog, 'duplicateId', { id: parsed.data.id }))
        return
      }
      seen.add(parsed.data.id)
      fileIndex.set(parsed.data.id, i + 1)
      out.push(parsed.data as never)
    })
    return out
  }

  const actors = take('actor', rawActors, (r) => r)
  let persons = take('person', rawPersons, (r) => r)
  if (options.roomKind === 'community' && persons.length > 0) {
    for (const p of persons) {
      reject('person', null, p.id, message(importCatalog, 'noPersonsInCommunity'))
      seen.delete(p.id)
    }
    persons = []
  }
  const nodeIds = new Set([...actors, ...persons].map((n) => n.id))
  // Sample files carry no relation ids: number them in file order, stable across imports.
  const relations = take('relation', rawRelations, (r, i) => ({ ...r, id: r.id ?? `r-${i + 1}` })).filter((r) => {
    const missing = [r.from, r.to].filter((end) => !nodeIds.has(end))
    if (missing.length === 0) return true
    reject('relation', fileIndex.get(r.id) ?? null, r.id, message(modelValidationCatalog, 'danglingRelation', { ids: missing.join(', ') }))
    return false
  })

  const infoSource = (typeof src.info === 'object' && src.info !== null ? src.info : src) as Record<string, unknown>
  const infoCandidate = {
    kind: infoSource.kind,
    summary: infoSource.summary,
    issues: infoSource.issues ?? src.householdIssues ?? src.localIssues ?? [],
  }
  const infoParsed = mapInfoSchema.safeParse(infoCandidate)
  let info: MapInfo = { issues: [] }
  if (infoParsed.success) info = infoParsed.data
  else reject('info', null, null, issueMessage(infoParsed.error))

  // Warned, not refused (personal-info.ts): the user decides, row by row, before applying.
  const warnings: ImportWarning[] = []
  for (const p of persons) {
    for (const field of ['label', 'note'] as const) {
      const warning = personalInfoMessage(p[field], field)
      if (warning) warnings.push({ kind: 'person', index: fileIndex.get(p.id) ?? null, id: p.id, ...messages(warning) })
    }
  }
  const summaryWarning = personalInfoMessage(info.summary, 'summary')
  if (summaryWarning) warnings.push({ kind: 'info', index: null, id: null, ...messages(summaryWarning) })

  return {
    model: { info, actors, persons, relations },
    report: { accepted: { actors: actors.length, persons: persons.length, relations: relations.length }, rejected, warnings },
  }
}

function messages(m: Message): { message: string; messageEn: string } {
  const text = bilingual(m)
  return { message: text.ja, messageEn: text.en }
}

/**
 * Writes an imported model into the room in one transaction. `replace` clears the model first.
 * Adding (the default in the lists) keeps what is there: a record with the same id is updated
 * field by field (a colleague's edit of another field survives), a tie whose id is taken by a
 * tie between other cards gets a new id (two sample files both number their ties r-1, r-2…),
 * issue tags are merged, and the map's kind and summary are only filled in when empty.
 */
export function applyImport(doc: Y.Doc, model: MapModel, options: { replace: boolean }, origin?: unknown): void {
  doc.transact(() => {
    const kinds: [CollectionKind, { id: string }[]][] = [
      ['actor', model.actors],
      ['person', model.persons],
      ['relation', model.relations],
    ]
    for (const [kind, records] of kinds) {
      const target = collection(doc, kind)
      if (options.replace) target.clear()
      for (const record of records) {
        let id = record.id
        const existing = target.get(id)
        if (kind === 'relation' && existing instanceof Y.Map && !sameEnds(existing, record as unknown as { from: string; to: string })) id = newRecordId('relation')
        const map = target.get(id) instanceof Y.Map ? (target.get(id) as Y.Map<unknown>) : new Y.Map<unknown>()
        if (!map.parent) target.set(id, map)
        for (const [key, value] of Object.entries(record)) {
          if (key === 'id') continue
          if (value === undefined) map.delete(key)
          else if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value)
        }
      }
    }
    const info = infoMap(doc)
    if (options.replace) {
      info.clear()
      for (const [key, value] of Object.entries(model.info)) if (value !== undefined) info.set(key, value)
      return
    }
    const issues = [...new Set([...((info.get('issues') as string[] | undefined) ?? []), ...(model.info.issues ?? [])])]
    if (issues.length > 0) info.set('issues', issues)
    if (model.info.kind && !info.get('kind')) info.set('kind', model.info.kind)
    if (model.info.summary && !info.get('summary')) info.set('summary', model.info.summary)
  }, origin)
}

function sameEnds(existing: Y.Map<unknown>, record: { from: string; to: string }): boolean {
  return existing.get('from') === record.from && existing.get('to') === record.to
}
