import { Box, type TLParentId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../shared/model/schema'
import { DISTRICT_FRAME_ID } from '../relation-style'
import { cardPlacement, ecoMapOrder } from './model-to-board'

describe('ecoMapOrder', () => {
  const actor = (level: Actor['level'], field: Actor['fields'][number], name: string) => ({ level, fields: [field], name })

  it('groups by level, then first field, then name (Japanese collation); unreadable records last, by id', () => {
    const records: Record<string, ReturnType<typeof actor> | null> = {
      a: actor('地域', '高齢', '民生委員'),
      b: actor('市区町村（庁内）', '障害', '障害福祉課'),
      c: actor('市区町村（庁内）', '高齢', '長寿支援課'),
      d: actor('市区町村（庁内）', '高齢', 'あんしん相談'),
      e: null,
      f: actor('国', '高齢', 'ハローワーク'),
      g: null,
    }
    const order = ecoMapOrder(['g', 'a', 'b', 'e', 'c', 'd', 'f'], (id) => records[id])
    expect(order).toEqual(['f', 'd', 'c', 'b', 'a', 'e', 'g'])
  })

  it('breaks full ties by id, and leaves its input alone', () => {
    const ids = ['z', 'y', 'x']
    expect(ecoMapOrder(ids, () => actor('地域', '高齢', '同じ名前'))).toEqual(['x', 'y', 'z'])
    expect(ids).toEqual(['z', 'y', 'x'])
  })
})

describe('cardPlacement', () => {
  const page = 'page:page' as TLParentId
  const district = new Box(100, 100, 960, 600)

  it('puts a card wholly inside the district frame into it, in frame space', () => {
    expect(cardPlacement(new Box(200.4, 300.6, 224, 112), district, page)).toEqual({ parentId: DISTRICT_FRAME_ID, x: 100, y: 201 })
  })

  it('leaves a card that overlaps the frame edge, or any card without a district, on the page', () => {
    expect(cardPlacement(new Box(50, 300, 224, 112), district, page)).toEqual({ parentId: page, x: 50, y: 300 })
    expect(cardPlacement(new Box(200, 300, 224, 112), undefined, page)).toEqual({ parentId: page, x: 200, y: 300 })
  })
})
