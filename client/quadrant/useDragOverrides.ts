import { useEffect, useRef, useState } from 'react'
import { caughtUp, idle, moved, refused, settled, type DragState } from './dragOverrides'
import type { Point } from './geometry'

/** After a drop, how long to wait for the document before drawing the card from it again. */
const SETTLE_MS = 400

/**
 * Positions of the cards this participant drags, drawn before the document has them
 * (dragOverrides.ts). `write` stores a position in the document and returns false when it
 * was refused (`first`: the gesture's first write); `data` is the document's current state,
 * whose changes clear the overrides.
 */
export function useDragOverrides(data: unknown, write: (id: string, to: Point, final: boolean, first: boolean) => boolean) {
  const [state, setState] = useState<DragState>(idle)
  // The decisions are made synchronously, between renders, on the latest state.
  const current = useRef(state)
  const apply = (next: DragState) => {
    if (next === current.current) return
    current.current = next
    setState(next)
  }
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())
  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  // The document caught up: keep only the cards still under the pointer.
  // oxlint-disable-next-line react/exhaustive-effect-dependencies -- `data` is the trigger (a new document state), not an input; `apply` only reads a ref and sets state
  useEffect(() => apply(caughtUp(current.current)), [data])

  const move = (id: string, to: Point, final: boolean) => {
    const next = moved(current.current, id, to, final, performance.now())
    apply(next.state)
    if (!next.write) return
    const ok = write(id, to, final, next.first)
    if (final) {
      const timer = setTimeout(() => {
        timers.current.delete(timer)
        apply(settled(current.current, id))
      }, SETTLE_MS)
      timers.current.add(timer)
    }
    if (!ok) apply(refused(current.current, id))
  }

  return {
    /** Where to draw the card, when not where the document has it. */
    at: (id: string): Point | undefined => state.positions.get(id),
    isDragging: (id: string): boolean => state.dragging.has(id),
    move,
  }
}
