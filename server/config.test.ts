import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('TZ: the meetings’ calendar', () => {
  it('is Japan’s unless set, whatever the server clock runs in', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Tokyo')
    expect(loadConfig({ TZ: '' }).timeZone).toBe('Asia/Tokyo')
    expect(loadConfig({ TZ: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin')
  })

  it('refuses a name that is no time zone, saying how to write one', () => {
    expect(() => loadConfig({ TZ: 'Tokyo/Japan' })).toThrow('設定 TZ は Asia/Tokyo のような IANA のタイムゾーン名で指定してください（現在: "Tokyo/Japan"）')
  })
})
