import { describe, expect, it } from 'vitest'
import { defineCatalog } from './catalog.ts'
import { bilingual, CatalogError, message, messageIn } from './message.ts'

const fields = defineCatalog('test.fields', { name: '名称' }, { name: 'Name' })
const problems = defineCatalog(
  'test.problems',
  { field: '{field}: {problem}', tooLong: '{max}文字以内にしてください', quoted: '「{text}」は{kind}です' },
  { field: '{field}: {problem}', tooLong: 'Use {max} characters or fewer.', quoted: '“{text}” is {kind}.' },
)

describe('catalog messages', () => {
  it('fill placeholders in the reader’s language, nested messages and pairs included', () => {
    const m = message(problems, 'field', { field: message(fields, 'name'), problem: message(problems, 'tooLong', { max: 120 }) })
    expect(messageIn(m, 'ja')).toBe('名称: 120文字以内にしてください')
    expect(messageIn(m, 'en')).toBe('Name: Use 120 characters or fewer.')
    expect(bilingual(message(problems, 'quoted', { text: '山田', kind: { ja: '氏名', en: 'a name' } }))).toEqual({
      ja: '「山田」は氏名です',
      en: '“山田” is a name.',
    })
  })

  it('make errors whose message is Japanese and that say the same in English', () => {
    const error = new CatalogError(message(problems, 'tooLong', { max: 30 }))
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe('30文字以内にしてください')
    expect(error.messageIn('en')).toBe('Use 30 characters or fewer.')
    expect(error.messageEn).toBe('Use 30 characters or fewer.')
    expect(error).toMatchObject({ key: 'tooLong', params: { max: 30 } })
  })
})
