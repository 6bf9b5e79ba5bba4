import { UndirectedGraph } from 'graphology'
import louvain from 'graphology-communities-louvain'
import type { SupportGraph } from './support.ts'

/**
 * グループ (communities): groups of agencies and persons more tied among themselves than to
 * the rest, found by Louvain modularity optimisation (Blondel et al. 2008) with
 * graphology-communities-louvain on the weighted support graph, so that a strong tie pulls
 * two nodes together more than a weak one and a stressful tie not at all.
 *
 * Louvain visits nodes in random order; a fixed seed makes the result the same on every
 * participant's screen and in every test run for the same map.
 */
export interface Communities {
  /** Groups of two or more, largest first (ties by first id); members sorted by id. */
  groups: string[][]
  /** Index into groups, by node id; -1 for a node in no group (no supportive tie, or alone). */
  groupOf: Map<string, number>
  /** Newman–Girvan modularity of the partition (0 when nothing is tied). */
  modularity: number
}

/** mulberry32: a small seeded generator, enough to fix Louvain's visiting order. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function communities(g: SupportGraph, options: { seed?: number; resolution?: number } = {}): Communities {
  const groupOf = new Map<string, number>(g.ids.map((id) => [id, -1]))
  if (g.neighbors.length === 0) return { groups: [], groupOf, modularity: 0 }
  const graph = new UndirectedGraph()
  for (const id of g.ids) graph.addNode(id)
  for (let v = 0; v < g.ids.length; v++) {
    for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
      const w = g.neighbors[k]
      if (v < w) graph.addEdge(g.ids[v], g.ids[w], { weight: g.weights[k] })
    }
  }
  const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(options.seed ?? 1), resolution: options.resolution ?? 1 })
  const byLabel = new Map<number, string[]>()
  for (const [id, c] of Object.entries(result.communities)) {
    const list = byLabel.get(c)
    if (list) list.push(id)
    else byLabel.set(c, [id])
  }
  const groups = [...byLabel.values()]
    .filter((members) => members.length >= 2)
    .map((members) => members.sort())
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
  groups.forEach((members, i) => members.forEach((id) => groupOf.set(id, i)))
  return { groups, groupOf, modularity: result.modularity }
}
