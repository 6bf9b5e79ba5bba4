/**
 * Pure helpers of the printable documents: the page's query, reading the room file the server
 * sent (validated like an import: a bad record is left out, never trusted), the 役割分担 grouped
 * by agency, and "what changed since the last record" in words. No React, no fetch: unit-tested
 * in print-data.test.ts.
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import { taskStatusCatalog } from '../../shared/i18n/plan'
import { ageBandCatalog, personRoleCatalog, relationTypeCatalog, statusCatalog } from '../../shared/i18n/vocabulary'
import { modelWithoutPersons, type Figures, type TaskRef } from '../../shared/history/diff'
import type { RecordDiffResponse } from '../../shared/history/records'
import { mapInfoSchema, type Actor, type MapModel, type Person } from '../../shared/model/schema'
import { ImportFormatError, parseImport, withoutHousehold } from '../../shared/model/transfer'
import { isOverdue } from '../../shared/plan/doc'
import { NO_KEY_PERSON } from '../../shared/plan/vocabulary'
import { closureSchema, planInfoSchema, taskOrder, taskSchema, type PlanData, type PlanInfo, type PlanTask } from '../../shared/plan/schema'
import type { RoomKind } from '../../shared/rooms'
import { isRoomTab, type RoomTab } from '../return-tab'
import { printText, type PrintTextKey } from './labels'

export type DocKind = 'plan' | 'record'

export interface PrintRequest {
  doc: DocKind
  recordId: string | null
  /** What was asked for; a view link gets the version without persons whatever it asks. */
  includePersons: boolean
  /** The room's tab the page was opened from, which 「ルームに戻る」 opens again (null: the board). */
  from?: RoomTab | null
}

const idPattern = /^[A-Za-z0-9_-]{1,64}$/

export function parsePrintQuery(search: string): PrintRequest {
  const params = new URLSearchParams(search)
  const rid = params.get('rid')
  const recordId = rid && idPattern.test(rid) ? rid : null
  const from = params.get('from')
  return { doc: params.get('doc') === 'record' && recordId ? 'record' : 'plan', recordId, includePersons: params.get('persons') !== '0', from: isRoomTab(from) ? from : null }
}

export function printPath(roomId: string, request: PrintRequest): string {
  const params = new URLSearchParams({ doc: request.doc })
  if (request.doc === 'record' && request.recordId) params.set('rid', request.recordId)
  if (!request.includePersons) params.set('persons', '0')
  if (request.from) params.set('from', request.from)
  return `/r/${encodeURIComponent(roomId)}/print?${params.toString()}`
}

export const emptyPlan: PlanData = { info: {}, tasks: [], closure: null }

/**
 * The model and plan of a room file body (`GET …/room.json`), keeping only valid records.
 * Without persons, whatever describes one is dropped here too, should a server send it.
 */
export function readRoomFileBody(body: unknown, kind: RoomKind, includePersons = true): { model: MapModel; plan: PlanData } {
  const read = readRoomFile(body, kind)
  if (includePersons) return read
  const actors = new Set(read.model.actors.map((a) => a.id))
  const { keyPerson, ...info } = read.plan.info
  delete info.wishes
  return {
    model: { ...modelWithoutPersons(read.model), info: withoutHousehold(read.model.info, kind) },
    plan: {
      ...read.plan,
      info: keyPerson !== undefined && (keyPerson === NO_KEY_PERSON || actors.has(keyPerson)) ? { ...info, keyPerson } : info,
      tasks: read.plan.tasks.map((t) => ({ ...t, owner: actors.has(t.owner) ? t.owner : '', with: t.with.filter((id) => actors.has(id)) })),
    },
  }
}

function readRoomFile(body: unknown, kind: RoomKind): { model: MapModel; plan: PlanData } {
  const file = (typeof body === 'object' && body !== null ? body : {}) as { model?: unknown; plan?: unknown }
  let model: MapModel = { info: { issues: [] }, actors: [], persons: [], relations: [] }
  try {
    model = parseImport(file.model ?? {}, { roomKind: kind }).model
  } catch (error) {
    // An empty map is not an import error here: there is just nothing to draw.
    if (!(error instanceof ImportFormatError)) throw error
    const info = mapInfoSchema.safeParse((file.model as { info?: unknown } | undefined)?.info ?? {})
    if (info.success) model = { ...model, info: info.data }
  }
  return { model, plan: readPlanBody(file.plan) }
}

