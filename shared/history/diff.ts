import { buildSimpleGraph, countedEdges } from '../graph/adjacency.ts'
import { degrees } from '../graph/degree.ts'
import { deriveGraph } from '../graph/derive.ts'
import { findGaps } from '../graph/gaps.ts'
import { cutStructure, density } from '../graph/structure.ts'
import type { Actor, MapModel, Person, Relation } from '../model/schema.ts'
import type { RelationType, Status } from '../model/vocabulary.ts'
import { isOverdue } from '../plan/doc.ts'
import { planInfoSchema, type PlanData, type PlanInfo, type PlanTask } from '../plan/schema.ts'
import type { TaskStatus } from '../plan/vocabulary.ts'
import type { RoomKind } from '../rooms.ts'

/**
 * What changed between two states of a map (a meeting record and now, or two records): the
 * actors, persons and ties added, removed and changed, and the network figures of each side
 * (docs/domain.md §7); and in the 支援プラン, the tasks and fields (comparePlans). Pure and
 * deterministic: every list is sorted by id.
 */

/** An actor (its name) or a person (its role label, never a name). */
export interface Ref {
  id: string
  label: string
}

export interface RecordChanges {
  added: Ref[]
  removed: Ref[]
  /** Present on both sides with some field changed; the label is the later one. */
  changed: Ref[]
}

/** A tie as it was (removed) or is (added). */
export interface RelationRef {
  id: string
  from: string
  to: string
  type: RelationType
  status: Status
}

/**
 * progress: planned → existing, missing → existing, missing → planned (the plan moved on).
 * loss: existing → planned or missing (a tie that carried support no longer does).
 * other: any other change (planned → missing, or strength, type, direction, note…).
 */
export type TieChangeKind = 'progress' | 'loss' | 'other'

export interface RelationChange {
  id: string
  /** Ends and type as they are after the change. */
  from: string
  to: string
  type: RelationType
  statusBefore: Status
  statusAfter: Status
  kind: TieChangeKind
}

export interface RelationChanges {
  added: RelationRef[]
  removed: RelationRef[]
  changed: RelationChange[]
}

/** Network figures of one side (docs/domain.md §7). Counted ties: existing only (§7.1). */
export interface Figures {
  actors: number
  persons: number
  /** Every tie whose two ends are on the map, any status. */
  ties: number
  /** Existing ties. */
  countedTies: number
  /** Density of the undirected simple graph of counted ties. */
  density: number
  /** Actors without a counted tie (§7.3), by id. */
  isolatedActors: string[]
  /** Persons in a 狭間 (§7.4), by id; empty on maps other than case maps. */
  gapPersons: string[]
  /** Articulation points of the counted network (§7.6), by id. */
  cutPoints: string[]
}

export interface ChangeSummary {
  /** Ties changed as progress. */
  progress: number
  /** Ties changed as loss, plus existing ties removed. */
  loss: number
  /** Ties changed otherwise. */
  other: number
}

export interface ModelComparison {
  actors: RecordChanges
  persons: RecordChanges
  relations: RelationChanges
  summary: ChangeSummary
  figures: { before: Figures; after: Figures }
}

export interface CompareOptions {
  /** false: persons and every tie that touches one are left out of both sides (default true). */
  includePersons?: boolean
  /** The room's kind: 狭間 applies to case maps only. Default: the models' own info.kind. */
  roomKind?: RoomKind
}

export function compareModels(before: MapModel, after: MapModel, options: CompareOptions = {}): ModelComparison {
  const includePersons = options.includePersons ?? true
  const a = includePersons ? before : modelWithoutPersons(before)
  const b = includePersons ? after : modelWithoutPersons(after)

  const relations = compareRelations(a.relations, b.relations)
  const summary: ChangeSummary = {
    progress: relations.changed.filter((c) => c.kind === 'progress').length,
    loss: relations.changed.filter((c) => c.kind === 'loss').length + relations.removed.filter((r) => r.status === 'existing').length,
    other: relations.changed.filter((c) => c.kind === 'other').length,
  }
  return {
    actors: compareRecords(a.actors, b.actors, (x: Actor) => x.name),
    persons: compareRecords(a.persons, b.persons, (x: Person) => x.label),
    relations,
    summary,
    figures: {
      before: mapFigures(a, { roomKind: options.roomKind }),
      after: mapFigures(b, { roomKind: options.roomKind }),
    },
  }
}

