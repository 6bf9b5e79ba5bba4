import { inLang, type Lang } from '../i18n/catalog.ts'
import { quadrantTextCatalog } from '../i18n/quadrant.ts'
import { classificationLabel } from './classify.ts'
import type { QuadrantData } from './schema.ts'
import { plenaryOverlay } from './summary.ts'

/**
 * The practices as a CSV that Excel on a town-hall PC opens correctly by double-click:
 * UTF-8 with a BOM (without it Excel reads Shift_JIS and the Japanese is garbled), CRLF line
 * ends, RFC 4180 quoting. One row per card, in the plenary order (creation order).
 */

const headerKeys = ['csvText', 'csvAuthorOrg', 'csvAuthorName', 'csvX', 'csvY', 'csvQuadrant', 'csvGroup', 'csvVotes'] as const

/** Column headings in one language (quadrantTextCatalog). */
export function practicesCsvHeadersIn(lang: Lang): string[] {
  return headerKeys.map((key) => inLang(quadrantTextCatalog, lang)[key])
}

/** The Japanese headings, written by default. */
export const practicesCsvHeaders = practicesCsvHeadersIn('ja')

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Text typed by participants that Excel would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe: a card saying "=HYPERLINK(…)" must stay a card.
 * Numbers are written by us and are not touched.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
}

function csvNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000 || 0)
}

/** `lang` picks the headings, the quadrant names and 「（グループなし）」; the cards stay as written. */
export function practicesCsv(data: QuadrantData, options: { groupId?: string; lang?: Lang } = {}): string {
  const lang = options.lang ?? 'ja'
  const { cards, summary } = plenaryOverlay(data)
  const rows = cards
    .filter(({ card }) => options.groupId === undefined || card.groupId === options.groupId)
    .map(({ card, group, votes }) =>
      [
        csvText(card.text),
        csvText(card.authorOrg),
        csvText(card.authorName),
        csvNumber(card.x),
        csvNumber(card.y),
        csvText(classificationLabel(summary.classification.get(card)!, lang)),
        csvText(group?.name ?? quadrantTextCatalog[lang].orphanGroup),
        String(votes),
      ].join(','),
    )
  return '\uFEFF' + [practicesCsvHeadersIn(lang).join(','), ...rows].map((row) => row + '\r\n').join('')
}