/** A plan from JSON; absent (a server without plans) or unreadable parts count as empty. */
export function readPlanBody(input: unknown): PlanData {
  if (typeof input !== 'object' || input === null) return emptyPlan
  const src = input as { info?: unknown; tasks?: unknown; closure?: unknown }
  // Field by field: one bad field leaves out that field, not the whole plan.
  const rawInfo = typeof src.info === 'object' && src.info !== null ? (src.info as Record<string, unknown>) : {}
  const info: PlanInfo = {}
  for (const key of Object.keys(planInfoSchema.shape) as (keyof PlanInfo)[]) {
    const parsed = planInfoSchema.safeParse({ [key]: rawInfo[key] })
    if (parsed.success && parsed.data[key] !== undefined) Object.assign(info, { [key]: parsed.data[key] })
  }
  const tasks = (Array.isArray(src.tasks) ? src.tasks : []).flatMap((t) => {
    // A file without persons blanks an owner that is no agency (shared/room-file/plan.ts): the
    // task is still printed, its owner as a removed agency.
    const blankOwner = typeof t === 'object' && t !== null && (t as { owner?: unknown }).owner === ''
    const parsed = taskSchema.safeParse(blankOwner ? { ...t, owner: 'blank' } : t)
    return parsed.success ? [blankOwner ? { ...parsed.data, owner: '' } : parsed.data] : []
  })
  const closure = closureSchema.safeParse(src.closure)
  return { info, tasks: tasks.sort(taskOrder), closure: closure.success ? closure.data : null }
}

/** Dates as every view writes them (shared/i18n/dates.ts). */
export { formatDate }

/** A person by role and age band only: 「長男（50代）」. */
export function personName(person: Pick<Person, 'label' | 'ageBand'>, lang: Lang): string {
  return fill(inLang(printText, lang).personWithAge, { role: labelOf(personRoleCatalog, lang, person.label), age: labelOf(ageBandCatalog, lang, person.ageBand) })
}

/** id → what to print for it: an agency's name, a person's role and age band. */
export function nameResolver(model: MapModel, diff: RecordDiffResponse | null, lang: Lang): (id: string) => string {
  const names = new Map<string, string>()
  for (const ref of [...(diff?.actors.removed ?? []), ...(diff?.actors.changed ?? []), ...(diff?.actors.added ?? [])]) names.set(ref.id, ref.label)
  for (const ref of [...(diff?.persons.removed ?? []), ...(diff?.persons.added ?? [])]) names.set(ref.id, labelOf(personRoleCatalog, lang, ref.label))
  for (const a of model.actors) names.set(a.id, a.name)
  for (const p of model.persons) names.set(p.id, personName(p, lang))
  const deleted = inLang(printText, lang).deletedActor
  return (id) => names.get(id) ?? deleted
}

export interface RoleRow {
  owner: string
  actor: Actor | null
  tasks: (PlanTask & { overdue: boolean })[]
}

/** 役割分担: each agency that holds tasks, in the order of its first task (tasks by due date). */
export function roleRows(model: MapModel, tasks: readonly PlanTask[], today: string): RoleRow[] {
  const rows = new Map<string, RoleRow>()
  for (const task of [...tasks].sort(taskOrder)) {
    let row = rows.get(task.owner)
    if (!row) rows.set(task.owner, (row = { owner: task.owner, actor: model.actors.find((a) => a.id === task.owner) ?? null, tasks: [] }))
    row.tasks.push({ ...task, overdue: isOverdue(task, today) })
  }
  return [...rows.values()]
}

export interface ChangeSection {
  key: PrintTextKey
  tone: 'progress' | 'loss' | 'neutral'
  items: string[]
}

