import { describe, expect, it } from 'vitest'
import { safeFileName } from './downloads'

describe('safeFileName (downloads.ts)', () => {
  it('keeps a Japanese title and appends the extension', () => {
    expect(safeFileName('Aさん世帯（8050・生活困窮）_四象限', { fallback: 'quadrant', ext: 'svg' })).toBe('Aさん世帯（8050・生活困窮）_四象限.svg')
  })

  it('returns the bare name without an extension, for callers that add suffixes', () => {
    expect(safeFileName('○○小学校区', { fallback: '関係図' })).toBe('○○小学校区')
  })

  it('replaces every path, reserved and control character with _', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0007k', { fallback: 'x', ext: 'csv' })).toBe('a_b_c_d_e_f_g_h_i_j_k.csv')
    // One _ per character: 'a//b' does not become 'a_b'.
    expect(safeFileName('a//b', { fallback: 'x' })).toBe('a__b')
  })

  it('collapses and trims white space, and drops leading dots (hidden files on macOS)', () => {
    expect(safeFileName('  ..地域　の   マップ  ', { fallback: 'x' })).toBe('地域 の マップ')
    // Tabs and line breaks are control characters: replaced before spaces are collapsed.
    expect(safeFileName('地域\t\nマップ', { fallback: 'x' })).toBe('地域__マップ')
    expect(safeFileName('...hidden', { fallback: 'x', ext: 'json' })).toBe('hidden.json')
  })

  it('normalizes to NFC, so that a decomposed が is one character', () => {
    expect(safeFileName('か\u3099', { fallback: 'x' })).toBe('が')
  })

  it('caps the name at 80 characters before the extension', () => {
    const name = safeFileName('あ'.repeat(200), { fallback: 'x', ext: 'png' })
    expect(name).toBe(`${'あ'.repeat(80)}.png`)
  })

  it('uses the fallback when nothing is left of the title', () => {
    expect(safeFileName('', { fallback: 'map' })).toBe('map')
    expect(safeFileName(' ... ', { fallback: '関係図' })).toBe('関係図')
    expect(safeFileName('', { fallback: 'quadrant', ext: 'png' })).toBe('quadrant.png')
  })
})
