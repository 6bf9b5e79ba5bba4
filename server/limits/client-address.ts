import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import type { TLSSocket } from 'node:tls'

/**
 * The client's address, for limits. Without a proxy it is the socket's peer. Behind a reverse
 * proxy (TRUST_PROXY=1) it is the last X-Forwarded-For entry: the one our proxy appended,
 * the address it saw. Earlier entries are whatever the client sent and cannot be trusted.
 * An entry that is not an IP address (a misconfigured proxy) falls back to the socket's peer.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const list = entries(req.headers['x-forwarded-for'])
    const address = list.length > 0 ? parseAddress(list[list.length - 1]) : null
    if (address) return address
  }
  return parseAddress(req.socket?.remoteAddress ?? '') ?? 'unknown'
}

/**
 * Whether the browser's connection was HTTPS: a TLS socket, or — behind a trusted proxy —
 * X-Forwarded-Proto https. Its first entry is the hop the browser made. A client could put
 * "https" there over plain HTTP, but the only consequence is an HSTS header, which browsers
 * ignore on plain HTTP.
 */
export function requestIsHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket | undefined)?.encrypted === true) return true
  if (!trustProxy) return false
  return entries(req.headers['x-forwarded-proto'])[0]?.toLowerCase() === 'https'
}

/** Behind a trusted proxy, the host the browser asked for (X-Forwarded-Host), if the proxy says. */
export function forwardedHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined
  const list = entries(req.headers['x-forwarded-host'])
  return list[list.length - 1] || undefined
}

/**
 * The key an address is limited under. One IPv6 host usually holds a whole /64 and can pick
 * any address in it, so IPv6 addresses are grouped by their /64 prefix; IPv4 stays as is.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address
  return expandIpv6(address).slice(0, 4).join(':') + '::/64'
}

/** The comma-separated entries of a header; Node joins repeated X-Forwarded-* headers with ", ". */
function entries(header: string | string[] | undefined): string[] {
  if (header === undefined) return []
  return (Array.isArray(header) ? header.join(',') : header).split(',').map((e) => e.trim())
}

/** Canonical form: IPv4-mapped IPv6 becomes IPv4, ports and brackets are dropped, IPv6 lowercased. */
function parseAddress(raw: string): string | null {
  let value = raw.trim()
  if (value.length === 0 || value.length > 64) return null
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value) // "[2001:db8::1]:443"
  if (bracketed) value = bracketed[1]
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value) // some proxies append the port
  if (v4WithPort) value = v4WithPort[1]
  value = value.replace(/%.*$/, '').toLowerCase() // zone id of a link-local address
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value)
  if (mapped) value = mapped[1]
  return isIP(value) ? value : null
}

/** The eight 16-bit groups of a valid IPv6 address, as lowercase hex without leading zeros. */
function expandIpv6(address: string): string[] {
  let text = address.toLowerCase()
  // A trailing dotted IPv4 part (e.g. ::1.2.3.4) is two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number)
    text = text.slice(0, v4.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }
  const [head, tail] = text.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : new Array(8 - headGroups.length - tailGroups.length).fill('0')
  return [...headGroups, ...fill, ...tailGroups].map((g) => parseInt(g, 16).toString(16))
}

/**
 * The Node request behind a hono context on @hono/node-server (`c.env.incoming`); undefined
 * when the app is called without a server (app.request in unit tests).
 */
export function incomingOf(c: { env: unknown }): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  return env?.incoming
}
