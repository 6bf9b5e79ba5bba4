/**
 * Where this participant's dragged cards are drawn before the document has them: a small pure
 * state machine, so that it can be tested without a browser (useDragOverrides.ts runs it).
 *
 * A drag writes the card's position to the document at most every `writeMs` (peers see it
 * move) and always on the drop. Until the document catches up, the card is drawn at the
 * pointer; once the document changes, only cards still under the pointer keep their override.
 */
import type { Point } from './geometry'

/** While dragging, peers see the card move at about this rate; the drop is always written. */
export const DRAG_WRITE_MS = 120

export interface DragState {
  /** Positions drawn instead of the document's. */
  readonly positions: ReadonlyMap<string, Point>
  /** Cards under the pointer now. */
  readonly dragging: ReadonlySet<string>
  /** When each card's position was last written to the document. */
  readonly lastWrite: ReadonlyMap<string, number>
}

export const idle: DragState = { positions: new Map(), dragging: new Set(), lastWrite: new Map() }

/**
 * Card `id` was moved to `to` at time `now` (`final` on the drop, or a keyboard step).
 * `write`: whether to write the position to the document now. `first`: this move starts a
 * gesture (a drag's first move, or a keyboard step), e.g. a new undo step.
 */
export function moved(
  state: DragState,
  id: string,
  to: Point,
  final: boolean,
  now: number,
  writeMs = DRAG_WRITE_MS,
): { state: DragState; write: boolean; first: boolean } {
  const first = !state.dragging.has(id)
  const dragging = new Set(state.dragging)
  if (final) dragging.delete(id)
  else dragging.add(id)
  const positions = new Map(state.positions).set(id, to)
  const write = final || now - (state.lastWrite.get(id) ?? 0) >= writeMs
  const lastWrite = write ? new Map(state.lastWrite).set(id, now) : state.lastWrite
  return { state: { positions, dragging, lastWrite }, write, first }
}

/** The write was refused: the card is no longer dragged (its next move starts again). */
export function refused(state: DragState, id: string): DragState {
  if (!state.dragging.has(id)) return state
  const dragging = new Set(state.dragging)
  dragging.delete(id)
  return { ...state, dragging }
}

/** The document changed: keep only the overrides of cards still under the pointer. */
export function caughtUp(state: DragState): DragState {
  if (state.positions.size === 0) return state
  const positions = new Map([...state.positions].filter(([id]) => state.dragging.has(id)))
  return positions.size === state.positions.size ? state : { ...state, positions }
}

/**
 * A while after a drop: if nothing changed in the document (dropped where the last write put
 * it), no update came to clear the card's override, so clear it here unless it is dragged again.
 */
export function settled(state: DragState, id: string): DragState {
  if (state.dragging.has(id) || !state.positions.has(id)) return state
  const positions = new Map(state.positions)
  positions.delete(id)
  return { ...state, positions }
}
