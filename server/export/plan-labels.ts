import { defineCatalog } from '../../shared/i18n/catalog.ts'

/**
 * Words of the 役割分担 workbook (plan-xlsx.ts) that the plan's field names
 * (planFieldCatalog in shared/i18n/plan.ts) do not cover. Japanese is the default download.
 */
export const planXlsxCatalog = defineCatalog(
  'export.planXlsx',
  {
    tasksSheet: '役割分担',
    planSheet: '支援プラン',
    number: 'No.',
    overdue: '期限切れ',
    ownerGone: '（削除された機関）',
    keyPersonNone: '不在',
    closure: '終結',
    closed: '{date} に終結（理由: {reason}）',
    open: '終結していません',
    listSeparator: '、',
    personWithAge: '{role}（{age}）',
    fileSuffix: '役割分担',
    fileSuffixNoPersons: '役割分担（人物なし）',
  },
  {
    tasksSheet: 'Tasks',
    planSheet: 'Support plan',
    number: 'No.',
    overdue: 'Overdue',
    ownerGone: '(removed agency)',
    keyPersonNone: 'None',
    closure: 'Closure',
    closed: 'Closed on {date} (reason: {reason})',
    open: 'Not closed',
    listSeparator: ', ',
    personWithAge: '{role} ({age})',
    fileSuffix: 'tasks',
    fileSuffixNoPersons: 'tasks (no persons)',
  },
)
