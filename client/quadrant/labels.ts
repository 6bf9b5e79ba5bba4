import type { Lang } from '../i18n'
import type { QuadrantId, RefGroup } from '../../shared/quadrant/vocabulary'
import { axisLabels, quadrantLabels, refGroupLabels } from '../../shared/quadrant/vocabulary'

/**
 * Strings of the four-quadrant view (client/quadrant), Japanese first. Kept here rather than in
 * client/i18n.ts, like client/model/labels.ts. Japanese axis, quadrant and reference-group
 * names come from shared/quadrant/vocabulary.ts so that the board, CSV and SVG agree.
 */
const ja = {
  heading: '実践の四象限（フォーマル／インフォーマル）',
  intro:
    '各部署・機関の取組をカードに書き、四象限に置きます。カードはドラッグ、またはキーボード（矢印キー）で動かせます。空白や手薄な象限がないか、みんなで確かめましょう。',
  readOnly: '閲覧用リンクのため、カードの追加・移動・投票はできません。',
  axisXNegative: axisLabels.xNegative as string,
  axisXPositive: axisLabels.xPositive as string,
  axisYPositive: axisLabels.yPositive as string,
  axisYNegative: axisLabels.yNegative as string,
  diagramLabel: '四象限図',
  keyboardHint: 'カードを選んで矢印キーで移動（Shift＋矢印で大きく）、Enterで編集します。',

  // board selection and groups
  board: '表示するボード',
  plenary: '全体会（プレナリー）',
  plenaryNote: '全グループのカードをグループの色で重ねて表示しています。',
  noGroups: 'まだグループがありません。最初のカードを追加すると「グループ1」ができます。',
  defaultGroupName: 'グループ1',
  groupsHeading: 'グループ（ファシリテーター）',
  groupsIntro: '参加者は上の「表示するボード」で自分のグループを選びます。カードはそのグループのボードに追加されます。',
  groupName: 'グループ名',
  groupColor: '色',
  createGroup: 'グループを追加',
  deleteGroup: '削除',
  moveCardsTo: 'カードの移動先',
  deleteGroupConfirm: 'グループを削除します。よろしいですか？',
  orphanGroup: '（グループなし）',

  // cards
  addHeading: '取組カードを追加',
  practiceText: '取組',
  practicePlaceholder: '例：民生委員と一緒に見守り訪問をしている',
  authorOrg: '所属',
  authorName: '記入者',
  placeAt: '置く場所',
  placeCenter: '中央（あとで動かす）',
  group: 'グループ',
  refGroup: '3つの力のどれに当たるか（任意）',
  refGroupNone: '選ばない',
  actors: '関係する機関（マップから選ぶ・任意）',
  actorsNone: 'マップにまだ機関がありません。',
  add: '追加',
  edit: '編集',
  editHeading: 'カードを編集',
  save: '保存',
  cancel: 'キャンセル',
  deleteCard: 'カードを削除',
  deleteCardConfirm: 'このカードを削除します。よろしいですか？',
  reference: '参考事例',
  referenceShort: '参考',
  card: 'カード',
  votesOnCard: '票',
  vote: '投票',
  unvote: '投票を取り消す',
  yourVotes: 'あなたの票',
  moved: (quadrant: string) => `${quadrant}に移動しました`,
  added: 'カードを追加しました',
  saved: '保存しました',

  // reference deck
  referenceHeading: '参考事例（17の取組）',
  showReference: '参考事例を薄く重ねて表示',
  addReference: '参考事例をこのボードにカードとして追加',
  addReferenceDone: (n: number) => (n === 0 ? '参考事例はすでにすべて追加されています' : `参考事例を${n}枚追加しました`),
  excludeReference: '集計から参考事例を除く',

  // summary
  summaryHeading: '集計（リアルタイム）',
  perQuadrant: '象限ごとの枚数',
  quadrantCol: '象限',
  cardsCol: '枚数',
  votesCol: '票',
  onAxis: '軸上（どの象限にも数えない）',
  empty: '空白',
  thin: '手薄',
  gapEmpty: (q: string) => `「${q}」にはまだ取組がありません（空白）`,
  gapThin: (q: string, count: number, mean: number) => `「${q}」は${count}枚で、ほかの象限（平均${mean.toFixed(1)}枚）に比べて手薄です`,
  perOrg: '所属ごと',
  perGroup: 'グループごと',
  perRefGroup: '3つの力ごと',
  refGroupNoneRow: '分類なし',
  missingOrgs: 'まだカードを置いていない部署',
  missingOrgsNone: '予定された部署はすべてカードを置いています。',
  topVoted: '票の多いカード',
  noVotes: 'まだ投票はありません。',
  total: (n: number) => `合計 ${n}枚`,
  none: 'まだありません。',
  problemsHeading: '表示できないデータ',

  // voting
  votingHeading: '投票',
  votingSettingsHeading: '投票の設定（ファシリテーター）',
  remaining: (remaining: number, limit: number) => `残り ${remaining}票（1人${limit}票まで）`,
  votingClosed: '現在は投票できません',
  voteLimit: '1人あたりの票数',
  voteLimitHint: '0にすると投票を締め切ります。',
  clearVotes: '全員の票をリセット',
  clearVotesConfirm: '全員の票を取り消します。よろしいですか？',
  voteLimitError: (limit: number, used: number) =>
    limit === 0
      ? '現在は投票できません（ファシリテーターが票数を0にしています）'
      : `投票できるのは1人${limit}票までです（${used}票使用済み）。ほかのカードの票を取り消してから投票してください`,

  // export
  exportHeading: '書き出し',
  exportSvg: 'SVG（図）',
  exportPng: 'PNG（画像）',
  exportCsv: 'CSV（Excel）',
  exportFailed: '画像を作れませんでした。SVGで書き出してください。',
  plenaryFileSuffix: '全体会',
  fileBase: '四象限',
}
type Labels = typeof ja

