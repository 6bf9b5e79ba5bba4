import * as Y from 'yjs'
import { bilingual, message, type Message } from '../i18n/message.ts'
import { planValidationCatalog } from '../i18n/plan.ts'
import { importCatalog, validationCatalog } from '../i18n/validation.ts'
import { collection } from '../model/doc.ts'
import { planInfoMap, readPlan, tasksMap } from '../plan/doc.ts'
import { planInfoSchema, planIssueMessage, taskOrder, taskSchema, type PlanData, type PlanInfo, type PlanTask } from '../plan/schema.ts'
import { NO_KEY_PERSON } from '../plan/vocabulary.ts'

/**
 * The 支援プラン part of a room file (room-file.ts). Without persons it holds nothing that
 * describes them: no 本人の意向, no key person who is a person, no person among a task's
 * partners, and a task's owner is blank ('') unless it is an agency of the map. Uploading such a file keeps those from the room, as the model keeps its persons.
 */

/** The room's plan as a file holds it (readPlan: valid records only, sorted). */
export function exportPlan(doc: Y.Doc, includePersons: boolean): PlanData {
  const { data } = readPlan(doc)
  if (includePersons) return data
  const actors = collection(doc, 'actor')
  const { keyPerson, ...info } = data.info
  delete info.wishes
  const keep = keyPerson === NO_KEY_PERSON || (keyPerson !== undefined && actors.has(keyPerson))
  return {
    info: keep ? { ...info, keyPerson } : info,
    // An owner that is no agency of the map may be a person's id (a client can write one): blank.
    tasks: data.tasks.map((t) => ({ ...t, owner: actors.has(t.owner) ? t.owner : '', with: t.with.filter((id) => actors.has(id)) })),
    closure: data.closure,
  }
}

export interface PlanImportReport {
  accepted: { fields: number; tasks: number }
  /** A field (`kind: 'plan'`, id: the field's name) or a task left out, and why. */
  rejected: { kind: 'plan' | 'task'; id: string; message: string; messageEn: string }[]
  /** The file held a closure (終結). It is never imported: see parsePlan. */
  closureIgnored: boolean
}

export interface ParsedPlan {
  report: PlanImportReport
  /** Replaces the room's plan; `before` is the room's plan read before its model was replaced. */
  apply(doc: Y.Doc, before: PlanData | null): void
}

/**
 * Validates the file's plan field by field and task by task: a task must name one of the
 * file's actors as its owner (`ids.actors`), a key person must be an actor or person of the file.
 * The closure is never imported: closing and reopening a case is a facilitator's act on this
 * server (POST/DELETE …/closure), and a file must not close a live case or reopen a closed one.
 * `withoutPersons`: the file was written without persons, so `apply` keeps the room's wishes,
 * its key person when a person, and the persons among its tasks' partners.
 */
export function parsePlan(input: unknown, ids: { actors: ReadonlySet<string>; persons: ReadonlySet<string> }, withoutPersons: boolean): ParsedPlan {
  const rejected: PlanImportReport['rejected'] = []
  const reject = (kind: 'plan' | 'task', id: string, m: Message) => {
    const text = bilingual(m)
    rejected.push({ kind, id, message: text.ja, messageEn: text.en })
  }
  const src = isObject(input) ? input : null
  if (!src) reject('plan', 'plan', message(validationCatalog, 'badRecord'))

  const info: Record<string, unknown> = {}
  const rawInfo = src?.info ?? {}
  if (isObject(rawInfo)) {
    for (const [key, value] of Object.entries(rawInfo)) {
      const parsed = planInfoSchema.safeParse({ [key]: value })
      if (!parsed.success) reject('plan', key, planIssueMessage(parsed.error))
      else if (key === 'keyPerson' && value !== NO_KEY_PERSON && !ids.actors.has(String(value)) && !ids.persons.has(String(value))) {
        reject('plan', key, message(planValidationCatalog, 'unknownKeyPerson'))
      } else Object.assign(info, parsed.data)
    }
  } else reject('plan', 'info', message(validationCatalog, 'badRecord'))

  const tasks: PlanTask[] = []
  const seen = new Set<string>()
  const rawTasks = src?.tasks ?? []
  for (const raw of Array.isArray(rawTasks) ? rawTasks : []) {
    const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : ''
    const parsed = taskSchema.safeParse(raw)
    if (!parsed.success) reject('task', id, planIssueMessage(parsed.error))
    else if (seen.has(parsed.data.id)) reject('task', id, message(importCatalog, 'duplicateId', { id }))
    else if (!ids.actors.has(parsed.data.owner)) reject('task', id, message(planValidationCatalog, 'unknownOwner', { id: parsed.data.owner }))
    else {
      seen.add(parsed.data.id)
      tasks.push(parsed.data)
    }
  }
  if (!Array.isArray(rawTasks)) reject('plan', 'tasks', message(validationCatalog, 'badRecord'))

  const report: PlanImportReport = {
    accepted: { fields: Object.keys(info).length, tasks: tasks.length },
    rejected,
    closureIgnored: src?.closure !== undefined && src.closure !== null,
  }
  return {
    report,
    apply(doc, before) {
      if (!src) return
      const persons = collection(doc, 'person')
      const onMap = (id: string) => collection(doc, 'actor').has(id) || persons.has(id)
      const wanted: PlanInfo = { ...info }
      if (withoutPersons && before) {
        delete wanted.wishes
        if (before.info.wishes !== undefined) wanted.wishes = before.info.wishes
        if (wanted.keyPerson === undefined && before.info.keyPerson !== undefined && persons.has(before.info.keyPerson)) wanted.keyPerson = before.info.keyPerson
      }
      const roomTasks = new Map((before?.tasks ?? []).map((t) => [t.id, t]))
      const infoMap = planInfoMap(doc)
      infoMap.clear()
      for (const [key, value] of Object.entries(wanted)) if (value !== undefined) infoMap.set(key, value)
      const target = tasksMap(doc)
      target.clear()
      for (const task of [...tasks].sort(taskOrder)) {
        const kept = withoutPersons ? (roomTasks.get(task.id)?.with ?? []).filter((id) => persons.has(id)) : []
        const partners = [...new Set([...task.with, ...kept])].filter((id) => id !== task.owner && onMap(id))
        const map = new Y.Map<unknown>()
        target.set(task.id, map)
        for (const [key, value] of Object.entries({ ...task, with: partners })) if (key !== 'id' && value !== undefined) map.set(key, value)
      }
    },
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
