/**
 * k-core (Seidman 1983): the k-core is what is left after repeatedly removing every node with
 * fewer than k ties; a node's core number is the largest k whose core still holds it. The
 * deepest core is the district's 中核, a group in which everyone has at least k ties to the
 * others; the nodes outside it are its 周辺. Ties count by neighbour, not by strength: the
 * question is how many different partners hold a node in, and a weight would let one strong
 * pair look like a group. Batagelj–Zaversnik bucket algorithm, O(n + m).
 */
export function coreNumbers(g: { ids: string[]; offsets: Int32Array; neighbors: Int32Array }): Int32Array {
  const n = g.ids.length
  const { offsets, neighbors } = g
  const degree = new Int32Array(n)
  let maxDegree = 0
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1] - offsets[v]
    if (degree[v] > maxDegree) maxDegree = degree[v]
  }
  // Nodes sorted by degree (counting sort), with the start of each degree's bucket.
  const bin = new Int32Array(maxDegree + 2)
  for (let v = 0; v < n; v++) bin[degree[v]]++
  let start = 0
  for (let d = 0; d <= maxDegree; d++) {
    const count = bin[d]
    bin[d] = start
    start += count
  }
  const pos = new Int32Array(n)
  const order = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    pos[v] = bin[degree[v]]++
    order[pos[v]] = v
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1]
  bin[0] = 0
  for (let i = 0; i < n; i++) {
    const v = order[i]
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const u = neighbors[k]
      if (degree[u] > degree[v]) {
        // Move u to the front of its bucket, then shrink the bucket: u's degree drops by one.
        const du = degree[u]
        const pu = pos[u]
        const pw = bin[du]
        const w = order[pw]
        if (u !== w) {
          order[pu] = w
          pos[w] = pu
          order[pw] = u
          pos[u] = pw
        }
        bin[du]++
        degree[u]--
      }
    }
  }
  return degree
}

export interface CoreStructure {
  /** Core number of each node, by id. */
  coreOf: Map<string, number>
  /** Largest core number in the network (0 when nothing is tied). */
  maxCore: number
  /** Nodes of the deepest core, when it is at least a 2-core (a group, not just a chain). */
  core: string[]
  /** Tied nodes outside that core (core number 1 .. maxCore-1, or all tied nodes when there is no core). */
  periphery: string[]
}

export function coreStructure(g: { ids: string[]; offsets: Int32Array; neighbors: Int32Array }): CoreStructure {
  const numbers = coreNumbers(g)
  const coreOf = new Map<string, number>()
  let maxCore = 0
  g.ids.forEach((id, i) => {
    coreOf.set(id, numbers[i])
    if (numbers[i] > maxCore) maxCore = numbers[i]
  })
  const hasCore = maxCore >= 2
  const core = hasCore ? g.ids.filter((_, i) => numbers[i] === maxCore).sort() : []
  const periphery = g.ids.filter((_, i) => numbers[i] >= 1 && (!hasCore || numbers[i] < maxCore)).sort()
  return { coreOf, maxCore, core, periphery }
}
