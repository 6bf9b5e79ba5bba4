import { describe, expect, it } from 'vitest'
import { isProductionOrigin, licenseDecision } from '../client/board/license'

const at = (url: string) => {
  const { protocol, hostname } = new URL(url)
  return { protocol, hostname }
}

describe('tldraw license gate', () => {
  it('mounts the board whenever a key is configured', () => {
    expect(licenseDecision('tldraw-abc.def', at('https://map.city.example.lg.jp/r/x'))).toBe('mount')
    expect(licenseDecision('tldraw-abc.def', at('http://localhost:8787/'))).toBe('mount')
  })

  it('refuses to mount on a production origin without a key', () => {
    expect(licenseDecision(null, at('https://map.city.example.lg.jp/r/x'))).toBe('missing-license')
    expect(licenseDecision('', at('https://10.1.2.3/'))).toBe('missing-license')
    expect(licenseDecision('   ', at('https://intranet/'))).toBe('missing-license')
    expect(licenseDecision(undefined, at('https://LOCALHOST.example/'))).toBe('missing-license')
  })

  it('lets development and evaluation setups run unlicensed (tldraw shows its watermark)', () => {
    expect(licenseDecision(null, at('http://10.1.2.3:8787/r/x'))).toBe('mount')
    expect(licenseDecision(null, at('http://map.city.example.lg.jp/'))).toBe('mount')
    expect(licenseDecision(null, at('https://localhost:8443/'))).toBe('mount')
    expect(licenseDecision(null, at('http://127.0.0.1:8787/'))).toBe('mount')
  })

  it('treats https on 127.0.0.1 or ::1 as production, as tldraw does (it would blank the board after 5 s)', () => {
    expect(licenseDecision(null, at('https://127.0.0.1/'))).toBe('missing-license')
    expect(licenseDecision(null, at('https://[::1]:8443/'))).toBe('missing-license')
  })

  it('treats only https on a host other than localhost as production', () => {
    expect(isProductionOrigin({ protocol: 'https:', hostname: 'example.org' })).toBe(true)
    expect(isProductionOrigin({ protocol: 'http:', hostname: 'example.org' })).toBe(false)
    expect(isProductionOrigin({ protocol: 'https:', hostname: 'localhost' })).toBe(false)
  })
})
