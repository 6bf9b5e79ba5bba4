import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { collection, type CollectionKind } from '../../../shared/model/doc'
import { addRecord, updateRecord } from '../../../shared/model/ops'
import type { Actor } from '../../../shared/model/schema'
import { getTldrawMap } from '../yjs-store-binding'
import { createJobPump, emptyScope, SYNC_LIMIT, transactionEffect, type Job, type Scope, type TransactionEffect } from './jobs'

describe('transactionEffect', () => {
  const setUp = () => {
    const doc = new Y.Doc()
    const kinds: CollectionKind[] = ['actor', 'person', 'relation']
    const kindOfMap = new Map<unknown, CollectionKind>(kinds.map((k) => [collection(doc, k), k]))
    const tldraw = getTldrawMap(doc) as Y.Map<unknown>
    const effects: TransactionEffect[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => effects.push(transactionEffect(tr, kindOfMap, tldraw)))
    return { doc, tldraw, effects }
  }
  const ids = (scope: Scope) => Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, [...v].sort()]))
  const actor: Omit<Actor, 'id'> = { name: '地域包括支援センター', level: '市区町村（委託・法人・事業所）', fields: ['高齢'], formal: true }

  it('names the records added to a collection', () => {
    const { doc, effects } = setUp()
    addRecord(doc, 'actor', { ...actor, id: 'a-1' })
    expect(effects.at(-1)).toMatchObject({ model: true, boardRemoval: false })
    expect(ids(effects.at(-1)!.scope)).toEqual({ actor: ['a-1'], person: [], relation: [] })
  })

  it('traces a changed field to its record (through the record map it lives in)', () => {
    const { doc, effects } = setUp()
    addRecord(doc, 'actor', { ...actor, id: 'a-1' })
    addRecord(doc, 'actor', { ...actor, id: 'a-2' })
    updateRecord(doc, 'actor', 'a-2', { name: '基幹相談支援センター' })
    expect(effects.at(-1)!.model).toBe(true)
    expect(ids(effects.at(-1)!.scope)).toEqual({ actor: ['a-2'], person: [], relation: [] })
  })

  it('flags only the removal of a card or relation arrow on the board, never a move or a drawing', () => {
    const { doc, tldraw, effects } = setUp()
    doc.transact(() => {
      tldraw.set('shape:actor-a-1', { x: 0 })
      tldraw.set('shape:rel-r-1', { x: 0 })
      tldraw.set('shape:doodle', { x: 0 })
    })
    expect(effects.at(-1)).toMatchObject({ model: false, boardRemoval: false })
    doc.transact(() => tldraw.set('shape:actor-a-1', { x: 10 }))
    expect(effects.at(-1)!.boardRemoval).toBe(false)
    doc.transact(() => tldraw.delete('shape:doodle'))
    expect(effects.at(-1)!.boardRemoval).toBe(false)
    doc.transact(() => tldraw.delete('shape:rel-r-1'))
    expect(effects.at(-1)).toMatchObject({ model: false, boardRemoval: true })
  })

  it('ignores other maps', () => {
    const { doc, effects } = setUp()
    doc.transact(() => doc.getMap('elsewhere').set('k', new Y.Map()))
    doc.transact(() => (doc.getMap('elsewhere').get('k') as Y.Map<unknown>).set('x', 1))
    expect(effects.slice(-2).map((e) => e.model)).toEqual([false, false])
  })
})

describe('createJobPump', () => {
  afterEach(() => void vi.useRealTimers())

  const scopeOf = (n: number): Scope => {
    const scope = emptyScope()
    for (let i = 0; i < n; i++) scope.actor.add(`a-${i}`)
    return scope
  }

  it('runs a small job at once, inside the call', () => {
    vi.useFakeTimers()
    const runs: Job[] = []
    const pump = createJobPump({ runPass: (job) => (runs.push(job), true), readyForRepair: () => true, graceMs: 1500 })
    pump.reconcile(scopeOf(3), true)
    expect(runs).toHaveLength(1)
    expect(runs[0].tracked).toBe(true)
    pump.dispose()
  })

  it('queues a large job and runs it in passes, with the browser free in between, until done', () => {
    vi.useFakeTimers()
    let passes = 0
    const pump = createJobPump({ runPass: () => ++passes >= 3, readyForRepair: () => true, graceMs: 1500 })
    pump.reconcile(scopeOf(SYNC_LIMIT + 1), true)
    expect(passes).toBe(0)
    vi.advanceTimersByTime(0)
    expect(passes).toBe(1)
    vi.runAllTimers()
    expect(passes).toBe(3)
    pump.dispose()
  })

  it('keeps later jobs behind a queued one, in order, each with its own plan', () => {
    vi.useFakeTimers()
    const runs: Job[] = []
    let first = true
    const pump = createJobPump({
      runPass: (job) => {
        runs.push(job)
        if (first) return (first = false)
        return true
      },
      readyForRepair: () => true,
      graceMs: 1500,
    })
    pump.reconcile(scopeOf(1), true) // cut short: queued
    pump.reconcile(scopeOf(2), false) // small, but must wait for the first
    expect(runs).toHaveLength(1)
    vi.runAllTimers()
    expect(runs.map((j) => (j.scope === 'all' ? 'all' : j.scope.actor.size))).toEqual([1, 1, 2])
    expect(runs[0]).toBe(runs[1])
    expect(runs[2].planned).not.toBe(runs[0].planned)
    pump.dispose()
  })

  it('repairs everything after the grace period, and waits while the board is busy', () => {
    vi.useFakeTimers()
    const runs: Job[] = []
    let ready = false
    const pump = createJobPump({ runPass: (job) => (runs.push(job), true), readyForRepair: () => ready, graceMs: 1500 })
    pump.scheduleRepair()
    pump.scheduleRepair() // once
    vi.advanceTimersByTime(1499)
    expect(runs).toHaveLength(0)
    vi.advanceTimersByTime(1 + 400 * 3)
    expect(runs).toHaveLength(0)
    ready = true
    // The full pass is a large job: queued, it runs right after.
    vi.advanceTimersByTime(400 + 1)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ scope: 'all', tracked: false })
    vi.runAllTimers()
    expect(runs).toHaveLength(1)
    pump.dispose()
  })

  it('does nothing once disposed', () => {
    vi.useFakeTimers()
    const runs: Job[] = []
    const pump = createJobPump({ runPass: (job) => (runs.push(job), false), readyForRepair: () => true, graceMs: 10 })
    pump.reconcile(scopeOf(1), true)
    pump.scheduleRepair()
    pump.dispose()
    vi.runAllTimers()
    pump.reconcile(scopeOf(1), true)
    expect(runs).toHaveLength(1)
  })
})
