import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultQuadrantSettings, type PracticeCard, type QuadrantData } from './schema.ts'
import { boxesOverlap, diagramCardBoxes, diagramSvg, escapeXml, svgFontFamily, type CardBox } from './svg.ts'
import { referencePractices } from './reference.ts'
import { quadrantAxisCatalog, quadrantCatalog } from '../i18n/quadrant.ts'
import { textWidth, wrapText } from './wrap.ts'

const base = { authorName: '', authorOrg: '福祉課', groupId: 'g1', createdAt: '2025-01-01T00:00:00.000Z' }
const cards: PracticeCard[] = [
  { ...base, id: 'q1', text: '地域福祉コーディネーター等のアウトリーチを通じて、相談や課題の発見の機会を増やす', x: -0.35, y: 0.75 },
  { ...base, id: 'q2', text: '<script>alert("x")</script> & \'quotes\' \u0001 \ud800 end', x: 0.5, y: -0.5, groupId: 'g2' },
  { ...base, id: 'q3', text: '参加支援の場づくり', x: 1, y: -1, authorOrg: '', referenceNo: 10 },
]
const data: QuadrantData = {
  practices: cards,
  groups: [
    { id: 'g1', name: '1班 & <高齢>', color: '#1f77b4', order: 0 },
    { id: 'g2', name: '2班', color: '#d62728', order: 1 },
  ],
  votes: [{ voterId: 'u1', cardId: 'q1', count: 2 }],
  settings: defaultQuadrantSettings,
}

/**
 * A small well-formedness check that needs nothing installed: tags balance and nest, attribute
 * values are quoted and hold no '<', every '&' starts a known entity, no character XML 1.0
 * forbids. xmllint, when present, checks the same file too.
 */
function assertWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
  expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  expect(xml.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, '')).not.toContain('&')
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/gy
  let roots = 0
  for (const m of body.matchAll(token)) {
    const [, close, name, , selfClose, text, stray] = m
    if (stray) throw new Error(`malformed markup at ${m.index}: ${body.slice(m.index, m.index + 60)}`)
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error('text outside the root element')
      continue
    }
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`)
    } else if (!selfClose) {
      if (stack.length === 0) roots += 1
      stack.push(name)
    } else if (stack.length === 0) roots += 1
  }
  // matchAll with the sticky flag stops at the first unmatched position: it must be the end.
  const consumed = [...body.matchAll(token)].reduce((_, m) => m.index + m[0].length, 0)
  expect(consumed).toBe(body.length)
  expect(stack).toEqual([])
  expect(roots).toBe(1)
}

/** Text content of the document, entities decoded: what a reader of the SVG sees. */
function texts(xml: string): string[] {
  return [...xml.matchAll(/>([^<]+)</g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  )
}

describe('diagram SVG', () => {
  const svg = diagramSvg(data, { title: '〇〇市 重層的支援体制 実践の四象限' })

  it('is well-formed XML', () => {
    assertWellFormedXml(svg)
  })

  it('is checked by a checker that does reject broken XML', () => {
    const broken = ['<svg><text>a & b</text></svg>', '<svg><g></svg>', '<svg x=1/>', '<svg/><svg/>', '<svg><text>a < b</text></svg>', '<svg>\u0001</svg>']
    for (const xml of broken) expect(() => assertWellFormedXml(xml), xml).toThrow(Error)
    assertWellFormedXml('<?xml version="1.0"?>\n<svg a="1"><g/><text>x &amp; y</text></svg>\n')
  })

  it('passes xmllint when it is installed', () => {
    const probe = spawnSync('xmllint', ['--version'])
    if (probe.error) return // not installed here; the check above still ran
    const dir = mkdtempSync(join(tmpdir(), 'quadrant-svg-'))
    try {
      const file = join(dir, 'diagram.svg')
      writeFileSync(file, svg)
      const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' })
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('shows both axis labels at each end, the four quadrant names and the title as text', () => {
    const shown = texts(svg)
    for (const label of Object.values(quadrantAxisCatalog.ja)) expect(shown).toContain(label)
    expect(shown).toContain('インフォーマル（地域住民）')
    expect(shown).toContain('フォーマル（専門性を有する機関）')
    expect(shown).toContain('発見と把握')
    expect(shown).toContain('課題解決と予防')
    for (const name of Object.values(quadrantCatalog.ja)) expect(shown).toContain(name)
    expect(shown).toContain('〇〇市 重層的支援体制 実践の四象限')
  })

  it('writes the diagram’s own words in English when asked', () => {
    const english = texts(diagramSvg(data, { lang: 'en' }))
    expect(english).toEqual(expect.arrayContaining(['Informal (local residents)', 'Formal (professional agencies)', 'Formal × finding needs']))
    expect(english).toContain('Reference practice no. 10')
    expect(english).toContain('2班 (1)')
    expect(english).toContain('Multi-layered support: practices in four quadrants')
    expect(english.join('\n')).not.toMatch(/発見と把握|課題解決と予防|参考事例|枚/)
  })

  it('names Japanese fonts and has no outside references', () => {
    expect(svg).toContain(`font-family="${svgFontFamily.replace(/'/g, '&apos;')}"`)
    expect(svgFontFamily).toBe("'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif")
    expect(svg.match(/https?:\/\/[^"\s]+/g)).toEqual(['http://www.w3.org/2000/svg'])
    expect(svg).not.toMatch(/<(script|image|foreignObject|style)\b/)
  })

  it('draws each card as a sticky note in its group colour, with wrapped text and votes', () => {
    expect(svg.match(/<g class="card"/g)).toHaveLength(3)
    expect(svg).toMatch(/<g class="card" data-id="q1"><title>地域福祉コーディネーター等のアウトリーチを通じて、相談や課題の発見の機会を増やす<\/title><rect [^>]*fill="#[0-9a-f]{6}" stroke="#1f77b4"/)
    expect(svg).toMatch(/data-id="q2"><title>[^<]*<\/title><rect [^>]*stroke="#d62728"/)
    const q1 = svg.slice(svg.indexOf('data-id="q1"'), svg.indexOf('data-id="q2"'))
    expect(q1.match(/<tspan /g)!.length).toBeGreaterThan(1)
    expect(q1).toMatch(/font-weight="bold" fill="#fff" text-anchor="middle">2<\/text>/)
    expect(svg).toContain('参考事例 No.10')
    // The legend names each group with its card count, escaped.
    expect(texts(svg)).toContain('1班 & <高齢>（2枚）')
  })

  it('escapes card text that looks like markup and drops characters XML cannot hold', () => {
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;  ')
    expect(escapeXml('a\u0001b\ud800c\ud83d\ude00')).toBe('abc\ud83d\ude00')
  })

  it('draws one group’s board on its own', () => {
    const only = diagramSvg(data, { groupId: 'g2', showVotes: false })
    assertWellFormedXml(only)
    expect(only.match(/<g class="card"/g)).toHaveLength(1)
    expect(texts(only)).toContain('2班（1枚）')
    expect(texts(only)).not.toContain('1班 & <高齢>（2枚）')
  })
})

describe('Japanese line wrapping', () => {
  it('keeps lines within the width and never starts a line with 、。」 or ends one with 「', () => {
    const text = '関係機関や多様な活動主体がお互いの役割を知り、情報を共有し、支援につなげるために必要なアプローチを検討する。「地域福祉コーディネーター」と連携する'
    for (const width of [5, 7, 8, 11, 13]) {
      const lines = wrapText(text, width, 99)
      expect(lines.join('')).toBe(text)
      for (const line of lines) {
        expect(textWidth(line), line).toBeLessThanOrEqual(width)
        expect(line).not.toMatch(/^[、。」ー]/)
        expect(line).not.toMatch(/「$/)
      }
    }
  })

  it('keeps Latin words whole, honours line breaks and cuts long text with an ellipsis', () => {
    // 'ッ' may not start a line: 'ネ' goes down with it.
    expect(wrapText('NPO法人 と SOS ネットワーク', 5, 9)).toEqual(['NPO法人', 'と SOS', 'ネットワー', 'ク'])
    expect(wrapText('ABCDEFGHIJKLMNOP', 5, 9)).toEqual(['ABCDEFGHI', 'JKLMNOP']) // too long for a line: split
    expect(wrapText('1行目\n2行目', 20, 5)).toEqual(['1行目', '2行目'])
    const cut = wrapText('あ'.repeat(40), 10, 2)
    expect(cut).toEqual(['あ'.repeat(10), 'あ'.repeat(9) + '…'])
  })
})

describe('cards on the diagram', () => {
  // The 17 reference practices of two groups (the same cards twice, at the same places, as when
  // two groups load the deck) and 12 more crowded round one spot: a dense plenary board.
  const practices: PracticeCard[] = [
    ...['g1', 'g2'].flatMap((groupId) => referencePractices.map((r) => ({ ...base, id: `ref${r.no}-${groupId}`, text: r.text, x: r.x, y: r.y, groupId, referenceNo: r.no }))),
    ...Array.from({ length: 12 }, (_, i) => ({ ...base, id: `extra${i}`, text: `地域の居場所づくりと見守り活動の連携 その${i + 1}`, x: 0.3 + (i % 4) * 0.02, y: 0.4 - Math.floor(i / 4) * 0.02 })),
  ]
  const dense: QuadrantData = { ...data, practices, votes: [] }

  /** Pairs of overlapping card boxes, read from the SVG as drawn. */
  function overlapsInSvg(svg: string): number {
    const boxes: CardBox[] = [...svg.matchAll(/<g class="card" data-id="([^"]+)"><title>[^<]*<\/title><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
      id: m[1],
      x: Number(m[2]) + Number(m[4]) / 2,
      y: Number(m[3]) + Number(m[5]) / 2,
      width: Number(m[4]),
      height: Number(m[5]),
    }))
    expect(boxes).toHaveLength(practices.length)
    let n = 0
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i], boxes[j])) n++
    return n
  }

  it('places every card so that no two overlap, even where many sit close together', () => {
    const svg = diagramSvg(dense, { title: '全体会' })
    assertWellFormedXml(svg)
    expect(overlapsInSvg(svg)).toBe(0)
    writeFileSync(join(tmpdir(), 'quadrant-dense.svg'), svg)
  })

  it('would overlap without the separating pass (the count above can fail)', () => {
    const asPut = diagramCardBoxes(dense, { title: '全体会' }, false)
    let before = 0
    for (let i = 0; i < asPut.length; i++) for (let j = i + 1; j < asPut.length; j++) if (boxesOverlap(asPut[i], asPut[j])) before++
    expect(before).toBeGreaterThan(20)
  })

  it('keeps each card inside the plot and near where it was put', () => {
    const boxes = diagramCardBoxes(dense, { title: '全体会' })
    for (const b of boxes) {
      expect(b.x - b.width / 2).toBeGreaterThanOrEqual(40 - 0.01)
      expect(b.x + b.width / 2).toBeLessThanOrEqual(1560 + 0.01)
      expect(b.y - b.height / 2).toBeGreaterThanOrEqual(96 - 0.01)
      expect(b.y + b.height / 2).toBeLessThanOrEqual(1104 + 0.01)
    }
    // A lone card does not move at all.
    const single = diagramCardBoxes({ ...data, practices: [cards[0]] })
    expect(single[0].x).toBeCloseTo(800 + (-0.35 * 1520) / 2, 5)
  })
})
