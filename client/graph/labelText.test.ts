import { describe, expect, it } from 'vitest'
import { breakable, MAX_LABEL_CHARS, shortLabel } from './labelText'

const ZWSP = '\u200b'

describe('labels drawn on the graph', () => {
  it('keeps a name that fits as it is written, line breaks included', () => {
    expect(shortLabel('地域包括支援センター')).toBe('地域包括支援センター')
    expect(shortLabel('中央地区\n民生委員児童委員協議会')).toBe('中央地区\n民生委員児童委員協議会')
  })

  it('shortens a 120-character name with an ellipsis', () => {
    const long = 'あ'.repeat(120)
    const drawn = shortLabel(long)
    expect(drawn.endsWith('…')).toBe(true)
    expect([...drawn].length).toBeLessThanOrEqual(MAX_LABEL_CHARS)
  })

  it('keeps at most three typed lines, marking the cut', () => {
    expect(shortLabel('一\n二\n三\n四')).toBe('一\n二\n三…')
  })

  it('lets a Japanese name break between its words, not inside センター nor before 」 or ー', () => {
    const b = breakable('ひきこもり地域支援センター（北部）')
    expect(b.replaceAll(ZWSP, '')).toBe('ひきこもり地域支援センター（北部）')
    expect(b.split(ZWSP)).toEqual(['ひきこもり', '地域', '支援', 'センター', '（北部）'])
    // A one-kanji suffix stays with its word.
    expect(breakable('民生委員児童委員協議会').split(ZWSP).at(-1)).toBe('協議会')
    expect(breakable('NPO法人 若者サポートステーション')).toBe(`NPO${ZWSP}法人 若者${ZWSP}サポート${ZWSP}ステーション`)
  })

  it('breaks between characters where no word dictionary is at hand, and inside a word too long for a line', () => {
    const b = breakable('支援センター（北部）', null)
    expect(b).toContain(`支${ZWSP}援`)
    expect(b).not.toContain(`タ${ZWSP}ー`)
    expect(b).not.toContain(`（${ZWSP}北`)
    expect(b).not.toContain(`部${ZWSP}）`)
    const long = breakable('ア'.repeat(14), (line) => [line])
    expect(long.split(ZWSP).length).toBe(14)
  })
})
