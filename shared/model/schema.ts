import { z } from 'zod'
import type { Lang } from '../i18n/catalog.ts'
import { describeZodIssue, type IssueContext } from '../i18n/issues.ts'
import { messageIn, type Message } from '../i18n/message.ts'
import { modelFieldCatalog, modelValidationCatalog, validationCatalog } from '../i18n/validation.ts'
import { roomKinds } from '../rooms.ts'
import { outreachStages, supportKinds } from '../plan/vocabulary.ts'
import { ageBands, directions, fields, levels, relationTypes, statuses, strengths } from './vocabulary.ts'

/**
 * The map model: the single source of truth that the board, the lists, the quadrant and the
 * graph are views of. Records are strict: unknown keys are rejected, so a person record has no
 * field for a name or an address. Its label and note are free text, though: personal-info.ts
 * warns (does not refuse) when they look like a name, an address or a phone number.
 *
 * Messages are keys of modelValidationCatalog / validationCatalog (shared/i18n/validation.ts):
 * describeIssue turns them into a sentence in either language.
 */

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'idFormat')
const text = (max: number) => z.string().trim().max(max, 'tooLong')
const tag = z.string().trim().min(1, 'emptyTag').max(40, 'tagTooLong')

export const actorSchema = z
  .object({
    id,
    name: text(120).min(1, 'enterText'),
    level: z.enum(levels, { error: 'oneOf' }),
    fields: z
      .array(z.enum(fields, { error: 'chooseFrom' }))
      .min(1, 'atLeastOne')
      .max(fields.length),
    formal: z.boolean({ error: 'formalFlag' }),
    /** Department or contact point, e.g. 相談係. Never a private person's details. */
    contact: text(120).optional(),
    note: text(1000).optional(),
  })
  .strict()
export type Actor = z.infer<typeof actorSchema>

export const personSchema = z
  .object({
    id,
    /** A role, never a name: 本人, 母, 長男… (free text: personal-info.ts warns about names). */
    label: text(30).min(1, 'personLabel'),
    ageBand: z.enum(ageBands, { error: 'chooseFrom' }),
    household: z.boolean({ error: 'householdFlag' }),
    issues: z.array(tag).max(30, 'tooManyTags').default([]),
    note: text(500).optional(),
    /** 支援プラン: where outreach stands with this person (出会う → つながる → ほぐす → 継続する). */
    stage: z.enum(outreachStages, { error: 'oneOf' }).optional(),
    /** 支援プラン: the kind of support this person gets (課題解決型 / 伴走型). */
    support: z.enum(supportKinds, { error: 'oneOf' }).optional(),
  })
  .strict()
export type Person = z.infer<typeof personSchema>

export const relationSchema = z
  .object({
    id,
    from: id,
    to: id,
    type: z.enum(relationTypes, { error: 'oneOf' }),
    direction: z.enum(directions).default('forward'),
    strength: z.enum(strengths, { error: 'oneOf' }).default('normal'),
    status: z.enum(statuses, { error: 'oneOf' }).default('existing'),
    note: text(500).optional(),
  })
  .strict()
  .refine((r) => r.from !== r.to, { message: 'sameEnds', path: ['to'] })
export type Relation = z.infer<typeof relationSchema>

export const mapInfoSchema = z
  .object({
    kind: z.enum(roomKinds).optional(),
    summary: text(2000).optional(),
    /** Household-level (case) or district-level (community) issue tags. */
    issues: z.array(tag).max(50, 'tooManyTags').default([]),
  })
  .strict()
export type MapInfo = z.infer<typeof mapInfoSchema>

export interface MapModel {
  info: MapInfo
  actors: Actor[]
  persons: Person[]
  relations: Relation[]
}

export type RecordKind = 'actor' | 'person' | 'relation' | 'info'

/** Something that could not be used, said so that a facilitator can fix it. */
export interface ModelProblem {
  kind: RecordKind
  id: string | null
  /** Japanese. */
  message: string
  messageEn: string
}

const issueContext: IssueContext = {
  catalogs: [modelValidationCatalog, validationCatalog],
  fieldNames: modelFieldCatalog,
  unknownKeys: { catalog: modelValidationCatalog, key: 'unknownPersonalKeys' },
  // zod reports "expected X, received undefined" for a missing field without a message of ours.
  isMissing: (issue) => issue.code === 'invalid_type' && /received undefined/.test(issue.message),
  fieldOf: (issue) => issue.path.map(String).join('.').split('.')[0],
}

/** First zod issue, as one message naming the field (key and parameters, for either language). */
export function issueMessage(error: z.ZodError): Message {
  return describeZodIssue(error, issueContext)
}

/** First zod issue, as one sentence naming the field: Japanese unless told. */
export function describeIssue(error: z.ZodError, lang: Lang = 'ja'): string {
  return messageIn(issueMessage(error), lang)
}
