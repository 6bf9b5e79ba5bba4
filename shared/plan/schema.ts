import { z } from 'zod'
import type { Lang } from '../i18n/catalog.ts'
import { describeZodIssue, type IssueContext } from '../i18n/issues.ts'
import { messageIn, type Message } from '../i18n/message.ts'
import { planFieldCatalog, planValidationCatalog } from '../i18n/plan.ts'
import { validationCatalog } from '../i18n/validation.ts'
import { consents, NO_KEY_PERSON, taskStatuses } from './vocabulary.ts'

/**
 * The 支援プラン of a case room (docs/domain.md §10): the direction the meeting agreed, the
 * household's own wishes and consent, the key person, the next monitoring date, and the
 * 役割分担 — tasks, each owned by an actor of the map. Per-person outreach stage and kind of
 * support live on the person record (shared/model/schema.ts), so they go wherever persons go
 * and are left out with them.
 *
 * Which ids exist is not the schema's business (it sees one record): shared/plan/ops.ts
 * refuses unknown actors when writing, shared/plan/doc.ts reports them when reading.
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'idFormat')

/** The longest text each field takes (characters, once trimmed): the forms count against these. */
export const planTextMax = { direction: 2000, goals: 2000, wishes: 2000, what: 300, note: 500, reason: 500 } as const
const text = (max: number) => z.string().trim().max(max, 'tooLong')

/** A calendar date, YYYY-MM-DD, that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const planDate = z.string().trim().refine(isCalendarDate, 'badDate')

export const planInfoSchema = z
  .object({
    /** 支援方針: the direction agreed by the meeting. */
    direction: text(planTextMax.direction).optional(),
    /** 目標: what the support aims at, in the household's and the agencies' words. */
    goals: text(planTextMax.goals).optional(),
    /** 本人の意向: what the person (and household) want. Describes persons: left out without them. */
    wishes: text(planTextMax.wishes).optional(),
    consent: z.enum(consents, { error: 'oneOf' }).optional(),
    /** キーパーソン: an actor or person of the map, or 'none' (there is none). Unset: not decided. */
    keyPerson: z.union([z.literal(NO_KEY_PERSON), id]).optional(),
    /** 次回モニタリング日. */
    nextMonitoring: planDate.optional(),
  })
  .strict()
export type PlanInfo = z.infer<typeof planInfoSchema>

export const taskSchema = z
  .object({
    id,
    /** What is to be done (何を). */
    what: text(planTextMax.what).min(1, 'taskWhat'),
    /** The responsible actor (誰が): an actor of the map. */
    owner: id,
    /** With whom (誰と): actors or persons of the map. */
    with: z.array(id).max(20, 'tooManyItems').default([]),
    /** By when (いつまでに). */
    due: planDate.optional(),
    status: z.enum(taskStatuses, { error: 'oneOf' }).default('未着手'),
    note: text(planTextMax.note).optional(),
  })
  .strict()
export type PlanTask = z.infer<typeof taskSchema>

/** 終結: written by the server only (POST /api/rooms/:id/closure); the room is then read-only. */
export const closureSchema = z
  .object({
    closedAt: z.iso.datetime({ error: 'datetime' }),
    reason: text(planTextMax.reason).min(1, 'closureReason'),
  })
  .strict()
export type Closure = z.infer<typeof closureSchema>

export interface PlanData {
  info: PlanInfo
  /** Sorted by due date (undated last), then by id. */
  tasks: PlanTask[]
  closure: Closure | null
}

export interface PlanProblem {
  kind: 'plan' | 'task' | 'closure'
  id: string | null
  /** Japanese. */
  message: string
  messageEn: string
}

const issueContext: IssueContext = {
  catalogs: [planValidationCatalog, validationCatalog],
  fieldNames: planFieldCatalog,
  unknownKeys: { catalog: validationCatalog, key: 'unknownKeys' },
  isMissing: (issue) => issue.code === 'invalid_type' && /received undefined/.test(issue.message),
  fieldOf: (issue) => String(issue.path[0] ?? ''),
}

export function planIssueMessage(error: z.ZodError): Message {
  return describeZodIssue(error, issueContext)
}

export function describePlanIssue(error: z.ZodError, lang: Lang = 'ja'): string {
  return messageIn(planIssueMessage(error), lang)
}

/** Tasks in the order a meeting reads them: soonest due first, undated last. */
export function taskOrder(a: Pick<PlanTask, 'id' | 'due'>, b: Pick<PlanTask, 'id' | 'due'>): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1
    if (b.due === undefined) return -1
    return a.due < b.due ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
