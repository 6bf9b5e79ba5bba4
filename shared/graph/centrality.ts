import type { SimpleGraph } from './adjacency.ts'

export interface Centrality {
  /** Shortest paths between other pairs that pass through the node (undirected, unweighted). */
  betweennessRaw: Float64Array
  /** betweennessRaw / ((n-1)(n-2)/2): the share of all other pairs; 0..1. */
  betweenness: Float64Array
  /**
   * Closeness, Wasserman–Faust variant for disconnected graphs:
   *   C(u) = (r-1)/(n-1) · (r-1)/Σ d(u,v)
   * where r is the number of nodes u reaches (itself included) and n the node count.
   * On a connected graph this is the textbook (n-1)/Σd; in a small component it is scaled
   * down by the share of the network reached, so a tight but cut-off cluster does not look
   * central; an isolated node has 0. Same definition as networkx closeness_centrality
   * (wf_improved=True), which the tests compare against.
   */
  closeness: Float64Array
}

/**
 * Brandes' algorithm (2001) on the undirected simple graph, one BFS per source; closeness
 * reuses the same BFS distances. O(n·m) time, O(n) extra memory. Predecessor lists are not
 * stored: in the back-propagation a neighbour w of v is a successor iff dist[w] = dist[v]+1,
 * which keeps memory flat and is faster on typed arrays. Ties are treated as undirected
 * because a referral path (つなぎ) works in both directions in practice: an agency that is
 * told about a case can call back.
 */
export function centrality(g: SimpleGraph): Centrality {
  const n = g.ids.length
  const { offsets, neighbors } = g
  const acc = new Float64Array(n)
  const closeness = new Float64Array(n)
  const dist = new Int32Array(n).fill(-1)
  const sigma = new Float64Array(n)
  /** (1 + δ(w)) / σ(w), final once w is done: saves a division per edge in the inner loop. */
  const ratio = new Float64Array(n)
  const order = new Int32Array(n)

  for (let s = 0; s < n; s++) {
    dist[s] = 0
    sigma[s] = 1
    let head = 0
    let tail = 0
    order[tail++] = s
    let distSum = 0
    while (head < tail) {
      const v = order[head++]
      const next = dist[v] + 1
      distSum += next - 1
      const sv = sigma[v]
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = neighbors[k]
        const dw = dist[w]
        if (dw < 0) {
          dist[w] = next
          sigma[w] = sv
          order[tail++] = w
        } else if (dw === next) {
          sigma[w] += sv
        }
      }
    }
    const reached = tail
    if (distSum > 0 && n > 1) closeness[s] = ((reached - 1) / (n - 1)) * ((reached - 1) / distSum)
    // Back-propagate dependencies in order of non-increasing distance:
    // δ(v) = σ(v) · Σ over successors w of (1 + δ(w)) / σ(w).
    for (let i = reached - 1; i > 0; i--) {
      const v = order[i]
      const next = dist[v] + 1
      let sum = 0
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = neighbors[k]
        if (dist[w] === next) sum += ratio[w]
      }
      const delta = sigma[v] * sum
      acc[v] += delta
      ratio[v] = (1 + delta) / sigma[v]
    }
    // Reset only what this source touched: cheap when the network has many small components.
    for (let i = 0; i < reached; i++) {
      const v = order[i]
      dist[v] = -1
      sigma[v] = 0
      ratio[v] = 0
    }
  }

  const betweennessRaw = new Float64Array(n)
  const betweenness = new Float64Array(n)
  // Each unordered pair was counted once from each end.
  const pairs = ((n - 1) * (n - 2)) / 2
  for (let v = 0; v < n; v++) {
    betweennessRaw[v] = acc[v] / 2
    betweenness[v] = pairs > 0 ? betweennessRaw[v] / pairs : 0
  }
  return { betweennessRaw, betweenness, closeness }
}
