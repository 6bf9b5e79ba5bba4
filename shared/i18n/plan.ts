import type { Consent, OutreachStage, SupportKind, TaskStatus } from '../plan/vocabulary.ts'
import { defineCatalog } from './catalog.ts'

/** Labels and validation messages of the 支援プラン (shared/plan), keyed by the stored value. */

export const taskStatusCatalog = defineCatalog(
  'plan.taskStatus',
  { 未着手: '未着手', 実施中: '実施中', 完了: '完了', 見直し: '見直し' } satisfies Record<TaskStatus, string>,
  { 未着手: 'Not started', 実施中: 'In progress', 完了: 'Done', 見直し: 'Under review' },
)

export const outreachStageCatalog = defineCatalog(
  'plan.outreachStage',
  { 出会う: '出会う', つながる: 'つながる', ほぐす: 'ほぐす', 継続する: '継続する' } satisfies Record<OutreachStage, string>,
  { 出会う: 'Meet', つながる: 'Connect', ほぐす: 'Untangle', 継続する: 'Sustain' },
)

export const supportKindCatalog = defineCatalog(
  'plan.supportKind',
  { 課題解決型: '課題解決型', 伴走型: '伴走型' } satisfies Record<SupportKind, string>,
  { 課題解決型: 'Problem-solving', 伴走型: 'Accompanying' },
)

export const consentCatalog = defineCatalog(
  'plan.consent',
  { あり: 'あり', なし: 'なし' } satisfies Record<Consent, string>,
  { あり: 'Given', なし: 'Not given' },
)

export const planValidationCatalog = defineCatalog(
  'validation.plan',
  {
    badDate: '日付は 2026-04-01 のような年-月-日で、実在する日を指定してください',
    taskWhat: '何をするかを入力してください',
    unknownOwner: '担当はこのマップの機関から選んでください（{id} はありません）',
    unknownPartner: '「誰と」はこのマップの機関・人物から選んでください（{ids} はありません）',
    unknownKeyPerson: 'キーパーソンはこのマップの機関・人物から選ぶか、「不在」を選んでください',
    keyPersonGone: 'キーパーソンに選ばれていたカードがマップから削除されています。選び直してください',
    ownerGone: '担当の機関がマップから削除されています。担当を選び直してください',
    taskDeleted: 'このタスクはすでに削除されています',
    caseClosed: 'この事例は終結しているため変更できません',
    closureReason: '終結の理由を入力してください',
  },
  {
    badDate: 'Use a date that exists, written year-month-day like 2026-04-01.',
    taskWhat: 'Say what is to be done.',
    unknownOwner: 'Choose the responsible agency from this map ({id} is not on it).',
    unknownPartner: 'Choose "with whom" from the agencies and persons of this map ({ids} are not on it).',
    unknownKeyPerson: 'Choose the key person from the agencies and persons of this map, or choose "none".',
    keyPersonGone: 'The card chosen as key person was removed from the map. Please choose again.',
    ownerGone: 'The responsible agency was removed from the map. Please choose another one.',
    taskDeleted: 'This task has already been deleted.',
    caseClosed: 'This case is closed and cannot be changed.',
    closureReason: 'Enter the reason for closing the case.',
  },
)

export const planFieldCatalog = defineCatalog(
  'validation.planField',
  {
    id: 'ID',
    direction: '支援方針',
    goals: '目標',
    wishes: '本人の意向',
    consent: '本人同意',
    keyPerson: 'キーパーソン',
    nextMonitoring: '次回モニタリング日',
    what: '何を',
    owner: '担当（誰が）',
    with: '誰と',
    due: '期限',
    status: '状況',
    note: 'メモ',
    closedAt: '終結日時',
    reason: '終結の理由',
  },
  {
    id: 'ID',
    direction: 'Direction of support',
    goals: 'Goals',
    wishes: "The person's wishes",
    consent: 'Consent',
    keyPerson: 'Key person',
    nextMonitoring: 'Next monitoring date',
    what: 'What',
    owner: 'Responsible (who)',
    with: 'With whom',
    due: 'Due',
    status: 'Status',
    note: 'Note',
    closedAt: 'Closed at',
    reason: 'Reason for closing',
  },
)
