/**
 * Node positions the participant moved by hand, per room and layout, on this device only: they
 * are never written to the shared doc, so a read-only participant can arrange their own view.
 */
import type { LayoutName } from './elements'
import type { Point } from './rings'

export type Positions = Record<string, Point>

function positionsKey(roomId: string, layout: LayoutName) {
  return `jusou-graph-positions:${roomId}:${layout}`
}

export function loadPositions(roomId: string, layout: LayoutName): Positions {
  try {
    const raw = localStorage.getItem(positionsKey(roomId, layout))
    return raw ? (JSON.parse(raw) as Positions) : {}
  } catch {
    return {}
  }
}

export function savePositions(roomId: string, layout: LayoutName, positions: Positions) {
  try {
    localStorage.setItem(positionsKey(roomId, layout), JSON.stringify(positions))
  } catch {
    // storage disabled or full: positions are just not remembered
  }
}

/** Remembers where these nodes are now, keeping the other saved positions of the layout. */
export function rememberPositions(roomId: string, layout: LayoutName, moved: Positions) {
  savePositions(roomId, layout, { ...loadPositions(roomId, layout), ...moved })
}
