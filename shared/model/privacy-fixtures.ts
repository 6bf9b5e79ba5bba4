import fs from 'node:fs'
import path from 'node:path'

/**
 * Test fixtures for "without persons" (Node only: reads files; not for the client): the case
 * sample with a person note added, and a check that an output holds none of the sample's
 * person-describing text. Shared by the model/graph tests and the server's export API test.
 */

interface SampleJson {
  summary: string
  householdIssues: string[]
  persons: { id: string; label: string; issues: string[]; note?: string }[]
  actors: { id: string; name: string; fields: string[]; level: string; contact?: string; note?: string }[]
  relations: { from: string; to: string; note?: string }[]
  [key: string]: unknown
}

/** The 8050 sample, with a note on the son so that person notes are covered too. */
export function caseSampleWithNotes(): SampleJson {
  const file = path.resolve(import.meta.dirname, '../samples/case-8050.json')
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as SampleJson
  json.persons = json.persons.map((p) => (p.id === 'p-son' ? { ...p, note: '夜間だけ外出する。兄弟との連絡なし' } : p))
  return json
}

/** Everything in the sample that describes its people: ids, roles, tags, notes, narrative, household tags, notes on their ties. */
export function personDescribingStrings(json: SampleJson): string[] {
  const personIds = new Set(json.persons.map((p) => p.id))
  return [
    json.summary,
    ...json.householdIssues,
    ...json.persons.flatMap((p) => [p.id, p.label, ...p.issues, ...(p.note ? [p.note] : [])]),
    ...json.relations.filter((r) => personIds.has(r.from) || personIds.has(r.to)).flatMap((r) => (r.note ? [r.note] : [])),
  ]
}

/**
 * The person-describing strings found in `output`. Text that legitimately stays (actor names,
 * fields, levels, notes on ties between two actors) is blanked out first: 「ひきこもり」 is a
 * son's tag but also part of 「ひきこもり地域支援センター」, 「家賃滞納」 a household tag but also
 * part of a note between the housing department and the 自立相談支援機関.
 */
export function personDataIn(output: string, json: SampleJson): string[] {
  const personIds = new Set(json.persons.map((p) => p.id))
  const legit = [
    ...json.actors.flatMap((a) => [a.name, a.level, ...a.fields, ...(a.contact ? [a.contact] : []), ...(a.note ? [a.note] : [])]),
    ...json.relations.filter((r) => !personIds.has(r.from) && !personIds.has(r.to)).flatMap((r) => (r.note ? [r.note] : [])),
  ].sort((a, b) => b.length - a.length)
  let rest = output
  for (const text of legit) rest = rest.split(text).join('\u0000')
  return personDescribingStrings(json).filter((s) => rest.includes(s))
}
