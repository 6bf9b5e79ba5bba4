import { describe, expect, it } from 'vitest'
import { AXIS_EPSILON, classificationLabel, classify } from './classify.ts'
import { referencePractices } from './reference.ts'

describe('classify', () => {
  it('puts each quadrant where the figure has it: x formal to the right, y discovery at the top', () => {
    expect(classify(-0.5, 0.5)).toEqual({ kind: 'quadrant', quadrant: 'informal-discovery' })
    expect(classify(0.5, 0.5)).toEqual({ kind: 'quadrant', quadrant: 'formal-discovery' })
    expect(classify(-0.5, -0.5)).toEqual({ kind: 'quadrant', quadrant: 'informal-solving' })
    expect(classify(0.5, -0.5)).toEqual({ kind: 'quadrant', quadrant: 'formal-solving' })
    expect(classify(1, 1)).toEqual({ kind: 'quadrant', quadrant: 'formal-discovery' })
    expect(classify(-1, -1)).toEqual({ kind: 'quadrant', quadrant: 'informal-solving' })
  })

  it('reports exactly (0, 0), and -0, as the centre touching all four quadrants', () => {
    const all = ['informal-discovery', 'formal-discovery', 'informal-solving', 'formal-solving']
    expect(classify(0, 0)).toEqual({ kind: 'on-axis', axis: 'center', neighbours: all })
    expect(classify(-0, -0)).toEqual({ kind: 'on-axis', axis: 'center', neighbours: all })
    expect(classify(0.01, -0.019)).toEqual({ kind: 'on-axis', axis: 'center', neighbours: all })
    expect(classificationLabel(classify(0, 0))).toBe('軸上（中心・4象限の境）')
  })

  it('reports a card on one axis with the two quadrants it touches', () => {
    expect(classify(0, 0.6)).toEqual({ kind: 'on-axis', axis: 'vertical', neighbours: ['informal-discovery', 'formal-discovery'] })
    expect(classify(0.01, -0.6)).toEqual({ kind: 'on-axis', axis: 'vertical', neighbours: ['informal-solving', 'formal-solving'] })
    expect(classify(-0.6, 0)).toEqual({ kind: 'on-axis', axis: 'horizontal', neighbours: ['informal-discovery', 'informal-solving'] })
    expect(classify(0.6, -0.015)).toEqual({ kind: 'on-axis', axis: 'horizontal', neighbours: ['formal-discovery', 'formal-solving'] })
    expect(classificationLabel(classify(0, 0.6))).toBe('軸上（インフォーマル × 発見と把握／フォーマル × 発見と把握の境）')
    expect(classificationLabel(classify(0, 0.6), 'en')).toBe('On the axis between Informal × finding needs and Formal × finding needs')
    expect(classificationLabel(classify(0, 0), 'en')).toBe('On the axes (centre, where all four quadrants meet)')
    expect(classificationLabel(classify(0.5, -0.5), 'en')).toBe('Formal × solving and preventing')
  })

  it('uses a strict band: exactly ε away from the axis is already inside a quadrant', () => {
    expect(classify(AXIS_EPSILON, 0.5)).toEqual({ kind: 'quadrant', quadrant: 'formal-discovery' })
    expect(classify(-AXIS_EPSILON, -AXIS_EPSILON)).toEqual({ kind: 'quadrant', quadrant: 'informal-solving' })
    expect(classify(AXIS_EPSILON / 2, 0.5).kind).toBe('on-axis')
  })

  it('places every reference practice inside a quadrant, as in the original figure', () => {
    expect(referencePractices).toHaveLength(17)
    for (const r of referencePractices) expect(classify(r.x, r.y).kind, `No.${r.no}`).toBe('quadrant')
    expect(classify(referencePractices[5].x, referencePractices[5].y)).toEqual({ kind: 'quadrant', quadrant: 'formal-discovery' })
  })

  it('refuses coordinates that are not numbers', () => {
    expect(() => classify(Number.NaN, 0.5)).toThrow(RangeError)
    expect(() => classify(0.5, Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})
