import type { Status } from '../model/vocabulary.ts'
import type { GraphEdge, GraphElements } from './derive.ts'

/**
 * Which relations count for structure metrics. Default: only 'existing' ties, because a
 * 'planned' or 'missing' tie does not carry a referral or information yet; a network measured
 * with them would look better connected than it is. Passing ['existing', 'planned'] measures
 * the network "after the plan" (支援プラン実施後), which the UI can compare with today's.
 */
export interface CountOptions {
  statuses?: readonly Status[]
}

export const defaultCountedStatuses: readonly Status[] = ['existing']

export function countedEdges(graph: GraphElements, options: CountOptions = {}): GraphEdge[] {
  const statuses = new Set(options.statuses ?? defaultCountedStatuses)
  return graph.edges.filter((e) => statuses.has(e.status))
}

/**
 * The undirected simple graph behind path-based metrics, in compressed form (CSR): the
 * neighbours of node i are `neighbors[offsets[i] .. offsets[i+1])`. Parallel relations
 * between the same two nodes (e.g. 情報共有 and 会議参加) collapse into one tie: shortest
 * paths, cut vertices and bridges are about whether two nodes are connected, not how often.
 * Typed arrays keep 2,000 BFS runs over 8,000 ties well inside the time budget.
 */
export interface SimpleGraph {
  ids: string[]
  index: Map<string, number>
  offsets: Int32Array
  neighbors: Int32Array
  /** Number of distinct connected pairs. */
  pairCount: number
  /** Relation ids behind each pair, keyed by `pairKey(i, j)`. */
  pairRelations: Map<number, string[]>
}

export function pairKey(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i
}

export function buildSimpleGraph(graph: GraphElements, edges: GraphEdge[]): SimpleGraph {
  const ids = graph.nodes.map((n) => n.id)
  const n = ids.length
  const index = new Map<string, number>()
  ids.forEach((id, i) => index.set(id, i))

  const pairRelations = new Map<number, string[]>()
  const degree = new Int32Array(n)
  for (const e of edges) {
    const a = index.get(e.source)
    const b = index.get(e.target)
    if (a === undefined || b === undefined || a === b) continue
    const key = pairKey(a, b, n)
    const list = pairRelations.get(key)
    if (list) {
      list.push(e.id)
      continue
    }
    pairRelations.set(key, [e.id])
    degree[a]++
    degree[b]++
  }

  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i]
  const neighbors = new Int32Array(offsets[n])
  const fill = offsets.slice(0, n)
  for (const key of pairRelations.keys()) {
    const a = Math.floor(key / n)
    const b = key - a * n
    neighbors[fill[a]++] = b
    neighbors[fill[b]++] = a
  }
  return { ids, index, offsets, neighbors, pairCount: pairRelations.size, pairRelations }
}
