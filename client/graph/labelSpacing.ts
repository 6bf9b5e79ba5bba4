/**
 * Overlap removal for label boxes: boxes (a node with its label, in model units, relative to
 * the node's position) are pushed apart along the axis where they overlap least, both by half,
 * until none overlaps. Pure geometry: the cytoscape side is labelFit.ts.
 */
import type { Point } from './rings'

export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface Placed {
  id: string
  at: Point
  /** The box relative to `at` (a label below its node is not centred on it). */
  box: Box
}

/** Pairs of boxes that overlap (by more than `tolerance` each way), placed at their positions. */
export function overlappingPairs(items: readonly Placed[], gap = 0, tolerance = 0): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const [ox, oy] = overlap(items[i], items[i].at, items[j], items[j].at, gap)
      if (ox > tolerance && oy > tolerance) out.push([items[i].id, items[j].id])
    }
  return out
}

function overlap(p: Placed, pa: Point, q: Placed, qa: Point, gap: number): [number, number] {
  const ox = Math.min(pa.x + p.box.x2, qa.x + q.box.x2) - Math.max(pa.x + p.box.x1, qa.x + q.box.x1) + gap
  const oy = Math.min(pa.y + p.box.y2, qa.y + q.box.y2) - Math.max(pa.y + p.box.y1, qa.y + q.box.y1) + gap
  return [ox, oy]
}

/**
 * New positions for the items that had to move, so that no two boxes are closer than `gap`.
 * Small moves: each round resolves every overlapping pair by the least displacement, measured
 * against the view's shape: on a view `aspect` times wider than tall, a move across costs
 * `aspect` times less (the spread then fills the width instead of making the map taller).
 */
export function separate(
  items: readonly Placed[],
  gap: number,
  { aspect = 1, maxRounds = 200, until = Infinity }: { aspect?: number; maxRounds?: number; /** performance.now() to stop at */ until?: number } = {},
): Map<string, Point> {
  const at = items.map((it) => ({ ...it.at }))
  const moved = new Set<number>()
  const order = items.map((_, i) => i)
  for (let round = 0; round < maxRounds && (round === 0 || performance.now() < until); round++) {
    let any = false
    // Sweep from left to right: only boxes whose horizontal spans meet can overlap.
    order.sort((a, b) => at[a].x + items[a].box.x1 - (at[b].x + items[b].box.x1))
    for (let oi = 0; oi < order.length; oi++)
      for (let oj = oi + 1; oj < order.length; oj++) {
        const a = order[oi]
        const b = order[oj]
        // The rest start further right. (Moves made in this round may break that order; a round
        // that finds nothing moves nothing, so the last one checks every pair.)
        if (at[b].x + items[b].box.x1 >= at[a].x + items[a].box.x2 + gap) break
        const [i, j] = a < b ? [a, b] : [b, a]
        const [ox, oy] = overlap(items[i], at[i], items[j], at[j], gap)
        if (ox <= 0 || oy <= 0) continue
        any = true
        moved.add(i)
        moved.add(j)
        const ci = centre(items[i], at[i])
        const cj = centre(items[j], at[j])
        if (ox < oy * aspect) {
          // Equal centres: the earlier item goes left, so that the result does not depend on chance.
          const s = cj.x > ci.x || (cj.x === ci.x && j > i) ? 1 : -1
          at[i].x -= (s * ox) / 2 + s * 0.01
          at[j].x += (s * ox) / 2 + s * 0.01
        } else {
          const s = cj.y > ci.y || (cj.y === ci.y && j > i) ? 1 : -1
          at[i].y -= (s * oy) / 2 + s * 0.01
          at[j].y += (s * oy) / 2 + s * 0.01
        }
      }
    if (!any) break
  }
  return new Map([...moved].map((i) => [items[i].id, at[i]]))
}

function centre(p: Placed, a: Point): Point {
  return { x: a.x + (p.box.x1 + p.box.x2) / 2, y: a.y + (p.box.y1 + p.box.y2) / 2 }
}

/**
 * Of the candidate boxes (in priority order), the ids of those that would overlap an obstacle
 * or a candidate kept before them: their labels are left out.
 */
export function crowded(obstacles: readonly Box[], candidates: readonly { id: string; box: Box }[], gap = 0): Set<string> {
  const kept: Box[] = [...obstacles]
  const out = new Set<string>()
  for (const c of candidates) {
    const hit = kept.some((k) => Math.min(k.x2, c.box.x2) - Math.max(k.x1, c.box.x1) + gap > 0 && Math.min(k.y2, c.box.y2) - Math.max(k.y1, c.box.y1) + gap > 0)
    if (hit) out.add(c.id)
    else kept.push(c.box)
  }
  return out
}

/**
 * Positions stretched along one axis so that their extent has about the view's shape (at most
 * `max` times): a square layout in a wide view leaves the sides empty and its labels small. Only
 * ever stretched to the view's shape, so stretching a stretched layout again changes nothing.
 */
export function stretchTo(points: ReadonlyMap<string, Point>, aspect: number, max = 2.5): Map<string, Point> {
  const all = [...points.values()]
  if (all.length < 3 || !(aspect > 0)) return new Map(points)
  const x1 = Math.min(...all.map((p) => p.x))
  const x2 = Math.max(...all.map((p) => p.x))
  const y1 = Math.min(...all.map((p) => p.y))
  const y2 = Math.max(...all.map((p) => p.y))
  const w = x2 - x1
  const h = y2 - y1
  if (w <= 0 || h <= 0) return new Map(points)
  const sx = Math.min(max, Math.max(1, (aspect * h) / w))
  const sy = Math.min(max, Math.max(1, w / (aspect * h)))
  const cx = (x1 + x2) / 2
  const cy = (y1 + y2) / 2
  return new Map([...points].map(([id, p]) => [id, { x: cx + (p.x - cx) * sx, y: cy + (p.y - cy) * sy }]))
}
