/**
 * In-memory Hocuspocus server for bench:sync (started by bench/lib/servers.ts as its own process).
 *
 *   HOST=127.0.0.1 PORT=1234 node bench/lib/hocuspocus-server.mjs
 *
 * Stock `@hocuspocus/server` Server with its default configuration and no extensions: documents
 * live in memory only (no persistence, no auth hook - every connection is accepted), quiet.
 * `Server.listen()` is not used because it binds every interface (it passes `address`, which
 * node's listen() ignores); we listen on HOST ourselves. Everything else (HTTP request handler,
 * WebSocket upgrade, Hocuspocus instance) is what `new Server()` sets up.
 * SIGTERM/SIGINT exit at once, so `--cpu-prof` profiles are written.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Server } from '@hocuspocus/server'

const host = process.env.HOST || '127.0.0.1'
const port = Number(process.env.PORT || 1234)
const { version } = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('@hocuspocus/server'))), 'utf8'))

const server = new Server({ port, address: host, quiet: true, stopOnSignals: false, extensions: [] })
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0))

server.httpServer.listen(port, host, () => {
  console.log(`hocuspocus ${version} (in memory) listening on ${host}:${port}`)
})
