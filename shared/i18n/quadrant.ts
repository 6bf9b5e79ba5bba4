import type { QuadrantId, RefGroup } from '../quadrant/vocabulary.ts'
import { defineCatalog } from './catalog.ts'

/**
 * Words of the formal/informal four-quadrant diagram (docs/domain.md §3 Four-quadrant practice diagram), for the board, the lists,
 * the CSV and the SVG alike. The Japanese is the wording of the reference figure
 * (samples/quadrant-reference-practices.json).
 */

/** Axis end labels. */
export const quadrantAxisCatalog = defineCatalog(
  'quadrant.axis',
  {
    xNegative: 'インフォーマル（地域住民）',
    xPositive: 'フォーマル（専門性を有する機関）',
    yPositive: '発見と把握',
    yNegative: '課題解決と予防',
  },
  {
    xNegative: 'Informal (local residents)',
    xPositive: 'Formal (professional agencies)',
    yPositive: 'Finding and understanding needs',
    yNegative: 'Solving and preventing problems',
  },
)

/** Short quadrant names, as written in the quadrants of the diagram. */
export const quadrantCatalog = defineCatalog(
  'quadrant.quadrant',
  {
    'informal-discovery': 'インフォーマル × 発見と把握',
    'formal-discovery': 'フォーマル × 発見と把握',
    'informal-solving': 'インフォーマル × 課題解決と予防',
    'formal-solving': 'フォーマル × 課題解決と予防',
  } satisfies Record<QuadrantId, string>,
  {
    'informal-discovery': 'Informal × finding needs',
    'formal-discovery': 'Formal × finding needs',
    'informal-solving': 'Informal × solving and preventing',
    'formal-solving': 'Formal × solving and preventing',
  },
)

/** Where each quadrant is on the diagram. */
export const quadrantPositionCatalog = defineCatalog(
  'quadrant.position',
  {
    'informal-discovery': '左上',
    'formal-discovery': '右上',
    'informal-solving': '左下',
    'formal-solving': '右下',
  } satisfies Record<QuadrantId, string>,
  {
    'informal-discovery': 'top left',
    'formal-discovery': 'top right',
    'informal-solving': 'bottom left',
    'formal-solving': 'bottom right',
  },
)

/** The three strengths the 17 reference practices serve (誰ひとり取り残さない地域の力). */
export const refGroupCatalog = defineCatalog(
  'quadrant.refGroup',
  {
    '1': '本人の強みを活かしたチームによる支援',
    '2': '地域における課題解決力を高める',
    '3': '地域における場づくりと課題の共有',
  } satisfies Record<RefGroup, string>,
  {
    '1': 'Team support that builds on the person’s strengths',
    '2': 'Raising the community’s power to solve problems',
    '3': 'Creating places in the community and sharing its problems',
  },
)

/**
 * Sentences about quadrants and cards: where a card is (also the CSV's 象限 column), the
 * summary's gap flags, and the words of the CSV and the SVG.
 */
export const quadrantTextCatalog = defineCatalog(
  'quadrant.text',
  {
    withPosition: '{quadrant}（{position}）',
    onAxisCenter: '軸上（中心・4象限の境）',
    onAxisBetween: '軸上（{first}／{second}の境）',
    gapEmpty: '「{quadrant}」（{position}）にはまだ取組がありません（空白）',
    gapThin: '「{quadrant}」（{position}）は{count}枚で、ほかの象限（平均{mean}枚）に比べて手薄です',
    orphanGroup: '（グループなし）',
    referenceFooter: '参考事例 No.{no}',
    svgTitle: '重層的支援体制 実践の四象限',
    legendEntry: '{group}（{count}枚）',
    csvText: 'テキスト',
    csvAuthorOrg: '所属',
    csvAuthorName: '記入者',
    csvX: 'x',
    csvY: 'y',
    csvQuadrant: '象限',
    csvGroup: 'グループ',
    csvVotes: '票数',
  },
  {
    withPosition: '{quadrant} ({position})',
    onAxisCenter: 'On the axes (centre, where all four quadrants meet)',
    onAxisBetween: 'On the axis between {first} and {second}',
    gapEmpty: '“{quadrant}” ({position}) has no practices yet (empty)',
    gapThin: '“{quadrant}” ({position}) is thin: it holds {count}, against an average of {mean} cards in the other quadrants',
    orphanGroup: '(no group)',
    referenceFooter: 'Reference practice no. {no}',
    svgTitle: 'Multi-layered support: practices in four quadrants',
    legendEntry: '{group} ({count})',
    csvText: 'Text',
    csvAuthorOrg: 'Department or agency',
    csvAuthorName: 'Written by',
    csvX: 'x',
    csvY: 'y',
    csvQuadrant: 'Quadrant',
    csvGroup: 'Group',
    csvVotes: 'Votes',
  },
)
