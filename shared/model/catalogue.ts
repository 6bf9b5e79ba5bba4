import catalogueJson from '../samples/agency-catalogue.json'
import { actorSchema, type Actor } from './schema.ts'

/** Typical agencies, seeded from the team's catalogue: what the palette offers. */
export type CatalogueEntry = Omit<Actor, 'id' | 'contact' | 'note'>

const entrySchema = actorSchema.pick({ name: true, level: true, fields: true, formal: true })

export const agencyCatalogue: CatalogueEntry[] = (catalogueJson.agencies as unknown[]).flatMap((raw) => {
  const parsed = entrySchema.safeParse(raw)
  return parsed.success ? [parsed.data] : []
})

/** Matches a name or a field, ignoring spaces and width differences (ＮＰＯ / NPO). */
export function searchCatalogue(query: string, entries: CatalogueEntry[] = agencyCatalogue): CatalogueEntry[] {
  const q = normalize(query)
  if (!q) return entries
  return entries.filter((e) => normalize(e.name).includes(q) || e.fields.some((f) => normalize(f).includes(q)))
}

function normalize(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}
