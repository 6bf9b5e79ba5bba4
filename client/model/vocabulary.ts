/**
 * Stored vocabulary in the participant's language, for the views that show or edit it as text.
 * The stored value stays the Japanese term (shared/model/vocabulary.ts); a select shows it with
 * `labelOf`, and a text field that shows a translated term maps it back when it is committed,
 * so editing a person's role or a tag list in English stores the Japanese word, and a user's
 * own word is stored as typed.
 */
import { inLang, labelOf, type Catalog, type Lang } from '../../shared/i18n/catalog'
import { issueTagCatalog, personRoleCatalog } from '../../shared/i18n/vocabulary'
import { modelText } from './labels'

/** The stored value whose label in `lang` is `text`, or `text` itself (a user's own word). */
export function storedTerm(catalog: Catalog<string>, lang: Lang, text: string): string {
  const trimmed = text.trim()
  const strings = inLang(catalog, lang)
  const folded = trimmed.toLowerCase()
  for (const [key, label] of Object.entries(strings)) if (label.toLowerCase() === folded) return key
  return trimmed
}

/** A person's role (本人, 母…) in `lang`; a role the user typed themselves is shown as typed. */
export function personRole(label: string, lang: Lang): string {
  return labelOf(personRoleCatalog, lang, label)
}

/** The tag list as one line of text, suggested tags in `lang`. */
export function tagsText(tags: readonly string[], lang: Lang): string {
  return tags.map((t) => labelOf(issueTagCatalog, lang, t)).join(inLang(modelText, lang).listSeparator)
}

const separators = '、,，'

/** Tags typed as one line, separated by 、 or commas; empty ones and repeats dropped. */
export function splitTags(text: string): string[] {
  const tags = text
    .split(/[、,，]/)
    .map((t) => t.trim())
    .filter(Boolean)
  return [...new Set(tags)]
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The tags of a line typed in `lang`: suggested tags shown in `lang` are stored as their
 * Japanese term. Labels that contain a separator themselves (8050's English gloss has a comma)
 * are recognised before the line is split.
 */
export function tagsFromText(text: string, lang: Lang): string[] {
  let line = text
  const strings = inLang(issueTagCatalog, lang) as Record<string, string>
  for (const [key, label] of Object.entries(strings)) {
    if (![...separators].some((s) => label.includes(s))) continue
    const whole = new RegExp(`(^|[${separators}])\\s*${escape(label)}\\s*(?=[${separators}]|$)`, 'gi')
    line = line.replace(whole, (_m, before: string) => `${before}${key}`)
  }
  return [...new Set(splitTags(line).map((t) => storedTerm(issueTagCatalog, lang, t)))]
}
