/**
 * The tables of the printed plan: 役割分担 (each agency with its tasks), the task list, and the
 * persons — by role and age band, outreach stage and kind of support only: never a note or an
 * issue tag (docs/domain.md §8).
 */
import { Fragment } from 'react'
import { labelOf } from '../../shared/i18n/catalog'
import { outreachStageCatalog, supportKindCatalog } from '../../shared/i18n/plan'
import { ageBandCatalog, levelBadgeCatalog, personRoleCatalog } from '../../shared/i18n/vocabulary'
import type { PlanTask } from '../../shared/plan/schema'
import { isOverdue } from '../../shared/plan/doc'
import { useCatalog, useI18n } from '../i18n'
import { printText } from './labels'
import type { PrintData } from './load'
import { formatDate, roleRows, statusLabel } from './print-data'

type Name = (id: string) => string

function Status({ task, overdue }: { task: PlanTask; overdue: boolean }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  return (
    <>
      {statusLabel(task.status, lang)}
      {overdue && (
        <strong className="print-overdue" data-testid="print-overdue">
          {L.overdue}
        </strong>
      )}
    </>
  )
}

function withWhom(task: PlanTask, name: Name, none: string, separator: string): string {
  return task.with.length ? task.with.map(name).join(separator) : none
}

export function RoleTable({ data, name }: { data: PrintData; name: Name }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  const rows = roleRows(data.model, data.plan.tasks, data.asOf)
  return (
    <section className="print-section print-roles" aria-labelledby="print-roles-heading" data-testid="print-roles">
      <h2 id="print-roles-heading">{L.roleHeading}</h2>
      {rows.length === 0 ? (
        <p className="print-empty">{L.roleNone}</p>
      ) : (
        <table className="print-table">
          <colgroup>
            <col className="w-agency" />
            <col className="w-level" />
            <col />
            <col className="w-with" />
            <col className="w-date" />
            <col className="w-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{L.roleAgency}</th>
              <th scope="col">{L.roleLevel}</th>
              <th scope="col">{L.roleWhat}</th>
              <th scope="col">{L.with}</th>
              <th scope="col">{L.due}</th>
              <th scope="col">{L.status}</th>
            </tr>
          </thead>
          {rows.map((row) => (
            <tbody key={row.owner} className="print-role" data-owner={row.owner}>
              {row.tasks.map((task, i) => (
                <tr key={task.id} className={task.overdue ? 'is-overdue' : undefined}>
                  {i === 0 && (
                    <Fragment>
                      <th scope="rowgroup" rowSpan={row.tasks.length} className="print-agency">
                        {row.actor?.name ?? L.deletedActor}
                      </th>
                      <td rowSpan={row.tasks.length} className="print-word">
                        {row.actor ? labelOf(levelBadgeCatalog, lang, row.actor.level) : L.none}
                      </td>
                    </Fragment>
                  )}
                  <td>{task.what}</td>
                  <TaskTail task={task} overdue={task.overdue} name={name} />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  )
}

/** With whom, due and status: the cells the role table and the task list share. */
function TaskTail({ task, overdue, name }: { task: PlanTask; overdue: boolean; name: Name }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  return (
    <>
      <td>{withWhom(task, name, L.none, L.listSeparator)}</td>
      <td className="print-date">{task.due ? formatDate(task.due, lang) : L.none}</td>
      <td className="print-word">
        <Status task={task} overdue={overdue} />
      </td>
    </>
  )
}

export function TasksTable({ data, name }: { data: PrintData; name: Name }) {
  const L = useCatalog(printText)
  if (data.plan.tasks.length === 0) return null
  return (
    <section className="print-section print-tasks" aria-labelledby="print-tasks-heading" data-testid="print-tasks">
      <h2 id="print-tasks-heading">{L.tasksHeading}</h2>
      <table className="print-table">
        <colgroup>
          <col />
          <col className="w-agency" />
          <col className="w-with" />
          <col className="w-date" />
          <col className="w-status" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{L.taskWhat}</th>
            <th scope="col">{L.taskOwner}</th>
            <th scope="col">{L.with}</th>
            <th scope="col">{L.due}</th>
            <th scope="col">{L.status}</th>
          </tr>
        </thead>
        <tbody>
          {data.plan.tasks.map((task) => {
            const overdue = isOverdue(task, data.asOf)
            return (
              <tr key={task.id} className={overdue ? 'is-overdue' : undefined}>
                <td>{task.what}</td>
                <td>{name(task.owner)}</td>
                <TaskTail task={task} overdue={overdue} name={name} />
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

export function PersonsTable({ data }: { data: PrintData }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  // 本人 first, then the household, then those living apart.
  const persons = [...data.model.persons].sort((a, b) => Number(b.label === '本人') - Number(a.label === '本人') || Number(b.household) - Number(a.household))
  return (
    <section className="print-section print-persons" aria-labelledby="print-persons-heading" data-testid="print-persons">
      <h2 id="print-persons-heading">{L.personsHeading}</h2>
      {persons.length === 0 ? (
        <p className="print-empty">{L.personsNone}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{L.personRole}</th>
              <th scope="col">{L.personAge}</th>
              <th scope="col">{L.personHousehold}</th>
              <th scope="col">{L.personStage}</th>
              <th scope="col">{L.personSupport}</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => (
              <tr key={p.id}>
                <td>{labelOf(personRoleCatalog, lang, p.label)}</td>
                <td>{labelOf(ageBandCatalog, lang, p.ageBand)}</td>
                <td>{p.household ? L.inHousehold : L.outsideHousehold}</td>
                <td>{p.stage ? labelOf(outreachStageCatalog, lang, p.stage) : L.none}</td>
                <td>{p.support ? labelOf(supportKindCatalog, lang, p.support) : L.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
