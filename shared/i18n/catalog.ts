/**
 * The one way this project translates: every visible string lives in a catalog defined
 * with `defineCatalog`, Japanese first, and is read with `inLang` (or `useCatalog` in React).
 *
 * Why a small typed dictionary and not i18next: our strings are plain sentences with at
 * most a few `{name}` placeholders, the server and the client both need them without a
 * runtime, and TypeScript can check at build time that English has every Japanese key.
 * `catalogs.test.ts` checks the same at run time for every catalog in the tree, and that
 * English strings carry no Japanese.
 */

export const langs = ['ja', 'en'] as const
export type Lang = (typeof langs)[number]

export interface Catalog<K extends string> {
  /** Unique name, used by the completeness test to say which catalog lacks a key. */
  readonly name: string
  readonly ja: Readonly<Record<K, string>>
  readonly en: Readonly<Record<K, string>>
}

/**
 * @param ja the Japanese strings; their keys are the catalog's keys
 * @param en the English strings: the same keys, no more, no fewer (checked by TypeScript)
 */
export function defineCatalog<K extends string>(
  name: string,
  ja: Record<K, string>,
  en: NoInfer<Record<K, string>>,
): Catalog<K> {
  return Object.freeze({ name, ja: Object.freeze(ja), en: Object.freeze(en) })
}

/** The strings of one catalog in one language. */
export function inLang<K extends string>(catalog: Catalog<K>, lang: Lang): Readonly<Record<K, string>> {
  return lang === 'en' ? catalog.en : catalog.ja
}

/** One string of a catalog; a value outside the catalog (a user's own word) is returned as it is. */
export function labelOf<K extends string>(catalog: Catalog<K>, lang: Lang, key: string): string {
  const strings = inLang(catalog, lang) as Record<string, string>
  return Object.hasOwn(strings, key) ? strings[key] : key
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}

/** Both languages of one key, for places that must carry both (API error bodies, close reasons). */
export function bothLangs<K extends string>(catalog: Catalog<K>, key: K): { ja: string; en: string } {
  return { ja: catalog.ja[key], en: catalog.en[key] }
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en'
}
