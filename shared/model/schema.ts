import { z } from 'zod'
import { roomKinds } from '../rooms.ts'
import { ageBands, directions, fields, levels, relationTypes, statuses, strengths } from './vocabulary.ts'

/**
 * The map model: the single source of truth that the board, the lists, the quadrant and the
 * graph are views of. Records are strict: unknown keys are rejected, so a person record has no
 * field for a name or an address. Its label and note are free text, though: personal-info.ts
 * warns (does not refuse) when they look like a name, an address or a phone number.
 */

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'IDは英数字・ハイフン・アンダースコア64文字以内で指定してください')
const text = (max: number) => z.string().trim().max(max, `${max}文字以内にしてください`)
const tag = z.string().trim().min(1, '空のタグは使えません').max(40, 'タグは40文字以内にしてください')

export const actorSchema = z
  .object({
    id,
    name: text(120).min(1, '入力してください'),
    level: z.enum(levels, { error: `${levels.join(' / ')} のいずれかを指定してください` }),
    fields: z
      .array(z.enum(fields, { error: `${fields.join('、')} から選んでください` }))
      .min(1, '1つ以上選んでください')
      .max(fields.length),
    formal: z.boolean({ error: 'フォーマル（true）かインフォーマル（false）かを指定してください' }),
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
    label: text(30).min(1, '本人、母、長男などの続柄・役割を入力してください（氏名は書かないでください）'),
    ageBand: z.enum(ageBands, { error: `${ageBands.join('、')} から選んでください` }),
    household: z.boolean({ error: '世帯員かどうか（true / false）を指定してください' }),
    issues: z.array(tag).max(30, 'タグは30個までです').default([]),
    note: text(500).optional(),
  })
  .strict()
export type Person = z.infer<typeof personSchema>

export const relationSchema = z
  .object({
    id,
    from: id,
    to: id,
    type: z.enum(relationTypes, { error: `${relationTypes.join('、')} のいずれかを指定してください` }),
    direction: z.enum(directions).default('forward'),
    strength: z.enum(strengths, { error: 'strong / normal / weak / stressful のいずれかを指定してください' }).default('normal'),
    status: z.enum(statuses, { error: 'existing / planned / missing のいずれかを指定してください' }).default('existing'),
    note: text(500).optional(),
  })
  .strict()
  .refine((r) => r.from !== r.to, { message: '同じカード同士は結べません', path: ['to'] })
export type Relation = z.infer<typeof relationSchema>

export const mapInfoSchema = z
  .object({
    kind: z.enum(roomKinds).optional(),
    summary: text(2000).optional(),
    /** Household-level (case) or district-level (community) issue tags. */
    issues: z.array(tag).max(50).default([]),
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
  message: string
}

/** First zod issue, as one Japanese sentence naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return '内容が正しくありません'
  if (issue.code === 'unrecognized_keys') {
    return `使えない項目があります: ${issue.keys.join(', ')}（氏名・住所などの個人情報は記録できません）`
  }
  const field = issue.path.join('.')
  // zod reports "expected X, received undefined" for a missing field; say so plainly.
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message)
  const message = missing ? '必須項目です' : issue.message
  return field ? `${fieldLabel(field)}: ${message}` : message
}

const fieldLabels: Record<string, string> = {
  id: 'ID',
  name: '名称',
  level: '階層',
  fields: '分野',
  formal: 'フォーマル／インフォーマル',
  contact: '担当部署・窓口',
  note: 'メモ',
  label: '続柄・役割',
  ageBand: '年代',
  household: '世帯員',
  issues: '課題タグ',
  from: '起点',
  to: '終点',
  type: '関係の種類',
  direction: '向き',
  strength: '強さ',
  status: '状態',
  summary: '概要',
  kind: '種類',
}

function fieldLabel(path: string): string {
  const head = path.split('.')[0]
  return fieldLabels[head] ?? path
}
