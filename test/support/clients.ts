import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

/** A stock y-websocket client, as a browser would use it, minus the BroadcastChannel. */
export function connectClient(wsUrl: string, roomId: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsUrl, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  })
  return { doc, provider, awareness: provider.awareness }
}

export type Client = ReturnType<typeof connectClient>

export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync')), timeoutMs)
    provider.once('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

/** Polls until `check` holds; fails with `what` after the timeout. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export function destroyAll(clients: Client[]): void {
  for (const c of clients) {
    c.provider.destroy()
    c.doc.destroy()
  }
}
