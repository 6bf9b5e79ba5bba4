import { describe, expect, it } from 'vitest'
import catalogueJson from '../samples/agency-catalogue.json'
import { agencyCatalogue, searchCatalogue } from './catalogue.ts'

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
})
