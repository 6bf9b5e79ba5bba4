import type { Strength } from '../model/vocabulary.ts'
import type { GraphEdge, GraphElements } from './derive.ts'

/**
 * The support network: counted ties weighted by how much they carry. A strong tie (毎週顔を
 *合わせる) is worth three weak ones (訪問しても会えていない), so the weighted figures (支えの
 * 強さ, eigenvector centrality, communities, k-core) do not treat them alike. A stressful tie
 * (ストレス・葛藤) has weight 0: it is a real tie but not support, and is reported apart
 * (stressfulTies) instead of making a node look better supported.
 */
export const strengthWeight: Record<Strength, number> = { strong: 3, normal: 2, weak: 1, stressful: 0 }

/**
 * Undirected weighted simple graph (CSR, like SimpleGraph): parallel supportive ties between
 * the same two nodes add up (情報共有 and 会議参加 together carry more than either alone).
 */
export interface SupportGraph {
  ids: string[]
  offsets: Int32Array
  neighbors: Int32Array
  weights: Float64Array
  /** Sum of the weights of each node's supportive ties (weighted degree, 支えの強さ). */
  strength: Float64Array
}

export function supportGraph(graph: GraphElements, counted: GraphEdge[]): SupportGraph {
  const ids = graph.nodes.map((n) => n.id)
  const n = ids.length
  const index = new Map<string, number>()
  ids.forEach((id, i) => index.set(id, i))
  const pairs = new Map<number, number>()
  for (const e of counted) {
    const w = strengthWeight[e.strength]
    const a = index.get(e.source)
    const b = index.get(e.target)
    if (!w || a === undefined || b === undefined || a === b) continue
    const key = a < b ? a * n + b : b * n + a
    pairs.set(key, (pairs.get(key) ?? 0) + w)
  }
  const degree = new Int32Array(n)
  for (const key of pairs.keys()) {
    degree[Math.floor(key / n)]++
    degree[key % n]++
  }
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i]
  const neighbors = new Int32Array(offsets[n])
  const weights = new Float64Array(offsets[n])
  const strength = new Float64Array(n)
  const fill = offsets.slice(0, n)
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n)
    const b = key - a * n
    neighbors[fill[a]] = b
    weights[fill[a]++] = w
    neighbors[fill[b]] = a
    weights[fill[b]++] = w
    strength[a] += w
    strength[b] += w
  }
  return { ids, offsets, neighbors, weights, strength }
}

/** Counted ties marked ストレス・葛藤, each with its two ends: shown apart from the support. */
export function stressfulTies(counted: GraphEdge[]): { id: string; a: string; b: string }[] {
  return counted.filter((e) => e.strength === 'stressful').map((e) => ({ id: e.id, a: e.source, b: e.target }))
}
