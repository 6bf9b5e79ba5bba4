import type { AgeBand, Direction, Field, Level, RelationType, Status, Strength } from '../model/vocabulary.ts'
import type { personRoleSuggestions, suggestedIssueTags } from '../model/vocabulary.ts'
import { defineCatalog } from './catalog.ts'

/**
 * Labels of the map vocabulary (shared/model/vocabulary.ts). Stored values stay the Japanese
 * terms users speak; each catalog is keyed by the stored value, so `labelOf(levelCatalog,
 * lang, actor.level)` shows it, and a user's own word (a free issue tag) comes back as typed.
 * Keys are checked with `satisfies Record<Level, string>` rather than a type argument:
 * catalogs.test.ts finds catalog files by the text `defineCatalog(`.
 */

export const levelCatalog = defineCatalog(
  'vocabulary.level',
  {
    国: '国',
    都道府県: '都道府県',
    '市区町村（庁内）': '市区町村（庁内）',
    '市区町村（委託・法人・事業所）': '市区町村（委託・法人・事業所）',
    地域: '地域',
  } satisfies Record<Level, string>,
  {
    国: 'National government',
    都道府県: 'Prefecture',
    '市区町村（庁内）': 'Municipality (town hall departments)',
    '市区町村（委託・法人・事業所）': 'Municipality (contracted agencies and providers)',
    地域: 'Local community',
  },
)

/** Short badge text for cards. */
export const levelBadgeCatalog = defineCatalog(
  'vocabulary.levelBadge',
  {
    国: '国',
    都道府県: '県',
    '市区町村（庁内）': '庁内',
    '市区町村（委託・法人・事業所）': '事業所',
    地域: '地域',
  } satisfies Record<Level, string>,
  {
    国: 'National',
    都道府県: 'Prefecture',
    '市区町村（庁内）': 'Town hall',
    '市区町村（委託・法人・事業所）': 'Provider',
    地域: 'Community',
  },
)

export const fieldCatalog = defineCatalog(
  'vocabulary.field',
  {
    高齢: '高齢',
    障害: '障害',
    '子ども・子育て': '子ども・子育て',
    生活困窮: '生活困窮',
    '保健・医療': '保健・医療',
    精神保健: '精神保健',
    教育: '教育',
    住まい: '住まい',
    就労: '就労',
    権利擁護: '権利擁護',
    '司法・更生保護': '司法・更生保護',
    'DV・女性支援': 'DV・女性支援',
    '地域福祉（社協）': '地域福祉（社協）',
    住民活動: '住民活動',
    民間企業: '民間企業',
    '行政（総合）': '行政（総合）',
  } satisfies Record<Field, string>,
  {
    高齢: 'Older people',
    障害: 'Disability',
    '子ども・子育て': 'Children and families',
    生活困窮: 'Financial hardship',
    '保健・医療': 'Health and medical care',
    精神保健: 'Mental health',
    教育: 'Education',
    住まい: 'Housing',
    就労: 'Employment',
    権利擁護: 'Advocacy and rights protection',
    '司法・更生保護': 'Justice and offender rehabilitation',
    'DV・女性支援': 'Domestic violence and support for women',
    '地域福祉（社協）': 'Community welfare (Council of Social Welfare)',
    住民活動: 'Residents’ activities',
    民間企業: 'Private businesses',
    '行政（総合）': 'Local government (general)',
  },
)

export const relationTypeCatalog = defineCatalog(
  'vocabulary.relationType',
  {
    つなぎ: 'つなぎ',
    '連携・協働': '連携・協働',
    情報共有: '情報共有',
    同行: '同行',
    委託: '委託',
    '補助・助成': '補助・助成',
    '助言・後方支援': '助言・後方支援',
    派遣: '派遣',
    会議参加: '会議参加',
    支援提供: '支援提供',
    見守り: '見守り',
    協定: '協定',
    家族関係: '家族関係',
  } satisfies Record<RelationType, string>,
  {
    つなぎ: 'Referral',
    '連携・協働': 'Joint working',
    情報共有: 'Information sharing',
    同行: 'Accompanying',
    委託: 'Commissioning',
    '補助・助成': 'Grants and subsidies',
    '助言・後方支援': 'Advice and back-up support',
    派遣: 'Sending staff',
    会議参加: 'Takes part in meetings',
    支援提供: 'Provides support',
    見守り: 'Keeping an eye out',
    協定: 'Formal agreement',
    家族関係: 'Family relationship',
  },
)

export const strengthCatalog = defineCatalog(
  'vocabulary.strength',
  { strong: '強い', normal: 'ふつう', weak: '弱い', stressful: 'ストレス・葛藤' } satisfies Record<Strength, string>,
  { strong: 'Strong', normal: 'Normal', weak: 'Weak', stressful: 'Stressful or conflicted' },
)

