import type { z } from 'zod'
import type { Catalog } from './catalog.ts'
import { message, type Bilingual, type Message, type MessageParams } from './message.ts'
import { validationCatalog } from './validation.ts'
import {
  ageBandCatalog,
  directionCatalog,
  fieldCatalog,
  levelCatalog,
  relationTypeCatalog,
  statusCatalog,
  strengthCatalog,
} from './vocabulary.ts'
import { consentCatalog, outreachStageCatalog, supportKindCatalog, taskStatusCatalog } from './plan.ts'

type Issue = z.ZodError['issues'][number]

export interface IssueContext {
  /** Catalogs whose keys the schema uses as zod messages, searched in order. */
  catalogs: readonly Catalog<string>[]
  /** Names of the record's fields, keyed by property name. */
  fieldNames: Catalog<string>
  /** The message for keys the record does not have. */
  unknownKeys: { catalog: Catalog<string>; key: string }
  /** Is this issue a missing value (zod says "invalid type" for both missing and wrong)? */
  isMissing: (issue: Issue) => boolean
  /** The property the issue is about, '' for the record as a whole. */
  fieldOf: (issue: Issue) => string
}

/** Stored Japanese terms whose English label helps someone fixing an import file. */
const glossaries: readonly Catalog<string>[] = [levelCatalog, fieldCatalog, ageBandCatalog, relationTypeCatalog, strengthCatalog, statusCatalog, directionCatalog, taskStatusCatalog, outreachStageCatalog, supportKindCatalog, consentCatalog]
const hasJapanese = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/

function gloss(value: string): string {
  if (!hasJapanese.test(value)) return value
  for (const catalog of glossaries) if (Object.hasOwn(catalog.en, value)) return `${value} (${catalog.en[value]})`
  return value
}

/**
 * The allowed values of an enum, as they must be written (the stored terms are Japanese in
 * both languages: a file is fixed by typing them), glossed in English.
 */
function options(values: readonly unknown[], japaneseSeparator: string): Bilingual {
  const written = values.map(String)
  return { ja: written.join(japaneseSeparator), en: written.map(gloss).join(', ') }
}

function paramsOf(issue: Issue, key: string): MessageParams {
  switch (issue.code) {
    case 'too_big':
      return { max: Number(issue.maximum) }
    case 'too_small':
      return { min: Number(issue.minimum) }
    case 'invalid_value':
      return { options: options(issue.values, key === 'chooseFrom' ? '、' : ' / ') }
    default:
      return {}
  }
}

/** zod's own message (no key given in the schema), as one of ours. */
function fallbackKey(issue: Issue, missing: boolean): keyof (typeof validationCatalog)['ja'] {
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return 'required'
      return issue.expected === 'number' ? 'number' : issue.expected === 'int' ? 'integer' : 'wrongType'
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' || issue.origin === 'set' ? 'tooManyItems' : 'tooLarge'
    case 'too_small':
      if (issue.origin === 'string') return 'tooShort'
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooFewItems'
      return issue.inclusive === false ? 'greaterThan' : 'tooSmall'
    case 'invalid_value':
      return 'oneOf'
    case 'invalid_format':
      return issue.format === 'datetime' ? 'datetime' : 'wrongType'
    default:
      return 'invalid'
  }
}

/** The problem itself, without the field name. */
function problemOf(issue: Issue, context: IssueContext): Message {
  for (const catalog of context.catalogs) {
    if (Object.hasOwn(catalog.ja, issue.message)) return message(catalog, issue.message, paramsOf(issue, issue.message))
  }
  const key = fallbackKey(issue, context.isMissing(issue))
  return message(validationCatalog, key, paramsOf(issue, key))
}

/**
 * The first zod issue as one message naming the field, e.g. 「名称: 入力してください」 /
 * "Name: Please fill this in.".
 */
export function describeZodIssue(error: z.ZodError, context: IssueContext): Message {
  const issue = error.issues[0]
  if (!issue) return message(validationCatalog, 'invalid')
  if (issue.code === 'unrecognized_keys') {
    return message(context.unknownKeys.catalog, context.unknownKeys.key, { keys: issue.keys.join(', ') })
  }
  const field = context.fieldOf(issue)
  const problem = problemOf(issue, context)
  if (!field) return problem
  const name = Object.hasOwn(context.fieldNames.ja, field) ? message(context.fieldNames, field) : issue.path.join('.')
  return message(validationCatalog, 'fieldProblem', { field: name, problem })
}
