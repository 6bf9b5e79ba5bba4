import { describe, expect, it } from 'vitest'
import { csvField, csvText, practicesCsv } from './csv.ts'
import { defaultQuadrantSettings, type PracticeCard, type QuadrantData } from './schema.ts'

const base = { authorName: '', authorOrg: '福祉課', groupId: 'g1', createdAt: '2025-01-01T00:00:00.000Z' }
const cards: PracticeCard[] = [
  { ...base, id: 'q1', text: '見守り、声かけ、居場所づくり', x: -0.5, y: 0.25, authorName: '佐藤' },
  { ...base, id: 'q2', text: '「"つなぐ"会議」を月1回', x: 0.123456, y: -0.5, authorOrg: '高齢介護課', createdAt: '2025-01-01T00:00:01.000Z' },
  { ...base, id: 'q3', text: '1行目\n2行目\r\n3行目', x: 0, y: 0, groupId: 'g2', createdAt: '2025-01-01T00:00:02.000Z' },
  { ...base, id: 'q4', text: '=HYPERLINK("http://example.com")', x: 0.5, y: 0.5, groupId: 'g-gone', createdAt: '2025-01-01T00:00:03.000Z' },
  { ...base, id: 'q5', text: '参加支援の場づくり', x: -0.3, y: -0.35, authorOrg: '', referenceNo: 10, createdAt: '2025-01-01T00:00:04.000Z' },
]
const data: QuadrantData = {
  practices: cards,
  groups: [
    { id: 'g1', name: '1班, 高齢', color: '#1f77b4', order: 0 },
    { id: 'g2', name: '2班', color: '#d62728', order: 1 },
  ],
  votes: [
    { voterId: 'u1', cardId: 'q2', count: 5 }, // clamped to the limit of 3
    { voterId: 'u2', cardId: 'q2', count: 1 }, // 3 + 1 = 4
  ],
  settings: defaultQuadrantSettings,
}

/** A strict RFC 4180 reader, to check that what we write reads back to the same values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i += 2
    } else if (quoted && ch === '"') {
      quoted = false
      i += 1
    } else if (quoted) {
      field += ch
      i += 1
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`)
      quoted = true
      i += 1
    } else if (ch === ',') {
      row.push(field)
      field = ''
      i += 1
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 2
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`)
    } else {
      field += ch
      i += 1
    }
  }
  if (quoted) throw new Error('unterminated quote')
  if (field !== '' || row.length) throw new Error('last record without CRLF')
  return rows
}

describe('practices CSV', () => {
  const csv = practicesCsv(data)

  it('starts with a UTF-8 BOM and the Japanese headers, and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFテキスト,所属,記入者,x,y,象限,グループ,票数\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('quotes commas, quotes and line breaks so that every value reads back unchanged', () => {
    const rows = parseCsv(csv.slice(1))
    expect(rows).toHaveLength(1 + cards.length)
    expect(rows.every((r) => r.length === 8)).toBe(true)
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '見守り、声かけ、居場所づくり',
      '「"つなぐ"会議」を月1回',
      '1行目\n2行目\r\n3行目',
      `'=HYPERLINK("http://example.com")`,
      '参加支援の場づくり',
    ])
    expect(csv).toContain('\r\n"「""つなぐ""会議」を月1回",高齢介護課,,0.123,-0.5,フォーマル × 課題解決と予防,"1班, 高齢",4\r\n')
  })

  it('writes coordinates, the quadrant (or the axis), the group and clamped votes', () => {
    const rows = parseCsv(csv.slice(1)).slice(1)
    expect(rows[0]).toEqual(['見守り、声かけ、居場所づくり', '福祉課', '佐藤', '-0.5', '0.25', 'インフォーマル × 発見と把握', '1班, 高齢', '0'])
    expect(rows[1].slice(3)).toEqual(['0.123', '-0.5', 'フォーマル × 課題解決と予防', '1班, 高齢', '4'])
    expect(rows[2].slice(3)).toEqual(['0', '0', '軸上（中心・4象限の境）', '2班', '0'])
    expect(rows[3].slice(5, 7)).toEqual(['フォーマル × 発見と把握', '（グループなし）'])
    expect(rows[4].slice(1, 3)).toEqual(['', ''])
  })

  it('can export one group only', () => {
    const rows = parseCsv(practicesCsv(data, { groupId: 'g2' }).slice(1))
    expect(rows.map((r) => r[0])).toEqual(['テキスト', '1行目\n2行目\r\n3行目'])
  })

  it('writes its own words in English when asked, the cards as written', () => {
    const english = practicesCsv(data, { lang: 'en' })
    expect(english.startsWith('\uFEFFText,Department or agency,Written by,x,y,Quadrant,Group,Votes\r\n')).toBe(true)
    const rows = parseCsv(english.slice(1)).slice(1)
    expect(rows[0].slice(0, 6)).toEqual(['見守り、声かけ、居場所づくり', '福祉課', '佐藤', '-0.5', '0.25', 'Informal × finding needs'])
    expect(rows[2][5]).toBe('On the axes (centre, where all four quadrants meet)')
    expect(rows[3].slice(5, 7)).toEqual(['Formal × finding needs', '(no group)'])
  })

  it('keeps formulas out of Excel but leaves ordinary text alone', () => {
    expect(csvText('+81 3')).toBe("'+81 3")
    expect(csvText('-地域')).toBe("'-地域")
    expect(csvText('@会議')).toBe("'@会議")
    expect(csvText('地域=住民')).toBe('地域=住民')
    expect(csvField('a"b')).toBe('"a""b"')
    expect(csvField('plain')).toBe('plain')
  })
})
