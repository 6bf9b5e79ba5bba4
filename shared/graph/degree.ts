import type { Status } from '../model/vocabulary.ts'
import type { GraphEdge, GraphElements } from './derive.ts'

export interface NodeDegree {
  /** Counted ties whose arrow points at the node ('both' counts as in and out). */
  in: number
  /** Counted ties whose arrow leaves the node. */
  out: number
  /** Counted ties drawn without a direction ('none'): neither in nor out. */
  undirected: number
  /** Every counted tie that touches the node, each relation once. */
  total: number
  /** Distinct nodes reached by a counted tie. */
  neighbors: number
  /** Ties of each status, counted or not: shows what the plan adds to this node. */
  byStatus: Record<Status, number>
}

/**
 * Direction-aware degree. Parallel relations count separately here (two agencies that both
 * share information and attend one meeting have two ties), unlike in path metrics.
 * `counted` are the relations that pass the status filter; `all` feed `byStatus`.
 */
export function degrees(graph: GraphElements, counted: GraphEdge[]): Map<string, NodeDegree> {
  const result = new Map<string, NodeDegree>()
  for (const node of graph.nodes) {
    result.set(node.id, { in: 0, out: 0, undirected: 0, total: 0, neighbors: 0, byStatus: { existing: 0, planned: 0, missing: 0 } })
  }
  for (const e of graph.edges) {
    for (const end of [e.source, e.target]) {
      const d = result.get(end)
      if (d) d.byStatus[e.status]++
    }
  }
  const seen = new Map<string, Set<string>>()
  for (const e of counted) {
    const s = result.get(e.source)
    const t = result.get(e.target)
    if (!s || !t) continue
    s.total++
    t.total++
    switch (e.direction) {
      case 'forward':
        s.out++
        t.in++
        break
      case 'backward':
        t.out++
        s.in++
        break
      case 'both':
        s.out++
        s.in++
        t.out++
        t.in++
        break
      case 'none':
        s.undirected++
        t.undirected++
        break
    }
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ]) {
      let set = seen.get(a)
      if (!set) seen.set(a, (set = new Set()))
      set.add(b)
    }
  }
  for (const [id, set] of seen) result.get(id)!.neighbors = set.size
  return result
}
