import { defineCatalog } from '../../shared/i18n/catalog'

/** Strings of the offline notices (lost edits, the cached app), Japanese first; same keys in English. */
export const offlineText = defineCatalog(
  'offline',
  {
    lostEdit: 'オフライン中の変更『{mine}』は、他の参加者の変更『{theirs}』で上書きされました（{where}）。必要なら、もう一度入力してください。',
    lostEditWhere: '{record}の{field}',
    lostEditNamed: '「{name}」の{field}',
    empty: '（空欄）',
    yes: 'はい',
    no: 'いいえ',
    listSeparator: '、',
    dismiss: '閉じる',
  },
  {
    lostEdit: 'Your offline change "{mine}" was overwritten by another participant\'s change "{theirs}" ({where}). Enter it again if it is still needed.',
    lostEditWhere: '{record}, {field}',
    lostEditNamed: '{field} of "{name}"',
    empty: '(empty)',
    yes: 'yes',
    no: 'no',
    listSeparator: ', ',
    dismiss: 'Dismiss',
  },
)
