import { describe, expect, it } from 'vitest'
import { closeCodes, roomKinds } from '../rooms.ts'
import { apiErrorCatalog } from './api-errors.ts'
import { bothLangs } from './catalog.ts'
import { closeCodeCatalog, closeCodeKey, roomKindCatalog } from './rooms.ts'

describe('room catalogs', () => {
  it('explain every close code the server sends, in both languages', () => {
    for (const code of Object.values(closeCodes)) {
      const key = closeCodeKey(code)
      expect(key, String(code)).toBe(String(code))
      const text = bothLangs(closeCodeCatalog, key!)
      expect(text.ja.length, String(code)).toBeGreaterThan(10)
      expect(text.en.length, String(code)).toBeGreaterThan(10)
    }
    expect(closeCodeKey(1000)).toBeNull()
  })

  it('say the same about refused access as the HTTP API', () => {
    expect(bothLangs(closeCodeCatalog, '4401')).toEqual(bothLangs(apiErrorCatalog, 'missingToken'))
    expect(bothLangs(closeCodeCatalog, '4403')).toEqual(bothLangs(apiErrorCatalog, 'forbidden'))
    expect(bothLangs(closeCodeCatalog, '4404')).toEqual(bothLangs(apiErrorCatalog, 'roomNotFound'))
  })

  it('name each room kind', () => {
    for (const kind of roomKinds) expect(roomKindCatalog.en[kind]).toMatch(/^[A-Z]/)
    expect(bothLangs(roomKindCatalog, 'community')).toEqual({ ja: '地域資源マップ', en: 'Community resource map' })
  })
})
