import type { Status } from '../model/vocabulary.ts'
import { buildSimpleGraph, countedEdges, defaultCountedStatuses, type CountOptions } from './adjacency.ts'
import { centrality } from './centrality.ts'
import { communities } from './communities.ts'
import { degrees, type NodeDegree } from './degree.ts'
import type { GraphElements } from './derive.ts'
import { fieldMatrix, type FieldMatrix } from './field-matrix.ts'
import { eigenvectorCentrality } from './eigenvector.ts'
import { findGaps, type PersonGap } from './gaps.ts'
import { coreStructure } from './kcore.ts'
import { components, cutStructure, density, type Bridge } from './structure.ts'
import { stressfulTies, supportGraph } from './support.ts'

/**
 * All graph metrics in one call, for the graph panel and the bench. Each metric also has its
 * own pure function (re-exported below) for callers that need only one.
 *
 * Counted ties: see CountOptions (default: existing only). Degree direction: see degree.ts.
 * Path metrics (betweenness, closeness, components, cut points, bridges, density) use the
 * undirected simple graph: see adjacency.ts. The support figures (支えの強さ, eigenvector
 * centrality, communities, k-core) use the support graph, weighted by strength with stressful
 * ties left out and listed apart: see support.ts. 狭間 classifies every tie by its own status
 * and so ignores the status filter.
 */

export { buildSimpleGraph, countedEdges, defaultCountedStatuses, type CountOptions } from './adjacency.ts'
export { centrality, type Centrality } from './centrality.ts'
export { communities, seededRandom, type Communities } from './communities.ts'
export { eigenvectorCentrality } from './eigenvector.ts'
export { coreNumbers, coreStructure, type CoreStructure } from './kcore.ts'
export { strengthWeight, stressfulTies, supportGraph, type SupportGraph } from './support.ts'
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
  /** Sum of strength weights of its supportive ties (strong 3, normal 2, weak 1; stressful 0). */
  supportStrength: number
  /** Counted ties marked stressful: shown apart, never as support. */
  stressfulTies: number
  /** Weighted eigenvector centrality of the support graph, 1 for the highest node. */
  eigenvector: number
  /** k-core number in the support graph: how deep in the core the node sits (0 when it has no supportive tie). */
  core: number
  /** Index into GraphMetrics.network.communities, -1 when in none. */
  community: number
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
    /** Counted ties marked stressful (ストレス・葛藤), with their ends. */
    stressfulTies: { id: string; a: string; b: string }[]
    /** グループ (communities) of two or more found by Louvain on the support graph, largest first. */
    communities: string[][]
    modularity: number
    /** Largest k-core number; core holds its nodes when it is 2 or more. */
    maxCore: number
    core: string[]
    /** Tied nodes outside the core. */
    periphery: string[]
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
  const support = supportGraph(graph, counted)
  const eigen = eigenvectorCentrality(support)
  const groups = communities(support)
  const cores = coreStructure(support)
  const stressful = stressfulTies(counted)
  const stressCount = new Map<string, number>()
  for (const t of stressful) for (const end of [t.a, t.b]) stressCount.set(end, (stressCount.get(end) ?? 0) + 1)

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
      supportStrength: support.strength[i],
      stressfulTies: stressCount.get(id) ?? 0,
      eigenvector: eigen[i],
      core: cores.coreOf.get(id)!,
      community: groups.groupOf.get(id)!,
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
      stressfulTies: stressful,
      communities: groups.groups,
      modularity: groups.modularity,
      maxCore: cores.maxCore,
      core: cores.core,
      periphery: cores.periphery,
    },
    fieldMatrix: fieldMatrix(graph, counted),
    gaps: findGaps(graph),
  }
}
