import fs from 'node:fs'
import path from 'node:path'
import type { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

/**
 * Serves the built client. Any page path (/, /r/:roomId) gets index.html: the client routes.
 * Security headers (CSP and the rest) are set for every response in security-headers.ts.
 */
export function mountClient(app: Hono, clientDir: string): void {
  const indexPath = path.join(clientDir, 'index.html')
  app.use('/assets/*', serveStatic({ root: clientDir }))
  app.use('*', serveStatic({ root: clientDir }))
  app.get('*', (c) => {
    if (!fs.existsSync(indexPath)) {
      return c.text('クライアントがビルドされていません。`npm run build` を実行してから起動してください。', 503)
    }
    return c.html(fs.readFileSync(indexPath, 'utf8'))
  })
}
