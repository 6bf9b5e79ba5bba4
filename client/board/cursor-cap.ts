/**
 * A plenary of 100–200 people must not cover the board with 200 overlapping name tags: only
 * the participants who moved most recently get a cursor on the board; the participant list
 * shows how many are present. Pure, so it is tested without a browser.
 */
export const MAX_VISIBLE_CURSORS = 30

/** The ids of the `max` most recently active participants (ties: lower id first, stable). */
export function visibleCursorIds(lastActivity: Map<number, number>, max = MAX_VISIBLE_CURSORS): Set<number> {
  if (lastActivity.size <= max) return new Set(lastActivity.keys())
  const byRecency = [...lastActivity].sort((a, b) => b[1] - a[1] || a[0] - b[0])
  return new Set(byRecency.slice(0, max).map(([id]) => id))
}
