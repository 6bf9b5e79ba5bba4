import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { quadrantTypes, readQuadrant, type QuadrantReadResult } from '../../shared/quadrant/doc'

/**
 * The room's quadrant diagram as React state, re-read when any of its maps changes (local or
 * remote). Like useModel, re-reads are batched to one per animation frame: a peer dragging a
 * card (a few writes a second) or adding the reference deck costs one validation pass a frame.
 */
export function useQuadrant(doc: Y.Doc): QuadrantReadResult {
  const store = useMemo(() => quadrantStore(doc), [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** The diagram read from `doc`, kept until one of its maps changes. */
function quadrantStore(doc: Y.Doc) {
  let snapshot: QuadrantReadResult | null = null
  return {
    getSnapshot: (): QuadrantReadResult => (snapshot ??= readQuadrant(doc)),
    subscribe: (onChange: () => void): (() => void) => {
      const types = quadrantTypes(doc)
      let frame = 0
      const schedule = () => {
        if (frame) return
        frame = requestAnimationFrame(() => {
          frame = 0
          snapshot = null
          onChange()
        })
      }
      for (const t of types) t.observeDeep(schedule)
      // A change between the first read and this subscription is read now.
      snapshot = null
      onChange()
      return () => {
        for (const t of types) t.unobserveDeep(schedule)
        if (frame) cancelAnimationFrame(frame)
      }
    },
  }
}
