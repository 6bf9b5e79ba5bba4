import { defineCatalog } from '../../shared/i18n/catalog'

/**
 * Strings of the facilitator's history dialog (restorable versions of a room), Japanese first;
 * same keys in English. Reasons are keyed `reason-<stored reason>` so labelOf can read them.
 */
const ja = {
  open: '履歴',
  openTitle: 'ボードの保存された版を見て、前の版に戻します',
  heading: '履歴（保存された版）',
  intro: 'ボード・一覧・四象限の内容は、編集中に自動で版として保存されます。前の版に戻すと、参加者全員の画面がその版に戻ります。',
  close: '閉じる',
  loading: '版を読み込んでいます…',
  empty: 'まだ版はありません。編集が始まると自動で保存されます。',
  retry: 'もう一度読み込む',
  versionsLabel: '保存された版（新しい順）',
  'reason-periodic': '自動保存',
  'reason-bulk-delete': '一括削除の前',
  'reason-before-restore': '復元の前',
  'reason-before-replace': '置き換えの前',
  'reason-closing': '終了時',
  actors: '機関',
  persons: '人物',
  relations: 'つながり',
  practices: '取組カード',
  countItem: '{label} {n}',
  countSeparator: '・',
  changeLabel: '1つ前の版から：',
  noChange: '変更なし',
  firstVersion: 'いちばん古い版',
  orgsLabel: 'その時の参加者の所属：',
  orgsSeparator: '、',
  orgsNone: '記録なし',
  restore: 'この版に戻す',
  restoreLabel: '{date}（{reason}）の版に戻す',
  confirmHeading: 'この版に戻しますか？',
  confirmBody:
    '参加者全員のボード・一覧・四象限が、{date}（{reason}）の状態に戻ります。いまの状態は先に版として保存されるので、この操作も後から元に戻せます。',
  confirmRestore: '戻す',
  confirmCancel: 'やめる',
  restoring: '戻しています…',
  restored: '{date}の版に戻しました。戻す前の状態は「復元の前」の版として保存されています。',
} as const

export const historyText = defineCatalog('history', ja, {
  open: 'History',
  openTitle: 'See the saved versions of the board and return to an earlier one',
  heading: 'History (saved versions)',
  intro:
    'The board, the lists and the quadrant are saved as versions automatically while you work. Returning to an earlier version brings every participant’s screen back to it.',
  close: 'Close',
  loading: 'Loading versions…',
  empty: 'No versions yet. They are saved automatically once editing starts.',
  retry: 'Load again',
  versionsLabel: 'Saved versions (newest first)',
  'reason-periodic': 'Autosave',
  'reason-bulk-delete': 'Before a bulk deletion',
  'reason-before-restore': 'Before a restore',
  'reason-before-replace': 'Before a replacement',
  'reason-closing': 'At closing',
  actors: 'Agencies',
  persons: 'Persons',
  relations: 'Ties',
  practices: 'Practice cards',
  countItem: '{label} {n}',
  countSeparator: ' · ',
  changeLabel: 'Since the previous version: ',
  noChange: 'no change',
  firstVersion: 'Oldest version',
  orgsLabel: 'Affiliations of the participants present: ',
  orgsSeparator: ', ',
  orgsNone: 'none recorded',
  restore: 'Return to this version',
  restoreLabel: 'Return to the version of {date} ({reason})',
  confirmHeading: 'Return to this version?',
  confirmBody:
    'Every participant’s board, lists and quadrant will return to the state of {date} ({reason}). The current state is saved as a version first, so this can be undone too.',
  confirmRestore: 'Return to it',
  confirmCancel: 'Cancel',
  restoring: 'Returning…',
  restored: 'Returned to the version of {date}. The state before it is saved as a version “Before a restore”.',
})

export type HistoryTextKey = keyof typeof ja
