import { loadConfig } from './config.ts'
import { startServer } from './app.ts'
import { createLogger } from './log.ts'
import { StorageIntegrityError } from './storage/integrity.ts'

const log = createLogger()
let config
try {
  config = loadConfig()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
let server
try {
  server = await startServer(config, log)
} catch (err) {
  // Damaged or incomplete storage, or another server on the directory: say so and what to do.
  if (!(err instanceof StorageIntegrityError)) throw err
  log.error('server.refused', { reason: err.code, dataDir: config.dataDir })
  console.error(`\n  ${err.messageJa}\n\n  ${err.messageEn}\n`)
  process.exit(1)
}
// Last resort only: every connection's errors are caught on its own path (ws-endpoint.ts). If
// something still escapes, log it without its message (it could quote client data) and keep
// serving the other rooms rather than ending every meeting at once.
process.on('unhandledRejection', (err) => log.error('process.unhandled_rejection', { error: (err as Error)?.name ?? typeof err }))
process.on('uncaughtException', (err) => log.error('process.uncaught_exception', { error: err.name, stack: err.stack?.split('\n').slice(1, 4).join(' | ') }))
log.info('server.listening', { url: server.url, dataDir: config.dataDir })
console.log(`\n  重層支援マップ: ${server.url} を開いてください (open ${server.url})\n`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    // Flush and compact every open room before exiting.
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
