import * as Y from 'yjs'
import { CatalogError, message, type Message } from '../i18n/message.ts'
import { planValidationCatalog } from '../i18n/plan.ts'
import { collection } from '../model/doc.ts'
import { planInfoMap, readClosure, tasksMap } from './doc.ts'
import { planInfoSchema, planIssueMessage, taskSchema, type PlanInfo, type PlanTask } from './schema.ts'
import { NO_KEY_PERSON } from './vocabulary.ts'

/**
 * Every change to the 支援プラン goes through these functions, one Yjs transaction each, like
 * the model's ops: `origin` lets a client's undo track only its own user's changes. Ids must
 * name records of this map: a task's owner an actor, its partners and the key person an actor
 * or a person. A closed case takes no change (the server drops them too).
 */

export class PlanValidationError extends CatalogError {
  constructor(problem: Message) {
    super(problem)
    this.name = 'PlanValidationError'
  }
}

export function newTaskId(): string {
  const bytes = new Uint8Array(9)
  globalThis.crypto.getRandomValues(bytes)
  return `t-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`
}

type NewTask = Omit<PlanTask, 'id' | 'with' | 'status'> & Partial<Pick<PlanTask, 'id' | 'with' | 'status'>>

export function addTask(doc: Y.Doc, data: NewTask, origin?: unknown): PlanTask {
  assertOpen(doc)
  const task = validTask(doc, { ...data, id: data.id ?? newTaskId() }, true)
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    tasksMap(doc).set(task.id, map)
    writeFields(map, task)
  }, origin)
  return task
}

/**
 * A partial change; `undefined` or '' clears an optional field. Cards removed from the map since
 * the task was written do not block it: partners no longer on the map are dropped (as readPlan
 * shows them), and the owner is checked only when the patch sets one, so a task whose agency
 * was removed can still be marked done or given a new owner.
 */
export function updateTask(doc: Y.Doc, id: string, patch: Partial<Omit<PlanTask, 'id'>>, origin?: unknown): PlanTask {
  assertOpen(doc)
  const target = tasksMap(doc).get(id)
  if (!(target instanceof Y.Map)) throw new PlanValidationError(message(planValidationCatalog, 'taskDeleted'))
  const stored = target.toJSON() as Record<string, unknown>
  if (patch.with === undefined && Array.isArray(stored.with)) stored.with = stored.with.filter((w) => typeof w !== 'string' || onMap(doc, w))
  const merged = withoutEmpty({ ...stored, ...patch, id })
  const task = validTask(doc, merged, 'owner' in patch)
  doc.transact(() => writeFields(target, task, cleared(patch)), origin)
  return task
}

export function removeTask(doc: Y.Doc, id: string, origin?: unknown): void {
  assertOpen(doc)
  doc.transact(() => tasksMap(doc).delete(id), origin)
}

/** A partial change to the plan's fields; `undefined` or '' clears one. */
export function updatePlanInfo(doc: Y.Doc, patch: Partial<PlanInfo>, origin?: unknown): PlanInfo {
  assertOpen(doc)
  const map = planInfoMap(doc)
  const merged = withoutEmpty({ ...(map.toJSON() as Record<string, unknown>), ...patch })
  const parsed = planInfoSchema.safeParse(merged)
  if (!parsed.success) throw new PlanValidationError(planIssueMessage(parsed.error))
  const info = parsed.data
  if (info.keyPerson !== undefined && info.keyPerson !== NO_KEY_PERSON && !onMap(doc, info.keyPerson)) {
    throw new PlanValidationError(message(planValidationCatalog, 'unknownKeyPerson'))
  }
  doc.transact(() => writeFields(map, info, cleared(patch)), origin)
  return info
}

function validTask(doc: Y.Doc, data: unknown, checkOwner: boolean): PlanTask {
  const parsed = taskSchema.safeParse(data)
  if (!parsed.success) throw new PlanValidationError(planIssueMessage(parsed.error))
  const task = parsed.data
  if (checkOwner && !collection(doc, 'actor').has(task.owner)) throw new PlanValidationError(message(planValidationCatalog, 'unknownOwner', { id: task.owner }))
  const unknown = task.with.filter((id) => !onMap(doc, id))
  if (unknown.length) throw new PlanValidationError(message(planValidationCatalog, 'unknownPartner', { ids: unknown.join(', ') }))
  return { ...task, with: [...new Set(task.with)].filter((id) => id !== task.owner) }
}

function assertOpen(doc: Y.Doc): void {
  if (readClosure(doc)) throw new PlanValidationError(message(planValidationCatalog, 'caseClosed'))
}

function onMap(doc: Y.Doc, id: string): boolean {
  return collection(doc, 'actor').has(id) || collection(doc, 'person').has(id)
}

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''))
}

function cleared(patch: object): string[] {
  return Object.entries(patch)
    .filter(([, v]) => v === undefined || v === '')
    .map(([k]) => k)
}

function writeFields(target: Y.Map<unknown>, record: object, clear: string[] = []): void {
  for (const key of clear) if (target.has(key)) target.delete(key)
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue
    if (value === undefined) continue
    if (JSON.stringify(target.get(key)) !== JSON.stringify(value)) target.set(key, value)
  }
}

