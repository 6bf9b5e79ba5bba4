import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { collection } from '../../shared/model/doc'
import { closureMap, localDate, planInfoMap, readClosure, readPlan, tasksMap, type PlanReadResult } from '../../shared/plan/doc'
import type { Closure } from '../../shared/plan/schema'

/**
 * The room's 支援プラン as React state, re-read when the plan, its closure or the map's actors
 * and persons change (a task names them), whoever changed them. Re-reads are batched to one
 * per animation frame, like useModel.
 */
export function usePlan(doc: Y.Doc): PlanReadResult {
  const [state, setState] = useState(() => ({ doc, result: readPlan(doc) }))
  let current = state
  if (state.doc !== doc) {
    current = { doc, result: readPlan(doc) }
    setState(current)
  }
  useEffect(() => {
    const maps = [planInfoMap(doc), tasksMap(doc), closureMap(doc), collection(doc, 'actor'), collection(doc, 'person')]
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setState({ doc, result: readPlan(doc) })
      })
    }
    for (const m of maps) m.observeDeep(schedule)
    // A change between the first read and subscribing.
    schedule()
    return () => {
      for (const m of maps) m.unobserveDeep(schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [doc])
  return current.result
}

/**
 * The case's closure, or null while it is open; live (the server writes it, every client sees
 * it through the sync). Read at once, not per frame: the room turns read-only with it.
 */
export function useClosure(doc: Y.Doc | null): Closure | null {
  const [state, setState] = useState(() => ({ doc, closure: doc && readClosure(doc) }))
  let current = state
  if (state.doc !== doc) {
    current = { doc, closure: doc && readClosure(doc) }
    setState(current)
  }
  useEffect(() => {
    if (!doc) return
    const map = closureMap(doc)
    const update = () =>
      setState((prev) => {
        const closure = readClosure(doc)
        return JSON.stringify(prev.closure) === JSON.stringify(closure) && prev.doc === doc ? prev : { doc, closure }
      })
    map.observe(update)
    update()
    return () => map.unobserve(update)
  }, [doc])
  return current.closure
}

/** Today (YYYY-MM-DD, local), checked every minute so overdue tasks appear past midnight. */
export function useToday(): string {
  const [today, setToday] = useState(localDate)
  useEffect(() => {
    const timer = setInterval(() => setToday(localDate()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return today
}
