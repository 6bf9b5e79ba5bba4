import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSample } from '../graph/fixtures.ts'
import { syntheticModel } from '../graph/synthetic.ts'
import { parseXml, type XmlElement } from '../graph/xml.ts'
import type { MapModel } from '../model/schema.ts'
import { ecomapText } from './labels.ts'
import { layoutEcomap, measure, type Box, type CardLayout } from './layout.ts'
import { tieStyle } from './style.ts'
import { ecomapSvg } from './svg.ts'

const sample = loadSample('case-8050')

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h

function elements(root: XmlElement, name: string): XmlElement[] {
  return [...(root.name === name ? [root] : []), ...root.children.flatMap((c) => elements(c, name))]
}

const allText = (root: XmlElement) => elements(root, 'text').map((t) => t.text)

function expectNoOverlaps(cards: CardLayout[]): void {
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i], cards[j]), `${cards[i].id} overlaps ${cards[j].id}`).toBe(false)
  }
}

/** Every line of text of a card starts and ends inside it, and so does its level badge. */
function expectTextInside(card: CardLayout): void {
  for (const l of card.lines) {
    expect(l.x, `${card.id}: ${l.text}`).toBeGreaterThanOrEqual(card.x)
    expect(l.x + l.width, `${card.id}: ${l.text}`).toBeLessThanOrEqual(card.x + card.w)
    expect(l.y - l.size, card.id).toBeGreaterThanOrEqual(card.y)
    expect(l.y + l.size * 0.25, card.id).toBeLessThanOrEqual(card.y + card.h)
  }
  const badges = card.badge ? [card.badge] : []
  for (const badge of badges) {
    expect(inside(badge, card), `${card.id} badge`).toBe(true)
    expect(badge.text.x + badge.text.width).toBeLessThanOrEqual(badge.x + badge.w)
  }
}

describe('eco-map layout', () => {
  it('draws every actor and person of the case once, none overlapping, the household in its frame', () => {
    const layout = layoutEcomap(sample)
    const ids = layout.cards.map((c) => c.id).sort()
    expect(ids).toEqual([...sample.actors.map((a) => a.id), ...sample.persons.map((p) => p.id)].sort())
    expectNoOverlaps(layout.cards)
    for (const p of sample.persons) {
      const card = layout.cards.find((c) => c.id === p.id)!
      expect(p.household ? inside(card, layout.household!.box) : !overlap(card, layout.household!.box), p.label).toBe(true)
    }
    for (const a of layout.cards.filter((c) => c.kind === 'actor')) expect(overlap(a, layout.household!.box), a.id).toBe(false)
    for (const c of layout.cards) expect(inside(c, { x: 0, y: 0, w: layout.width, h: layout.legend.box.y }), c.id).toBe(true)
  })

  it('puts formal agencies right of the household and informal actors left of it, as long as there is room', () => {
    const layout = layoutEcomap(sample)
    const centre = layout.household!.box.x + layout.household!.box.w / 2
    const side = (formal: boolean) =>
      layout.cards.filter((c) => c.kind === 'actor' && sample.actors.find((a) => a.id === c.id)!.formal === formal).map((c) => c.x + c.w / 2 > centre)
    expect(side(false).every((right) => !right)).toBe(true)
    expect(side(true).filter((right) => right).length).toBeGreaterThan(side(true).length / 2)
  })

  it('keeps a 120-character name inside its card: two lines at most, the rest cut with …', () => {
    const long = 'あ'.repeat(60) + 'Community Welfare Coordinator WWWWWWWW mmmmmmmm '.repeat(2).slice(0, 60)
    expect([...long]).toHaveLength(120)
    const model: MapModel = {
      ...sample,
      actors: sample.actors.map((a, i) => (i === 0 ? { ...a, name: long } : i === 1 ? { ...a, name: 'W'.repeat(120) } : a)),
      persons: sample.persons.map((p, i) => (i === 0 ? { ...p, label: 'ながいながい続柄のラベルをここに書いた場合のテスト三十文字' } : p)),
    }
    for (const lang of ['ja', 'en'] as const) {
      const layout = layoutEcomap(model, { lang })
      for (const card of layout.cards) expectTextInside(card)
      const first = layout.cards.find((c) => c.id === sample.actors[0].id)!
      expect(first.lines).toHaveLength(2)
      expect(first.lines[1].text.endsWith('…')).toBe(true)
      expectNoOverlaps(layout.cards)
    }
  })

  it('measures Latin text wider than CJK-only estimates, so English labels do not spill', () => {
    expect(measure('Community', true)).toBeGreaterThan(9 * 0.55)
    expect(measure('あいう')).toBe(3)
  })

  it('places a tie label only where it covers no card', () => {
    for (const lang of ['ja', 'en'] as const) {
      const layout = layoutEcomap(sample, { lang })
      const labelled = layout.ties.filter((t) => t.label)
      expect(labelled.length).toBeGreaterThan(sample.relations.length / 3)
      for (const t of labelled) for (const c of layout.cards) expect(overlap(t.label!.box, c), `${t.id} label on ${c.id}`).toBe(false)
      for (let i = 0; i < labelled.length; i++) {
        for (let j = i + 1; j < labelled.length; j++) expect(overlap(labelled[i].label!.box, labelled[j].label!.box)).toBe(false)
      }
    }
  })

  it('lays out a big map without overlaps, in the same way every time', () => {
    const big = syntheticModel({ actors: 90, relations: 200, persons: 4, seed: 7 })
    const layout = layoutEcomap(big)
    expect(layout.cards).toHaveLength(94)
    expectNoOverlaps(layout.cards)
    expect(JSON.stringify(layoutEcomap(big))).toBe(JSON.stringify(layout))
  })

  it('draws no household frame on a map without persons (a community map)', () => {
    const community = loadSample('community-platform')
    expect(community.persons).toEqual([])
    const layout = layoutEcomap(community)
    expect(layout.household).toBeNull()
    expectNoOverlaps(layout.cards)
    expect(layout.cards).toHaveLength(community.actors.length)
    expect(allText(parseXml(ecomapSvg(community)))).not.toContain(ecomapText.ja.householdFrame)
  })

  it('fills a box about twice as wide as tall', () => {
    const layout = layoutEcomap(sample)
    expect(layout.width / layout.height).toBeGreaterThan(1.4)
    expect(layout.width / layout.height).toBeLessThan(3)
  })
})

