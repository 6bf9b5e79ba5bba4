import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'

/**
 * The client's address for limits. Behind a reverse proxy (TRUST_PROXY=1) it is the last
 * X-Forwarded-For entry, the one the proxy itself added; otherwise the socket's peer.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const value = Array.isArray(header) ? header[header.length - 1] : header
    const last = value?.split(',').pop()?.trim()
    if (last) return normalise(last)
  }
  return normalise(req.socket.remoteAddress ?? 'unknown')
}

/** Whether the request reached us over HTTPS (directly, or as the trusted proxy says). */
export function requestIsHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true
  if (!trustProxy) return false
  const proto = req.headers['x-forwarded-proto']
  const value = Array.isArray(proto) ? proto[0] : proto
  return value?.split(',')[0]?.trim().toLowerCase() === 'https'
}

const normalise = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')
