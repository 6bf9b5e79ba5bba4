/**
 * When presence goes out. Cursor moves are not forwarded one by one: each tick sends one
 * combined awareness message with the latest state of every participant that changed.
 *
 * Participants are split into `groups` whose ticks are staggered across the interval, so a
 * plenary's cursor traffic leaves the server in small, even slices instead of one burst per
 * tick. A connection belongs to group `connectionId % groups`.
 */
export class AwarenessTicker {
  /** Per group: awareness client ids changed since that group's last tick. */
  private readonly changedByGroup: Set<number>[]
  private nextGroup = 0
  private timer: NodeJS.Timeout | null = null

  /**
   * @param tickMs interval in which every group ticks once; 0 sends on every change (tests)
   * @param send called with a group and the ids changed since its last tick (never empty);
   *   the set is cleared after the call
   */
  constructor(
    private readonly tickMs: number,
    groups: number,
    private readonly send: (group: number, changed: ReadonlySet<number>) => void,
  ) {
    this.changedByGroup = Array.from({ length: Math.max(1, Math.floor(groups)) }, () => new Set<number>())
  }

  get groups(): number {
    return this.changedByGroup.length
  }

  /** Marks presence entries as changed, for every group, and makes sure a tick is coming. */
  changed(ids: Iterable<number>): void {
    for (const id of ids) for (const changed of this.changedByGroup) changed.add(id)
    if (this.tickMs === 0) {
      for (let g = 0; g < this.changedByGroup.length; g++) this.tick(g)
    } else if (!this.timer) {
      this.timer = setTimeout(this.onSlot, this.slotMs())
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Groups take turns: one group's tick per slot, every group once per tick interval. */
  private slotMs(): number {
    return this.tickMs / this.changedByGroup.length
  }

  private onSlot = (): void => {
    this.timer = null
    const group = this.nextGroup
    this.nextGroup = (group + 1) % this.changedByGroup.length
    this.tick(group)
    if (this.changedByGroup.some((changed) => changed.size > 0)) this.timer = setTimeout(this.onSlot, this.slotMs())
  }

  private tick(group: number): void {
    const changed = this.changedByGroup[group]
    if (changed.size === 0) return
    this.send(group, changed)
    changed.clear()
  }
}