export const statusCatalog = defineCatalog(
  'vocabulary.status',
  { existing: '既存', planned: '予定', missing: '不足（必要だが未整備）' } satisfies Record<Status, string>,
  { existing: 'Existing', planned: 'Planned', missing: 'Missing (needed but not in place)' },
)

export const directionCatalog = defineCatalog(
  'vocabulary.direction',
  {
    forward: '→（起点から終点へ）',
    backward: '←（終点から起点へ）',
    both: '↔（双方向）',
    none: '向きなし',
  } satisfies Record<Direction, string>,
  {
    forward: '→ (from → to)',
    backward: '← (to → from)',
    both: '↔ (both ways)',
    none: 'Undirected',
  },
)

export const ageBandCatalog = defineCatalog(
  'vocabulary.ageBand',
  {
    乳幼児: '乳幼児',
    小学生: '小学生',
    中学生: '中学生',
    '10代': '10代',
    '20代': '20代',
    '30代': '30代',
    '40代': '40代',
    '50代': '50代',
    '60代': '60代',
    '70代': '70代',
    '80代': '80代',
    '90代以上': '90代以上',
    不明: '不明',
  } satisfies Record<AgeBand, string>,
  {
    乳幼児: 'Baby or preschool child',
    小学生: 'Primary school age',
    中学生: 'Lower secondary school age',
    '10代': 'Teens',
    '20代': '20s',
    '30代': '30s',
    '40代': '40s',
    '50代': '50s',
    '60代': '60s',
    '70代': '70s',
    '80代': '80s',
    '90代以上': '90 or over',
    不明: 'Unknown',
  },
)

export type SuggestedIssueTag = (typeof suggestedIssueTags)[number]

/** Suggested issue tags; a user's own tag is not in it and `labelOf` shows it as typed. */
export const issueTagCatalog = defineCatalog(
  'vocabulary.issueTag',
  {
    '8050': '8050',
    ひきこもり: 'ひきこもり',
    ダブルケア: 'ダブルケア',
    ヤングケアラー: 'ヤングケアラー',
    生活困窮: '生活困窮',
    認知症: '認知症',
    精神疾患の疑い: '精神疾患の疑い',
    DV: 'DV',
    虐待: '虐待',
    ごみ屋敷: 'ごみ屋敷',
    近隣トラブル: '近隣トラブル',
    社会的孤立: '社会的孤立',
    権利擁護: '権利擁護',
    刑余者: '刑余者',
    家賃滞納: '家賃滞納',
    要介護: '要介護',
    不登校: '不登校',
    無職: '無職',
  } satisfies Record<SuggestedIssueTag, string>,
  {
    '8050': '8050 (parent in their 80s, child in their 50s)',
    ひきこもり: 'Social withdrawal (hikikomori)',
    ダブルケア: 'Double care (children and older relatives)',
    ヤングケアラー: 'Young carer',
    生活困窮: 'Financial hardship',
    認知症: 'Dementia',
    精神疾患の疑い: 'Possible mental illness',
    DV: 'Domestic violence',
    虐待: 'Abuse',
    ごみ屋敷: 'Hoarding',
    近隣トラブル: 'Disputes with neighbours',
    社会的孤立: 'Social isolation',
    権利擁護: 'Needs advocacy',
    刑余者: 'Released from prison',
    家賃滞納: 'Rent arrears',
    要介護: 'Needs long-term care',
    不登校: 'Not attending school',
    無職: 'Out of work',
  },
)

export type PersonRoleSuggestion = (typeof personRoleSuggestions)[number]

/** Suggested roles of a person; the stored label stays the Japanese word (or the user's own). */
export const personRoleCatalog = defineCatalog(
  'vocabulary.personRole',
  {
    本人: '本人',
    母: '母',
    父: '父',
    長男: '長男',
    長女: '長女',
    次男: '次男',
    次女: '次女',
    配偶者: '配偶者',
    祖母: '祖母',
    祖父: '祖父',
    孫: '孫',
    きょうだい: 'きょうだい',
  } satisfies Record<PersonRoleSuggestion, string>,
  {
    本人: 'The person supported',
    母: 'Mother',
    父: 'Father',
    長男: 'Eldest son',
    長女: 'Eldest daughter',
    次男: 'Second son',
    次女: 'Second daughter',
    配偶者: 'Spouse or partner',
    祖母: 'Grandmother',
    祖父: 'Grandfather',
    孫: 'Grandchild',
    きょうだい: 'Brother or sister',
  },
)
