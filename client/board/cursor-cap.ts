/**
 * A plenary of 100–200 people must not cover the board with 200 overlapping name tags: at most
 * MAX_VISIBLE_CURSORS cursors are drawn; the participant list shows how many are present.
 *
 * Which ones: a cursor that is shown stays shown while its owner keeps moving (within
 * STICKY_IDLE_MS). Only when a shown participant goes idle does their slot go to the most
 * recently active hidden one. Picking "the 30 most recent" afresh on every tick would make the
 * set churn when everyone moves at once — cursors blinking in and out 20 times a second.
 * Pure, so it is tested without a browser.
 */
export const MAX_VISIBLE_CURSORS = 30

/** A shown cursor keeps its slot while its owner moved within this time. */
export const STICKY_IDLE_MS = 3_000

/**
 * The ids whose cursors are drawn.
 * @param lastActivity receive time of each peer's last presence change
 * @param shown the ids drawn until now
 */
export function visibleCursorIds(
  lastActivity: Map<number, number>,
  shown: ReadonlySet<number> = new Set(),
  now = Date.now(),
  max = MAX_VISIBLE_CURSORS,
  stickyIdleMs = STICKY_IDLE_MS,
): Set<number> {
  if (lastActivity.size <= max) return new Set(lastActivity.keys())
  const visible = new Set<number>()
  // Shown and still active: keep, oldest-shown order does not matter, the cap does.
  for (const id of shown) {
    const at = lastActivity.get(id)
    if (at !== undefined && now - at <= stickyIdleMs && visible.size < max) visible.add(id)
  }
  if (visible.size === max) return visible
  // Free slots go to the most recently active of the rest (ties: lower id first, stable).
  const rest = [...lastActivity].filter(([id]) => !visible.has(id)).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  for (const [id] of rest) {
    if (visible.size === max) break
    visible.add(id)
  }
  return visible
}
