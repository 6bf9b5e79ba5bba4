import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { collection, readModel } from './doc.ts'
import { addRecord, ModelValidationError, removeRecord, updateInfo, updateRecord } from './ops.ts'
import { messageIn } from '../i18n/message.ts'
import { actorSchema, describeIssue, issueMessage, personSchema, relationSchema, type Actor } from './schema.ts'

const actor: Omit<Actor, 'id'> = { name: '地域包括支援センター', level: '市区町村（委託・法人・事業所）', fields: ['高齢'], formal: true }

describe('schema', () => {
  it('rejects each kind of invalid record with a message naming the field', () => {
    const cases: [ReturnType<typeof actorSchema.safeParse>, RegExp][] = [
      [actorSchema.safeParse({ id: 'a1', ...actor, level: '村' }), /^階層: /],
      [actorSchema.safeParse({ id: 'a1', ...actor, fields: [] }), /^分野: 1つ以上/],
      [actorSchema.safeParse({ id: 'a1', ...actor, fields: ['宇宙'] }), /^分野: /],
      [actorSchema.safeParse({ id: 'a1', ...actor, name: '' }), /^名称: /],
      [actorSchema.safeParse({ id: 'a1', ...actor, formal: 'yes' }), /^フォーマル.*: フォーマル（true）/],
      [actorSchema.safeParse({ id: 'a 1', ...actor }), /^ID: /],
    ]
    for (const [result, message] of cases) {
      expect(result.success).toBe(false)
      expect(describeIssue(result.error!)).toMatch(message)
    }
  })

  it('has no place for a person’s real name or address', () => {
    const withName = personSchema.safeParse({ id: 'p1', label: '母', ageBand: '80代', household: true, name: '山田花子' })
    expect(withName.success).toBe(false)
    expect(describeIssue(withName.error!)).toMatch(/使えない項目.*name.*個人情報/)
    const withAddress = personSchema.safeParse({ id: 'p1', label: '母', ageBand: '80代', household: true, address: '南町1-2-3' })
    expect(withAddress.success).toBe(false)
  })

  it('fills relation defaults and refuses a relation from a card to itself', () => {
    const ok = relationSchema.parse({ id: 'r1', from: 'a', to: 'b', type: 'つなぎ' })
    expect(ok).toMatchObject({ direction: 'forward', strength: 'normal', status: 'existing' })
    expect(relationSchema.safeParse({ id: 'r1', from: 'a', to: 'a', type: 'つなぎ' }).success).toBe(false)
    const badType = relationSchema.safeParse({ id: 'r1', from: 'a', to: 'b', type: '友情' })
    expect(badType.success).toBe(false)
    expect(describeIssue(badType.error!)).toMatch(/^関係の種類: /)
  })

  it('says the same in English, naming the field and the values a file must use', () => {
    const cases: [ReturnType<typeof actorSchema.safeParse>, string][] = [
      [actorSchema.safeParse({ id: 'a1', ...actor, name: '' }), 'Name: Please fill this in.'],
      [actorSchema.safeParse({ id: 'a1', ...actor, name: 'x'.repeat(121) }), 'Name: Use 120 characters or fewer.'],
      [actorSchema.safeParse({ id: 'a1', ...actor, fields: [] }), 'Fields: Choose at least one.'],
      [actorSchema.safeParse({ id: 'a1', level: '国', fields: ['高齢'], formal: true }), 'Name: This is required.'],
      [actorSchema.safeParse({ id: 'a1', ...actor, address: '南町1-2-3' }), 'These fields are not allowed: address (personal details such as names and addresses cannot be recorded).'],
    ]
    expect(cases.map(([result]) => describeIssue(result.error!, 'en'))).toEqual(cases.map(([, message]) => message))
    const badLevel = actorSchema.safeParse({ id: 'a1', ...actor, level: '村' }).error!
    expect(describeIssue(badLevel)).toBe('階層: 国 / 都道府県 / 市区町村（庁内） / 市区町村（委託・法人・事業所） / 地域 のいずれかを指定してください')
    expect(describeIssue(badLevel, 'en')).toMatch(/^Level: Use one of: 国 \(National government\), 都道府県 \(Prefecture\), /)
    const badIssue = issueMessage(personSchema.safeParse({ id: 'p1', label: '母', ageBand: '80代', household: true, issues: ['x'.repeat(41)] }).error!)
    expect(badIssue).toMatchObject({ key: 'fieldProblem' })
    expect(messageIn(badIssue, 'ja')).toBe('課題タグ: タグは40文字以内にしてください')
    expect(messageIn(badIssue, 'en')).toBe('Issue tags: Tags must be 40 characters or fewer.')
  })
})

