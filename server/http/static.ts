import type { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

/**
 * Serves the built client's files. Page paths (/, /r/:roomId) get index.html from the
 * app's notFound handler (not-found.ts), since they are not files.
 * Security headers (CSP and the rest) are set for every response in security-headers.ts.
 */
export function mountClient(app: Hono, clientDir: string): void {
  // The service worker (client/sw/) must be revalidated on every check, or browsers keep an old
  // worker, and with it an old app shell, for up to a day after a deployment.
  app.use('/sw.js', async (c, next) => {
    await next()
    if (c.res.ok) c.header('Cache-Control', 'no-cache')
  })
  app.use('/assets/*', serveStatic({ root: clientDir }))
  app.use('*', serveStatic({ root: clientDir }))
}
