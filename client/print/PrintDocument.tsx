/**
 * The printed document. Page 1 holds what a meeting hands out: the header (which document,
 * the room, the record, the date, who was present by 所属), the 概要, the plan's fields, the
 * eco-map with its legend and the 役割分担. Then the task list, the persons (role and age band
 * only, never notes or issue tags) and what changed since the last record.
 */
import { useMemo } from 'react'
import { ecomapSvg } from '../../shared/ecomap/svg'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { consentCatalog, planFieldCatalog } from '../../shared/i18n/plan'
import { NO_KEY_PERSON } from '../../shared/plan/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { ChangesSection } from './ChangesSection'
import { printText } from './labels'
import type { PrintData } from './load'
import { formatDate, nameResolver } from './print-data'
import { PersonsTable, RoleTable, TasksTable } from './PlanTables'

/** Width ÷ height of the eco-map's box on the page: the sheet's 182 mm by about 90 mm. */
const ECOMAP_ASPECT = 182 / 90

export function PrintDocument({ data }: { data: PrintData }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  const F = useCatalog(planFieldCatalog)
  const { room, model, plan, record, includePersons } = data
  const isRecord = data.request.doc === 'record'
  const name = useMemo(() => nameResolver(model, data.diff, lang), [model, data.diff, lang])
  const svg = useMemo(() => ecomapSvg(model, { lang, includePersons, aspect: ECOMAP_ASPECT, idPrefix: 'print-ecomap' }), [model, lang, includePersons])
  const summary = model.info.summary?.trim()
  const { info } = plan

  const keyPerson =
    info.keyPerson === NO_KEY_PERSON ? L.keyPersonNone : info.keyPerson ? name(info.keyPerson) : includePersons ? L.keyPersonUnset : L.keyPersonHidden
  const consent = info.consent
    ? fill(L.consentWithMeeting, { consent: labelOf(consentCatalog, lang, info.consent), meeting: info.consent === 'あり' ? L.consentMeetingYes : L.consentMeetingNo })
    : L.consentUnset
  const fields: [string, string, boolean][] = [
    [F.direction, info.direction ?? L.notSet, !info.direction],
    [F.goals, info.goals ?? L.notSet, !info.goals],
    ...(includePersons ? ([[F.wishes, info.wishes ?? L.notSet, !info.wishes]] as [string, string, boolean][]) : []),
    [F.consent, consent, !info.consent],
    [F.keyPerson, keyPerson, !info.keyPerson],
    [F.nextMonitoring, info.nextMonitoring ? formatDate(info.nextMonitoring, lang) : L.notSet, !info.nextMonitoring],
  ]

  return (
    <article className="print-sheet" lang={lang} data-testid="print-document" data-doc={data.request.doc} data-persons={includePersons ? '1' : '0'}>
      <header className="print-head">
        <p className="print-kind">{isRecord ? L.recordTitle : L.planTitle}</p>
        <h1 data-testid="print-room-title">{room.title}</h1>
        <dl className="print-meta">
          {isRecord && record && (
            <div>
              <dt>{L.recordLabel}</dt>
              <dd data-testid="print-record-title">{record.title}</dd>
            </div>
          )}
          <div>
            <dt>{isRecord ? L.dateLabel : L.createdLabel}</dt>
            <dd>{formatDate(data.asOf, lang)}</dd>
          </div>
          {isRecord && record && (
            <div>
              <dt>{L.attendeesLabel}</dt>
              <dd>{record.attendees.length ? record.attendees.join(L.listSeparator) : L.attendeesNone}</dd>
            </div>
          )}
          {!isRecord && record && (
            <div>
              <dt>{L.lastRecordLabel}</dt>
              <dd>{fill(L.recordOption, { title: record.title, date: formatDate(record.date, lang) })}</dd>
            </div>
          )}
          {plan.closure && (
            <div>
              <dt>{L.closedLabel}</dt>
              <dd>{fill(L.closedValue, { date: formatDate(plan.closure.closedAt, lang), reason: plan.closure.reason })}</dd>
            </div>
          )}
        </dl>
        <p className="print-version" data-testid="print-version">
          <span>{includePersons ? L.versionWith : L.versionWithout}</span>
          <span>{L.confidential}</span>
        </p>
      </header>

      <section className="print-section print-plan" aria-labelledby="print-plan-heading">
        <h2 id="print-plan-heading" className="visually-hidden">
          {L.planHeading}
        </h2>
        <dl className="print-fields">
          <div>
            <dt>{L.summaryHeading}</dt>
            <dd className={summary ? undefined : 'print-empty'}>{summary || (includePersons || room.kind === 'community' ? L.summaryNone : L.summaryOmitted)}</dd>
          </div>
          {fields.map(([label, value, empty]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={empty ? 'print-empty' : undefined}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="print-section print-ecomap" aria-labelledby="print-ecomap-heading" data-testid="print-ecomap">
        <h2 id="print-ecomap-heading">
          {L.ecomapHeading}
          {!includePersons && <span className="print-note">{L.ecomapPersonsOmitted}</span>}
        </h2>
        {/* The SVG is built by shared/ecomap/svg.ts, which escapes every text it writes. */}
        <div className="print-ecomap-image" dangerouslySetInnerHTML={{ __html: svg }} />
      </section>

      <RoleTable data={data} name={name} />
      <TasksTable data={data} name={name} />
      {includePersons && <PersonsTable data={data} />}
      <ChangesSection data={data} name={name} />
    </article>
  )
}
