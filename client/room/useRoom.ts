import { useEffect, useState } from 'react'
import type { ClientConfigResponse, RoomInfoResponse } from '../../shared/rooms'
import { ApiError, getClientConfig, getRoomInfo } from '../server-api'
import { cachedRoomInfo, cacheRoomInfo } from './storage'

const CONFIG_KEY = 'jusou-config'
const DEFAULT_CONFIG: ClientConfigResponse = { tldrawLicenseKey: null, maxMessageBytes: 1024 * 1024 }

export type Loaded =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; info: RoomInfoResponse; config: ClientConfigResponse; fromCache: boolean }

/** The server's client settings; offline, the ones remembered from last time (or defaults). */
async function loadConfig(): Promise<ClientConfigResponse> {
  try {
    const config = await getClientConfig()
    try {
      localStorage.setItem(CONFIG_KEY, JSON.stringify(config))
    } catch {
      // not remembered; fine
    }
    return config
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError) {
      try {
        const cached = localStorage.getItem(CONFIG_KEY)
        if (cached) return JSON.parse(cached) as ClientConfigResponse
      } catch {
        // fall through
      }
      return DEFAULT_CONFIG
    }
    throw error
  }
}

/** The room's info (title, kind, this link's role) and the client settings, for the room page. */
export function useRoom(roomId: string, token: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    if (!token) return
    let cancelled = false
    ;(async () => {
      const configPromise = loadConfig()
      try {
        const info = await getRoomInfo(roomId, token)
        cacheRoomInfo(info, token)
        const config = await configPromise
        if (!cancelled) setLoaded({ state: 'ready', info, config, fromCache: false })
      } catch (error) {
        // Offline: open the room as it was last time; edits go to the offline copy.
        const cached = error instanceof ApiError && error.isNetworkError ? cachedRoomInfo(roomId, token) : null
        if (cached) {
          const config = await configPromise.catch(() => DEFAULT_CONFIG)
          if (!cancelled) setLoaded({ state: 'ready', info: cached, config, fromCache: true })
        } else if (!cancelled) {
          setLoaded({ state: 'error', error })
        }
      }
    })()
    return () => {
      cancelled = true
    }
  }, [roomId, token])
  return loaded
}
