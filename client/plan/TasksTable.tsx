import { useId, useRef, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { planFieldCatalog, taskStatusCatalog } from '../../shared/i18n/plan'
import type { MapModel } from '../../shared/model/schema'
import { isOverdue } from '../../shared/plan/doc'
import { addTask, removeTask, updateTask } from '../../shared/plan/ops'
import { planTextMax, type PlanProblem, type PlanTask } from '../../shared/plan/schema'
import { taskStatuses, type TaskStatus } from '../../shared/plan/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { MultiSelectCell } from '../model/cells'
import { ConfirmDialog } from '../model/ConfirmDialog'
import { DraftText } from './DraftText'
import { planText } from './labels'
import { addTaskBlocker, cardName, dateCommit, lengthStatus, ownerName, planPersonalInfoWarning } from './logic'
import { DateField } from './PlanFields'

export interface TasksProps {
  doc: Y.Doc
  tasks: PlanTask[]
  problems: PlanProblem[]
  model: MapModel
  today: string
  canEdit: boolean
  origin?: unknown
  run: (change: () => void) => boolean
}

/**
 * 役割分担: one row per task (何を, 担当, 誰と, 期限, 状況, メモ), an overdue task marked 期限切れ,
 * a task whose agency was removed from the map kept and marked, and a row to add a task.
 */
export function TasksTable(props: TasksProps) {
  const { doc, tasks, model, canEdit, origin, run } = props
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const F = useCatalog(planFieldCatalog)
  const [removing, setRemoving] = useState<PlanTask | null>(null)
  const columns = [F.what, F.owner, F.with, F.due, F.status, F.note, L.actions]
  return (
    <section className="plan-section" aria-labelledby="plan-tasks-heading">
      <h3 id="plan-tasks-heading">
        {L.tasksHeading} <span className="count">{tasks.length}</span>
      </h3>
      <p className="hint">{L.tasksIntro}</p>
      <div className="plan-table-wrap">
        <table className="model-table plan-table plan-tasks-table" aria-labelledby="plan-tasks-heading" data-testid="plan-tasks">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <TaskRow key={task.id} {...props} task={task} onRemove={() => setRemoving(task)} />
            ))}
            {tasks.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {L.noTasks}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {canEdit && <NewTask doc={doc} model={model} origin={origin} run={run} />}
      {removing && (
        <ConfirmDialog
          title={L.removeTitle}
          confirmLabel={L.removeConfirm}
          cancelLabel={L.cancel}
          testId="plan-remove-confirm"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            setRemoving(null)
            run(() => removeTask(doc, removing.id, origin))
          }}
        >
          <p>{fill(L.removeBody, { what: removing.what, owner: ownerName(model, removing.owner, lang) })}</p>
          <p className="hint">{L.removeUndoHint}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function TaskRow(props: TasksProps & { task: PlanTask; onRemove: () => void }) {
  const { doc, task, model, today, canEdit, origin, run, problems } = props
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const F = useCatalog(planFieldCatalog)
  const change = (patch: Partial<Omit<PlanTask, 'id'>>) => run(() => updateTask(doc, task.id, patch, origin))
  const overdue = isOverdue(task, today)
  const ownerOnMap = model.actors.some((a) => a.id === task.owner)
  const label = (field: string) => fill(L.rowLabel, { what: task.what, field })
  const partners = [...model.actors.map((a) => a.id), ...model.persons.map((p) => p.id)].filter((id) => id !== task.owner)
  const rowProblems = problems.filter((p) => p.id === task.id)
  const whatWarning = planPersonalInfoWarning(task.what, F.what, lang)
  const noteWarning = planPersonalInfoWarning(task.note, F.note, lang)
  return (
    <tr data-task-id={task.id} data-overdue={overdue ? 'true' : undefined} className={overdue ? 'plan-overdue' : undefined}>
      <th scope="row">
        {overdue && (
          <span className="plan-overdue-badge" data-testid="plan-overdue-badge">
            {L.overdue}
          </span>
        )}
        <DraftText
          value={task.what}
          label={label(F.what)}
          className="cell-input plan-what"
          wrap
          disabled={!canEdit}
          testId="plan-task-what"
          maxLength={planTextMax.what}
          fieldName={F.what}
          onCommit={(what) => change({ what })}
        />
        {whatWarning && <p className="personal-info-warning">{whatWarning}</p>}
      </th>
      <td>
        <select
          className="cell-select"
          aria-label={label(F.owner)}
          data-testid="plan-task-owner"
          value={task.owner}
          disabled={!canEdit}
          onChange={(e) => change({ owner: e.target.value })}
        >
          {!ownerOnMap && <option value={task.owner}>{L.ownerGone}</option>}
          {model.actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {rowProblems.map((p) => (
          <p key={p.message} className="plan-problem" role="status" data-testid="plan-task-problem">
            {lang === 'en' ? p.messageEn : p.message}
          </p>
        ))}
      </td>
      <td>
        <MultiSelectCell
          value={task.with}
          label={label(F.with)}
          options={partners}
          optionText={(id) => cardName(model, id, lang) ?? id}
          disabled={!canEdit}
          onCommit={(partnersChosen) => change({ with: partnersChosen })}
        />
      </td>
      <td>
        <DateField value={task.due} label={label(F.due)} className="cell-input" testId="plan-task-due" disabled={!canEdit} onCommit={(due) => change({ due })} />
      </td>
      <td>
        <select
          className="cell-select plan-status"
          aria-label={label(F.status)}
          data-testid="plan-task-status"
          value={task.status}
          disabled={!canEdit}
          onChange={(e) => change({ status: e.target.value as TaskStatus })}
        >
          {taskStatuses.map((s) => (
            <option key={s} value={s}>
              {labelOf(taskStatusCatalog, lang, s)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <DraftText
          value={task.note}
          label={label(F.note)}
          className="cell-input plan-note"
          wrap
          disabled={!canEdit}
          testId="plan-task-note"
          maxLength={planTextMax.note}
          fieldName={F.note}
          onCommit={(note) => change({ note })}
        />
        {noteWarning && <p className="personal-info-warning">{noteWarning}</p>}
      </td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={fill(L.removeNamed, { what: task.what })} data-testid="plan-task-remove">
            {L.remove}
          </button>
        )}
      </td>
    </tr>
  )
}

/**
 * The add row: what, who, by when; partners, status and note are set in the table after. Until
 * the task can be added, the button says why; a text over its limit or an impossible date is
 * refused beside its field, never cut or dropped without a word.
 */
function NewTask({ doc, model, origin, run }: { doc: Y.Doc; model: MapModel; origin?: unknown; run: (change: () => void) => boolean }) {
  const L = useCatalog(planText)
  const F = useCatalog(planFieldCatalog)
  const id = useId()
  const dueField = useRef<HTMLInputElement>(null)
  const [what, setWhat] = useState('')
  const [owner, setOwner] = useState('')
  const [due, setDue] = useState('')
  const [dueInvalid, setDueInvalid] = useState(false)
  if (model.actors.length === 0) return <p className="hint">{L.needActors}</p>
  const chosenOwner = model.actors.some((a) => a.id === owner) ? owner : ''
  const length = lengthStatus(what, planTextMax.what)
  const blocker = addTaskBlocker(what, chosenOwner)
  const checkDue = (input: HTMLInputElement) => {
    const invalid = dateCommit(input.value, '', input.validity.badInput).kind === 'invalid'
    setDueInvalid(invalid)
    return !invalid
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (dueField.current && !checkDue(dueField.current)) return dueField.current.focus()
    if (blocker || length.over > 0) return
    const added = run(() => addTask(doc, { what, owner: chosenOwner, ...(due ? { due } : {}) }, origin))
    if (added) {
      setWhat('')
      setDue('')
    }
  }
  const why = blocker ? L[blocker] : null
  const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined
  return (
    <form className="add-form plan-add" onSubmit={submit} data-testid="plan-add-task" noValidate>
      <span className="plan-add-what">
        <input
          aria-label={L.newWhat}
          placeholder={L.newWhatPlaceholder}
          value={what}
          aria-invalid={length.over > 0 || undefined}
          aria-describedby={describedBy(length.showCounter && `${id}-count`, length.over > 0 && `${id}-over`)}
          onChange={(e) => setWhat(e.target.value)}
          data-testid="plan-new-what"
        />
        {length.showCounter && (
          <small className={length.over > 0 ? 'plan-count plan-count-over' : 'plan-count'} id={`${id}-count`} data-testid="plan-char-count">
            {fill(L.charCount, { count: length.count, max: length.max })}
          </small>
        )}
      </span>
      <select aria-label={L.newOwner} value={chosenOwner} onChange={(e) => setOwner(e.target.value)} data-testid="plan-new-owner">
        <option value="">{L.chooseOwner}</option>
        {model.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <input
        ref={dueField}
        type="date"
        aria-label={L.newDue}
        value={due}
        min="1900-01-01"
        max="2200-12-31"
        aria-invalid={dueInvalid || undefined}
        aria-describedby={describedBy(dueInvalid && `${id}-due`)}
        onChange={(e) => {
          setDue(e.target.value)
          if (dueInvalid) checkDue(e.currentTarget)
        }}
        onBlur={(e) => checkDue(e.currentTarget)}
        data-testid="plan-new-due"
      />
      {/* Enabled once what and who are given: the schema's message for an empty owner names an id. */}
      <button type="submit" className="primary" disabled={blocker !== null || length.over > 0} aria-describedby={describedBy(why !== null && `${id}-why`)} data-testid="plan-new-submit">
        {L.addTask}
      </button>
      {why && (
        <small className="plan-add-why" id={`${id}-why`} data-testid="plan-new-why">
          {why}
        </small>
      )}
      {length.over > 0 && (
        <p className="error plan-field-error" id={`${id}-over`} role="alert" data-testid="plan-too-long">
          {fill(L.tooLong, { field: F.what, max: length.max, count: length.count, over: length.over })}
        </p>
      )}
      {dueInvalid && (
        <p className="error plan-field-error" id={`${id}-due`} role="alert" data-testid="plan-date-invalid">
          {fill(L.dateInvalid, { field: L.newDue })}
        </p>
      )}
    </form>
  )
}
