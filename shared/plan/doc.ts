import * as Y from 'yjs'
import { bilingual, message, type Message } from '../i18n/message.ts'
import { planValidationCatalog } from '../i18n/plan.ts'
import { validationCatalog } from '../i18n/validation.ts'
import { collection } from '../model/doc.ts'
import { closureSchema, planInfoSchema, planIssueMessage, taskOrder, taskSchema, type Closure, type PlanData, type PlanInfo, type PlanProblem, type PlanTask } from './schema.ts'
import { NO_KEY_PERSON } from './vocabulary.ts'

/**
 * Where the 支援プラン lives in a room's Y.Doc, next to the map model:
 *
 * - `plan`        Y.Map of plain values (direction, goals, wishes, consent, keyPerson,
 *                 nextMonitoring): one field each, so two people editing different fields both win
 * - `planTasks`   Y.Map taskId → Y.Map (one nested map per task, like the model's records)
 * - `planClosure` Y.Map closedAt, reason: written by the server only (serverOnlyRoots in
 *                 shared/doc-access.ts); while it holds a closure the room is read-only
 */
export const planMapNames = { info: 'plan', task: 'planTasks', closure: 'planClosure' } as const

export function planInfoMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(planMapNames.info)
}
export function tasksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(planMapNames.task)
}
export function closureMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(planMapNames.closure)
}

/** The shared types participants edit, e.g. for a Y.UndoManager scope (not the closure). */
export function planTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [planInfoMap(doc), tasksMap(doc)] as Y.AbstractType<unknown>[]
}

export interface PlanReadResult {
  data: PlanData
  problems: PlanProblem[]
}

/** The closure, or null while the case is open (an unreadable closure counts as closed: fail safe). */
export function readClosure(doc: Y.Doc): Closure | null {
  const map = closureMap(doc)
  if (map.size === 0) return null
  const parsed = closureSchema.safeParse(map.toJSON())
  if (parsed.success) return parsed.data
  return { closedAt: typeof map.get('closedAt') === 'string' ? (map.get('closedAt') as string) : new Date(0).toISOString(), reason: '' }
}

/**
 * Reads and validates the plan. A bad task is reported and skipped; a task whose owner or
 * partner was removed from the map is kept (hiding an agreed task is worse than showing it
 * with 「削除された機関」) and reported, with the missing ids dropped from `with`.
 */
export function readPlan(doc: Y.Doc): PlanReadResult {
  const problems: PlanProblem[] = []
  const problem = (kind: PlanProblem['kind'], id: string | null, m: Message) => {
    const text = bilingual(m)
    problems.push({ kind, id, message: text.ja, messageEn: text.en })
  }
  const actors = collection(doc, 'actor')
  const persons = collection(doc, 'person')
  const onMap = (id: string) => actors.has(id) || persons.has(id)

  let info: PlanInfo = {}
  const parsedInfo = planInfoSchema.safeParse(planInfoMap(doc).toJSON())
  if (parsedInfo.success) {
    info = parsedInfo.data
    if (info.keyPerson && info.keyPerson !== NO_KEY_PERSON && !onMap(info.keyPerson)) {
      problem('plan', null, message(planValidationCatalog, 'keyPersonGone'))
      info = { ...info, keyPerson: undefined }
    }
  } else problem('plan', null, planIssueMessage(parsedInfo.error))

  const tasks: PlanTask[] = []
  tasksMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map)) {
      problem('task', key, message(validationCatalog, 'badRecord'))
      return
    }
    const parsed = taskSchema.safeParse({ ...(value.toJSON() as Record<string, unknown>), id: key })
    if (!parsed.success) {
      problem('task', key, planIssueMessage(parsed.error))
      return
    }
    const task = parsed.data
    if (!actors.has(task.owner)) problem('task', key, message(planValidationCatalog, 'ownerGone'))
    const gone = task.with.filter((id) => !onMap(id))
    tasks.push(gone.length ? { ...task, with: task.with.filter((id) => onMap(id)) } : task)
  })
  tasks.sort(taskOrder)

  return { data: { info, tasks, closure: readClosure(doc) }, problems }
}

/** The time zone the server's "today" is in unless TZ says otherwise (server/config.ts). */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo'

/**
 * Today as YYYY-MM-DD on the meeting's calendar, not UTC: in `timeZone` when given (the server,
 * whose own clock may run in UTC), else in the device's local time (a participant's browser).
 */
export function localDate(now: Date = new Date(), timeZone?: string): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  if (!timeZone) return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now)
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value)
  return `${part('year')}-${pad(part('month'))}-${pad(part('day'))}`
}

/** A task is overdue when its date has passed and it is neither done nor being rethought. */
export function isOverdue(task: PlanTask, today: string): boolean {
  return task.due !== undefined && task.due < today && task.status !== '完了' && task.status !== '見直し'
}

export function overdueTasks(tasks: readonly PlanTask[], today: string): PlanTask[] {
  return tasks.filter((t) => isOverdue(t, today))
}