const en: Labels = {
  heading: 'Practices in four quadrants (formal / informal)',
  intro:
    'Write each department’s practices on cards and place them in the quadrants. Drag cards, or move them with the arrow keys. Look together for empty or thin quadrants.',
  readOnly: 'View-only link: you cannot add, move or vote on cards.',
  axisXNegative: 'Informal (residents)',
  axisXPositive: 'Formal (professional agencies)',
  axisYPositive: 'Finding and understanding needs',
  axisYNegative: 'Solving and preventing problems',
  diagramLabel: 'Four-quadrant diagram',
  keyboardHint: 'Select a card and move it with the arrow keys (Shift for larger steps); Enter edits it.',

  board: 'Board',
  plenary: 'Plenary (all groups)',
  plenaryNote: 'All groups’ cards overlaid, coloured by group.',
  noGroups: 'No groups yet. Adding the first card creates “グループ1”.',
  defaultGroupName: 'グループ1',
  groupsHeading: 'Groups (facilitator)',
  groupsIntro: 'Participants pick their group with “Board” above; their cards go onto that group’s board.',
  groupName: 'Group name',
  groupColor: 'Colour',
  createGroup: 'Add group',
  deleteGroup: 'Delete',
  moveCardsTo: 'Move its cards to',
  deleteGroupConfirm: 'Delete this group?',
  orphanGroup: '(no group)',

  addHeading: 'Add a practice card',
  practiceText: 'Practice',
  practicePlaceholder: 'e.g. home visits together with the 民生委員',
  authorOrg: 'Department / agency',
  authorName: 'Written by',
  placeAt: 'Place in',
  placeCenter: 'Centre (move it later)',
  group: 'Group',
  refGroup: 'Which of the three strengths (optional)',
  refGroupNone: 'None',
  actors: 'Agencies involved (from the map, optional)',
  actorsNone: 'The map has no agencies yet.',
  add: 'Add',
  edit: 'Edit',
  editHeading: 'Edit card',
  save: 'Save',
  cancel: 'Cancel',
  deleteCard: 'Delete card',
  deleteCardConfirm: 'Delete this card?',
  reference: 'Reference',
  referenceShort: 'Ref.',
  card: 'card',
  votesOnCard: 'votes',
  vote: 'Vote',
  unvote: 'Take back a vote',
  yourVotes: 'your votes',
  moved: (quadrant: string) => `Moved to ${quadrant}`,
  added: 'Card added',
  saved: 'Saved',

  referenceHeading: 'Reference practices (17)',
  showReference: 'Show the reference practices faintly',
  addReference: 'Add the reference practices to this board as cards',
  addReferenceDone: (n: number) => (n === 0 ? 'All reference practices are already on this board' : `Added ${n} reference cards`),
  excludeReference: 'Leave reference cards out of the counts',

  summaryHeading: 'Summary (live)',
  perQuadrant: 'Cards per quadrant',
  quadrantCol: 'Quadrant',
  cardsCol: 'Cards',
  votesCol: 'Votes',
  onAxis: 'On an axis (counted in no quadrant)',
  empty: 'Empty',
  thin: 'Thin',
  gapEmpty: (q: string) => `“${q}” has no practice yet (empty)`,
  gapThin: (q: string, count: number, mean: number) => `“${q}” has ${count} cards, thin compared with the others (mean ${mean.toFixed(1)})`,
  perOrg: 'By department',
  perGroup: 'By group',
  perRefGroup: 'By strength',
  refGroupNoneRow: 'Not classified',
  missingOrgs: 'Departments with no card yet',
  missingOrgsNone: 'Every expected department has placed a card.',
  topVoted: 'Most voted cards',
  noVotes: 'No votes yet.',
  total: (n: number) => `${n} cards in total`,
  none: 'None yet.',
  problemsHeading: 'Data that cannot be shown',

  votingHeading: 'Voting',
  votingSettingsHeading: 'Voting settings (facilitator)',
  remaining: (remaining: number, limit: number) => `${remaining} votes left (${limit} per person)`,
  votingClosed: 'Voting is closed',
  voteLimit: 'Votes per person',
  voteLimitHint: '0 closes voting.',
  clearVotes: 'Reset everyone’s votes',
  clearVotesConfirm: 'Take back everyone’s votes?',
  voteLimitError: (limit: number, used: number) =>
    limit === 0
      ? 'Voting is closed (the facilitator set the limit to 0).'
      : `You can cast at most ${limit} votes (${used} used). Take one back from another card first.`,

  exportHeading: 'Export',
  exportSvg: 'SVG (drawing)',
  exportPng: 'PNG (image)',
  exportCsv: 'CSV (Excel)',
  exportFailed: 'The image could not be made. Please export SVG instead.',
  plenaryFileSuffix: 'plenary',
  fileBase: 'quadrants',
}

