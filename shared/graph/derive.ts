import type { RoomKind } from '../rooms.ts'
import type { MapModel } from '../model/schema.ts'
import {
  fieldColors,
  type AgeBand,
  type Direction,
  type Field,
  type Level,
  type RelationType,
  type Status,
  type Strength,
} from '../model/vocabulary.ts'

/**
 * The relationship graph as plain elements: one node per actor (and person), one edge per
 * relation. Every view of the graph (the cytoscape panel, the metrics, the exports) starts
 * from these elements so that they all agree on what a node and an edge are.
 */

export type NodeKind = 'actor' | 'person'

export interface GraphNode {
  id: string
  kind: NodeKind
  /** Actor name, or a person's role label (本人, 母…): never a real name. */
  label: string
  /** Fill colour: the actor's first field, or the neutral person colour. */
  color: string
  // Actor attributes (absent on persons).
  /** First field: the colour and the group a layout may cluster by. */
  field?: Field
  fields?: Field[]
  level?: Level
  formal?: boolean
  contact?: string
  // Person attributes (absent on actors).
  ageBand?: AgeBand
  household?: boolean
  issues?: string[]
  note?: string
}

export interface GraphEdge {
  id: string
  /** Always the relation's `from`; `direction` says which way the arrow points. */
  source: string
  target: string
  type: RelationType
  direction: Direction
  strength: Strength
  status: Status
  note?: string
}

export interface GraphElements {
  /** Map kind, when known: decides e.g. whether 狭間 detection applies. */
  kind?: RoomKind
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export interface DeriveOptions {
  /** false leaves persons and every tie that touches a person out (docs/domain.md §8.4 Exports without persons). */
  includePersons?: boolean
}

/** Persons are drawn in one neutral colour: fields describe agencies, not people. */
export const personColor = '#4d4d4d'

export function deriveGraph(model: MapModel, options: DeriveOptions = {}): GraphElements {
  const includePersons = options.includePersons ?? true
  const nodes: GraphNode[] = []
  const ids = new Set<string>()

  for (const a of model.actors) {
    const node: GraphNode = {
      id: a.id,
      kind: 'actor',
      label: a.name,
      color: fieldColors[a.fields[0]] ?? personColor,
      field: a.fields[0],
      fields: [...a.fields],
      level: a.level,
      formal: a.formal,
    }
    if (a.contact) node.contact = a.contact
    if (a.note) node.note = a.note
    nodes.push(node)
    ids.add(a.id)
  }
  if (includePersons) {
    for (const p of model.persons) {
      const node: GraphNode = {
        id: p.id,
        kind: 'person',
        label: p.label,
        color: personColor,
        ageBand: p.ageBand,
        household: p.household,
        issues: [...p.issues],
      }
      if (p.note) node.note = p.note
      nodes.push(node)
      ids.add(p.id)
    }
  }

  const edges: GraphEdge[] = []
  for (const r of model.relations) {
    // Also drops ties to records that failed validation: an edge needs both ends drawn.
    if (!ids.has(r.from) || !ids.has(r.to)) continue
    const edge: GraphEdge = {
      id: r.id,
      source: r.from,
      target: r.to,
      type: r.type,
      direction: r.direction,
      strength: r.strength,
      status: r.status,
    }
    if (r.note) edge.note = r.note
    edges.push(edge)
  }

  const graph: GraphElements = { nodes, edges }
  if (model.info.kind) graph.kind = model.info.kind
  return graph
}

/** The same graph without persons and without any tie that touches one. */
export function withoutPersons(graph: GraphElements): GraphElements {
  const persons = new Set(graph.nodes.filter((n) => n.kind === 'person').map((n) => n.id))
  if (persons.size === 0) return graph
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !persons.has(n.id)),
    edges: graph.edges.filter((e) => !persons.has(e.source) && !persons.has(e.target)),
  }
}

/** Shared by every exporter: `{ includePersons: false }` leaves persons out. */
export interface ExportOptions {
  includePersons?: boolean
}

export function forExport(graph: GraphElements, options: ExportOptions = {}): GraphElements {
  return options.includePersons === false ? withoutPersons(graph) : graph
}
