/**
 * Words of the formal/informal four-quadrant diagram (DOMAIN.md §3). Kept in one place so that
 * the board, the lists, the CSV and the SVG say exactly the same thing.
 */

/** Axis end labels, as in the reference figure (samples/quadrant-reference-practices.json). */
export const axisLabels = {
  xNegative: 'インフォーマル（地域住民）',
  xPositive: 'フォーマル（専門性を有する機関）',
  yPositive: '発見と把握',
  yNegative: '課題解決と予防',
} as const

/** Reading order: top-left, top-right, bottom-left, bottom-right. */
export const quadrantIds = ['informal-discovery', 'formal-discovery', 'informal-solving', 'formal-solving'] as const
export type QuadrantId = (typeof quadrantIds)[number]

export const quadrantLabels: Record<QuadrantId, { ja: string; position: string; en: string }> = {
  'informal-discovery': { ja: 'インフォーマル × 発見と把握', position: '左上', en: 'Informal × finding needs' },
  'formal-discovery': { ja: 'フォーマル × 発見と把握', position: '右上', en: 'Formal × finding needs' },
  'informal-solving': { ja: 'インフォーマル × 課題解決と予防', position: '左下', en: 'Informal × solving and preventing' },
  'formal-solving': { ja: 'フォーマル × 課題解決と予防', position: '右下', en: 'Formal × solving and preventing' },
}

/** The three strengths the 17 reference practices serve (誰ひとり取り残さない地域の力). */
export const refGroups = ['1', '2', '3'] as const
export type RefGroup = (typeof refGroups)[number]
export const refGroupLabels: Record<RefGroup, string> = {
  '1': '本人の強みを活かしたチームによる支援',
  '2': '地域における課題解決力を高める',
  '3': '地域における場づくりと課題の共有',
}

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
export const orphanGroupName = '（グループなし）'
