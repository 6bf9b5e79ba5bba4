import { z } from 'zod'
import type { Lang } from '../i18n/catalog.ts'
import { describeZodIssue, type IssueContext } from '../i18n/issues.ts'
import { messageIn, type Message } from '../i18n/message.ts'
import { quadrantFieldCatalog, quadrantValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import { refGroups } from './vocabulary.ts'

/**
 * Records of the four-quadrant practice diagram. Like the map model (shared/model/schema.ts)
 * they are strict: unknown keys are rejected, so a card cannot smuggle a client's name in.
 * Coordinates are normalised to [-1, 1] so that the diagram does not depend on screen size.
 * Messages are keys of quadrantValidationCatalog / validationCatalog (shared/i18n/validation.ts).
 */

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'idFormat')
const text = (max: number) => z.string().trim().max(max, 'tooLong')
const coordinate = z
  .number({ error: 'number' })
  .min(-1, 'coordinateRange')
  .max(1, 'coordinateRange')

export const PRACTICE_TEXT_MAX = 300
export const MAX_VOTE_LIMIT = 50

export const practiceCardSchema = z
  .object({
    id,
    text: text(PRACTICE_TEXT_MAX).min(1, 'practiceText'),
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
    refGroup: z.enum(refGroups, { error: 'oneOf' }).optional(),
    /** Actors of the map (shared/model) that the practice involves. */
    actorIds: z.array(id).max(50, 'tooManyActors').optional(),
    /** Number in the reference deck of 17 practices, when the card came from it. */
    referenceNo: z.number({ error: 'number' }).int('integer').min(1, 'tooSmall').max(999, 'tooLarge').optional(),
    createdAt: z.iso.datetime({ error: 'datetime' }),
  })
  .strict()
  .refine((card) => card.referenceNo !== undefined || card.authorOrg !== '', {
    // Every own card must say whose practice it is: the summary looks for departments that
    // have placed nothing. Only reference-deck cards belong to no department.
    message: 'authorOrg',
    path: ['authorOrg'],
  })
export type PracticeCard = z.infer<typeof practiceCardSchema>

export const quadrantGroupSchema = z
  .object({
    id,
    name: text(40).min(1, 'groupName'),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colorFormat'),
    order: z.number({ error: 'number' }).int('integer').min(0, 'tooSmall').max(10_000, 'tooLarge'),
  })
  .strict()
export type QuadrantGroup = z.infer<typeof quadrantGroupSchema>

/** One voter's votes on one card, as read from the Y.Doc (see doc.ts for the layout). */
export const voteEntrySchema = z
  .object({
    voterId: id,
    cardId: id,
    count: z
      .number({ error: 'voteCountNumber' })
      .int('voteCountInteger')
      .min(1, 'voteCountMin')
      .max(MAX_VOTE_LIMIT, 'voteCountMax'),
  })
  .strict()
export type VoteEntry = z.infer<typeof voteEntrySchema>

export const quadrantSettingsSchema = z
  .object({
    /** Votes per participant, set by the facilitator. 0 closes voting. */
    voteLimit: z
      .number({ error: 'number' })
      .int('integer')
      .min(0, 'tooSmall')
      .max(MAX_VOTE_LIMIT, 'tooLarge')
      .default(3),
    /** A quadrant is "thin" below this share of the mean of the other three (summary.ts). */
    thinGapRatio: z.number({ error: 'number' }).gt(0, 'greaterThan').max(1, 'tooLarge').default(0.5),
    /** Below this many placed cards, proportions are noise: no quadrant is called thin. */
    thinGapMinTotal: z.number({ error: 'number' }).int('integer').min(1, 'tooSmall').max(10_000, 'tooLarge').default(8),
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
  /** Japanese. */
  message: string
  messageEn: string
}

/**
 * Pass to every safeParse whose error goes through describeQuadrantIssue: zod 4 leaves the
 * input out of issues unless asked, and without it a wrong value cannot be told from a
 * missing one (both would read 必須項目です).
 */
export const parseOptions = { reportInput: true } as const

const issueContext: IssueContext = {
  catalogs: [quadrantValidationCatalog, validationCatalog],
  fieldNames: quadrantFieldCatalog,
  unknownKeys: { catalog: validationCatalog, key: 'unknownKeys' },
  isMissing: (issue) => issue.code === 'invalid_type' && issue.input === undefined,
  fieldOf: (issue) => String(issue.path[0] ?? ''),
}

/** First zod issue, as one message naming the field (like issueMessage in model). */
export function quadrantIssueMessage(error: z.ZodError): Message {
  return describeZodIssue(error, issueContext)
}

/** First zod issue, as one sentence naming the field: Japanese unless told. */
export function describeQuadrantIssue(error: z.ZodError, lang: Lang = 'ja'): string {
  return messageIn(quadrantIssueMessage(error), lang)
}
