import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { collection, infoMap, readModel, type ReadResult } from '../../shared/model/doc'

/**
 * The room's model as React state, re-read when any model map changes (local or remote).
 * Re-reads are batched to one per animation frame: a sample import or a peer's burst of
 * edits then costs one validation pass, not hundreds.
 */
export function useModel(doc: Y.Doc): ReadResult {
  const [state, setState] = useState(() => read(doc))
  // Another doc (another room): read it now rather than show the old one for a frame.
  let current = state
  if (state.doc !== doc) {
    current = read(doc)
    setState(current)
  }
  const readAt = current.version
  useEffect(() => {
    const maps = [collection(doc, 'actor'), collection(doc, 'person'), collection(doc, 'relation'), infoMap(doc)]
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setState(read(doc))
      })
    }
    for (const m of maps) m.observeDeep(schedule)
    // A change between the read while rendering and subscribing is read on the next frame.
    if (version(doc) !== readAt) schedule()
    return () => {
      for (const m of maps) m.unobserveDeep(schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [doc, readAt])
  return current.result
}

/** Which updates the doc holds (its state vector): cheap, and changes with every update. */
const version = (doc: Y.Doc): string => Y.encodeStateVector(doc).join(',')

function read(doc: Y.Doc): { doc: Y.Doc; version: string; result: ReadResult } {
  return { doc, version: version(doc), result: readModel(doc) }
}
