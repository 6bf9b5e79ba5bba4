import fs from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readModel } from './doc.ts'
import { applyImport, exportModel, ImportFormatError, parseImport } from './transfer.ts'

const sample = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../samples', name), 'utf8')) as Record<string, unknown>

const loadInto = (json: unknown, roomKind?: 'case' | 'community' | 'training') => {
  const doc = new Y.Doc()
  const parsed = parseImport(json, { roomKind })
  applyImport(doc, parsed.model, { replace: true })
  return { doc, parsed }
}

const withoutTimestamp = ({ exportedAt: _, ...rest }: ReturnType<typeof exportModel>) => rest

describe('import and export', () => {
  for (const [file, roomKind] of [
    ['case-8050.json', 'case'],
    ['community-platform.json', 'community'],
    ['wide-area-prefecture.json', 'community'],
  ] as const) {
    it(`loads ${file} completely and round-trips it unchanged`, () => {
      const json = sample(file)
      const { doc, parsed } = loadInto(json, roomKind)
      expect(parsed.report.rejected).toEqual([])
      expect(parsed.report.accepted).toEqual({
        actors: (json.actors as unknown[]).length,
        persons: ((json.persons as unknown[]) ?? []).length,
        relations: (json.relations as unknown[]).length,
      })
      expect(readModel(doc).problems).toEqual([])

      const exported = exportModel(doc)
      const again = loadInto(JSON.parse(JSON.stringify(exported)), roomKind)
      expect(again.parsed.report.rejected).toEqual([])
      expect(withoutTimestamp(exportModel(again.doc))).toEqual(withoutTimestamp(exported))
    })
  }

  it('maps the sample’s household issues onto the map', () => {
    const { doc } = loadInto(sample('case-8050.json'), 'case')
    expect(readModel(doc).model.info).toMatchObject({ kind: 'case', issues: expect.arrayContaining(['8050', '社会的孤立']) })
  })

  it('reports what it rejected and why, and imports the rest', () => {
    const json = {
      actors: [
        { id: 'a1', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true },
        { id: 'a2', name: '謎の機関', level: '銀河', fields: ['高齢'], formal: true },
        { id: 'a1', name: '重複', level: '地域', fields: ['住民活動'], formal: false },
      ],
      persons: [
        { id: 'p1', label: '本人', ageBand: '50代', household: true, issues: ['ひきこもり'] },
        { id: 'p2', label: '母', ageBand: '80代', household: true, name: '実名' },
      ],
      relations: [
        { from: 'a1', to: 'p1', type: '支援提供', status: 'planned' },
        { from: 'a1', to: 'a2', type: 'つなぎ' },
        { from: 'a1', to: 'p1', type: '仲良し' },
      ],
    }
    const { parsed, doc } = loadInto(json, 'case')
    expect(parsed.report.accepted).toEqual({ actors: 1, persons: 1, relations: 1 })
    const reasons = parsed.report.rejected.map((r) => `${r.kind}#${r.index}: ${r.message}`)
    expect(reasons).toEqual([
      expect.stringMatching(/^actor#2: 階層/),
      expect.stringMatching(/^actor#3: .*重複/),
      expect.stringMatching(/^person#2: 使えない項目.*name/),
      expect.stringMatching(/^relation#3: 関係の種類/),
      expect.stringMatching(/^relation#2: つながり先.*a2/),
    ])
    expect(parsed.report.rejected.map((r) => `${r.kind}#${r.index}: ${r.messageEn}`)).toEqual([
      expect.stringMatching(/^actor#2: Level: Use one of: /),
      expect.stringMatching(/^actor#3: The ID “.*” appears more than once\.$/),
      expect.stringMatching(/^person#2: These fields are not allowed: name \(personal details/),
      expect.stringMatching(/^relation#3: Type of tie: Use one of: つなぎ \(Referral\), /),
      expect.stringMatching(/^relation#2: The tie connects cards that do not exist \(a2\)\.$/),
    ])
    expect(readModel(doc).model.relations).toHaveLength(1)
  })

  it('refuses persons in a community map', () => {
    const { parsed } = loadInto(sample('case-8050.json'), 'community')
    expect(parsed.report.accepted.persons).toBe(0)
    expect(parsed.report.rejected.some((r) => r.kind === 'person' && /地域資源マップ/.test(r.message))).toBe(true)
    expect(parsed.report.rejected.find((r) => r.kind === 'person')!.messageEn).toBe('A community resource map cannot hold persons (household members).')
  })

  it('explains files that are not a map at all', () => {
    expect(() => parseImport([1, 2, 3])).toThrow(ImportFormatError)
    const notAList = (() => {
      try {
        parseImport({ actors: 'many' })
      } catch (error) {
        return error as ImportFormatError
      }
    })()!
    expect(notAList.message).toBe('「actors」は一覧（配列）である必要があります。')
    expect(notAList.messageIn('en')).toBe('“actors” must be a list (a JSON array).')
    expect(() => parseImport({ actors: 'many' })).toThrow(/配列/)
    expect(() => parseImport({})).toThrow(/1件も/)
  })

  it('imports a person whose label or note looks like a name or an address, with a warning per row', () => {
    const json = {
      summary: '本人は山田太郎。',
      persons: [
        { id: 'p1', label: '本人', ageBand: '50代', household: true },
        { id: 'p2', label: '山田太郎（本人・住所：〇〇町1-2-3）', ageBand: '50代', household: true },
        { id: 'p3', label: '母', ageBand: '80代', household: true, note: '連絡先 090-1234-5678' },
      ],
    }
    const { parsed, doc } = loadInto(json, 'case')
    expect(parsed.report.rejected).toEqual([])
    expect(parsed.report.accepted.persons).toBe(3)
    expect(readModel(doc).model.persons.map((p) => p.label)).toContain('山田太郎（本人・住所：〇〇町1-2-3）')
    expect(parsed.report.warnings.map((w) => `${w.kind}#${w.index} ${w.id}: ${w.message}`)).toEqual([
      expect.stringMatching(/^person#2 p2: 続柄・役割の「山田太郎」.*氏名・住所のように見えます。.*長男/),
      expect.stringMatching(/^person#3 p3: メモの「090-1234-5678」は電話番号のように見えます/),
      expect.stringMatching(/^info#null null: 概要の「山田太郎」は氏名/),
    ])
    expect(parsed.report.warnings.map((w) => w.messageEn)).toEqual([
      expect.stringMatching(/^The role “山田太郎”.* looks like a name \/ an address\. .*role or family relationship/),
      expect.stringMatching(/^The note “090-1234-5678” looks like a phone number\./),
      expect.stringMatching(/^The summary “山田太郎” looks like a name\./),
    ])
    expect(loadInto(sample('case-8050.json'), 'case').parsed.report.warnings).toEqual([])
  })

  it('can leave persons out of an export', () => {
    const { doc } = loadInto(sample('case-8050.json'), 'case')
    const exported = exportModel(doc, { includePersons: false })
    expect(exported.persons).toEqual([])
    const personIds = new Set(readModel(doc).model.persons.map((p) => p.id))
    expect(exported.relations.some((r) => personIds.has(r.from) || personIds.has(r.to))).toBe(false)
  })
})

describe('importing by adding (the lists’ default)', () => {
  it('keeps both maps when a second file numbers its ties r-1, r-2… too', () => {
    const doc = new Y.Doc()
    applyImport(doc, parseImport(sample('case-8050.json')).model, { replace: false })
    applyImport(doc, parseImport(sample('wide-area-prefecture.json')).model, { replace: false })
    const { model } = readModel(doc)
    expect(model.relations).toHaveLength(22 + 25)
    // Every tie still joins the cards it joined in its own file.
    const ids = new Set([...model.actors, ...model.persons].map((n) => n.id))
    for (const r of model.relations) expect(ids.has(r.from) && ids.has(r.to)).toBe(true)
    // The first map's kind and household tags stay; the second file's tags are added.
    expect(model.info.kind).toBe('case')
    expect(model.info.issues).toEqual(expect.arrayContaining(['8050']))
  })

  it('updates a record field by field and adds the same file twice without duplicates', () => {
    const doc = new Y.Doc()
    const parsed = parseImport(sample('case-8050.json')).model
    applyImport(doc, parsed, { replace: false })
    const id = parsed.actors[0].id
    ;(doc.getMap('actors').get(id) as Y.Map<unknown>).set('note', '同僚のメモ')
    applyImport(doc, parsed, { replace: false })
    const { model } = readModel(doc)
    expect(model.actors).toHaveLength(parsed.actors.length)
    expect(model.relations).toHaveLength(parsed.relations.length)
    expect(model.actors.find((a) => a.id === id)?.note).toBe('同僚のメモ')
  })
})
