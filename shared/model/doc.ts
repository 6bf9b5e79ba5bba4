import * as Y from 'yjs'
import { bilingual, message, type Message } from '../i18n/message.ts'
import { modelValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import {
  actorSchema,
  issueMessage,
  mapInfoSchema,
  personSchema,
  relationSchema,
  type Actor,
  type MapInfo,
  type MapModel,
  type ModelProblem,
  type Person,
  type Relation,
} from './schema.ts'

/**
 * Where the model lives in a room's Y.Doc: one top-level Y.Map per collection, one nested
 * Y.Map per record (so two people editing different fields of one card both win), keyed by
 * record id. Not inside tldraw records: the server reads it without tldraw.
 */
export const modelMapNames = { actor: 'actors', person: 'persons', relation: 'relations', info: 'mapInfo' } as const
export type CollectionKind = 'actor' | 'person' | 'relation'
export type RecordOf<K extends CollectionKind> = K extends 'actor' ? Actor : K extends 'person' ? Person : Relation

export const collectionSchemas = { actor: actorSchema, person: personSchema, relation: relationSchema } as const

export function collection(doc: Y.Doc, kind: CollectionKind): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(modelMapNames[kind])
}

export function infoMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(modelMapNames.info)
}

/** Plain JSON of one stored record; the key is its id whatever the record says. */
function recordJson(key: string, value: unknown): Record<string, unknown> | null {
  if (!(value instanceof Y.Map)) return null
  return { ...(value.toJSON() as Record<string, unknown>), id: key }
}

export interface ReadResult {
  model: MapModel
  /** Records that arrived through sync but cannot be used; each view skips them. */
  problems: ModelProblem[]
}

/**
 * Reads and validates the model. Invalid records and relations whose ends are missing are
 * reported and skipped, never fatal: one bad record must not blank a plenary's screen.
 */
export function readModel(doc: Y.Doc): ReadResult {
  const problems: ModelProblem[] = []
  const problem = (kind: ModelProblem['kind'], id: string | null, m: Message) => {
    const text = bilingual(m)
    problems.push({ kind, id, message: text.ja, messageEn: text.en })
  }
  const read = <K extends CollectionKind>(kind: K): RecordOf<K>[] => {
    const out: RecordOf<K>[] = []
    collection(doc, kind).forEach((value, key) => {
      const json = recordJson(key, value)
      if (!json) {
        problem(kind, key, message(validationCatalog, 'badRecord'))
        return
      }
      const parsed = collectionSchemas[kind].safeParse(json)
      if (parsed.success) out.push(parsed.data as RecordOf<K>)
      else problem(kind, key, issueMessage(parsed.error))
    })
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  const actors = read('actor')
  const persons = read('person')
  const ends = new Set<string>([...actors.map((a) => a.id), ...persons.map((p) => p.id)])
  const relations = read('relation').filter((r) => {
    const missing = [r.from, r.to].filter((end) => !ends.has(end))
    if (missing.length === 0) return true
    problem('relation', r.id, message(modelValidationCatalog, 'danglingRelation', { ids: missing.join(', ') }))
    return false
  })
  const infoParsed = mapInfoSchema.safeParse(infoMap(doc).toJSON())
  let info: MapInfo = { issues: [] }
  if (infoParsed.success) info = infoParsed.data
  else problem('info', null, issueMessage(infoParsed.error))
  return { model: { info, actors, persons, relations }, problems }
}
