/**
 * Where new cards go: free spots among the boxes already on the page. Pure geometry over page
 * boxes, so it is tested without an editor (placement.test.ts); context.ts collects the boxes.
 *
 * Cards keep enough room between them for an arrow's label. Searches are deterministic (the same
 * obstacles give the same spots), so two clients that repair the same document converge.
 */
import { Box, Vec, type VecLike } from 'tldraw'

/** Room between cards, so that arrows between neighbours are long enough for their label. */
export const GAP = 64
/** Free room beside / above and below a card placed near a point: an arrow to its neighbour
 *  needs length for a label like 「つなぎ（不足）」 (horizontal) or one line of it (vertical). */
export const CARD_MARGIN = { x: 120, y: 56 }
/** Free room between a card and the household frame (its members' cards have their own). */
export const FRAME_MARGIN = 40
/** Between person cards inside the household frame: room for the label of a tie between
 *  two members (「家族関係」 beside them, 「同居」 between rows). */
export const CELL_GAP_X = 136
export const CELL_GAP_Y = 56
export const FRAME_PAD = 20
/** Distance from the household frame to the first ring of agencies (eco-map layout). */
export const RING_GAP = 120

/** A frame's page-space origin and its own size (props.w / props.h). */
export interface FrameArea {
  x: number
  y: number
  w: number
  h: number
}

/** Free spots on a page, avoiding the given boxes (cards, drawings) and the household frame. */
export class Placer {
  private readonly obstacles: Box[]

  /**
   * @param obstacles page bounds of what new cards must not cover
   * @param household page bounds of the household frame, read at every check: it may be
   *   created or grow while cards are placed. Agencies stay out of it; members go inside.
   */
  constructor(
    obstacles: Iterable<Box>,
    private readonly household: () => Box | undefined = () => undefined,
  ) {
    this.obstacles = [...obstacles]
  }

  /** Whether `box`, with `margin` around it, touches no obstacle (nor the household frame). */
  free(box: Box, margin: number | { x: number; y: number } = GAP / 2, inHousehold = false): boolean {
    const m = typeof margin === 'number' ? { x: margin, y: margin } : margin
    const padded = new Box(box.x - m.x, box.y - m.y, box.w + m.x * 2, box.h + m.y * 2)
    const household = inHousehold ? undefined : this.household()
    if (household) {
      const f = Math.min(FRAME_MARGIN, m.x, m.y)
      if (Box.Collides(household, new Box(box.x - f, box.y - f, box.w + f * 2, box.h + f * 2))) return false
    }
    return !this.obstacles.some((o) => Box.Collides(o, padded))
  }

  /** Takes `box`: later spots avoid it. */
  add(box: Box): void {
    this.obstacles.push(box)
  }

  /**
   * A free w×h spot as near to `anchor` as possible (page space), inside `within` when there
   * is room there (e.g. the part of the screen tldraw's toolbars do not cover). Cards keep a
   * wide margin, so that an arrow to a neighbour has room for its label. Searches square
   * rings of grid cells outwards, nearest cell first. `take: false` leaves the spot free for
   * later searches (a frame, whose cards go inside it).
   */
  near(anchor: VecLike, w: number, h: number, within?: Box, take = true): Box {
    const search = (step: number, rings: number, limit?: Box): Box | null => {
      for (let ring = 0; ring <= rings; ring++) {
        const cells: { i: number; j: number; d: number }[] = []
        for (let i = -ring; i <= ring; i++) {
          for (let j = -ring; j <= ring; j++) {
            if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
            cells.push({ i, j, d: (i * step) ** 2 + (j * step) ** 2 })
          }
        }
        cells.sort((a, b) => a.d - b.d || a.j - b.j || a.i - b.i)
        for (const { i, j } of cells) {
          const box = new Box(anchor.x - w / 2 + i * step, anchor.y - h / 2 + j * step, w, h)
          if (limit && (box.minX < limit.minX || box.minY < limit.minY || box.maxX > limit.maxX || box.maxY > limit.maxY)) continue
          if (this.free(box, CARD_MARGIN)) return box
        }
      }
      return null
    }
    let box: Box | null = null
    if (within) {
      const rings = Math.ceil(Math.max(within.w, within.h) / 2 / 24) + 1
      box = search(24, rings, within)
    }
    box ??= search(48, 40) ?? new Box(anchor.x - w / 2, anchor.y - h / 2, w, h)
    if (take) this.add(box)
    return box
  }

  /**
   * `count` free w×h spots on ellipses around `centre` (the eco-map layout: the household in
   * the middle, agencies around it), outside an inner w×h area, spread evenly on each ring.
   */
  ring(centre: VecLike, inner: { hw: number; hh: number }, count: number, w: number, h: number): Box[] {
    const placed: Box[] = []
    let rx = inner.hw + w / 2 + RING_GAP
    let ry = inner.hh + h / 2 + RING_GAP * 0.8
    for (let round = 0; round < 12 && placed.length < count; round++) {
      const perimeter = Math.PI * (3 * (rx + ry) - Math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
      const capacity = Math.max(4, Math.floor(perimeter / (w * 0.6 + h * 0.4 + GAP * 1.6)))
      const remaining = count - placed.length
      const tryRing = (slots: number) => {
        const offset = round % 2 ? Math.PI / slots : 0
        for (let k = 0; k < slots && placed.length < count; k++) {
          const angle = -Math.PI / 2 + offset + (2 * Math.PI * k) / slots
          const box = new Box(centre.x + rx * Math.cos(angle) - w / 2, centre.y + ry * Math.sin(angle) - h / 2, w, h)
          if (this.free(box)) {
            this.add(box)
            placed.push(box)
          }
        }
      }
      const before = placed.length
      tryRing(Math.min(capacity, remaining))
      if (placed.length === before) tryRing(capacity)
      rx += w + GAP
      ry += h + GAP
    }
    while (placed.length < count) placed.push(this.near(centre, w, h))
    return placed
  }

  /**
   * A free w×h cell inside `frame`, in frame space. When the frame is full the cell is a new
   * row below everything in it (`contents`: page bounds of the frame's children, read only
   * then), and `height` is the frame's new height: the caller grows the frame.
   */
  inFrame(frame: FrameArea, w: number, h: number, contents: () => Box[]): { at: Vec; height?: number } {
    const { x: fx, y: fy } = frame
    const top = FRAME_PAD + 8
    for (let y = top; y + h <= frame.h - FRAME_PAD; y += h + CELL_GAP_Y) {
      for (let x = FRAME_PAD; x + w <= frame.w - FRAME_PAD; x += w + CELL_GAP_X) {
        const box = new Box(fx + x, fy + y, w, h)
        if (this.free(box, CELL_GAP_Y / 2 - 1, true)) {
          this.add(box)
          return { at: new Vec(x, y) }
        }
      }
    }
    // Full: a new row below everything in the frame.
    let bottom = top - CELL_GAP_Y
    for (const b of contents()) bottom = Math.max(bottom, b.maxY - fy)
    for (const o of this.obstacles) {
      if (o.minX >= fx && o.maxX <= fx + frame.w && o.minY >= fy && o.maxY <= fy + frame.h + 400) {
        bottom = Math.max(bottom, o.maxY - fy)
      }
    }
    const y = bottom + CELL_GAP_Y
    this.add(new Box(fx + FRAME_PAD, fy + y, w, h))
    return { at: new Vec(FRAME_PAD, y), height: Math.max(frame.h, y + h + FRAME_PAD) }
  }
}
