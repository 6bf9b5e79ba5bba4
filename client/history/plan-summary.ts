/**
 * The 支援プラン part of a record comparison (shared/history/diff.ts comparePlans) in words:
 * tasks completed (progress), tasks overdue (loss), tasks added, removed and changed, and the
 * plan's fields that changed. Pure, like records-summary.ts, whose sections these join.
 */
import { fill, inLang, labelOf, type Lang } from '../../shared/i18n/catalog'
import { planFieldCatalog, taskStatusCatalog } from '../../shared/i18n/plan'
import type { PlanComparison, TaskChange, TaskRef } from '../../shared/history/diff'
import { recordsText, type RecordsTextKey } from './records-labels'

export interface PlanSection {
  key: RecordsTextKey
  tone: 'progress' | 'loss' | 'neutral'
  items: string[]
}

/** Sections in reading order, empty ones included (the caller drops them). */
export function planSections(diff: Partial<PlanComparison>, name: (id: string) => string, lang: Lang): PlanSection[] {
  const tasks = diff.tasks
  if (!tasks) return []
  const L = inLang(recordsText, lang)
  const status = (s: string) => labelOf(taskStatusCatalog, lang, s)
  const ref = (t: TaskRef) => (t.due ? fill(L.taskDueItem, { what: t.what, owner: name(t.owner), due: t.due }) : fill(L.taskItem, { what: t.what, owner: name(t.owner) }))
  const changed = (c: TaskChange) => {
    const base = { what: c.what, owner: name(c.owner) }
    if (c.statusBefore !== c.statusAfter) return fill(L.taskStatusItem, { ...base, before: status(c.statusBefore), after: status(c.statusAfter) })
    if (c.dueBefore !== c.dueAfter) return fill(L.taskDueChanged, { ...base, before: c.dueBefore ?? L.noDue, after: c.dueAfter ?? L.noDue })
    return fill(L.taskDetailsChanged, base)
  }
  const completed = new Set(tasks.completed.map((t) => t.id))
  const fieldNames = inLang(planFieldCatalog, lang)
  return [
    { key: 'tasksCompleted', tone: 'progress', items: tasks.completed.map(ref) },
    { key: 'tasksOverdue', tone: 'loss', items: tasks.overdue.map(ref) },
    { key: 'tasksAdded', tone: 'neutral', items: tasks.added.filter((t) => !completed.has(t.id)).map(ref) },
    { key: 'tasksRemoved', tone: 'neutral', items: tasks.removed.map(ref) },
    { key: 'tasksChanged', tone: 'neutral', items: tasks.changed.filter((c) => !completed.has(c.id)).map(changed) },
    { key: 'planFieldsChanged', tone: 'neutral', items: (diff.plan?.changedFields ?? []).map((f) => fieldNames[f]) },
  ]
}

/** True when the plan part found nothing (or the comparison has no plan part). */
export function planUnchanged(diff: Partial<PlanComparison>): boolean {
  return planSections(diff, (id) => id, 'ja').every((s) => s.items.length === 0)
}
