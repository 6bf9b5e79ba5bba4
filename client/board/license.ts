/**
 * Whether the tldraw editor may be mounted.
 *
 * tldraw needs a license key in production. Without one, tldraw itself would refuse to render
 * in production and (for some license states) report to tldraw's servers, which a closed
 * town-hall network cannot reach and must not try to. So on a production origin with no key we
 * do not mount the editor at all and explain, in Japanese, what the administrator has to do.
 *
 * "Production" here: served over https from a host that is not the local machine. Plain http
 * or localhost is a development or evaluation setup, where tldraw runs unlicensed (with its
 * watermark) by design.
 */

export type LicenseDecision = 'mount' | 'missing-license'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])

export function isProductionOrigin(location: { protocol: string; hostname: string }): boolean {
  return location.protocol === 'https:' && !LOCAL_HOSTS.has(location.hostname.toLowerCase())
}

export function licenseDecision(
  licenseKey: string | null | undefined,
  location: { protocol: string; hostname: string },
): LicenseDecision {
  const hasKey = typeof licenseKey === 'string' && licenseKey.trim() !== ''
  if (hasKey) return 'mount'
  return isProductionOrigin(location) ? 'missing-license' : 'mount'
}
