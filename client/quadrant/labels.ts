import { defineCatalog, fill, inLang, type Lang } from '../../shared/i18n/catalog'
import { quadrantCatalog, quadrantPositionCatalog, quadrantTextCatalog, refGroupCatalog } from '../../shared/i18n/quadrant'
import type { QuadrantId, RefGroup } from '../../shared/quadrant/vocabulary'

/**
 * Strings of the four-quadrant view (client/quadrant), Japanese first. Kept here rather than in
 * client/i18n.ts, like client/model/labels.ts. Axis, quadrant and reference-group names, and the
 * words the CSV and the SVG share with this view, are the catalogs of shared/i18n/quadrant.ts,
 * so that the board, the CSV and the SVG agree.
 */
export const quadrantText = defineCatalog(
  'client.quadrant',
  {
    heading: '実践の四象限（フォーマル／インフォーマル）',
    readOnly: '閲覧用リンクのため、カードの追加・移動・投票はできません。',
    diagramLabel: '四象限図',
    keyboardHint: 'カードを選んで矢印キーで移動（Shift＋矢印で大きく）、Enterで編集します。',

    // board selection and groups
    board: '表示するボード',
    plenary: '全体会（プレナリー）',
    plenaryNote: '全グループのカードをグループの色で重ねて表示しています。',
    legendItem: '{group}（{count}）',
    noGroups: 'まだグループがありません。最初のカードを追加すると「グループ1」ができます。',
    /** The name a new group is offered, and the first group's name (stored as written then). */
    groupNumbered: 'グループ{n}',
    groupsHeading: 'グループ（ファシリテーター）',
    groupsIntro: '参加者は上の「表示するボード」で自分のグループを選びます。カードはそのグループのボードに追加されます。',
    groupName: 'グループ名',
    groupColor: '色',
    groupColorOf: '{group} 色',
    createGroup: 'グループを追加',
    deleteGroup: '削除',
    moveCardsTo: 'カードの移動先',
    deleteGroupConfirm: '「{group}」グループを削除します。よろしいですか？',

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
    referenceShort: '参考 No.{no}',
    /** Between the card's 所属 and 記入者 on its footer. */
    authorSeparator: '・',
    /** Between the parts of a card's accessible name (text, author, group, place, votes). */
    partSeparator: '。',
    card: 'カード',
    votes: '{votes}票',
    votesMine: '{votes}票（あなたの票 {mine}）',
    vote: '投票',
    /** The vote button's face; its name is `vote`. */
    voteMark: '＋',
    voteMine: '投票（あなたの票 {mine}）',
    unvote: '投票を取り消す',
    moved: '{quadrant}に移動しました',
    added: 'カードを追加しました',
    saved: '保存しました',

    // reference deck
    referenceHeading: '参考事例（17の取組）',
    showReference: '参考事例を薄く重ねて表示',
    addReference: '参考事例をこのボードにカードとして追加',
    addReferenceTo: '参考事例をこのボードにカードとして追加（{group}）',
    addReferenceDone: '参考事例を{count}枚追加しました',
    addReferenceNone: '参考事例はすでにすべて追加されています',
    excludeReference: '集計から参考事例を除く',

    // summary
    summaryHeading: '集計（リアルタイム）',
    perQuadrant: '象限ごとの枚数',
    quadrantCol: '象限',
    cardsCol: '枚数',
    votesCol: '票',
    onAxis: '軸上（どの象限にも数えない）',
    onAxisNear: '軸上（どの象限にも数えない）: {quadrants}',
    empty: '空白',
    thin: '手薄',
    perOrg: '所属ごと',
    perGroup: 'グループごと',
    perRefGroup: '3つの力ごと',
    refGroupNoneRow: '分類なし',
    missingOrgs: 'まだカードを置いていない部署',
    missingOrgsNone: '予定された部署はすべてカードを置いています。',
    topVoted: '票の多いカード',
    noVotes: 'まだ投票はありません。',
    total: '合計 {count}枚',
    none: 'まだありません。',
    problemsHeading: '表示できないデータ',

    // voting
    votingSettingsHeading: '投票の設定（ファシリテーター）',
    remaining: '残り {remaining}票（1人{limit}票まで）',
    votingClosed: '現在は投票できません',
    voteLimit: '1人あたりの票数',
    voteLimitRange: '1人あたりの票数: 0〜{max}',
    voteLimitHint: '0にすると投票を締め切ります。',
    clearVotes: '全員の票をリセット',
    clearVotesConfirm: '全員の票を取り消します。よろしいですか？',

    // export
    exportHeading: '書き出し',
    exportSvg: 'SVG（図）',
    exportPng: 'PNG（画像）',
    exportCsv: 'CSV（Excel）',
    exportFailed: '画像を作れませんでした。SVGで書き出してください。',
    plenaryFileSuffix: '全体会',
    fileBase: '四象限',
  },
  {
    heading: 'Practices in four quadrants (formal / informal)',
    readOnly: 'View-only link: you cannot add, move or vote on cards.',
    diagramLabel: 'Four-quadrant diagram',
    keyboardHint: 'Select a card and move it with the arrow keys (Shift for larger steps); Enter edits it.',

    board: 'Board',
    plenary: 'Plenary (all groups)',
    plenaryNote: 'All groups’ cards overlaid, coloured by group.',
    legendItem: '{group} ({count})',
    noGroups: 'No groups yet. Adding the first card creates “Group 1”.',
    groupNumbered: 'Group {n}',
    groupsHeading: 'Groups (facilitator)',
    groupsIntro: 'Participants pick their group with “Board” above; their cards go onto that group’s board.',
    groupName: 'Group name',
    groupColor: 'Colour',
    groupColorOf: 'Colour of {group}',
    createGroup: 'Add group',
    deleteGroup: 'Delete',
    moveCardsTo: 'Move its cards to',
    deleteGroupConfirm: 'Delete the group “{group}”?',

    addHeading: 'Add a practice card',
    practiceText: 'Practice',
    practicePlaceholder: 'e.g. home visits together with the local welfare volunteers',
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
    referenceShort: 'Ref. no. {no}',
    authorSeparator: ', ',
    partSeparator: '. ',
    card: 'card',
    votes: 'Votes: {votes}',
    votesMine: 'Votes: {votes} (yours: {mine})',
    vote: 'Vote',
    voteMark: '+',
    voteMine: 'Vote (yours: {mine})',
    unvote: 'Take back a vote',
    moved: 'Moved to {quadrant}',
    added: 'Card added',
    saved: 'Saved',

    referenceHeading: 'Reference practices (17)',
    showReference: 'Show the reference practices faintly',
    addReference: 'Add the reference practices to this board as cards',
    addReferenceTo: 'Add the reference practices to the board of {group} as cards',
    addReferenceDone: 'Reference cards added: {count}',
    addReferenceNone: 'All reference practices are already on this board',
    excludeReference: 'Leave reference cards out of the counts',

    summaryHeading: 'Summary (live)',
    perQuadrant: 'Cards per quadrant',
    quadrantCol: 'Quadrant',
    cardsCol: 'Cards',
    votesCol: 'Votes',
    onAxis: 'On an axis (counted in no quadrant)',
    onAxisNear: 'On an axis (counted in no quadrant): {quadrants}',
    empty: 'Empty',
    thin: 'Thin',
    perOrg: 'By department',
    perGroup: 'By group',
    perRefGroup: 'By strength',
    refGroupNoneRow: 'Not classified',
    missingOrgs: 'Departments with no card yet',
    missingOrgsNone: 'Every expected department has placed a card.',
    topVoted: 'Most voted cards',
    noVotes: 'No votes yet.',
    total: 'Cards in total: {count}',
    none: 'None yet.',
    problemsHeading: 'Data that cannot be shown',

    votingSettingsHeading: 'Voting settings (facilitator)',
    remaining: 'Votes left: {remaining} (up to {limit} per person)',
    votingClosed: 'Voting is closed',
    voteLimit: 'Votes per person',
    voteLimitRange: 'Votes per person: 0 to {max}',
    voteLimitHint: '0 closes voting.',
    clearVotes: 'Reset everyone’s votes',
    clearVotesConfirm: 'Take back everyone’s votes?',

    exportHeading: 'Export',
    exportSvg: 'SVG (drawing)',
    exportPng: 'PNG (image)',
    exportCsv: 'CSV (Excel)',
    exportFailed: 'The image could not be made. Please export SVG instead.',
    plenaryFileSuffix: 'plenary',
    fileBase: 'quadrants',
  },
)

/** Name of a quadrant with its position, e.g. 「インフォーマル × 発見と把握（左上）」. */
export function quadrantName(q: QuadrantId, lang: Lang): string {
  return fill(inLang(quadrantTextCatalog, lang).withPosition, {
    quadrant: inLang(quadrantCatalog, lang)[q],
    position: inLang(quadrantPositionCatalog, lang)[q],
  })
}

/** Short quadrant name for the quadrant itself on the diagram. */
export function quadrantShort(q: QuadrantId, lang: Lang): string {
  return inLang(quadrantCatalog, lang)[q]
}

export function refGroupName(g: RefGroup, lang: Lang): string {
  return inLang(refGroupCatalog, lang)[g]
}

/** Circled numbers for the three strengths, as on the reference figure. */
export const refGroupMark: Record<RefGroup, string> = { '1': '①', '2': '②', '3': '③' }
