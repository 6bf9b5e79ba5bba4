import { z } from 'zod'
import { refGroups } from './vocabulary.ts'

/**
 * Records of the four-quadrant practice diagram. Like the map model (shared/model/schema.ts)
 * they are strict: unknown keys are rejected, so a card cannot smuggle a client's name in.
 * Coordinates are normalised to [-1, 1] so that the diagram does not depend on screen size.
 */

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'IDは英数字・ハイフン・アンダースコア64文字以内で指定してください')
const text = (max: number) => z.string().trim().max(max, `${max}文字以内にしてください`)
const coordinate = z
  .number({ error: '数値で指定してください' })
  .min(-1, '-1から1の範囲で指定してください')
  .max(1, '-1から1の範囲で指定してください')

export const PRACTICE_TEXT_MAX = 300
export const MAX_VOTE_LIMIT = 50

export const practiceCardSchema = z
  .object({
    id,
    text: text(PRACTICE_TEXT_MAX).min(1, '取組を入力してください'),
    /** The participant who wrote the card; may stay empty (記入者は任意). */
    authorName: text(60).default(''),
    /** 所属: the department or organisation whose practice this is. */
    authorOrg: text(80).default(''),
    /** −1 インフォーマル（地域住民） … +1 フォーマル（専門性を有する機関） */
    x: coordinate,
    /** −1 課題解決と予防 … +1 発見と把握 */
    y: coordinate,
    /** The workshop group whose board the card is on. */
    groupId: id,
    refGroup: z.enum(refGroups, { error: '1 / 2 / 3 のいずれかを指定してください' }).optional(),
    /** Actors of the map (shared/model) that the practice involves. */
    actorIds: z.array(id).max(50, '関係機関は50件までです').optional(),
    /** Number in the reference deck of 17 practices, when the card came from it. */
    referenceNo: z.number().int('整数で指定してください').min(1).max(999).optional(),
    createdAt: z.iso.datetime({ error: '日時（ISO 8601）で指定してください' }),
  })
  .strict()
  .refine((card) => card.referenceNo !== undefined || card.authorOrg !== '', {
    // Every own card must say whose practice it is: the summary looks for departments that
    // have placed nothing. Only reference-deck cards belong to no department.
    message: '所属を入力してください',
    path: ['authorOrg'],
  })
export type PracticeCard = z.infer<typeof practiceCardSchema>

export const quadrantGroupSchema = z
  .object({
    id,
    name: text(40).min(1, 'グループ名を入力してください'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb 形式の色で指定してください'),
    order: z.number({ error: '数値で指定してください' }).int('整数で指定してください').min(0).max(10_000),
  })
  .strict()
export type QuadrantGroup = z.infer<typeof quadrantGroupSchema>

/** One voter's votes on one card, as read from the Y.Doc (see doc.ts for the layout). */
export const voteEntrySchema = z
  .object({
    voterId: id,
    cardId: id,
    count: z
      .number({ error: '票数は数値で指定してください' })
      .int('票数は整数で指定してください')
      .min(1, '票数は1以上です')
      .max(MAX_VOTE_LIMIT, `票数は${MAX_VOTE_LIMIT}以下です`),
  })
  .strict()
export type VoteEntry = z.infer<typeof voteEntrySchema>

export const quadrantSettingsSchema = z
  .object({
    /** Votes per participant, set by the facilitator. 0 closes voting. */
    voteLimit: z
      .number({ error: '数値で指定してください' })
      .int('整数で指定してください')
      .min(0, '0以上で指定してください')
      .max(MAX_VOTE_LIMIT, `${MAX_VOTE_LIMIT}以下で指定してください`)
      .default(3),
    /** A quadrant is "thin" below this share of the mean of the other three (summary.ts). */
    thinGapRatio: z.number({ error: '数値で指定してください' }).gt(0, '0より大きくしてください').max(1, '1以下にしてください').default(0.5),
    /** Below this many placed cards, proportions are noise: no quadrant is called thin. */
    thinGapMinTotal: z.number({ error: '数値で指定してください' }).int('整数で指定してください').min(1).max(10_000).default(8),
  })
  .strict()
export type QuadrantSettings = z.infer<typeof quadrantSettingsSchema>
export const defaultQuadrantSettings: QuadrantSettings = quadrantSettingsSchema.parse({})

/** Everything the diagram is made of, validated: what summary, CSV and SVG take. */
export interface QuadrantData {
  practices: PracticeCard[]
  groups: QuadrantGroup[]
  votes: VoteEntry[]
  settings: QuadrantSettings
}

export type QuadrantRecordKind = 'practice' | 'group' | 'vote' | 'settings'

/** Something that could not be used, said so that a facilitator can fix it. */
export interface QuadrantProblem {
  kind: QuadrantRecordKind
  id: string | null
  message: string
}

const fieldLabels: Record<string, string> = {
  id: 'ID',
  text: '取組',
  authorName: '記入者',
  authorOrg: '所属',
  x: '横軸（インフォーマル／フォーマル）',
  y: '縦軸（発見と把握／課題解決と予防）',
  groupId: 'グループ',
  refGroup: '参考事例の分類',
  actorIds: '関係機関',
  referenceNo: '参考事例の番号',
  createdAt: '作成日時',
  name: 'グループ名',
  color: '色',
  order: '並び順',
  voterId: '投票者',
  cardId: 'カード',
  count: '票数',
  voteLimit: '1人あたりの票数',
  thinGapRatio: '手薄とみなす割合',
  thinGapMinTotal: '手薄を判定する最小枚数',
}

/**
 * Pass to every safeParse whose error goes through describeQuadrantIssue: zod 4 leaves the
 * input out of issues unless asked, and without it a wrong value cannot be told from a
 * missing one (both would read 必須項目です).
 */
export const parseOptions = { reportInput: true } as const

/** First zod issue, as one Japanese sentence naming the field (like describeIssue in model). */
export function describeQuadrantIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '内容が正しくありません'
  if (issue.code === 'unrecognized_keys') return `使えない項目があります: ${issue.keys.join(', ')}`
  const field = String(issue.path[0] ?? '')
  const message = issue.code === 'invalid_type' && issue.input === undefined ? '必須項目です' : issue.message
  return field ? `${fieldLabels[field] ?? field}: ${message}` : message
}
