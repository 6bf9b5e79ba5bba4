import fs from 'node:fs'
import path from 'node:path'
import { parseImport } from '../model/transfer.ts'
import type { MapModel } from '../model/schema.ts'
import type { Direction, Field, Status } from '../model/vocabulary.ts'
import type { GraphEdge, GraphElements, GraphNode } from './derive.ts'

/** Fixtures shared by the graph tests and bench/graph.ts (Node only: reads files; not for the client). */

export const sampleNames = ['case-8050', 'community-platform', 'wide-area-prefecture'] as const

export function loadSample(name: (typeof sampleNames)[number]): MapModel {
  const file = path.resolve(import.meta.dirname, '../samples', `${name}.json`)
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { kind: 'case' | 'community' }
  const { model, report } = parseImport(json, { roomKind: json.kind })
  if (report.rejected.length > 0) throw new Error(`sample ${name} has rejected records: ${JSON.stringify(report.rejected)}`)
  return { ...model, info: { ...model.info, kind: json.kind } }
}

export function actorNode(id: string, fields: Field[] = ['高齢'], formal = true): GraphNode {
  return { id, kind: 'actor', label: id, color: '#000000', field: fields[0], fields, level: '地域', formal }
}

/** Small hand-made graphs: nodes named by the ids used in the pairs, ties existing unless said. */
export function graphOf(pairs: [string, string, Partial<Pick<GraphEdge, 'direction' | 'status'>>?][], extraNodes: string[] = []): GraphElements {
  const ids = [...new Set([...pairs.flatMap(([a, b]) => [a, b]), ...extraNodes])]
  return {
    nodes: ids.map((id) => actorNode(id)),
    edges: pairs.map(([a, b, opts], i) => ({
      id: `e${i}`,
      source: a,
      target: b,
      type: '連携・協働',
      direction: (opts?.direction ?? 'none') as Direction,
      strength: 'normal',
      status: (opts?.status ?? 'existing') as Status,
    })),
  }
}
