import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { collection, infoMap, readModel, type ReadResult } from '../../shared/model/doc'

/**
 * The room's model as React state, re-read when any model map changes (local or remote).
 * Re-reads are batched to one per animation frame: a sample import or a peer's burst of
 * edits then costs one validation pass, not hundreds.
 */
export function useModel(doc: Y.Doc): ReadResult {
  const [result, setResult] = useState(() => readModel(doc))
  useEffect(() => {
    const maps = [collection(doc, 'actor'), collection(doc, 'person'), collection(doc, 'relation'), infoMap(doc)]
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setResult(readModel(doc))
      })
    }
    for (const m of maps) m.observeDeep(schedule)
    setResult(readModel(doc))
    return () => {
      for (const m of maps) m.unobserveDeep(schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [doc])
  return result
}
