import { describe, expect, it } from 'vitest'
import { attachment, fileName } from './content-disposition.ts'

describe('download file names', () => {
  it('give the Japanese title as filename*, and an ASCII name for old clients', () => {
    const header = attachment('r1-plan-tasks.xlsx', '第3回 支援会議-役割分担.xlsx')
    expect(header).toBe(`attachment; filename="r1-plan-tasks.xlsx"; filename*=UTF-8''%E7%AC%AC3%E5%9B%9E%20%E6%94%AF%E6%8F%B4%E4%BC%9A%E8%AD%B0-%E5%BD%B9%E5%89%B2%E5%88%86%E6%8B%85.xlsx`)
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('第3回 支援会議-役割分担.xlsx')
  })

  it('let no quote, path, control character or header break through', () => {
    const header = attachment('a"b\r\nc.xlsx', '../"x"\r\nSet-Cookie: y\u0000/(1)*\'!.xlsx')
    expect(header).not.toMatch(/[\r\n\u0000]/)
    expect(header.startsWith('attachment; filename="a_b__c.xlsx"; filename*=UTF-8\'\'')).toBe(true)
    // RFC 5987 attr-chars only after the charset.
    expect(header.split("UTF-8''")[1]).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/)
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("__x___Set-Cookie_ y__(1)_'!.xlsx")
  })

  it('shorten very long titles and drop leading dots', () => {
    expect([...fileName('あ'.repeat(300))]).toHaveLength(120)
    expect(fileName('...hidden')).toBe('hidden')
    expect(attachment('x.xlsx', 'x.xlsx')).toBe('attachment; filename="x.xlsx"')
  })
})