/** The model without persons and without any tie that is not between two actors (§8.4). */
export function modelWithoutPersons(model: MapModel): MapModel {
  const actors = new Set(model.actors.map((x) => x.id))
  return { ...model, persons: [], relations: model.relations.filter((r) => actors.has(r.from) && actors.has(r.to)) }
}

/** Network figures of one map. */
export function mapFigures(model: MapModel, options: { roomKind?: RoomKind } = {}): Figures {
  const graph = deriveGraph(model)
  const counted = countedEdges(graph)
  const simple = buildSimpleGraph(graph, counted)
  const degree = degrees(graph, counted)
  const kind = options.roomKind ?? model.info.kind
  return {
    actors: graph.nodes.filter((n) => n.kind === 'actor').length,
    persons: graph.nodes.filter((n) => n.kind === 'person').length,
    ties: graph.edges.length,
    countedTies: counted.length,
    density: density(simple),
    isolatedActors: sorted(graph.nodes.filter((n) => n.kind === 'actor' && degree.get(n.id)!.total === 0).map((n) => n.id)),
    gapPersons: kind === undefined || kind === 'case' ? sorted(findGaps(graph).filter((g) => g.hazama).map((g) => g.id)) : [],
    cutPoints: sorted(cutStructure(simple).articulationPoints),
  }
}

/** planned/missing → existing and missing → planned are progress; existing → anything else is loss. */
export function tieChangeKind(statusBefore: Status, statusAfter: Status): TieChangeKind {
  if (statusBefore === statusAfter) return 'other'
  if (statusBefore === 'existing') return 'loss'
  if (statusAfter === 'existing' || (statusBefore === 'missing' && statusAfter === 'planned')) return 'progress'
  return 'other'
}

function compareRecords<T extends { id: string }>(before: T[], after: T[], label: (x: T) => string): RecordChanges {
  const was = byId(before)
  const now = byId(after)
  const changes: RecordChanges = { added: [], removed: [], changed: [] }
  for (const [id, x] of now) {
    const old = was.get(id)
    if (!old) changes.added.push({ id, label: label(x) })
    else if (canonical(old) !== canonical(x)) changes.changed.push({ id, label: label(x) })
  }
  for (const [id, x] of was) if (!now.has(id)) changes.removed.push({ id, label: label(x) })
  changes.added.sort(byIdOrder)
  changes.removed.sort(byIdOrder)
  changes.changed.sort(byIdOrder)
  return changes
}

function compareRelations(before: Relation[], after: Relation[]): RelationChanges {
  const was = byId(before)
  const now = byId(after)
  const changes: RelationChanges = { added: [], removed: [], changed: [] }
  const ref = (r: Relation): RelationRef => ({ id: r.id, from: r.from, to: r.to, type: r.type, status: r.status })
  for (const [id, r] of now) {
    const old = was.get(id)
    if (!old) changes.added.push(ref(r))
    else if (canonical(old) !== canonical(r)) {
      changes.changed.push({
        id,
        from: r.from,
        to: r.to,
        type: r.type,
        statusBefore: old.status,
        statusAfter: r.status,
        kind: tieChangeKind(old.status, r.status),
      })
    }
  }
  for (const [id, r] of was) if (!now.has(id)) changes.removed.push(ref(r))
  changes.added.sort(byIdOrder)
  changes.removed.sort(byIdOrder)
  changes.changed.sort(byIdOrder)
  return changes
}

function byId<T extends { id: string }>(records: T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]))
}

