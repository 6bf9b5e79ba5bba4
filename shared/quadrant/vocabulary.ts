import { quadrantAxisCatalog, quadrantCatalog, quadrantPositionCatalog, refGroupCatalog } from '../i18n/quadrant.ts'

/**
 * Words of the formal/informal four-quadrant diagram (docs/domain.md §3 Four-quadrant practice diagram). Kept in one place so that
 * the board, the lists, the CSV and the SVG say exactly the same thing: the labels in each
 * language are in shared/i18n/quadrant.ts.
 */

/** Axis end labels, as in the reference figure (samples/quadrant-reference-practices.json). */
// Cutover: client still reads this; remove after client uses the catalog (quadrantAxisCatalog).
export const axisLabels: Readonly<Record<'xNegative' | 'xPositive' | 'yPositive' | 'yNegative', string>> = quadrantAxisCatalog.ja

/** Reading order: top-left, top-right, bottom-left, bottom-right. */
export const quadrantIds = ['informal-discovery', 'formal-discovery', 'informal-solving', 'formal-solving'] as const
export type QuadrantId = (typeof quadrantIds)[number]

// Cutover: client still reads this; remove after client uses the catalogs (quadrantCatalog, quadrantPositionCatalog).
export const quadrantLabels: Record<QuadrantId, { ja: string; position: string; en: string }> = Object.fromEntries(
  quadrantIds.map((q) => [q, { ja: quadrantCatalog.ja[q], position: quadrantPositionCatalog.ja[q], en: quadrantCatalog.en[q] }]),
) as Record<QuadrantId, { ja: string; position: string; en: string }>

/** The three strengths the 17 reference practices serve (誰ひとり取り残さない地域の力). */
export const refGroups = ['1', '2', '3'] as const
export type RefGroup = (typeof refGroups)[number]
// Cutover: client still reads this; remove after client uses the catalog (refGroupCatalog).
export const refGroupLabels: Record<RefGroup, string> = { ...refGroupCatalog.ja }

/**
 * Workshop group colours, told apart on a projector and in greyscale print; a new group takes
 * the next one. Dark enough for white text, light tints are derived for sticky-note fills.
 */
export const groupPalette = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
] as const

/** Colour of a card whose group no longer exists (deleted while someone else added a card). */
export const orphanGroupColor = '#7f7f7f'
// The name shown for such a card's group: quadrantTextCatalog.orphanGroup.
