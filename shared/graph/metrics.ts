import type { Status } from '../model/vocabulary.ts'
import { buildSimpleGraph, countedEdges, defaultCountedStatuses, type CountOptions } from './adjacency.ts'
import { centrality } from './centrality.ts'
import { degrees, type NodeDegree } from './degree.ts'
import type { GraphElements } from './derive.ts'
import { fieldMatrix, type FieldMatrix } from './field-matrix.ts'
import { findGaps, type PersonGap } from './gaps.ts'
import { components, cutStructure, density, type Bridge } from './structure.ts'

/**
 * All graph metrics in one call, for the graph panel and the bench. Each metric also has its
 * own pure function (re-exported below) for callers that need only one.
 *
 * Counted ties: see CountOptions (default: existing only). Degree direction: see degree.ts.
 * Path metrics (betweenness, closeness, components, cut points, bridges, density) use the
 * undirected simple graph: see adjacency.ts. 狭間 classifies every tie by its own status and
 * so ignores the status filter.
 */

export { buildSimpleGraph, countedEdges, defaultCountedStatuses, type CountOptions } from './adjacency.ts'
export { centrality, type Centrality } from './centrality.ts'
export { degrees, type NodeDegree } from './degree.ts'
export { fieldMatrix, type FieldMatrix } from './field-matrix.ts'
export { findGaps, type GapSituation, type PersonGap } from './gaps.ts'
export { components, cutStructure, density, type Bridge, type CutStructure } from './structure.ts'

export interface NodeMetrics {
  degree: NodeDegree
  betweenness: number
  betweennessRaw: number
  closeness: number
  /** Index into GraphMetrics.network.components. */
  component: number
  articulationPoint: boolean
}

export interface GraphMetrics {
  countedStatuses: readonly Status[]
  nodes: Map<string, NodeMetrics>
  network: {
    nodeCount: number
    /** Counted relations (parallel ones separately). */
    tieCount: number
    /** Distinct connected pairs: the basis of density. */
    connectedPairs: number
    density: number
    components: string[][]
    /** Actors without a counted tie. */
    isolatedActors: string[]
    articulationPoints: string[]
    bridges: Bridge[]
  }
  fieldMatrix: FieldMatrix
  /** One entry per person on the graph; empty when persons are left out. */
  gaps: PersonGap[]
}

export function computeMetrics(graph: GraphElements, options: CountOptions = {}): GraphMetrics {
  const countedStatuses = options.statuses ?? defaultCountedStatuses
  const counted = countedEdges(graph, { statuses: countedStatuses })
  const simple = buildSimpleGraph(graph, counted)
  const degree = degrees(graph, counted)
  const central = centrality(simple)
  const comps = components(simple)
  const cuts = cutStructure(simple)

  const componentOf = new Map<string, number>()
  comps.forEach((members, i) => members.forEach((id) => componentOf.set(id, i)))
  const cutSet = new Set(cuts.articulationPoints)
  const nodes = new Map<string, NodeMetrics>()
  simple.ids.forEach((id, i) => {
    nodes.set(id, {
      degree: degree.get(id)!,
      betweenness: central.betweenness[i],
      betweennessRaw: central.betweennessRaw[i],
      closeness: central.closeness[i],
      component: componentOf.get(id)!,
      articulationPoint: cutSet.has(id),
    })
  })

  return {
    countedStatuses,
    nodes,
    network: {
      nodeCount: simple.ids.length,
      tieCount: counted.length,
      connectedPairs: simple.pairCount,
      density: density(simple),
      components: comps,
      isolatedActors: graph.nodes.filter((n) => n.kind === 'actor' && degree.get(n.id)!.total === 0).map((n) => n.id).sort(),
      articulationPoints: cuts.articulationPoints,
      bridges: cuts.bridges,
    },
    fieldMatrix: fieldMatrix(graph, counted),
    gaps: findGaps(graph),
  }
}