describe('eco-map SVG', () => {
  it('parses as XML and holds each card once, with its text', () => {
    const svg = ecomapSvg(sample)
    const root = parseXml(svg)
    expect(root.name).toBe('svg')
    const cards = elements(root, 'g').filter((g) => g.attributes['data-kind'])
    expect(cards.map((g) => g.attributes['data-id']).sort()).toEqual([...sample.actors.map((a) => a.id), ...sample.persons.map((p) => p.id)].sort())
    const texts = allText(root)
    for (const a of sample.actors) expect(texts.some((t) => a.name.startsWith(t.replace(/…$/, '')) && t.length > 1), a.name).toBe(true)
    for (const p of sample.persons) expect(texts.filter((t) => t === p.label), p.label).toHaveLength(1)
    expect(root.attributes['font-family']).toMatch(/^'Noto Sans CJK JP'.*sans-serif$/)
  })

  it('passes xmllint when it is installed', () => {
    if (spawnSync('xmllint', ['--version']).error) return // not installed here; parseXml above still ran
    const dir = mkdtempSync(join(tmpdir(), 'ecomap-'))
    try {
      for (const includePersons of [true, false]) {
        writeFileSync(join(dir, 'map.svg'), ecomapSvg(sample, { includePersons, lang: includePersons ? 'ja' : 'en' }))
        const check = spawnSync('xmllint', ['--noout', join(dir, 'map.svg')], { encoding: 'utf8' })
        expect(check.stderr).toBe('')
        expect(check.status).toBe(0)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('without persons shows no person label, no tie to a person, and says that persons were left out', () => {
    const svg = ecomapSvg(sample, { includePersons: false })
    const root = parseXml(svg)
    const texts = allText(root)
    for (const p of sample.persons) {
      expect(svg).not.toContain(p.id)
      expect(texts.some((t) => t.includes(p.label.replace(/（.*$/, ''))), p.label).toBe(false)
    }
    for (const age of new Set(sample.persons.map((p) => p.ageBand))) expect(texts.some((t) => t.includes(age)), age).toBe(false)
    expect(texts).toContain(ecomapText.ja.personsOmitted)
    const layout = layoutEcomap(sample, { includePersons: false })
    expect(layout.cards.every((c) => c.kind === 'actor')).toBe(true)
    expect(layout.ties).toHaveLength(sample.relations.filter((r) => r.from.startsWith('a-') && r.to.startsWith('a-')).length)
  })

  it('escapes what users type', () => {
    const model: MapModel = { ...sample, actors: sample.actors.map((a, i) => (i === 0 ? { ...a, name: '<script>"x" & \'y\'</script>' } : a)) }
    const root = parseXml(ecomapSvg(model))
    expect(allText(root).join('')).toContain('<script>')
    expect(elements(root, 'script')).toEqual([])
  })

  it('draws the legend with the same strokes as the ties of the map', () => {
    const root = parseXml(ecomapSvg(sample))
    const legend = elements(root, 'g').find((g) => g.attributes['data-part'] === 'legend')!
    expect(allText(legend)).toEqual(expect.arrayContaining(['凡例', '既存', '予定', '不足', 'ストレス・葛藤', 'フォーマル', 'インフォーマル', '人物']))
    const planned = sample.relations.find((r) => r.status === 'planned' && r.strength === 'normal')!
    const style = tieStyle(planned)
    const tie = elements(root, 'path').find((p) => p.attributes['data-id'] === planned.id)!
    const sampleLine = elements(legend, 'path').find((p) => p.attributes['stroke-dasharray'] === style.dash)!
    for (const attr of ['stroke', 'stroke-width', 'stroke-dasharray']) expect(sampleLine.attributes[attr]).toBe(tie.attributes[attr])
  })

  it('writes its own words in English when asked', () => {
    const root = parseXml(ecomapSvg(sample, { lang: 'en' }))
    const legend = elements(root, 'g').find((g) => g.attributes['data-part'] === 'legend')!
    expect(allText(legend).join(' ')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    expect(allText(root)).toEqual(expect.arrayContaining(['Household', 'Mother', 'Eldest son']))
  })

  it('is the same picture whatever order the records come in', () => {
    const reversed: MapModel = { ...sample, actors: [...sample.actors].reverse(), persons: [...sample.persons].reverse(), relations: [...sample.relations].reverse() }
    expect(ecomapSvg(reversed)).toBe(ecomapSvg(sample))
  })
})
