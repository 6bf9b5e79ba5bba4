/**
 * The service worker: keeps the app shell (index.html and the built, hashed files) on the
 * device, so that a participant who reloads the room without a connection gets the app, which
 * then opens the room from its offline copy in IndexedDB (session/connection.ts).
 *
 * - The build's files are cached when the worker installs (their names carry a content hash,
 *   so a cached file is never stale); the list is written into this file at build time
 *   (build-plugin.ts), which also makes every new build a new worker.
 * - Pages (navigations) go to the network first, so a deployed update is seen at once; the
 *   cached index.html answers only when the server cannot be reached.
 * - /api and the room websocket are never cached: room data lives in the Y.Doc, and an old
 *   API answer shown as current would be wrong.
 * Nothing here talks to another host: only same-origin GETs are handled at all.
 *
 * Self-contained (no imports, no exports): it is built and registered as a classic script.
 */

// Replaced at build time by build-plugin.ts.
declare const SW_MANIFEST: { version: string; files: string[] }

/** The parts of the service worker global scope this file uses (the DOM lib has no types for them). */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request
  respondWith(response: Response | Promise<Response>): void
}
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void
}

const scope = self as unknown as WorkerScope
const manifest = SW_MANIFEST
const CACHE_PREFIX = 'jusou-shell-'
const CACHE = `${CACHE_PREFIX}${manifest.version}`
const SHELL = '/index.html'
/** A page request that gets no answer within this time is served from the cache (a wifi that
 *  is "connected" but passes nothing would otherwise keep the participant waiting). */
const PAGE_TIMEOUT_MS = 5_000

const precached = new Set(manifest.files)

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      // `reload`: straight from the server, not from a possibly older HTTP cache entry.
      await cache.addAll([SHELL, ...manifest.files].map((url) => new Request(url, { cache: 'reload' })))
      await scope.skipWaiting()
    })(),
  )
})

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name)
      }
      // The page that registered this worker is controlled at once, not only after a reload.
      await scope.clients.claim()
    })(),
  )
})

/** Paths the worker never answers: the API, the websocket, and the worker script itself. */
function bypassesCache(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/ws/') || pathname === '/sw.js'
}

scope.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== scope.location.origin || bypassesCache(url.pathname)) return
  if (request.mode === 'navigate') {
    event.respondWith(page(request))
  } else if (precached.has(url.pathname)) {
    event.respondWith(hashedFile(request))
  }
})

/** Network first; the cached shell when the server cannot be reached. */
async function page(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  try {
    const response = await withTimeout(fetch(request), PAGE_TIMEOUT_MS)
    const type = response.headers.get('Content-Type') ?? ''
    // Every page path is answered with index.html: keep the freshest copy.
    if (response.ok && type.startsWith('text/html')) await cache.put(SHELL, response.clone())
    return response
  } catch (error) {
    const cached = await cache.match(SHELL)
    if (cached) return cached
    throw error
  }
}

/** Cache first: a hashed file never changes. */
async function hashedFile(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
