import { describe, expect, it } from 'vitest'
import { deriveGraph } from './derive.ts'
import { findGaps } from './gaps.ts'
import { loadSample } from './fixtures.ts'

/**
 * case-8050.json, person by person (formal agencies only; informal ties do not count):
 *  - 母 (p-mother): 地域包括支援センター → 母, 支援提供, strong, existing. Connected. The plan adds
 *    ケアマネ (planned, 高齢: already covered by 地域包括), 自立相談 (planned, 生活困窮) and
 *    権利擁護センター (missing): 生活困窮 and 権利擁護 are not covered yet.
 *  - 長男 (p-son): his only existing formal tie is 社協 CSW's outreach, strength weak ("本人とは
 *    まだ会えていない"); 保健師 is missing and the カフェ is informal. Not 狭間 by the rule
 *    (a tie exists) but fragile; 保健・医療 and 精神保健 are uncovered.
 *  - 長女（別居） (p-daughter): 子ども家庭支援センター → 長女, normal, existing. Connected.
 * So by the strict rule nobody in the sample is in the 狭間 and the son is the one to watch.
 * The mutations below show each 狭間 situation on the same case.
 */
describe('狭間 detection', () => {
  const model = loadSample('case-8050')

  it('on case-8050 flags nobody as 狭間 and the withdrawn son as fragile', () => {
    const gaps = findGaps(deriveGraph(model))
    const byId = Object.fromEntries(gaps.map((g) => [g.id, g]))
    expect(gaps.filter((g) => g.hazama)).toEqual([])
    expect(gaps.filter((g) => g.situation === 'fragile').map((g) => g.id)).toEqual(['p-son'])
    expect(byId['p-son']).toMatchObject({ label: '長男', formalTies: { existing: 1, planned: 0, missing: 1 }, uncoveredFields: ['保健・医療', '精神保健'] })
    expect(byId['p-mother']).toMatchObject({ situation: 'connected', formalTies: { existing: 1, planned: 2, missing: 1 }, uncoveredFields: ['生活困窮', '権利擁護'] })
    expect(byId['p-daughter']).toMatchObject({ situation: 'connected', formalTies: { existing: 1, planned: 0, missing: 0 }, uncoveredFields: [] })
  })

  it('flags the son as 狭間 (not in place) when the CSW outreach is taken away: only the missing 保健師 tie is left', () => {
    const without = { ...model, relations: model.relations.filter((r) => !(r.from === 'a-csw' && r.to === 'p-son')) }
    const son = findGaps(deriveGraph(without)).find((g) => g.id === 'p-son')!
    expect(son).toMatchObject({ situation: 'not-in-place', hazama: true })
  })

  it('flags the daughter as 狭間 (no formal tie) when 子ども家庭支援センター is taken away: only family ties remain', () => {
    const without = { ...model, relations: model.relations.filter((r) => r.from !== 'a-kosodate') }
    const daughter = findGaps(deriveGraph(without)).find((g) => g.id === 'p-daughter')!
    expect(daughter).toMatchObject({ situation: 'no-formal-tie', hazama: true })
  })

  it('does not count informal supports as formal ties', () => {
    const onlyInformal = { ...model, relations: model.relations.filter((r) => r.to !== 'p-son' || r.from === 'a-cafe') }
    expect(findGaps(deriveGraph(onlyInformal)).find((g) => g.id === 'p-son')!.situation).toBe('no-formal-tie')
  })

  it('returns nothing when persons are left out or the map has none', () => {
    expect(findGaps(deriveGraph(model, { includePersons: false }))).toEqual([])
    expect(findGaps(deriveGraph(loadSample('community-platform')))).toEqual([])
  })
})
