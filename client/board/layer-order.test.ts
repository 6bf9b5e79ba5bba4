import type { IndexKey } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { cardIndex, frameIndex, type Layered } from './layer-order'

const s = (id: string, type: string, index: string): Layered => ({ id, type, index: index as IndexKey })

describe('frameIndex', () => {
  it('puts a new frame below the cards already there', () => {
    const siblings = [s('card', 'actor-card', 'a1'), s('note', 'note', 'a2')]
    const index = frameIndex(siblings, 'a3' as IndexKey)!
    expect(index < 'a1').toBe(true)
  })

  it('leaves a frame that is already lowest', () => {
    expect(frameIndex([s('card', 'actor-card', 'a2')], 'a1' as IndexKey)).toBeUndefined()
    expect(frameIndex([], 'a1' as IndexKey)).toBeUndefined()
  })
})

describe('cardIndex', () => {
  it('puts a new card just below the lowest note, above what is below it', () => {
    const siblings = [s('frame', 'frame', 'a0'), s('old', 'actor-card', 'a1'), s('note', 'note', 'a2'), s('note2', 'note', 'a4')]
    const index = cardIndex(siblings, 'a5' as IndexKey)!
    expect(index > 'a1' && index < 'a2').toBe(true)
  })

  it('gives cards of one batch distinct, ordered indexes below the note', () => {
    const siblings = [s('old', 'actor-card', 'a1'), s('note', 'note', 'a2')]
    const first = cardIndex(siblings, 'a3' as IndexKey)!
    const second = cardIndex(siblings, 'a4' as IndexKey, first)!
    expect(second > first && second < 'a2').toBe(true)
  })

  it('changes nothing without notes, or for a card already below them', () => {
    expect(cardIndex([s('old', 'actor-card', 'a1')], 'a2' as IndexKey)).toBeUndefined()
    expect(cardIndex([s('note', 'note', 'a3')], 'a2' as IndexKey)).toBeUndefined()
  })

  it('does not put a card under a frame with a note that lies under that frame', () => {
    const siblings = [s('note', 'note', 'a1'), s('frame', 'frame', 'a2')]
    expect(cardIndex(siblings, 'a3' as IndexKey)).toBeUndefined()
  })
})
