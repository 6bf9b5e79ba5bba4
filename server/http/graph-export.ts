import { Hono, type Context } from 'hono'
import * as Y from 'yjs'
import { edgesCsv, nodesCsv } from '../../shared/graph/csv.ts'
import { toCytoscapeJson } from '../../shared/graph/cytoscape-json.ts'
import { deriveGraph, type GraphElements } from '../../shared/graph/derive.ts'
import { toGraphml } from '../../shared/graph/graphml.ts'
import { readModel } from '../../shared/model/doc.ts'
import type { MapModel } from '../../shared/model/schema.ts'
import { authorize } from '../rooms/room-access.ts'
import type { DocStore, RoomDirectory } from '../storage/doc-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { accessErrors, apiError } from './errors.ts'

export interface GraphExportDeps {
  directory: RoomDirectory
  store: DocStore
  rooms: RoomManager
}

/**
 * Read-only graph downloads of a room, under /api:
 *   GET /rooms/:roomId/graph.graphml | graph.json (Cytoscape.js) | nodes.csv | edges.csv
 * Any role's token may download (a view link already shows the whole map); `?persons=0`
 * leaves persons and their ties out (DOMAIN.md §6), for sharing beyond the 支援会議.
 * Responses are marked no-store: a case map holds personal data and must not sit in caches.
 */
export function createGraphExport(deps: GraphExportDeps): Hono {
  const app = new Hono()

  const formats: Record<string, { type: string; render: (g: GraphElements, includePersons: boolean) => string }> = {
    'graph.graphml': { type: 'application/graphml+xml; charset=utf-8', render: (g, p) => toGraphml(g, { includePersons: p }) },
    'graph.json': { type: 'application/json; charset=utf-8', render: (g, p) => JSON.stringify(toCytoscapeJson(g, { includePersons: p })) },
    'nodes.csv': { type: 'text/csv; charset=utf-8', render: (g, p) => nodesCsv(g, { includePersons: p }) },
    'edges.csv': { type: 'text/csv; charset=utf-8', render: (g, p) => edgesCsv(g, { includePersons: p }) },
  }

  for (const [file, format] of Object.entries(formats)) {
    app.get(`/rooms/:roomId/${file}`, async (c) => {
      const roomId = c.req.param('roomId')
      const access = await authorize(deps.directory, roomId, bearerToken(c))
      if (!access.ok) {
        const [status, code, message, messageEn] = accessErrors[access.reason]
        return apiError(c, status, code, message, messageEn)
      }
      const includePersons = personsParam(c.req.query('persons'))
      if (includePersons === null) {
        return apiError(c, 400, 'INVALID_QUERY', 'persons には 0（人物を除く）か 1（人物を含む）を指定してください。', 'persons must be 0 or 1.')
      }
      const model = await readRoomModel(deps, roomId)
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

const persistWaitMs = 5_000

function durableWithin(room: { whenPersisted(): Promise<void> }, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    timer.unref()
    room.whenPersisted().then(() => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization') ?? ''
  return /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? null
}

/** undefined / 1 / true → include; 0 / false → leave out; anything else → null (refused). */
function personsParam(value: string | undefined): boolean | null {
  if (value === undefined || value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  return null
}

/**
 * The room's model without disturbing the sync server. A loaded room is read from its live
 * document (newest state, once durable, the same rule the sync protocol follows); borrowing it
 * with acquire() cancels a pending unload, so released() re-arms it. A room nobody has open is
 * read from storage into a throw-away document and not loaded: an export must not keep rooms
 * in memory.
 */
async function readRoomModel(deps: GraphExportDeps, roomId: string): Promise<MapModel> {
  if (deps.rooms.isLoaded(roomId)) {
    const room = await deps.rooms.acquire(roomId)
    try {
      // A room whose storage failed never becomes durable: then export what storage holds.
      if ((await durableWithin(room, persistWaitMs)) && !room.broken) return readModel(room.doc).model
    } finally {
      deps.rooms.released(room)
    }
  }
  const stored = await deps.store.load(roomId)
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
    })
    return readModel(doc).model
  } finally {
    doc.destroy()
  }
}
