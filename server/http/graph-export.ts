import { Hono } from 'hono'
import { edgesCsv, nodesCsv } from '../../shared/graph/csv.ts'
import { toCytoscapeJson } from '../../shared/graph/cytoscape-json.ts'
import { deriveGraph, type GraphElements } from '../../shared/graph/derive.ts'
import { toGexf } from '../../shared/graph/gexf.ts'
import { toGraphml } from '../../shared/graph/graphml.ts'
import { readModel } from '../../shared/model/doc.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { roomAccess, type RoomAccessEnv } from './access.ts'
import { includePersonsOr } from './persons-query.ts'
import { localDate } from '../../shared/plan/doc.ts'

export interface GraphExportDeps {
  directory: RoomDirectory
  rooms: RoomManager
  /** The meetings' calendar (config TZ): the GEXF's lastmodifieddate is that day, not UTC's. */
  timeZone?: string
}

/**
 * Read-only graph downloads of a room, under /api:
 *   GET /rooms/:roomId/graph.graphml | graph.gexf (Gephi) | graph.json (Cytoscape.js) | nodes.csv | edges.csv
 * `?persons=0` leaves persons and their ties out (docs/domain.md §8.4 Exports without persons), for sharing beyond the
 * 支援会議. Files with persons need an edit or facilitate token (default persons=1); a view
 * link is for observers and projectors, so its token gets only persons=0 and is refused
 * (403) without it rather than silently given less than it asked for.
 * Responses are marked no-store: a case map holds personal data and must not sit in caches.
 */
export function createGraphExport(deps: GraphExportDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()

  const formats: Record<string, { type: string; render: (g: GraphElements, includePersons: boolean) => string }> = {
    'graph.graphml': { type: 'application/graphml+xml; charset=utf-8', render: (g, p) => toGraphml(g, { includePersons: p }) },
    'graph.gexf': {
      type: 'application/gexf+xml; charset=utf-8',
      render: (g, p) => toGexf(g, { includePersons: p, date: localDate(new Date(), deps.timeZone) }),
    },
    'graph.json': { type: 'application/json; charset=utf-8', render: (g, p) => JSON.stringify(toCytoscapeJson(g, { includePersons: p })) },
    'nodes.csv': { type: 'text/csv; charset=utf-8', render: (g, p) => nodesCsv(g, { includePersons: p }) },
    'edges.csv': { type: 'text/csv; charset=utf-8', render: (g, p) => edgesCsv(g, { includePersons: p }) },
  }

  for (const [file, format] of Object.entries(formats)) {
    app.get(`/rooms/:roomId/${file}`, roomAccess(deps.directory), async (c) => {
      const access = c.get('access')
      const roomId = access.room.id
      const includePersons = includePersonsOr(c, access)
      if (includePersons instanceof Response) return includePersons
      const model = await deps.rooms.read(roomId, (doc) => readModel(doc).model)
      // The directory's kind is authoritative; the model's own info.kind may be unset.
      const graph = { ...deriveGraph(model, { includePersons }), kind: access.room.kind }
      const name = `${roomId}${includePersons ? '' : '-no-persons'}-${file}`
      return c.body(format.render(graph, includePersons), 200, {
        'Content-Type': format.type,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      })
    })
  }
  return app
}

