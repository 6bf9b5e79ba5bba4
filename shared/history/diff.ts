import { buildSimpleGraph, countedEdges } from '../graph/adjacency.ts'
import { degrees } from '../graph/degree.ts'
import { deriveGraph } from '../graph/derive.ts'
import { findGaps } from '../graph/gaps.ts'
import { cutStructure, density } from '../graph/structure.ts'
import type { Actor, MapModel, Person, Relation } from '../model/schema.ts'
import type { RelationType, Status } from '../model/vocabulary.ts'
import type { RoomKind } from '../rooms.ts'

/**
 * What changed between two states of a map (a meeting record and now, or two records): the
 * actors, persons and ties added, removed and changed, and the network figures of each side
 * (docs/domain.md §7). Pure and deterministic: every list is sorted by id.
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
