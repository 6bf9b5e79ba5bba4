/**
 * Where the label of each tie goes: on its line, away from cards and from the other labels.
 *
 * tldraw puts an arrow's label in the middle of its line, whatever is there. Between cards a
 * tie's middle is often on another tie's label, and a short tie between neighbours has its
 * label on the cards. Here every tie gets a spot along its line (`t`, 0..1 of the line, tried
 * from the middle outwards), or just beside the line when no spot on it is free, whose box
 * touches no card or other label. A tie with no free spot gets `fits: false`: its label is
 * shown only while the tie is hovered or selected (relation-arrow.tsx).
 *
 * Pure geometry in page space, so the result is the same at every zoom and on every client
 * with the same board; ties with the fewest choices (the shortest) are placed first. A full
 * placement of 1,500 ties takes 0.04–0.16 s (tie-labels.test.ts), so during a drag on a large board labels only
 * follow their ties (followTies) and are placed again when the drag ends.
 */
import { Box, type VecLike } from 'tldraw'

/** Room kept between a label and a card or another label (page units). */
export const LABEL_PAD = 6
/** Along the line, from the middle outwards, as a fraction of the line. */
const STEPS = [0, 0.05, -0.05, 0.1, -0.1, 0.15, -0.15, 0.2, -0.2, 0.25, -0.25, 0.3, -0.3, 0.35, -0.35, 0.4, -0.4]

export interface TieLabelInput {
  id: string
  /** The point at `t` (0..1) along the tie's line, page space. */
  pointAt(t: number): VecLike
  /** The line's length, page units. */
  length: number
  /** The label's size, page units. */
  w: number
  h: number
}

export interface TieLabelSpot {
  /** The label's centre, page space. */
  x: number
  y: number
  /** Whether the label's box is clear of cards and other labels there. */
  fits: boolean
  /** Where that is on the tie: the point at `t`, moved by (dx, dy) to beside the line. */
  t: number
  dx: number
  dy: number
}

/** Boxes bucketed on a grid, for "does this box touch any of them". */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>()
  constructor(private readonly size = 256) {}

  private keys(b: Box): string[] {
    const keys: string[] = []
    const s = this.size
    for (let i = Math.floor(b.minX / s); i <= Math.floor(b.maxX / s); i++) for (let j = Math.floor(b.minY / s); j <= Math.floor(b.maxY / s); j++) keys.push(`${i},${j}`)
    return keys
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key)
      if (list) list.push(b)
      else this.cells.set(key, [b])
    }
  }

  hits(b: Box): boolean {
    for (const key of this.keys(b)) for (const o of this.cells.get(key) ?? []) if (Box.Collides(o, b)) return true
    return false
  }
}

interface Candidate {
  t: number
  dx: number
  dy: number
  x: number
  y: number
}

/** Candidate centres for a label: on the line first, then just beside it on either side. */
function candidates(label: TieLabelInput): Candidate[] {
  const on: Candidate[] = []
  const beside: Candidate[] = []
  for (const step of STEPS) {
    const t = 0.5 + step
    const p = label.pointAt(t)
    on.push({ t, dx: 0, dy: 0, x: p.x, y: p.y })
    // The line's direction here, for the points beside it.
    const a = label.pointAt(Math.max(0, t - 0.02))
    const b = label.pointAt(Math.min(1, t + 0.02))
    const dx = b.x - a.x
    const dy = b.y - a.y
    const len = Math.hypot(dx, dy)
    if (len < 1e-6) continue
    const nx = -dy / len
    const ny = dx / len
    // Far enough that the box clears the line.
    const d = Math.abs(nx) * (label.w / 2) + Math.abs(ny) * (label.h / 2) + LABEL_PAD
    beside.push({ t, dx: nx * d, dy: ny * d, x: p.x + nx * d, y: p.y + ny * d }, { t, dx: -nx * d, dy: -ny * d, x: p.x - nx * d, y: p.y - ny * d })
  }
  return [...on, ...beside]
}

const boxAt = (c: VecLike, w: number, h: number) => new Box(c.x - w / 2, c.y - h / 2, w, h)

/**
 * A spot for every label, given the boxes labels must keep clear of (cards, notes, drawings;
 * page space).
 */
export function placeTieLabels(labels: readonly TieLabelInput[], obstacles: Iterable<Box>): Map<string, TieLabelSpot> {
  const grid = new BoxGrid()
  for (const o of obstacles) grid.add(new Box(o.x - LABEL_PAD, o.y - LABEL_PAD, o.w + LABEL_PAD * 2, o.h + LABEL_PAD * 2))
  const spots = new Map<string, TieLabelSpot>()
  const ordered = [...labels].sort((a, b) => a.length - b.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const label of ordered) {
    let spot: TieLabelSpot | null = null
    if (label.length > 1 && label.w > 0 && label.h > 0) {
      for (const c of candidates(label)) {
        if (grid.hits(boxAt(c, label.w, label.h))) continue
        spot = { ...c, fits: true }
        break
      }
    }
    if (spot) grid.add(boxAt(spot, label.w + LABEL_PAD * 2, label.h + LABEL_PAD * 2))
    else {
      const middle = label.pointAt(0.5)
      spot = { x: middle.x, y: middle.y, fits: false, t: 0.5, dx: 0, dy: 0 }
    }
    spots.set(label.id, spot)
  }
  return spots
}

/**
 * The labels moved along with their ties, at the spots they had (no search): while cards are
 * dragged on a large board, a full placement on every pointer move would be too slow.
 * A tie without a spot yet gets its middle, not shown.
 */
export function followTies(labels: readonly TieLabelInput[], previous: ReadonlyMap<string, TieLabelSpot>): Map<string, TieLabelSpot> {
  const spots = new Map<string, TieLabelSpot>()
  for (const label of labels) {
    const before = previous.get(label.id)
    const { t, dx, dy, fits } = before ?? { t: 0.5, dx: 0, dy: 0, fits: false }
    const p = label.pointAt(t)
    spots.set(label.id, { x: p.x + dx, y: p.y + dy, fits, t, dx, dy })
  }
  return spots
}
