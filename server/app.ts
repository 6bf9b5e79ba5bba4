import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { apiErrorCatalog } from '../shared/i18n/api-errors.ts'
import { bothLangs } from '../shared/i18n/catalog.ts'
import type { ServerConfig } from './config.ts'
import { createApi } from './http/api.ts'
import { createClosureApi } from './http/closure.ts'
import { createGraphExport } from './http/graph-export.ts'
import { createHistoryApi } from './http/history.ts'
import { createPlanExport } from './http/plan-export.ts'
import { createRecordsApi } from './http/records.ts'
import { createRoomFileApi } from './http/room-file.ts'
import { catalogApiError } from './http/errors.ts'
import { jsonFromOwnOrigin, rateLimit } from './http/request-guard.ts'
import { securityHeaders } from './http/security-headers.ts'
import { notFound } from './http/not-found.ts'
import { mountClient } from './http/static.ts'
import { createLogger, type Logger } from './log.ts'
import { SqliteStorage } from './storage/sqlite.ts'
import { RoomManager } from './sync/room-manager.ts'
import { attachSyncEndpoint } from './sync/ws-endpoint.ts'

export interface RunningServer {
  url: string
  port: number
  rooms: RoomManager
  close(): Promise<void>
}

/** Wires storage, rooms, the HTTP API, the client and the sync endpoint into one server. */
export async function startServer(config: ServerConfig, log: Logger = createLogger()): Promise<RunningServer> {
  const storage = new SqliteStorage(config.dataDir, config.sqliteSynchronous, { acceptDataLoss: config.acceptDataLoss, log })
  const rooms = new RoomManager(storage, config, log)

  const app = new Hono()
  // Headers first, so that every response carries them, errors and 404s included.
  app.use('*', securityHeaders(config.trustProxy))
  app.use(
    '*',
    rateLimit({
      perAddress: { burst: config.httpBurstPerAddress, perSecond: config.httpRatePerAddress },
      trustProxy: config.trustProxy,
      what: bothLangs(apiErrorCatalog, 'limitedRequests'),
      log,
    }),
  )
  app.use('/api/*', jsonFromOwnOrigin(config.publicUrl, config.trustProxy))
  // After the JSON/Origin check: a refused cross-site POST spends no one's room budget.
  app.on(
    'POST',
    '/api/rooms',
    rateLimit({
      perAddress: { burst: config.roomCreationBurstPerAddress, perSecond: config.roomCreationPerHourPerAddress / 3600 },
      global: { burst: Math.min(100, config.roomCreationPerHour), perSecond: config.roomCreationPerHour / 3600 },
      trustProxy: config.trustProxy,
      what: bothLangs(apiErrorCatalog, 'limitedRoomCreation'),
      log,
    }),
  )
  app.route('/api', createGraphExport({ directory: storage, rooms, timeZone: config.timeZone }))
  app.route('/api', createHistoryApi({ directory: storage, rooms }))
  app.route('/api', createClosureApi({ directory: storage, rooms }))
  app.route('/api', createPlanExport({ directory: storage, rooms, timeZone: config.timeZone }))
  app.route('/api', createRecordsApi({ directory: storage, records: storage.records, rooms, timeZone: config.timeZone }))
  app.route('/api', createRoomFileApi({ directory: storage, rooms, records: storage.records, maxBytes: config.maxSyncMessageBytes }))
  app.route(
    '/api',
    createApi({
      directory: storage,
      publicUrl: config.publicUrl,
      clientConfig: { tldrawLicenseKey: config.tldrawLicenseKey, maxMessageBytes: config.maxMessageBytes },
    }),
  )
  mountClient(app, config.clientDir)
  app.notFound(notFound(config.clientDir))
  app.onError((err, c) => {
    log.error('http.error', { path: new URL(c.req.url).pathname, error: err.message })
    return catalogApiError(c, 500, 'SERVER_ERROR', 'serverError')
  })

  const server = await new Promise<Server>((resolve) => {
    // Slow headers and slow bodies were held for 65 s and 305 s: cut them. Upgraded WebSockets
    // leave the HTTP server's request tracking, so these never end a room connection.
    const serverOptions = {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // Node enforces both timeouts when it checks its connections: every second, not every 30.
      connectionsCheckingInterval: 1_000,
    }
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions }, () => resolve(s as Server)) as Server
  })
  const sync = attachSyncEndpoint(server, storage, rooms, config, log)
  const port = (server.address() as AddressInfo).port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  const url = config.publicUrl ?? `http://${shownHost}:${port}`

  return {
    url,
    port,
    rooms,
    async close() {
      sync.close()
      await rooms.closeAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      storage.close()
    },
  }
}
