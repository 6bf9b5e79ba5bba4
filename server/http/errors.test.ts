import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { apiErrorCatalog } from '../../shared/i18n/api-errors.ts'
import { accessErrors, catalogApiError, waitText } from './errors.ts'

describe('API error bodies', () => {
  it('carry a catalog message in both languages, in the documented shape', async () => {
    const app = new Hono()
    app.get('/x', (c) => catalogApiError(c, 429, 'RATE_LIMITED', 'rateLimited', { what: { ja: 'ルームの作成', en: 'rooms created' }, wait: waitText(60) }))
    const res = await app.request('/x')
    expect(res.status).toBe(429)
    expect(await res.json()).toStrictEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'ルームの作成が短時間に多すぎます。60秒ほど待ってからやり直してください。',
        messageEn: 'Too many rooms created in a short time. Please wait 60 seconds and try again.',
      },
    })
  })

  it('take the access refusals from the catalog', () => {
    expect(accessErrors['missing-token']).toEqual([401, 'MISSING_TOKEN', apiErrorCatalog.ja.missingToken, apiErrorCatalog.en.missingToken])
    expect(accessErrors.forbidden).toEqual([403, 'FORBIDDEN', apiErrorCatalog.ja.forbidden, apiErrorCatalog.en.forbidden])
    expect(accessErrors['not-found']).toEqual([404, 'ROOM_NOT_FOUND', apiErrorCatalog.ja.roomNotFound, apiErrorCatalog.en.roomNotFound])
  })

  it('say how long to wait as request-guard.ts does', () => {
    expect(waitText(1)).toEqual({ ja: '1秒', en: '1 second' })
    expect(waitText(89)).toEqual({ ja: '89秒', en: '89 seconds' })
    expect(waitText(600)).toEqual({ ja: '10分', en: '10 minutes' })
  })
})
