import { labelOf, type Lang } from '../i18n/catalog.ts'
import { agencyNameCatalog } from '../i18n/agencies.ts'
import { fieldCatalog } from '../i18n/vocabulary.ts'
import catalogueJson from '../samples/agency-catalogue.json'
import { actorSchema, type Actor } from './schema.ts'

/** Typical agencies, seeded from the team's catalogue: what the palette offers. */
export type CatalogueEntry = Omit<Actor, 'id' | 'contact' | 'note'>

const entrySchema = actorSchema.pick({ name: true, level: true, fields: true, formal: true })

export const agencyCatalogue: CatalogueEntry[] = (catalogueJson.agencies as unknown[]).flatMap((raw) => {
  const parsed = entrySchema.safeParse(raw)
  return parsed.success ? [parsed.data] : []
})

/**
 * An entry's name in one language (agencyNameCatalog, keyed by the Japanese name). The
 * Japanese name is the one stored when the entry is added to a map.
 */
export function catalogueEntryName(entry: Pick<CatalogueEntry, 'name'>, lang: Lang): string {
  return labelOf(agencyNameCatalog, lang, entry.name)
}

/**
 * Matches a name or a field, in Japanese or English, ignoring spaces, case and width
 * differences (ＮＰＯ / NPO).
 */
export function searchCatalogue(query: string, entries: CatalogueEntry[] = agencyCatalogue): CatalogueEntry[] {
  const q = normalize(query)
  if (!q) return entries
  return entries.filter((e) => {
    const words = [e.name, catalogueEntryName(e, 'en'), ...e.fields, ...e.fields.map((f) => fieldCatalog.en[f])]
    return words.some((w) => normalize(w).includes(q))
  })
}

function normalize(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}