function byIdOrder(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function sorted(ids: string[]): string[] {
  return [...ids].sort()
}

/** JSON with object keys sorted: two equal records compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  )
}

// ---- the 支援プラン -----------------------------------------------------------------------

/** A task as it was (removed) or is (added, completed, overdue). */
export interface TaskRef {
  id: string
  what: string
  /** Actor id (its name is the reader's to look up: it may have been removed); '' when left out with persons. */
  owner: string
  due?: string
  status: TaskStatus
}

/** A task present on both sides with some field changed; what and owner as they are after. */
export interface TaskChange {
  id: string
  what: string
  owner: string
  statusBefore: TaskStatus
  statusAfter: TaskStatus
  dueBefore?: string
  dueAfter?: string
}

export interface TaskChanges {
  added: TaskRef[]
  removed: TaskRef[]
  changed: TaskChange[]
  /** Tasks whose status became 完了: changed to it, or added already done. */
  completed: TaskRef[]
  /** Tasks of the later side that are overdue on `asOf` (isOverdue in shared/plan/doc.ts). */
  overdue: TaskRef[]
}

export interface PlanComparison {
  tasks: TaskChanges
  /** Fields of the plan whose value changed (set, changed or cleared), in the form's order. */
  plan: { changedFields: (keyof PlanInfo)[] }
}

export interface ComparePlansOptions {
  /** YYYY-MM-DD: the day the later side is judged on for overdue tasks. */
  asOf: string
  /** false: 本人の意向 is never compared, and persons are left out of partners and key person. */
  includePersons?: boolean
  /** Ids of persons (either side), left out when includePersons is false. */
  personIds?: ReadonlySet<string>
}

const planFields = Object.keys(planInfoSchema.shape) as (keyof PlanInfo)[]

/** What changed in the 支援プラン and its 役割分担 between two states. Pure; lists sorted by id. */
export function comparePlans(before: PlanData, after: PlanData, options: ComparePlansOptions): PlanComparison {
  const includePersons = options.includePersons ?? true
  const persons = includePersons ? new Set<string>() : (options.personIds ?? new Set<string>())
  const info = (x: PlanInfo): PlanInfo => {
    if (includePersons) return x
    const { keyPerson, ...rest } = x
    delete rest.wishes
    return keyPerson === undefined || persons.has(keyPerson) ? rest : { ...rest, keyPerson }
  }
  // An owner is an agency, but a client can write a person's id there: blank without persons.
  const task = (t: PlanTask): PlanTask => (includePersons ? t : { ...t, owner: persons.has(t.owner) ? '' : t.owner, with: t.with.filter((id) => !persons.has(id)) })
  const a = byId(before.tasks.map(task))
  const b = byId(after.tasks.map(task))
  const ref = (t: PlanTask): TaskRef => ({ id: t.id, what: t.what, owner: t.owner, ...(t.due !== undefined ? { due: t.due } : {}), status: t.status })

  const tasks: TaskChanges = { added: [], removed: [], changed: [], completed: [], overdue: [] }
  for (const [id, t] of b) {
    const old = a.get(id)
    if (!old) {
      tasks.added.push(ref(t))
      if (t.status === '完了') tasks.completed.push(ref(t))
    } else if (canonical(old) !== canonical(t)) {
      tasks.changed.push({
        id,
        what: t.what,
        owner: t.owner,
        statusBefore: old.status,
        statusAfter: t.status,
        ...(old.due !== undefined ? { dueBefore: old.due } : {}),
        ...(t.due !== undefined ? { dueAfter: t.due } : {}),
      })
      if (old.status !== '完了' && t.status === '完了') tasks.completed.push(ref(t))
    }
    if (isOverdue(t, options.asOf)) tasks.overdue.push(ref(t))
  }
  for (const [id, t] of a) if (!b.has(id)) tasks.removed.push(ref(t))
  for (const list of Object.values(tasks) as { id: string }[][]) list.sort(byIdOrder)

  const x = info(before.info)
  const y = info(after.info)
  const changedFields = planFields.filter((f) => (includePersons || f !== 'wishes') && canonical(x[f]) !== canonical(y[f]))
  return { tasks, plan: { changedFields } }
}
