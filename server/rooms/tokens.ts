import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: unguessable capability tokens and room ids. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** 128 random bits: room ids need not be secret (tokens are), only unguessable and short. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url')
}

/** Tokens are stored only as their SHA-256: a leaked database does not open any room. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Cheap shape check before touching storage: base64url, 16–128 chars. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{16,128}$/.test(value)
}
