/**
 * Builds the service worker (service-worker.ts) into dist/sw.js, at the root so that its scope
 * is the whole app, with the list of the build's files written into it.
 *
 * The list is the build's own output, so nothing is cached that the build did not make, and a
 * new build (new hashes) is a byte-different sw.js, which the browser installs as an update.
 * tldraw's translations other than ja and en are left out (about 1.2 MB the app never loads).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Plugin } from 'vite'

export const SW_FILE = 'sw.js'
const PLACEHOLDER = 'SW_MANIFEST'
const LANGS_USED = new Set(['ja', 'en'])

/** Whether a built file belongs in the offline copy of the app shell. */
export function precacheable(fileName: string): boolean {
  if (fileName === SW_FILE || fileName === 'index.html' || fileName.endsWith('.map')) return false
  // tldraw's translations are built as assets/<locale>-<hash>.json.
  const translation = /^assets\/([a-z]{2}(?:-[a-z]{2})?|main|languages)-[\w-]{8}\.json$/.exec(fileName)
  if (translation) return LANGS_USED.has(translation[1])
  return true
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'jusou-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: path.resolve(import.meta.dirname, 'service-worker.ts'), fileName: SW_FILE })
    },
    generateBundle(_options, bundle) {
      const sw = bundle[SW_FILE]
      if (!sw || sw.type !== 'chunk') throw new Error('service worker chunk missing from the build')
      if (sw.imports.length > 0) throw new Error(`the service worker must not import anything (it imports ${sw.imports.join(', ')})`)
      const files = Object.keys(bundle)
        .filter(precacheable)
        .sort()
        .map((name) => `/${name}`)
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16)
      if (!sw.code.includes(PLACEHOLDER)) throw new Error('service worker manifest placeholder not found')
      sw.code = sw.code.replaceAll(PLACEHOLDER, `(${JSON.stringify({ version, files })})`)
    },
  }
}
