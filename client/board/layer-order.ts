/**
 * Z-order that keeps everything on the board visible: frames below cards, cards below sticky
 * notes.
 *
 * tldraw puts a new shape, and a shape moved into another parent, on top of its siblings. So a
 * household frame created after a card (a re-import) covered that card, and a card created or
 * dragged into a frame after a note covered the note. Here, on this participant's own changes
 * (never on a colleague's, already ordered by whoever made them):
 * - a new frame goes below its siblings;
 * - a new card, or one moved to another parent, goes just below the lowest note among its new
 *   siblings (still above the frames there).
 * Pure index arithmetic over the siblings, so that two clients making the same change (a
 * repair) pick the same index.
 */
import { getIndexBelow, getIndexBetween, type Editor, type IndexKey, type TLParentId, type TLShape, type TLShapeId } from 'tldraw'
import { isCardShape } from './card-shapes'

export interface Layered {
  id: string
  type: string
  index: IndexKey
}

const byIndex = (a: Layered, b: Layered) => (a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : 1)

/** The index for a new frame among `siblings`: below all of them (undefined: already is). */
export function frameIndex(siblings: readonly Layered[], proposed: IndexKey): IndexKey | undefined {
  const others = siblings.filter((s) => s.type !== 'frame')
  if (!others.length) return undefined
  const lowest = others.reduce((a, b) => (byIndex(a, b) <= 0 ? a : b))
  return proposed < lowest.index ? undefined : getIndexBelow(lowest.index)
}

/**
 * The index for a card among `siblings` (itself excluded): just below the lowest note when it
 * would be above one, and above `floor` (an index this batch already gave out below that
 * note). Undefined: keep `proposed`.
 */
export function cardIndex(siblings: readonly Layered[], proposed: IndexKey, floor?: IndexKey): IndexKey | undefined {
  const sorted = [...siblings].sort(byIndex)
  const note = sorted.find((s) => s.type === 'note')
  if (!note || proposed < note.index) return undefined
  // A note under a frame stays there: a card does not go under the frame with it.
  if (sorted.some((s) => s.type === 'frame' && s.index > note.index)) return undefined
  const below = sorted.filter((s) => s.index < note.index).pop()?.index
  const from = floor && (!below || floor > below) ? floor : below
  return getIndexBetween(from ?? null, note.index)
}

/** Registers the ordering on `editor`'s own changes. Returns the cleanup. */
export function keepLayerOrder(editor: Editor): () => void {
  // Indexes given out below a note in the current batch (createShapes puts all at once).
  let given = new Map<TLParentId, IndexKey>()
  let clearing = false
  const remember = (parentId: TLParentId, index: IndexKey) => {
    given.set(parentId, index)
    if (clearing) return
    clearing = true
    queueMicrotask(() => {
      given = new Map()
      clearing = false
    })
  }
  const siblingsOf = (shape: TLShape): Layered[] =>
    editor
      .getSortedChildIdsForParent(shape.parentId)
      .filter((id) => id !== shape.id)
      .map((id) => editor.getShape(id as TLShapeId))
      .filter((s): s is TLShape => !!s)
  const placed = (shape: TLShape): TLShape => {
    if (shape.type === 'frame') {
      const index = frameIndex(siblingsOf(shape), shape.index)
      return index ? { ...shape, index } : shape
    }
    if (isCardShape(shape)) {
      const index = cardIndex(siblingsOf(shape), shape.index, given.get(shape.parentId))
      if (!index) return shape
      remember(shape.parentId, index)
      return { ...shape, index }
    }
    return shape
  }
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => (source === 'user' ? placed(shape) : shape))
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && isCardShape(next) && prev.parentId !== next.parentId ? placed(next) : next,
  )
  return () => {
    stopCreate()
    stopChange()
  }
}
