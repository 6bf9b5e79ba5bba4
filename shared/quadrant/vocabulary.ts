/**
 * Words of the formal/informal four-quadrant diagram (docs/domain.md §3 Four-quadrant practice diagram). Kept in one place so that
 * the board, the lists, the CSV and the SVG say exactly the same thing: the labels in each
 * language are in shared/i18n/quadrant.ts.
 */

/** Reading order: top-left, top-right, bottom-left, bottom-right. */
export const quadrantIds = ['informal-discovery', 'formal-discovery', 'informal-solving', 'formal-solving'] as const
export type QuadrantId = (typeof quadrantIds)[number]

/** The three strengths the 17 reference practices serve (誰ひとり取り残さない地域の力). */
export const refGroups = ['1', '2', '3'] as const
export type RefGroup = (typeof refGroups)[number]

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
