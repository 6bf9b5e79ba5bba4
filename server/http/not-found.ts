import fs from 'node:fs'
import path from 'node:path'
import type { NotFoundHandler } from 'hono'
import { apiErrorCatalog } from '../../shared/i18n/api-errors.ts'
import { bothLangs } from '../../shared/i18n/catalog.ts'
import { catalogApiError } from './errors.ts'

/**
 * What no route answered. Under /api that is an API error in the usual JSON body; any other
 * GET is a page path of the client (/, /r/:roomId), which routes itself from index.html.
 * As the app's notFound handler it runs after every route, so routes need no ordering.
 */
export function notFound(clientDir: string): NotFoundHandler {
  const indexPath = path.join(clientDir, 'index.html')
  return (c) => {
    const pathname = new URL(c.req.url).pathname
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return catalogApiError(c, 404, 'NOT_FOUND', 'notFound')
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('Not Found', 404)
    if (!fs.existsSync(indexPath)) {
      const text = bothLangs(apiErrorCatalog, 'clientNotBuilt')
      return c.text(`${text.ja}\n${text.en}`, 503)
    }
    return c.html(fs.readFileSync(indexPath, 'utf8'))
  }
}
