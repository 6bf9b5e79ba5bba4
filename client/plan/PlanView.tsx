/**
 * The 支援プラン tab of a case room: the plan's fields, the 役割分担, the outreach stage and kind
 * of support per person, and (for the facilitator) 終結. Every edit is one op of shared/plan (or
 * updateRecord for persons) with the room's origin, so it is on this user's undo stack and
 * reaches everyone live; a refused change shows its message, it never throws.
 */
import { useState } from 'react'
import type * as Y from 'yjs'
import { fill, type Lang } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import { CatalogError } from '../../shared/i18n/message'
import { overdueTasks } from '../../shared/plan/doc'
import type { Role } from '../../shared/rooms'
import { downloadBlob, safeFileName } from '../downloads'
import { printPath } from '../print/print-data'
import { useCatalog, useI18n } from '../i18n'
import { RefusalNotice } from '../model/RefusalNotice'
import { useModel } from '../model/useModel'
import { useModelChange } from '../model/useModelChange'
import { errorMessage } from '../server-api'
import { fetchTasksXlsx } from './api'
import { ClosureSection } from './Closure'
import { planText } from './labels'
import { ownerName } from './logic'
import { PersonsPlan } from './PersonsPlan'
import { PlanFields } from './PlanFields'
import { TasksTable } from './TasksTable'
import { usePlan, useToday } from './usePlan'
import '../model/model.css'
import './plan.css'

export interface PlanViewProps {
  doc: Y.Doc
  roomId: string
  roomTitle: string
  token: string
  role: Role
  /** False for a view link and while the case is closed. */
  canEdit: boolean
  /** Transaction origin of this user's edits, so that the room's undo covers them. */
  origin?: unknown
  /** Called before each change, so that it is an undo step of its own. */
  onUndoStep?: () => void
}

/** Plan ops refuse with PlanValidationError, person edits with ModelValidationError: both carry a catalog message. */
function planRefusal(err: unknown, lang: Lang): string | null {
  return err instanceof CatalogError ? err.messageIn(lang) : null
}

export function PlanView({ doc, roomId, roomTitle, token, role, canEdit, origin, onUndoStep }: PlanViewProps) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const { data, problems } = usePlan(doc)
  const { model } = useModel(doc)
  const today = useToday()
  const { error, run } = useModelChange(onUndoStep, planRefusal)
  const overdue = overdueTasks(data.tasks, today)
  const closed = data.closure !== null
  const isView = role === 'view'
  const taskProblems = problems.filter((p) => p.kind === 'task' && data.tasks.some((t) => t.id === p.id))
  const otherProblems = problems.filter((p) => !taskProblems.includes(p))

  return (
    <section className="plan-view" aria-labelledby="plan-heading" data-testid="plan-view">
      <header className="plan-header">
        <h2 id="plan-heading">{L.heading}</h2>
        <div className="plan-actions">
          {!isView && (
            <button type="button" title={L.printTitle} onClick={() => window.location.assign(printPath(roomId, { doc: 'plan', recordId: null, includePersons: true, from: 'plan' }))} data-testid="plan-print">
              {L.print}
            </button>
          )}
          <button
            type="button"
            title={L.printTitle}
            onClick={() => window.location.assign(printPath(roomId, { doc: 'plan', recordId: null, includePersons: false, from: 'plan' }))}
            data-testid="plan-print-no-persons"
          >
            {L.printNoPersons}
          </button>
          <ExcelButton roomId={roomId} roomTitle={roomTitle} token={token} withoutPersons={isView} />
        </div>
      </header>
      <p className="hint">{L.intro}</p>
      {!canEdit && (
        <p className="notice" data-testid="plan-read-only">
          {closed ? L.readOnlyClosed : L.readOnlyView}
        </p>
      )}

      {overdue.length > 0 && !closed && (
        <section className="plan-overdue-list" aria-labelledby="plan-overdue-heading" data-testid="plan-overdue-list">
          <h3 id="plan-overdue-heading">
            {L.overdueHeading} <span className="count">{overdue.length}</span>
          </h3>
          <ul>
            {overdue.map((t) => (
              <li key={t.id}>{fill(L.overdueItem, { what: t.what, owner: ownerName(model, t.owner, lang), due: t.due ? formatDate(t.due, lang) : '' })}</li>
            ))}
          </ul>
        </section>
      )}

      <RefusalNotice message={error} testId="plan-error" />
      <PlanFields doc={doc} info={data.info} model={model} canEdit={canEdit} origin={origin} run={run} />
      <TasksTable doc={doc} tasks={data.tasks} problems={taskProblems} model={model} today={today} canEdit={canEdit} origin={origin} run={run} />
      <PersonsPlan doc={doc} model={model} canEdit={canEdit} origin={origin} run={run} />

      {otherProblems.length > 0 && (
        <section className="problems" aria-labelledby="plan-problems-heading" data-testid="plan-problems">
          <h3 id="plan-problems-heading">{L.problemsHeading}</h3>
          <ul>
            {otherProblems.map((p, i) => (
              <li key={`${p.kind}-${p.id}-${i}`}>{lang === 'en' ? p.messageEn : p.message}</li>
            ))}
          </ul>
        </section>
      )}

      {role === 'facilitate' && <ClosureSection roomId={roomId} token={token} closure={data.closure} />}
    </section>
  )
}

/** 「Excel（役割分担）」: the server's .xlsx, fetched with the room's token (a link cannot carry it). */
function ExcelButton({ roomId, roomTitle, token, withoutPersons }: { roomId: string; roomTitle: string; token: string; withoutPersons: boolean }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      const blob = await fetchTasksXlsx(roomId, token, withoutPersons, lang)
      const name = withoutPersons ? L.excelFileNameNoPersons : L.excelFileName
      downloadBlob(blob, safeFileName(`${roomTitle} ${name}`, { fallback: name, ext: 'xlsx' }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" title={withoutPersons ? L.excelNoPersonsTitle : L.excelTitle} onClick={() => void download()} disabled={busy} data-testid="plan-excel">
        {busy ? L.downloading : L.excel}
      </button>
      {error !== null && (
        <p className="error plan-download-error" role="alert" data-testid="plan-excel-error">
          {errorMessage(error, lang)}
        </p>
      )}
    </>
  )
}
