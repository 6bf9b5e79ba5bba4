/**
 * Finds this participant's offline edits that a colleague's concurrent edit overwrote.
 *
 * The model keeps one Y.Map per record and one key per field (shared/model/doc.ts): two people
 * who change the same field of the same record while apart both "succeed" locally, and after
 * the merge one value wins (Yjs picks by client id), silently. This tracker remembers the
 * fields this device changed while it was not in sync with the server, and reports those whose
 * merged value is someone else's:
 * - at the sync after reconnecting, any other value there is a concurrent edit (nobody could
 *   have seen ours yet);
 * - later (a colleague who was offline too reconnects after us), a remote value that was not
 *   written on top of ours (its Yjs item's origin is not our item) is concurrent as well;
 *   one written on top of ours is a deliberate later change, not a loss.
 * Each lost edit is reported once. A later own edit of the same field forgets the earlier one.
 */
import * as Y from 'yjs'
import { collection, type CollectionKind } from '../../shared/model/doc'

export interface LostEdit {
  kind: CollectionKind
  recordId: string
  field: string
  /** The record's name (or 続柄) as merged, to say which card it was. */
  recordName: string | null
  /** The value this device wrote while offline (undefined: the field was cleared). */
  mine: unknown
  /** The value that won. */
  theirs: unknown
}

interface ItemId {
  client: number
  clock: number
}

interface Pending {
  kind: CollectionKind
  recordId: string
  field: string
  value: unknown
  /** Our Yjs item for the value; null when we cleared the field (a delete makes no item). */
  item: ItemId | null
}

/** The Yjs item that holds a map key's value, if the key has one (Y.Map keeps it in `_map`). */
interface MapItem {
  id: ItemId
  origin: ItemId | null
  deleted: boolean
}
function itemOf(map: Y.Map<unknown>, key: string): MapItem | null {
  // oxlint-disable-next-line no-underscore-dangle -- Yjs has no public API for the item behind a key (needed for its origin)
  const entries = (map as unknown as { _map?: Map<string, MapItem> })._map
  return entries?.get(key) ?? null
}

const sameId = (a: ItemId | null, b: ItemId | null) => !!a && !!b && a.client === b.client && a.clock === b.clock
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const kinds: CollectionKind[] = ['actor', 'person', 'relation']

export class LostEditTracker {
  private pending = new Map<string, Pending>()
  private apart = true
  private disposers: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    private readonly onLost: (edits: LostEdit[]) => void,
  ) {
    for (const kind of kinds) {
      const records = collection(doc, kind)
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => this.observe(kind, events, transaction)
      records.observeDeep(observer)
      this.disposers.push(() => records.unobserveDeep(observer))
    }
  }

  /** Whether this device is out of sync with the server (offline, reconnecting, not yet synced). */
  setApart(apart: boolean): void {
    const reconnected = this.apart && !apart
    this.apart = apart
    if (reconnected) this.report([...this.pending.values()].map((p) => this.verdictAtSync(p)))
  }

  /** Fields changed while apart and not yet known to have won or lost (for tests). */
  get pendingCount(): number {
    return this.pending.size
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose()
    this.disposers = []
    this.pending.clear()
  }

  private observe(kind: CollectionKind, events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void {
    const verdicts: (LostEdit | null)[] = []
    for (const event of events) {
      // A field of a record: the event's target is the record's map, one level down.
      if (event.path.length !== 1 || !(event.target instanceof Y.Map)) continue
      const recordId = String(event.path[0])
      const record = event.target as Y.Map<unknown>
      for (const [field, change] of event.changes.keys) {
        const key = `${kind}\u0000${recordId}\u0000${field}`
        if (transaction.local) {
          if (!this.apart) {
            this.pending.delete(key)
            continue
          }
          const item = change.action === 'delete' ? null : itemOf(record, field)
          this.pending.set(key, { kind, recordId, field, value: record.get(field), item: item ? { ...item.id } : null })
        } else if (!this.apart) {
          const pending = this.pending.get(key)
          if (pending) verdicts.push(this.verdictLater(pending))
        }
      }
    }
    this.report(verdicts)
  }

  /** Right after the sync: whatever differs from our value was written without seeing it. */
  private verdictAtSync(p: Pending): LostEdit | null {
    const record = collection(this.doc, p.kind).get(p.recordId)
    if (!(record instanceof Y.Map)) return this.settle(p, null)
    const current = record.get(p.field)
    if (sameValue(current, p.value)) {
      // Ours stands (or the colleague wrote the same): later concurrent arrivals can still
      // overwrite it, so a set stays watched; a cleared field has no item to watch.
      if (p.item === null) this.pending.delete(this.keyOf(p))
      return null
    }
    // Written on top of ours (we were offline again since our edit first went out): a later
    // change, not a loss.
    if (sameId(itemOf(record, p.field)?.origin ?? null, p.item)) return this.settle(p, null)
    return this.settle(p, this.lost(p, record, current))
  }

  /** A remote change after the sync: lost only if it was not written on top of ours. */
  private verdictLater(p: Pending): LostEdit | null {
    const record = collection(this.doc, p.kind).get(p.recordId)
    if (!(record instanceof Y.Map) || p.item === null) return this.settle(p, null)
    const item = itemOf(record, p.field)
    if (!item || sameId(item.id, p.item)) return null
    if (item.deleted || sameId(item.origin, p.item)) return this.settle(p, null)
    const current = record.get(p.field)
    return this.settle(p, sameValue(current, p.value) ? null : this.lost(p, record, current))
  }

  private lost(p: Pending, record: Y.Map<unknown>, current: unknown): LostEdit {
    const name = record.get('name') ?? record.get('label')
    return {
      kind: p.kind,
      recordId: p.recordId,
      field: p.field,
      recordName: typeof name === 'string' ? name : null,
      mine: p.value,
      theirs: current,
    }
  }

  private settle(p: Pending, verdict: LostEdit | null): LostEdit | null {
    this.pending.delete(this.keyOf(p))
    return verdict
  }

  private keyOf(p: Pending): string {
    return `${p.kind}\u0000${p.recordId}\u0000${p.field}`
  }

  private report(verdicts: (LostEdit | null)[]): void {
    const lost = verdicts.filter((v): v is LostEdit => v !== null)
    if (lost.length > 0) this.onLost(lost)
  }
}
