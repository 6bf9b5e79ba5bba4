import { describe, expect, it } from 'vitest'
import type { Figures, ModelComparison } from '../../shared/history/diff'
import { attendeesText, comparisonSections, figureRows, localDate, nameResolver, nothingChanged, parseAttendees } from './records-summary'

const figures = (over: Partial<Figures> = {}): Figures => ({
  actors: 3,
  persons: 1,
  ties: 3,
  countedTies: 2,
  density: 0.3333,
  isolatedActors: ['a-hoken'],
  gapPersons: ['p-mother'],
  cutPoints: ['a-houkatsu'],
  ...over,
})

const empty = (): ModelComparison => ({
  actors: { added: [], removed: [], changed: [] },
  persons: { added: [], removed: [], changed: [] },
  relations: { added: [], removed: [], changed: [] },
  summary: { progress: 0, loss: 0, other: 0 },
  figures: { before: figures(), after: figures() },
})

const current = {
  actors: [
    { id: 'a-houkatsu', name: '地域包括支援センター' },
    { id: 'a-hoken', name: '保健センター' },
  ],
  persons: [{ id: 'p-mother', label: '母' }],
}

function sample(): ModelComparison {
  const diff = empty()
  diff.actors.added = [{ id: 'a-new', label: '就労支援事業所' }]
  diff.actors.removed = [{ id: 'a-gone', label: '民生委員' }]
  diff.relations.changed = [
    { id: 'r1', from: 'a-houkatsu', to: 'p-mother', type: '支援提供', statusBefore: 'planned', statusAfter: 'existing', kind: 'progress' },
    { id: 'r2', from: 'a-hoken', to: 'p-mother', type: '見守り', statusBefore: 'existing', statusAfter: 'planned', kind: 'loss' },
    { id: 'r3', from: 'a-hoken', to: 'a-houkatsu', type: '情報共有', statusBefore: 'planned', statusAfter: 'planned', kind: 'other' },
  ]
  diff.relations.removed = [
    { id: 'r4', from: 'a-gone', to: 'a-houkatsu', type: 'つなぎ', status: 'existing' },
    { id: 'r5', from: 'a-gone', to: 'p-mother', type: '見守り', status: 'missing' },
  ]
  diff.relations.added = [{ id: 'r6', from: 'a-new', to: 'p-unknown', type: '支援提供', status: 'planned' }]
  diff.figures.after = figures({ actors: 3, countedTies: 3, density: 0.5, isolatedActors: [], cutPoints: ['a-houkatsu', 'a-hoken'] })
  return diff
}

describe('meeting records: attendees and dates (records-summary.ts)', () => {
  it('splits attendees on commas and 読点, trims, and keeps each once', () => {
    expect(parseAttendees('福祉総務課、地域包括支援センター, 社協，福祉総務課 ,, ')).toEqual(['福祉総務課', '地域包括支援センター', '社協'])
    expect(parseAttendees('  ')).toEqual([])
  })

  it('writes attendees as each language lists them', () => {
    expect(attendeesText(['福祉総務課', '社協'], 'ja')).toBe('福祉総務課、社協')
    expect(attendeesText(['福祉総務課', '社協'], 'en')).toBe('福祉総務課, 社協')
    expect(attendeesText([], 'ja')).toBe('記録なし')
    expect(attendeesText([], 'en')).toBe('none recorded')
  })

  it('gives the local date as YYYY-MM-DD', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
})

describe('meeting records: a comparison in words (records-summary.ts)', () => {
  it('names ids from the map now, then from the refs, else shows the id', () => {
    const name = nameResolver(sample(), current, 'ja')
    expect(name('a-houkatsu')).toBe('地域包括支援センター')
    expect(name('a-gone')).toBe('民生委員')
    expect(name('p-unknown')).toBe('p-unknown')
  })

  it('lists progress, loss, agencies and ties in Japanese', () => {
    const diff = sample()
    const sections = comparisonSections(diff, nameResolver(diff, current, 'ja'), 'ja')
    const by = Object.fromEntries(sections.map((s) => [s.key, s]))
    expect(sections.map((s) => s.key)).toEqual(['progress', 'loss', 'actorsAdded', 'actorsRemoved', 'tiesAdded', 'tiesRemoved', 'otherChanges'])
    expect(by.progress).toMatchObject({ heading: '進んだつながり', tone: 'progress', items: ['地域包括支援センター → 母：支援提供 予定→既存'] })
    expect(by.loss.heading).toBe('失われたつながり')
    expect(by.loss.tone).toBe('loss')
    expect(by.loss.items).toEqual(['保健センター → 母：見守り 既存→予定', '民生委員 → 地域包括支援センター：つなぎ 既存→削除'])
    expect(by.actorsAdded.items).toEqual(['就労支援事業所'])
    expect(by.actorsRemoved.items).toEqual(['民生委員'])
    expect(by.tiesAdded.items).toEqual(['就労支援事業所 → p-unknown：支援提供（予定）'])
    expect(by.tiesRemoved.items).toEqual(['民生委員 → 母：見守り（不足（必要だが未整備））'])
    expect(by.otherChanges.items).toEqual(['保健センター → 地域包括支援センター：情報共有（強さ・向き・メモなど）'])
  })

  it('writes the same comparison in English with the vocabulary in English', () => {
    const diff = sample()
    const sections = comparisonSections(diff, nameResolver(diff, current, 'en'), 'en')
    expect(sections[0].heading).toBe('Ties that moved forward')
    expect(sections[0].items).toEqual(['地域包括支援センター → Mother: Provides support Planned → Existing'])
    expect(sections[1].items[1]).toMatch(/ Existing → removed$/)
    for (const s of sections) expect(s.heading).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })

  it('shows the figures before → after, with whether they got better', () => {
    const diff = sample()
    const rows = figureRows(diff, nameResolver(diff, current, 'ja'), 'ja')
    const by = Object.fromEntries(rows.map((r) => [r.key, r]))
    expect(by.figureActors).toMatchObject({ text: '機関：3 → 3', details: [], trend: null })
    expect(by.figureTies).toMatchObject({ text: 'つながり（既存）：2 → 3', trend: 'better', trendText: '改善' })
    expect(by.figureIsolated).toMatchObject({ text: '孤立している機関：1 → 0', details: ['外れた：保健センター'], trend: 'better' })
    expect(by.figureGap).toMatchObject({ text: '狭間の人物：1 → 1', details: [], trend: 'same' })
    expect(by.figureCutPoints).toMatchObject({ text: '要の機関・人物：1 → 2', details: ['加わった：保健センター'], trend: 'worse', trendText: '悪化' })
    expect(by.figureDensity).toMatchObject({ text: '密度：0.33 → 0.50', trend: 'better' })
    expect(figureRows(diff, (id) => id, 'en').find((r) => r.key === 'figureDensity')?.text).toBe('Density: 0.33 → 0.50')
  })

  it('says when nothing changed', () => {
    expect(nothingChanged(empty())).toBe(true)
    expect(comparisonSections(empty(), (id) => id, 'ja')).toEqual([])
    expect(nothingChanged(sample())).toBe(false)
  })
})
