import { createShapeId } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { DISTRICT_FRAME_ID, HOUSEHOLD_FRAME_ID } from './relation-style'
import { HOUSEHOLD_FRAME_NAME } from './sync/templates'
import { frameDisplayName, storedFrameName } from './template-frame'

const frame = (id: ReturnType<typeof createShapeId>, name: string) => ({ id, props: { name, w: 1, h: 1, color: 'black' as const } })

describe('template frame names', () => {
  it('stores the Japanese default and shows it in the participant’s language', () => {
    expect(HOUSEHOLD_FRAME_NAME).toBe('世帯')
    expect(frameDisplayName(frame(HOUSEHOLD_FRAME_ID, '世帯'), 'en')).toBe('Household')
    expect(frameDisplayName(frame(HOUSEHOLD_FRAME_ID, '世帯'), 'ja')).toBe('世帯')
    expect(frameDisplayName(frame(DISTRICT_FRAME_ID, '地区・圏域'), 'en')).toBe('District / service area')
  })

  it('shows a renamed frame, and any other frame, as typed', () => {
    expect(frameDisplayName(frame(HOUSEHOLD_FRAME_ID, '田中さん世帯'), 'en')).toBe('田中さん世帯')
    expect(frameDisplayName(frame(createShapeId('mine'), '世帯'), 'en')).toBe('世帯')
  })

  it('stores the default typed in either language as the Japanese default', () => {
    expect(storedFrameName(HOUSEHOLD_FRAME_ID, 'Household')).toBe('世帯')
    expect(storedFrameName(HOUSEHOLD_FRAME_ID, '世帯')).toBe('世帯')
    expect(storedFrameName(HOUSEHOLD_FRAME_ID, 'Household 2')).toBe('Household 2')
    expect(storedFrameName(createShapeId('mine'), 'Household')).toBe('Household')
  })
})
