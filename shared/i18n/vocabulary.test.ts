import { describe, expect, it } from 'vitest'
import {
  ageBands,
  directions,
  fields,
  levels,
  personRoleSuggestions,
  relationTypes,
  statuses,
  strengths,
  suggestedIssueTags,
} from '../model/vocabulary.ts'
import { labelOf, type Catalog } from './catalog.ts'
import {
  ageBandCatalog,
  directionCatalog,
  fieldCatalog,
  issueTagCatalog,
  levelBadgeCatalog,
  levelCatalog,
  personRoleCatalog,
  relationTypeCatalog,
  statusCatalog,
  strengthCatalog,
} from './vocabulary.ts'

const sorted = (keys: readonly string[]) => [...keys].sort()

describe('vocabulary catalogs', () => {
  const storedJapanese: [readonly string[], Catalog<string>][] = [
    [levels, levelCatalog],
    [fields, fieldCatalog],
    [relationTypes, relationTypeCatalog],
    [ageBands, ageBandCatalog],
    [suggestedIssueTags, issueTagCatalog],
    [personRoleSuggestions, personRoleCatalog],
  ]

  it('are keyed by the stored values, whose Japanese label is the value itself', () => {
    for (const [values, catalog] of storedJapanese) {
      expect(sorted(Object.keys(catalog.ja)), catalog.name).toEqual(sorted(values))
      for (const value of values) expect(catalog.ja[value]).toBe(value)
    }
    for (const [values, catalog] of [
      [strengths, strengthCatalog],
      [statuses, statusCatalog],
      [directions, directionCatalog],
      [levels, levelBadgeCatalog],
    ] as const) {
      expect(sorted(Object.keys(catalog.ja))).toEqual(sorted(values))
    }
  })

  it('show a user’s own word as typed', () => {
    expect(labelOf(issueTagCatalog, 'en', 'ヤングケアラー')).toBe('Young carer')
    expect(labelOf(issueTagCatalog, 'en', '地域の困りごと')).toBe('地域の困りごと')
    expect(labelOf(personRoleCatalog, 'en', '叔父')).toBe('叔父')
  })
})
