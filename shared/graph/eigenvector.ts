import type { SupportGraph } from './support.ts'

/**
 * Eigenvector centrality of the weighted support graph: a node scores high when it is tied,
 * strongly, to nodes that themselves score high (Bonacich 1972). Power iteration on A + I,
 * exactly as networkx eigenvector_centrality does (the identity keeps it from oscillating on
 * bipartite graphs such as a star of agencies around one person), so the tests can compare.
 *
 * Scaled so that the highest node has 1 (Gephi and Kumu show it that way; networkx divides by
 * the Euclidean norm instead, which only changes the scale). On a network in several parts the
 * part with the strongest core takes the high values and small cut-off parts tend to 0: that
 * is what the measure means, not an error.
 */
export function eigenvectorCentrality(g: SupportGraph, options: { maxIterations?: number; tolerance?: number } = {}): Float64Array {
  const n = g.ids.length
  const result = new Float64Array(n)
  if (n === 0 || g.neighbors.length === 0) return result
  const maxIterations = options.maxIterations ?? 1000
  const tolerance = options.tolerance ?? 1e-10
  let x = new Float64Array(n).fill(1 / n)
  let next = new Float64Array(n)
  for (let iter = 0; iter < maxIterations; iter++) {
    next.set(x)
    for (let v = 0; v < n; v++) {
      const xv = x[v]
      if (xv === 0) continue
      for (let k = g.offsets[v], end = g.offsets[v + 1]; k < end; k++) next[g.neighbors[k]] += xv * g.weights[k]
    }
    let norm = 0
    for (let v = 0; v < n; v++) norm += next[v] * next[v]
    norm = Math.sqrt(norm) || 1
    let change = 0
    for (let v = 0; v < n; v++) {
      next[v] /= norm
      change += Math.abs(next[v] - x[v])
    }
    ;[x, next] = [next, x]
    if (change < n * tolerance) break
  }
  let max = 0
  for (let v = 0; v < n; v++) if (x[v] > max) max = x[v]
  // Nodes without a supportive tie keep only their share of the start vector: they score 0.
  for (let v = 0; v < n; v++) result[v] = max > 0 && g.offsets[v + 1] > g.offsets[v] ? x[v] / max : 0
  return result
}
