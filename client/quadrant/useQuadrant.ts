import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { quadrantTypes, readQuadrant, type QuadrantReadResult } from '../../shared/quadrant/doc'

/**
 * The room's quadrant diagram as React state, re-read when any of its maps changes (local or
 * remote). Like useModel, re-reads are batched to one per animation frame: a peer dragging a
 * card (a few writes a second) or adding the reference deck costs one validation pass a frame.
 */
export function useQuadrant(doc: Y.Doc): QuadrantReadResult {
  const [result, setResult] = useState(() => readQuadrant(doc))
  useEffect(() => {
    const types = quadrantTypes(doc)
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setResult(readQuadrant(doc))
      })
    }
    for (const t of types) t.observeDeep(schedule)
    setResult(readQuadrant(doc))
    return () => {
      for (const t of types) t.unobserveDeep(schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [doc])
  return result
}
