import { createShapeId, getIndexAbove, getIndicesBetween, toRichText, type IndexKey, type TLParentId, type TLShape, type TLShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { relationArrowStyle, relationLabel } from '../relation-style'
import { ArrowIndexPlanner, type Sibling } from './arrows'
import { relationIdOf, sameStyle, styleProps } from './shapes'

describe('ArrowIndexPlanner', () => {
  const page = 'page:page' as TLParentId
  const [i1, i2, i3] = getIndicesBetween(null, null, 3)
  const shape = (name: string, parentId: TLParentId, index: IndexKey) => ({ id: createShapeId(name), parentId, index }) as TLShape
  const frame = shape('frame', page, i1)
  const a = shape('a', page, i2)
  const note = shape('note', page, i3)
  const b = shape('b', frame.id, getIndexAbove(null))
  const shapes = new Map<TLShapeId, TLShape>([frame, a, note, b].map((s) => [s.id, s]))
  let reads = 0
  const planner = () => {
    reads = 0
    return new ArrowIndexPlanner(
      (parentId): Sibling[] => {
        reads++
        return [...shapes.values()].filter((s) => s.parentId === parentId).map((s) => ({ id: s.id, index: s.index }))
      },
      (id) => shapes.get(id),
    )
  }
  const arrow = (n: number) => createShapeId(`arrow-${n}`)

  it('puts an arrow just above the higher of its two cards, below the next sibling', () => {
    const index = planner().indexFor(arrow(1), page, frame, a)!
    expect(index > a.index && index < note.index).toBe(true)
  })

  it('compares the ancestors that are siblings in the arrow parent (a card inside a frame counts as the frame)', () => {
    const index = planner().indexFor(arrow(1), page, b, frame)!
    expect(index > frame.index && index < a.index).toBe(true)
  })

  it('gives several arrows of one pass distinct indexes in that gap, reading the siblings once', () => {
    const p = planner()
    const first = p.indexFor(arrow(1), page, a, frame)!
    const second = p.indexFor(arrow(2), page, a, frame)!
    expect(first).not.toBe(second)
    for (const index of [first, second]) expect(index > a.index && index < note.index).toBe(true)
    // The later arrow goes right above the card, i.e. below the earlier arrow.
    expect(second < first).toBe(true)
    expect(reads).toBe(1)
  })

  it('lets tldraw choose when neither card is under the parent', () => {
    expect(planner().indexFor(arrow(1), 'shape:elsewhere' as TLParentId, a, b)).toBeUndefined()
  })
})

describe('arrow style', () => {
  const relation = { type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'existing' } as const

  it('an arrow with the style props of its relation has that style; a changed relation does not', () => {
    const props = styleProps(relationArrowStyle(relation))
    expect(sameStyle({ props } as never, relationArrowStyle(relation))).toBe(true)
    expect(sameStyle({ props } as never, relationArrowStyle({ ...relation, status: 'planned' }))).toBe(false)
  })

  it('stores no label: an arrow that still holds a stored label is restyled (the label is drawn per participant)', () => {
    const props = styleProps(relationArrowStyle(relation))
    expect(props.richText).toEqual(toRichText(''))
    expect(sameStyle({ props: { ...props, richText: toRichText('つなぎ') } } as never, relationArrowStyle(relation))).toBe(false)
  })

  it('labels the relation in the participant’s language, with its status', () => {
    expect(relationLabel(relation, 'ja')).toBe('つなぎ')
    expect(relationLabel(relation, 'en')).toBe('Referral')
    expect(relationLabel({ type: '見守り', status: 'planned' }, 'ja')).toBe('見守り（予定）')
    expect(relationLabel({ type: '見守り', status: 'planned' }, 'en')).toBe('Keeping an eye out (planned)')
    expect(relationLabel({ type: '連携・協働', status: 'missing' }, 'ja')).toBe('連携・協働（不足）')
    expect(relationLabel({ type: '連携・協働', status: 'missing' }, 'en')).toBe('Joint working (missing)')
  })

  it('relationIdOf reads meta.relationId of arrows only', () => {
    const base = { typeName: 'shape', id: createShapeId('x') }
    expect(relationIdOf({ ...base, type: 'arrow', meta: { relationId: 'r-1' } } as never)).toBe('r-1')
    expect(relationIdOf({ ...base, type: 'arrow', meta: { relationId: null } } as never)).toBeNull()
    expect(relationIdOf({ ...base, type: 'geo', meta: { relationId: 'r-1' } } as never)).toBeNull()
    expect(relationIdOf(undefined)).toBeNull()
  })
})
