import { describe, expect, it } from 'vitest'
import { closeCodeMessages, closeCodes, roomKindLabels, roomKinds } from '../rooms.ts'
import { apiErrorCatalog } from './api-errors.ts'
import { bothLangs } from './catalog.ts'
import { closeCodeCatalog, closeCodeKey, roomKindCatalog } from './rooms.ts'

describe('room catalogs', () => {
  it('explain every close code the server sends', () => {
    for (const code of Object.values(closeCodes)) {
      expect(closeCodeKey(code), String(code)).toBe(String(code))
      expect(closeCodeMessages[code]).toEqual(bothLangs(closeCodeCatalog, closeCodeKey(code)!))
    }
    expect(closeCodeKey(1000)).toBeNull()
    expect(closeCodeMessages[1000]).toBeUndefined()
  })

  it('say the same about refused access as the HTTP API', () => {
    expect(bothLangs(closeCodeCatalog, '4401')).toEqual(bothLangs(apiErrorCatalog, 'missingToken'))
    expect(bothLangs(closeCodeCatalog, '4403')).toEqual(bothLangs(apiErrorCatalog, 'forbidden'))
    expect(bothLangs(closeCodeCatalog, '4404')).toEqual(bothLangs(apiErrorCatalog, 'roomNotFound'))
  })

  it('name each room kind, as the pre-catalog export did', () => {
    for (const kind of roomKinds) expect(roomKindLabels[kind]).toEqual(bothLangs(roomKindCatalog, kind))
    expect(roomKindLabels.community).toEqual({ ja: '地域資源マップ', en: 'Community resource map' })
  })
})
