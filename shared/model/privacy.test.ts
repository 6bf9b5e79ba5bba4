import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { edgesCsv, nodesCsv } from '../graph/csv.ts'
import { toCytoscapeJson } from '../graph/cytoscape-json.ts'
import { deriveGraph } from '../graph/derive.ts'
import { toGraphml } from '../graph/graphml.ts'
import { readModel } from './doc.ts'
import { caseSampleWithNotes, personDataIn, personDescribingStrings } from './privacy-fixtures.ts'
import { applyImport, exportModel, parseImport } from './transfer.ts'

/**
 * "Without persons" in every export path: the model JSON and the four graph files, both as the
 * client writes them (from the full graph, `includePersons: false`) and as the server does
 * (persons never derived). None of the sample's person-describing text may be in any of them.
 */
describe('exports without persons', () => {
  const json = caseSampleWithNotes()
  const doc = new Y.Doc()
  const parsed = parseImport(json, { roomKind: 'case' })
  applyImport(doc, parsed.model, { replace: true })
  const model = readModel(doc).model
  const full = { ...deriveGraph(model), kind: 'case' as const }
  const serverSide = { ...deriveGraph(model, { includePersons: false }), kind: 'case' as const }
  const off = { includePersons: false }

  const outputs: [string, string][] = [
    ['model JSON', JSON.stringify(exportModel(doc, { includePersons: false, roomKind: 'case' }))],
    ['model JSON (kind from the doc)', JSON.stringify(exportModel(doc, { includePersons: false }))],
    ['GraphML', toGraphml(full, off)],
    ['Cytoscape JSON', JSON.stringify(toCytoscapeJson(full, off))],
    ['nodes CSV', nodesCsv(full, off)],
    ['edges CSV', edgesCsv(full, off)],
    ['GraphML (server)', toGraphml(serverSide, off)],
    ['Cytoscape JSON (server)', JSON.stringify(toCytoscapeJson(serverSide, off))],
    ['nodes CSV (server)', nodesCsv(serverSide, off)],
    ['edges CSV (server)', edgesCsv(serverSide, off)],
  ]

  it('the check itself finds the person data in the full exports', () => {
    // Otherwise an empty check would pass everything below.
    const strings = personDescribingStrings(json)
    expect(strings).toEqual(expect.arrayContaining([json.summary, '家賃滞納', '長女（別居）', 'p-son', '夜間だけ外出する。兄弟との連絡なし', 'ダブルケア']))
    expect(personDataIn(JSON.stringify(exportModel(doc)), json)).toEqual(expect.arrayContaining([json.summary, '家賃滞納', 'p-son', '夜間だけ外出する。兄弟との連絡なし']))
    expect(personDataIn(toGraphml(full), json)).toEqual(expect.arrayContaining(['p-son', '長女（別居）', 'ダブルケア', '夜間だけ外出する。兄弟との連絡なし']))
  })

  it.each(outputs)('%s holds no person-describing text, but still the agencies and their ties', (name, output) => {
    expect(personDataIn(output, json)).toEqual([])
    expect(output).toContain('地域包括支援センター')
    // The nodes file has no ties; every other output keeps the agencies' tie notes.
    expect(name.startsWith('nodes') || output.includes('家賃滞納の情報が相談につながっていない')).toBe(true)
  })

  it('marks the model file as written without persons and keeps only ties between two actors', () => {
    const exported = exportModel(doc, { includePersons: false, roomKind: 'case' })
    expect(exported).toMatchObject({ personsIncluded: false, persons: [], info: { kind: 'case', issues: [] } })
    expect(exported.info.summary).toBeUndefined()
    const actorIds = new Set(model.actors.map((a) => a.id))
    expect(exported.relations.every((r) => actorIds.has(r.from) && actorIds.has(r.to))).toBe(true)
    expect(exportModel(doc).personsIncluded).toBe(true)
  })

  it('leaves out a tie to a person record that failed validation, with its note', () => {
    const broken = new Y.Doc()
    applyImport(broken, parsed.model, { replace: true })
    // A peer wrote an invalid age band: the person is not in the model, the tie still is.
    ;(broken.getMap('persons').get('p-son') as Y.Map<unknown>).set('ageBand', '五十代')
    expect(readModel(broken).model.persons.map((p) => p.id)).not.toContain('p-son')
    const text = JSON.stringify(exportModel(broken, { includePersons: false, roomKind: 'case' }))
    expect(personDataIn(text, json)).toEqual([])
  })

  it('keeps a community map’s district summary and issue tags', () => {
    const community = new Y.Doc()
    applyImport(community, { info: { kind: 'community', summary: '南小学校区。高齢化率が高い', issues: ['子どもの居場所がない'] }, actors: model.actors, persons: [], relations: [] }, { replace: true })
    const exported = exportModel(community, { includePersons: false, roomKind: 'community' })
    expect(exported.info).toEqual({ kind: 'community', summary: '南小学校区。高齢化率が高い', issues: ['子どもの居場所がない'] })
  })
})
