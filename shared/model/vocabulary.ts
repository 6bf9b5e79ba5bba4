/**
 * The vocabulary of case and community maps (docs/domain.md §4 Actors, §5 Persons, §6 Ties). Stored values are the
 * Japanese terms users speak; their labels in each language are in shared/i18n/vocabulary.ts
 * (levelCatalog, fieldCatalog, relationTypeCatalog…), keyed by the stored value.
 */

export const levels = ['国', '都道府県', '市区町村（庁内）', '市区町村（委託・法人・事業所）', '地域'] as const
export type Level = (typeof levels)[number]

export const fields = [
  '高齢',
  '障害',
  '子ども・子育て',
  '生活困窮',
  '保健・医療',
  '精神保健',
  '教育',
  '住まい',
  '就労',
  '権利擁護',
  '司法・更生保護',
  'DV・女性支援',
  '地域福祉（社協）',
  '住民活動',
  '民間企業',
  '行政（総合）',
] as const
export type Field = (typeof fields)[number]

/** One colour per field, distinguishable on a projector; used by cards, lists and the graph. */
export const fieldColors: Record<Field, string> = {
  高齢: '#e07b39',
  障害: '#7a5cc2',
  '子ども・子育て': '#e8a317',
  生活困窮: '#c23b5a',
  '保健・医療': '#2e8b57',
  精神保健: '#4a9a8c',
  教育: '#3f6fd1',
  住まい: '#8c6d46',
  就労: '#5b7f2a',
  権利擁護: '#a05195',
  '司法・更生保護': '#555e6b',
  'DV・女性支援': '#d45087',
  '地域福祉（社協）': '#1f8fb3',
  住民活動: '#f08c8c',
  民間企業: '#7f8c8d',
  '行政（総合）': '#34495e',
}

export const relationTypes = [
  'つなぎ',
  '連携・協働',
  '情報共有',
  '同行',
  '委託',
  '補助・助成',
  '助言・後方支援',
  '派遣',
  '会議参加',
  '支援提供',
  '見守り',
  '協定',
  '家族関係',
] as const
export type RelationType = (typeof relationTypes)[number]

export const strengths = ['strong', 'normal', 'weak', 'stressful'] as const
export type Strength = (typeof strengths)[number]

/** What turns a drawing into a plan: is the tie there, planned, or needed but missing? */
export const statuses = ['existing', 'planned', 'missing'] as const
export type Status = (typeof statuses)[number]

/** forward: from → to; backward: to → from; both: ↔; none: undirected. */
export const directions = ['forward', 'backward', 'both', 'none'] as const
export type Direction = (typeof directions)[number]

export const ageBands = [
  '乳幼児',
  '小学生',
  '中学生',
  '10代',
  '20代',
  '30代',
  '40代',
  '50代',
  '60代',
  '70代',
  '80代',
  '90代以上',
  '不明',
] as const
export type AgeBand = (typeof ageBands)[number]

/** Suggested issue tags; users may add free tags too. */
export const suggestedIssueTags = [
  '8050',
  'ひきこもり',
  'ダブルケア',
  'ヤングケアラー',
  '生活困窮',
  '認知症',
  '精神疾患の疑い',
  'DV',
  '虐待',
  'ごみ屋敷',
  '近隣トラブル',
  '社会的孤立',
  '権利擁護',
  '刑余者',
  '家賃滞納',
  '要介護',
  '不登校',
  '無職',
] as const

export const personRoleSuggestions = ['本人', '母', '父', '長男', '長女', '次男', '次女', '配偶者', '祖母', '祖父', '孫', 'きょうだい'] as const
