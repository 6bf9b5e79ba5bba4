/**
 * `Content-Disposition: attachment` for a download whose name holds the room's title: an
 * ASCII `filename` for old clients, and the real name as RFC 5987 / RFC 6266 `filename*`.
 * Characters no file system takes, control characters and quotes never reach the header.
 */
export function attachment(asciiName: string, name: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const safe = fileName(name)
  if (!safe || safe === ascii) return `attachment; filename="${ascii}"`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`
}

/** A file name made of `name`: no path separators, reserved or control characters, ≤ 120 characters. */
export function fileName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_').replace(/\s+/g, ' ').trim()
  return [...clean].slice(0, 120).join('').replace(/^\.+/, '')
}

/** Percent-encoding of RFC 5987 attr-chars: encodeURIComponent leaves ' ( ) * ! which it may not. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}
