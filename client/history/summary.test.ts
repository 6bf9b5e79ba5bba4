import { describe, expect, it } from 'vitest'
import type { VersionInfo } from '../../shared/history/versions'
import { changeSummary, changesText, countsText, orgsText, reasonText, signed, versionTime, withChanges } from './summary'

const counts = (actors: number, persons: number, relations: number, practices: number) => ({ actors, persons, relations, practices })
const version = (id: string, c: VersionInfo['counts'], reason: VersionInfo['reason'] = 'periodic'): VersionInfo => ({
  id,
  createdAt: '2026-12-02T06:04:00.000Z',
  reason,
  counts: c,
  orgs: [],
})

describe('history dialog: what changed between versions (summary.ts)', () => {
  it('lists only the counts that changed, in a fixed order, newer minus older', () => {
    expect(changeSummary(counts(0, 4, 0, 2), counts(14, 4, 21, 2))).toEqual([
      { key: 'actors', delta: -14 },
      { key: 'relations', delta: -21 },
    ])
    expect(changeSummary(counts(3, 1, 2, 5), counts(1, 1, 2, 0))).toEqual([
      { key: 'actors', delta: 2 },
      { key: 'practices', delta: 5 },
    ])
    expect(changeSummary(counts(1, 2, 3, 4), counts(1, 2, 3, 4))).toEqual([])
  })

  it('says the changes in words with a real minus sign, in either language', () => {
    const changes = changeSummary(counts(0, 4, 0, 2), counts(14, 4, 21, 2))
    expect(changesText(changes, 'ja')).toBe('機関 \u221214・つながり \u221221')
    expect(changesText(changes, 'en')).toBe('Agencies \u221214 · Ties \u221221')
    expect(changesText([], 'ja')).toBe('変更なし')
    expect(changesText([], 'en')).toBe('no change')
    expect(signed(3)).toBe('+3')
    expect(signed(0)).toBe('0')
  })

  it('pairs each version with the next older one; the oldest has nothing to compare with', () => {
    const list = withChanges([version('v3', counts(0, 4, 0, 0), 'bulk-delete'), version('v2', counts(14, 4, 21, 0)), version('v1', counts(14, 4, 21, 0))])
    expect(list.map((x) => x.changes)).toEqual([
      [
        { key: 'actors', delta: -14 },
        { key: 'relations', delta: -21 },
      ],
      [],
      null,
    ])
  })

  it('formats the counts, reasons, 所属 and the local date and time', () => {
    expect(countsText(counts(14, 4, 21, 0), 'ja')).toBe('機関 14・人物 4・つながり 21・取組カード 0')
    expect(countsText(counts(14, 4, 21, 0), 'en')).toBe('Agencies 14 · Persons 4 · Ties 21 · Practice cards 0')
    expect(reasonText('bulk-delete', 'ja')).toBe('一括削除の前')
    expect(reasonText('closing', 'en')).toBe('At closing')
    expect(reasonText('something-new', 'ja')).toBe('something-new')
    expect(orgsText(['福祉総務課', ' 社協 ', '福祉総務課', ''], 'ja')).toBe('福祉総務課、社協')
    expect(orgsText([], 'en')).toBe('none recorded')
    expect(versionTime('2026-12-02T06:04:09.000Z', 'ja', 'Asia/Tokyo')).toBe('2026年12月2日 15:04:09')
    expect(versionTime('2026-12-02T06:04:09.000Z', 'en', 'Asia/Tokyo')).toBe('2 Dec 2026, 15:04:09')
    expect(versionTime('2026-12-02T00:04:00.000Z', 'en', 'Asia/Tokyo')).toBe('2 Dec 2026, 09:04:00')
    expect(versionTime('not a date', 'ja')).toBe('not a date')
  })
})
