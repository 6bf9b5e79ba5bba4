import { fields, type Field } from '../model/vocabulary.ts'
import type { GraphEdge, GraphElements } from './derive.ts'

export interface FieldMatrix {
  /** Row and column order: the vocabulary's order, so the UI can render a fixed grid. */
  fields: readonly Field[]
  /**
   * Symmetric: counts[i][j] = counts[j][i] = number of counted actor–actor relations that link
   * an actor of field i with an actor of field j. An actor with several fields counts for
   * each of them, but one relation adds at most 1 to a cell (no double counting when both
   * ends share two fields). The diagonal counts ties inside one field.
   */
  counts: number[][]
  /** Fields held by at least one actor on the map. */
  present: Field[]
  /** Pairs of different present fields with no tie at all: where 縦割り shows. */
  unconnectedPairs: [Field, Field][]
}

export function fieldMatrix(graph: GraphElements, counted: GraphEdge[]): FieldMatrix {
  const k = fields.length
  const position = new Map<Field, number>(fields.map((f, i) => [f, i]))
  const fieldsOf = new Map<string, number[]>()
  const presentSet = new Set<number>()
  for (const node of graph.nodes) {
    if (node.kind !== 'actor' || !node.fields) continue
    const list = [...new Set(node.fields.map((f) => position.get(f)!))]
    fieldsOf.set(node.id, list)
    for (const i of list) presentSet.add(i)
  }

  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  const cells = new Set<number>()
  for (const e of counted) {
    const from = fieldsOf.get(e.source)
    const to = fieldsOf.get(e.target)
    if (!from || !to) continue // a tie with a person: persons have no field
    cells.clear()
    for (const i of from) for (const j of to) cells.add(i <= j ? i * k + j : j * k + i)
    for (const cell of cells) {
      const i = Math.floor(cell / k)
      const j = cell % k
      counts[i][j]++
      if (i !== j) counts[j][i]++
    }
  }

  const present = [...presentSet].sort((a, b) => a - b)
  const unconnectedPairs: [Field, Field][] = []
  for (let x = 0; x < present.length; x++) {
    for (let y = x + 1; y < present.length; y++) {
      if (counts[present[x]][present[y]] === 0) unconnectedPairs.push([fields[present[x]], fields[present[y]]])
    }
  }
  return { fields, counts, present: present.map((i) => fields[i]), unconnectedPairs }
}