describe('model in the Y.Doc', () => {
  it('reports and skips invalid records and dangling relations, and reads the rest', () => {
    const doc = new Y.Doc()
    const a = addRecord(doc, 'actor', actor)
    const b = addRecord(doc, 'actor', { ...actor, name: '民生委員', level: '地域', fields: ['住民活動'], formal: false })
    addRecord(doc, 'relation', { from: a.id, to: b.id, type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'existing' })
    // What a buggy or hostile peer could sync: wrong types, a dangling relation, a non-map.
    doc.transact(() => {
      const broken = new Y.Map<unknown>()
      collection(doc, 'actor').set('a-broken', broken)
      broken.set('name', 42)
      const dangling = new Y.Map<unknown>()
      collection(doc, 'relation').set('r-dangling', dangling)
      for (const [k, v] of Object.entries({ from: a.id, to: 'a-gone', type: '連携・協働' })) dangling.set(k, v)
      ;(collection(doc, 'person') as unknown as Y.Map<unknown>).set('p-junk', 'not a record')
    })
    const { model, problems } = readModel(doc)
    expect(model.actors.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
    expect(model.relations).toHaveLength(1)
    expect(problems.map((p) => p.id).sort()).toEqual(['a-broken', 'p-junk', 'r-dangling'])
    expect(problems.find((p) => p.id === 'r-dangling')!.message).toMatch(/a-gone/)
    expect(problems.find((p) => p.id === 'r-dangling')!.messageEn).toBe('The tie connects cards that do not exist (a-gone).')
    expect(problems.find((p) => p.id === 'p-junk')).toMatchObject({ message: 'レコードの形式が正しくありません', messageEn: 'The record is not in the expected format.' })
    expect(problems.find((p) => p.id === 'a-broken')!.messageEn).toMatch(/^Name: /)
  })

  it('removes a card’s relations with the card, in one undoable step', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager([collection(doc, 'actor'), collection(doc, 'relation')], { trackedOrigins: new Set(['me']) })
    const a = addRecord(doc, 'actor', actor, 'me')
    const b = addRecord(doc, 'actor', { ...actor, name: 'ケアマネジャー' }, 'me')
    addRecord(doc, 'relation', { from: a.id, to: b.id, type: '連携・協働', direction: 'both', strength: 'strong', status: 'existing' }, 'me')
    undo.stopCapturing()
    removeRecord(doc, 'actor', a.id, 'me')
    expect(readModel(doc).model.relations).toHaveLength(0)
    undo.undo()
    const restored = readModel(doc).model
    expect(restored.actors).toHaveLength(2)
    expect(restored.relations).toHaveLength(1)
  })

  it('validates edits and clears optional fields', () => {
    const doc = new Y.Doc()
    const a = addRecord(doc, 'actor', { ...actor, note: '月1回の連絡会' })
    expect(() => updateRecord(doc, 'actor', a.id, { fields: [] })).toThrow(ModelValidationError)
    updateRecord(doc, 'actor', a.id, { note: '' })
    expect(readModel(doc).model.actors[0].note).toBeUndefined()
    expect(() => addRecord(doc, 'relation', { from: a.id, to: 'nobody', type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'existing' })).toThrow(
      /つなぐ先/,
    )
    const ends = (() => {
      try {
        addRecord(doc, 'relation', { from: a.id, to: 'nobody', type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'existing' })
      } catch (error) {
        return error as ModelValidationError
      }
    })()!
    expect(ends).toBeInstanceOf(ModelValidationError)
    expect(ends).toMatchObject({ kind: 'relation', key: 'endsMissing', message: 'つなぐ先のカードがありません。カードを選び直してください' })
    expect(ends.messageIn('en')).toBe('A card this tie connects is missing. Please choose the cards again.')
    removeRecord(doc, 'actor', a.id)
    expect(() => updateRecord(doc, 'actor', a.id, { note: 'x' })).toThrow('このカードはすでに削除されています')
    expect(() => updateRecord(doc, 'actor', a.id, { note: 'x' })).toThrow(expect.objectContaining({ messageEn: 'This card has already been deleted.' }))
    updateInfo(doc, { issues: ['8050', '社会的孤立'] })
    expect(readModel(doc).model.info.issues).toEqual(['8050', '社会的孤立'])
  })

  it('merges concurrent edits of different fields of one card from two peers', () => {
    const one = new Y.Doc()
    const two = new Y.Doc()
    const a = addRecord(one, 'actor', actor)
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    // Offline from each other: neither sees the other's change before making its own.
    updateRecord(one, 'actor', a.id, { note: '担当: 相談係' })
    updateRecord(two, 'actor', a.id, { fields: ['高齢', '権利擁護'] })
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    for (const doc of [one, two]) {
      expect(readModel(doc).model.actors[0]).toMatchObject({ note: '担当: 相談係', fields: ['高齢', '権利擁護'] })
    }
  })
})
