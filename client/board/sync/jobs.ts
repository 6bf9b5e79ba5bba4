/**
 * When the board is brought in line with the model: which records a Yjs transaction touched,
 * the queue of reconciliation jobs, and the later repair pass.
 *
 * A model change made by THIS user is reconciled at once (a small one inside their action).
 * Anything else (a colleague's change, the offline copy, an undo, the first load) is left to
 * the colleague's own client, whose board records follow within milliseconds; after a grace
 * period, and only when nothing is going on here, a full pass repairs what is still different.
 */
import type { Box } from 'tldraw'
import type * as Y from 'yjs'
import type { CollectionKind } from '../../../shared/model/doc'
import { storedUnder } from '../../library-seams'

export const GRACE_MS = 1500
/** A change touching at most this many records is reconciled at once, within the action. */
export const SYNC_LIMIT = 60
/** Delay before a repair pass that found the board busy tries again. */
const REPAIR_RETRY_MS = 400

/** Record ids per collection. */
export type Scope = Record<CollectionKind, Set<string>>

export const emptyScope = (): Scope => ({ actor: new Set(), person: new Set(), relation: new Set() })

export interface Job {
  scope: Scope | 'all'
  /** This user's own change: undoable, new cards where they are looking. */
  tracked: boolean
  /** Planned spots of the agency cards this job adds (kept across passes). */
  planned: Map<string, Box>
}

/** What one Yjs transaction means for the board. */
export interface TransactionEffect {
  /** The records it touched (added, removed, or a field changed). */
  scope: Scope
  /** It touched the model. */
  model: boolean
  /** It removed a card or relation arrow from the board (a move never needs a repair). */
  boardRemoval: boolean
}

/**
 * Reads a transaction's changed types: a collection map (records added or removed), a record's
 * own Y.Map (a field changed: traced to its record through the library seam), or the 'tldraw'
 * map (board records; only a card or arrow that disappeared can need a repair, e.g. deleted by
 * a client that could not update the model).
 */
export function transactionEffect(
  tr: Pick<Y.Transaction, 'changed'>,
  kindOfMap: ReadonlyMap<unknown, CollectionKind>,
  tldrawMap: { has(key: string): boolean },
): TransactionEffect {
  const scope = emptyScope()
  let model = false
  let boardRemoval = false
  tr.changed.forEach((keys, type) => {
    const kind = kindOfMap.get(type)
    if (kind) {
      model = true
      keys.forEach((key) => key && scope[kind].add(key))
      return
    }
    const entry = storedUnder(type)
    const parentKind = entry?.parent ? kindOfMap.get(entry.parent) : undefined
    if (parentKind && entry?.key) {
      model = true
      scope[parentKind].add(entry.key)
      return
    }
    if ((type as unknown) === tldrawMap) {
      keys.forEach((key) => {
        if (key && !tldrawMap.has(key) && /^shape:(actor|person|rel)-/.test(key)) boardRemoval = true
      })
    }
  })
  return { scope, model, boardRemoval }
}

export interface JobPumpOptions {
  /** Runs one pass of `job`; false when it stopped early (time budget) and needs another. */
  runPass: (job: Job) => boolean
  /** Whether a repair pass may run now (room synced, no gesture under way, nothing pending). */
  readyForRepair: () => boolean
  graceMs: number
}

export interface JobPump {
  /** Reconciles `scope`: at once when small and nothing is queued, else in later passes. */
  reconcile(scope: Scope | 'all', tracked: boolean): void
  /** A full repair pass after `delay` (once; further calls until then change nothing). */
  scheduleRepair(delay?: number): void
  dispose(): void
}

/**
 * Jobs run in order. A small one (an edit) runs at once, inside the user's action; a large
 * one (an import of hundreds of records) runs in passes with the browser free in between, so
 * the page stays responsive (its passes still merge into one undo step).
 */
export function createJobPump({ runPass, readyForRepair, graceMs }: JobPumpOptions): JobPump {
  const jobs: Job[] = []
  let disposed = false
  let pumping: ReturnType<typeof setTimeout> | null = null
  let repairTimer: ReturnType<typeof setTimeout> | null = null

  function pump() {
    pumping = null
    if (disposed) return
    const job = jobs[0]
    if (!job) return
    if (runPass(job)) jobs.shift()
    if (jobs.length) pumping = setTimeout(pump, 0)
  }

  function reconcile(scope: Scope | 'all', tracked: boolean) {
    if (disposed) return
    const job: Job = { scope, tracked, planned: new Map() }
    const size = scope === 'all' ? Infinity : scope.actor.size + scope.person.size + scope.relation.size
    if (jobs.length === 0 && size <= SYNC_LIMIT && runPass(job)) return
    jobs.push(job)
    pumping ??= setTimeout(pump, 0)
  }

  const scheduleRepair = (delay = graceMs) => {
    if (repairTimer || disposed) return
    repairTimer = setTimeout(repair, delay)
  }

  function repair() {
    repairTimer = null
    if (disposed) return
    if (!readyForRepair() || jobs.length > 0) {
      scheduleRepair(REPAIR_RETRY_MS)
      return
    }
    reconcile('all', false)
  }

  return {
    reconcile,
    scheduleRepair,
    dispose() {
      disposed = true
      if (repairTimer) clearTimeout(repairTimer)
      if (pumping) clearTimeout(pumping)
      jobs.length = 0
    },
  }
}
