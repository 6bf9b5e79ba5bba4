import { describe, expect, it } from 'vitest'
import { deletionSentences, needsConfirmation, summarizeDeletion } from './delete-confirm'

const relations = [
  { id: 'r-1', from: 'a-1', to: 'a-2' },
  { id: 'r-2', from: 'a-2', to: 'p-1' },
  { id: 'r-3', from: 'a-3', to: 'a-4' },
  { id: 'r-4', from: 'p-1', to: 'a-1' },
]

describe('what a deletion on the board takes with it', () => {
  it('counts the ties of the model from or to the deleted cards, and of deleted arrows, once each', () => {
    const s = summarizeDeletion({
      cards: [
        { kind: 'actor', id: 'a-1' },
        { kind: 'actor', id: 'a-2' },
        { kind: 'person', id: 'p-1' },
      ],
      // r-1's arrow is selected too; r-3's arrow is the only thing of its tie that goes.
      relationArrows: ['r-1', 'r-3', 'r-gone'],
      otherShapes: 2,
      relations,
    })
    expect(s).toEqual({ actors: 2, persons: 1, ties: 4, others: 2 })
    expect(needsConfirmation(s)).toBe(true)
  })

  it('counts a tie whose arrow is not drawn (the model decides, not the board)', () => {
    const s = summarizeDeletion({ cards: [{ kind: 'actor', id: 'a-3' }], relationArrows: [], otherShapes: 0, relations })
    expect(s.ties).toBe(1)
    expect(needsConfirmation(s)).toBe(true)
  })

  it('does not ask for one card without ties, one arrow, or drawings', () => {
    const lone = summarizeDeletion({ cards: [{ kind: 'actor', id: 'a-9' }], relationArrows: [], otherShapes: 0, relations })
    expect(lone).toEqual({ actors: 1, persons: 0, ties: 0, others: 0 })
    expect(needsConfirmation(lone)).toBe(false)
    expect(needsConfirmation(summarizeDeletion({ cards: [], relationArrows: ['r-1'], otherShapes: 0, relations }))).toBe(false)
    expect(needsConfirmation(summarizeDeletion({ cards: [], relationArrows: [], otherShapes: 5, relations }))).toBe(false)
  })

  it('asks for two cards even without ties, and counts a card listed twice once', () => {
    const s = summarizeDeletion({
      cards: [
        { kind: 'actor', id: 'a-8' },
        { kind: 'actor', id: 'a-9' },
        { kind: 'actor', id: 'a-9' },
      ],
      relationArrows: [],
      otherShapes: 0,
      relations,
    })
    expect(s).toEqual({ actors: 2, persons: 0, ties: 0, others: 0 })
    expect(needsConfirmation(s)).toBe(true)
  })

  it('says it in Japanese first, and in English', () => {
    expect(deletionSentences({ actors: 3, persons: 0, ties: 4, others: 0 }, 'ja')).toEqual(['機関カード3枚を削除します。', 'つながり4本も削除されます。'])
    expect(deletionSentences({ actors: 2, persons: 1, ties: 0, others: 1 }, 'ja')).toEqual([
      '機関カード2枚と人物カード1枚を削除します。',
      'ほかの図形1個も削除されます。',
    ])
    expect(deletionSentences({ actors: 1, persons: 0, ties: 1, others: 0 }, 'en')).toEqual(['This deletes 1 agency card.', 'It also deletes 1 tie.'])
    expect(deletionSentences({ actors: 0, persons: 2, ties: 3, others: 2 }, 'en')).toEqual([
      'This deletes 2 person cards.',
      'It also deletes 3 ties.',
      'It also deletes 2 other shapes.',
    ])
  })
})