export function labels(lang: Lang): Labels {
  return lang === 'en' ? en : ja
}

const quadrantEn: Record<QuadrantId, string> = {
  'informal-discovery': 'Informal × finding needs (top left)',
  'formal-discovery': 'Formal × finding needs (top right)',
  'informal-solving': 'Informal × solving and preventing (bottom left)',
  'formal-solving': 'Formal × solving and preventing (bottom right)',
}

/** Name of a quadrant with its position, e.g. 「インフォーマル × 発見と把握（左上）」. */
export function quadrantName(q: QuadrantId, lang: Lang): string {
  return lang === 'en' ? quadrantEn[q] : `${quadrantLabels[q].ja}（${quadrantLabels[q].position}）`
}

/** Short quadrant name for the quadrant itself on the diagram. */
export function quadrantShort(q: QuadrantId, lang: Lang): string {
  return lang === 'en' ? quadrantLabels[q].en : quadrantLabels[q].ja
}

const refGroupEn: Record<RefGroup, string> = {
  '1': 'Team support that builds on the person’s strengths',
  '2': 'Raising the community’s power to solve problems',
  '3': 'Making places in the community and sharing its problems',
}

export function refGroupName(g: RefGroup, lang: Lang): string {
  return lang === 'en' ? refGroupEn[g] : refGroupLabels[g]
}

/** Circled numbers for the three strengths, as on the reference figure. */
export const refGroupMark: Record<RefGroup, string> = { '1': '①', '2': '②', '3': '③' }
