import { pairKey, type SimpleGraph } from './adjacency.ts'

/** Density of the undirected simple graph: connected pairs / possible pairs. */
export function density(g: SimpleGraph): number {
  const n = g.ids.length
  return n < 2 ? 0 : (2 * g.pairCount) / (n * (n - 1))
}

/** Connected components, largest first (ties broken by first node id for stable output). */
export function components(g: SimpleGraph): string[][] {
  const n = g.ids.length
  const seen = new Uint8Array(n)
  const queue = new Int32Array(n)
  const out: string[][] = []
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue
    seen[s] = 1
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const v = queue[head++]
      for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
        const w = g.neighbors[k]
        if (!seen[w]) {
          seen[w] = 1
          queue[tail++] = w
        }
      }
    }
    out.push(Array.from(queue.subarray(0, tail), (i) => g.ids[i]).sort())
  }
  return out.sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
}

export interface Bridge {
  /** The two nodes; removing the tie between them splits their component. */
  a: string
  b: string
  /** Every relation drawn between a and b (cutting the tie cuts all of them). */
  relations: string[]
}

export interface CutStructure {
  /** Nodes whose removal splits their component (cut vertices). */
  articulationPoints: string[]
  bridges: Bridge[]
}

/**
 * Articulation points and bridges with Tarjan's low-link method (Hopcroft–Tarjan 1973),
 * written with an explicit stack: a recursive DFS would overflow the call stack on a long
 * chain of a few thousand nodes. One pass, O(n + m). Works on the simple graph, so two
 * parallel relations between the same pair still form a bridge: they stand or fall together
 * (the same two people keep both alive).
 */
export function cutStructure(g: SimpleGraph): CutStructure {
  const n = g.ids.length
  const { offsets, neighbors } = g
  const disc = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const parent = new Int32Array(n).fill(-1)
  const next = new Int32Array(n)
  const stack = new Int32Array(n)
  const isCut = new Uint8Array(n)
  const bridges: Bridge[] = []
  let time = 0

  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue
    let top = 0
    stack[top++] = root
    disc[root] = low[root] = time++
    next[root] = offsets[root]
    let rootChildren = 0
    while (top > 0) {
      const v = stack[top - 1]
      if (next[v] < offsets[v + 1]) {
        const w = neighbors[next[v]++]
        if (disc[w] < 0) {
          parent[w] = v
          disc[w] = low[w] = time++
          next[w] = offsets[w]
          stack[top++] = w
          if (v === root) rootChildren++
        } else if (w !== parent[v] && disc[w] < low[v]) {
          low[v] = disc[w]
        }
        continue
      }
      top--
      const p = parent[v]
      if (p < 0) continue
      if (low[v] < low[p]) low[p] = low[v]
      if (low[v] > disc[p]) {
        const [a, b] = g.ids[p] < g.ids[v] ? [g.ids[p], g.ids[v]] : [g.ids[v], g.ids[p]]
        bridges.push({ a, b, relations: [...(g.pairRelations.get(pairKey(p, v, n)) ?? [])].sort() })
      }
      if (p !== root && low[v] >= disc[p]) isCut[p] = 1
    }
    if (rootChildren > 1) isCut[root] = 1
  }

  const articulationPoints = g.ids.filter((_, i) => isCut[i] === 1).sort()
  bridges.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0))
  return { articulationPoints, bridges }
}
