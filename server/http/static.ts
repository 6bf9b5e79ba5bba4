import type { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

/**
 * Serves the built client's files. Page paths (/, /r/:roomId) get index.html from the
 * app's notFound handler (not-found.ts), since they are not files.
 * Security headers (CSP and the rest) are set for every response in security-headers.ts.
 */
export function mountClient(app: Hono, clientDir: string): void {
  app.use('/assets/*', serveStatic({ root: clientDir }))
  app.use('*', serveStatic({ root: clientDir }))
}
