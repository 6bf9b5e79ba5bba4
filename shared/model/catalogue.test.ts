import { describe, expect, it } from 'vitest'
import { agencyNameCatalog } from '../i18n/agencies.ts'
import catalogueJson from '../samples/agency-catalogue.json'
import { agencyCatalogue, catalogueEntryName, searchCatalogue } from './catalogue.ts'

describe('agency catalogue', () => {
  it('offers every agency of the team catalogue', () => {
    expect(agencyCatalogue).toHaveLength(catalogueJson.agencies.length)
  })
  it('finds agencies by name or by field, ignoring full-width letters and spaces', () => {
    expect(searchCatalogue('包括').map((e) => e.name)).toContain('地域包括支援センター')
    expect(searchCatalogue('生活困窮').every((e) => e.fields.includes('生活困窮') || e.name.includes('生活困窮'))).toBe(true)
    expect(searchCatalogue('ＮＰＯ').length).toBe(searchCatalogue('npo').length)
    expect(searchCatalogue('')).toHaveLength(agencyCatalogue.length)
  })
  it('finds agencies by their English name or field', () => {
    expect(searchCatalogue('general support center').map((e) => e.name)).toContain('地域包括支援センター')
    expect(searchCatalogue('Council of Social Welfare').map((e) => e.name)).toEqual(
      expect.arrayContaining(['都道府県社会福祉協議会', '社会福祉協議会（地域福祉コーディネーター／CSW）']),
    )
    expect(searchCatalogue('disability').map((e) => e.name)).toContain('障害福祉課')
  })
})

describe('agency names in English', () => {
  const names = catalogueJson.agencies.map((a) => a.name)
  it('has an English name for every entry of the catalogue file, and none for an entry it lacks', () => {
    const missing = names.filter((name) => !Object.hasOwn(agencyNameCatalog.en, name))
    expect(missing, 'add these to shared/i18n/agencies.ts').toEqual([])
    const stale = Object.keys(agencyNameCatalog.ja).filter((name) => !names.includes(name))
    expect(stale, 'no longer in agency-catalogue.json').toEqual([])
  })
  it('keeps the Japanese name as the entry is stored', () => {
    for (const name of names) expect(agencyNameCatalog.ja[name as keyof typeof agencyNameCatalog.ja]).toBe(name)
  })
  it('shows an entry in either language', () => {
    const entry = agencyCatalogue.find((e) => e.name === '地域包括支援センター')!
    expect(catalogueEntryName(entry, 'ja')).toBe('地域包括支援センター')
    expect(catalogueEntryName(entry, 'en')).toBe('Community General Support Center')
    expect(catalogueEntryName({ name: '〇〇町 見守りネットワーク' }, 'en')).toBe('〇〇町 見守りネットワーク')
  })
})
