import fs from 'node:fs'
import path from 'node:path'
import type { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

/**
 * Serves the built client. Any page path (/, /r/:roomId) gets index.html: the client routes.
 * The CSP limits the page to its own origin, so the browser itself refuses any request to an
 * outside host — the guarantee closed town-hall networks need.
 */
export function mountClient(app: Hono, clientDir: string): void {
  const indexPath = path.join(clientDir, 'index.html')
  app.use('*', async (c, next) => {
    await next()
    c.header('Content-Security-Policy', [
      "default-src 'self'",
      // 'self' covers our own ws(s):; tldraw fetches data: and blob: URLs for images/exports.
      "connect-src 'self' data: blob:",
      "img-src 'self' data: blob:",
      "media-src 'self' data: blob:",
      "font-src 'self' data:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
      "worker-src 'self' blob:",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'self'",
    ].join('; '))
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Content-Type-Options', 'nosniff')
  })
  app.use('/assets/*', serveStatic({ root: clientDir }))
  app.use('*', serveStatic({ root: clientDir }))
  app.get('*', (c) => {
    if (!fs.existsSync(indexPath)) {
      return c.text('クライアントがビルドされていません。`npm run build` を実行してから起動してください。', 503)
    }
    return c.html(fs.readFileSync(indexPath, 'utf8'))
  })
}