/** What changed, as sections in reading order; empty sections are left out. */
export function changeSections(diff: RecordDiffResponse, name: (id: string) => string, lang: Lang): ChangeSection[] {
  const L = inLang(printText, lang)
  const type = (t: string) => labelOf(relationTypeCatalog, lang, t)
  const status = (s: string) => labelOf(statusCatalog, lang, s)
  const ends = (r: { from: string; to: string; type: string }) => ({ from: name(r.from), to: name(r.to), type: type(r.type) })
  const { relations } = diff
  const moved = relations.changed.filter((c) => c.statusBefore !== c.statusAfter)
  const task = (t: Pick<TaskRef, 'what' | 'owner' | 'due'>) =>
    t.due ? fill(L.taskDueItem, { what: t.what, owner: name(t.owner), due: formatDate(t.due, lang) }) : fill(L.taskItem, { what: t.what, owner: name(t.owner) })
  // As the plan reads (soonest due first); a task added already done is listed once, as done.
  const tasks = diff.tasks
  const inOrder = (list: TaskRef[] | undefined) => [...(list ?? [])].sort(taskOrder).map(task)
  const completed = new Set((tasks?.completed ?? []).map((t) => t.id))
  const section = (key: PrintTextKey, tone: ChangeSection['tone'], items: string[]): ChangeSection => ({ key, tone, items })
  return [
    section('tiesProgress', 'progress', moved.filter((c) => c.kind === 'progress').map((c) => fill(L.tieMoved, { ...ends(c), before: status(c.statusBefore), after: status(c.statusAfter) }))),
    section('tiesLoss', 'loss', [
      ...moved.filter((c) => c.kind === 'loss').map((c) => fill(L.tieMoved, { ...ends(c), before: status(c.statusBefore), after: status(c.statusAfter) })),
      ...relations.removed.filter((r) => r.status === 'existing').map((r) => fill(L.tieRemoved, { ...ends(r), status: status(r.status) })),
    ]),
    section('tiesAdded', 'neutral', relations.added.map((r) => fill(L.tieWithStatus, { ...ends(r), status: status(r.status) }))),
    section('actorsAdded', 'neutral', diff.actors.added.map((r) => r.label)),
    section('actorsRemoved', 'neutral', diff.actors.removed.map((r) => r.label)),
    section('personsAdded', 'neutral', diff.persons.added.map((r) => name(r.id))),
    section('personsRemoved', 'neutral', diff.persons.removed.map((r) => labelOf(personRoleCatalog, lang, r.label))),
    section('tasksCompleted', 'progress', inOrder(tasks?.completed)),
    section('tasksOverdue', 'loss', inOrder(tasks?.overdue)),
    section('tasksAdded', 'neutral', inOrder(tasks?.added.filter((t) => !completed.has(t.id)))),
    section('tasksRemoved', 'neutral', inOrder(tasks?.removed)),
  ].filter((s) => s.items.length > 0)
}

export interface FigureRow {
  key: PrintTextKey
  before: string
  after: string
}

/** The map's figures before → after (persons and 狭間 only when persons are included). */
export function figureRows(diff: RecordDiffResponse): FigureRow[] {
  const defs: [PrintTextKey, (f: Figures) => string][] = [
    ['figureActors', (f) => String(f.actors)],
    ...(diff.personsIncluded ? ([['figurePersons', (f: Figures) => String(f.persons)]] as [PrintTextKey, (f: Figures) => string][]) : []),
    ['figureTies', (f) => String(f.countedTies)],
    ['figureIsolated', (f) => String(f.isolatedActors.length)],
    ...(diff.personsIncluded ? ([['figureGap', (f: Figures) => String(f.gapPersons.length)]] as [PrintTextKey, (f: Figures) => string][]) : []),
    ['figureCutPoints', (f) => String(f.cutPoints.length)],
    ['figureDensity', (f) => f.density.toFixed(2)],
  ]
  return defs.map(([key, value]) => ({ key, before: value(diff.figures.before), after: value(diff.figures.after) }))
}

/** The task status in the reader's language. */
export function statusLabel(status: string, lang: Lang): string {
  return labelOf(taskStatusCatalog, lang, status)
}
