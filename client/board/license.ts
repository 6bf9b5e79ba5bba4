/**
 * Whether the tldraw editor may be mounted.
 *
 * What tldraw 5.1 itself does (@tldraw/editor LicenseManager, Watermark, LicenseProvider):
 * - "development" for tldraw is any origin that is not https, or whose hostname is exactly
 *   `localhost` (https://127.0.0.1 is NOT development for tldraw);
 * - development without a valid key: the editor runs with a "Get a license for production"
 *   button in the corner (the license requires it to stay; we do not hide it). The same on
 *   plain http from another host even with a key: there is no crypto.subtle outside a secure
 *   context, so tldraw cannot verify the key;
 * - a valid key (for this host, or any key verified on https://localhost): no mark at all;
 * - production without a valid key (missing, invalid, wrong host): the editor is blanked after
 *   5 s and tldraw requests a tracking image from cdn.tldraw.com, which a closed town-hall
 *   network cannot reach (our CSP refuses it anyway).
 * So on a production origin with no key we do not mount the editor at all and explain, in
 * Japanese, what the administrator has to do (RoomPage). README "tldraw のライセンス" says
 * how to configure the key.
 */

export type LicenseDecision = 'mount' | 'missing-license'

/** Production as tldraw decides it: https, and not `localhost`. */
export function isProductionOrigin(location: { protocol: string; hostname: string }): boolean {
  return location.protocol === 'https:' && location.hostname.toLowerCase() !== 'localhost'
}

export function licenseDecision(
  licenseKey: string | null | undefined,
  location: { protocol: string; hostname: string },
): LicenseDecision {
  const hasKey = typeof licenseKey === 'string' && licenseKey.trim() !== ''
  if (hasKey) return 'mount'
  return isProductionOrigin(location) ? 'missing-license' : 'mount'
}
