/**
 * 前回の記録からの変化: from the record before (a record's document) or the newest record (the
 * plan) to this one — ties that moved forward or were lost, agencies added or removed, tasks
 * completed or overdue, plan fields changed, and the map's figures before → after.
 */
import { fill, inLang, type Lang } from '../../shared/i18n/catalog'
import { planFieldCatalog } from '../../shared/i18n/plan'
import type { RecordInfo } from '../../shared/history/records'
import { useCatalog, useI18n } from '../i18n'
import { printText } from './labels'
import type { PrintData } from './load'
import { changeSections, figureRows, formatDate } from './print-data'

function recordName(record: RecordInfo, lang: Lang): string {
  return fill(inLang(printText, lang).recordOption, { title: record.title, date: formatDate(record.date, lang) })
}

export function ChangesSection({ data, name }: { data: PrintData; name: (id: string) => string }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  const F = useCatalog(planFieldCatalog)
  const { diff, previous, record } = data
  const to = data.request.doc === 'record' && record ? recordName(record, lang) : L.nowName
  const sections = diff ? changeSections(diff, name, lang) : []
  const changedFields = diff?.plan?.changedFields ?? []
  return (
    <section className="print-section print-changes" aria-labelledby="print-changes-heading" data-testid="print-changes">
      <h2 id="print-changes-heading">
        {L.changesHeading}
        {previous && diff && <span className="print-note">{fill(L.changesSpan, { from: recordName(previous, lang), to })}</span>}
      </h2>
      {!diff ? (
        <p className="print-empty">{L.noPrevious}</p>
      ) : (
        <>
          {!diff.personsIncluded && <p className="print-note">{L.changesPersonsOmitted}</p>}
          {sections.length === 0 && changedFields.length === 0 && <p>{L.noChanges}</p>}
          <div className="print-change-lists">
            {sections.map((s) => (
              <div key={s.key} className={`print-change tone-${s.tone}`} data-testid={`print-change-${s.key}`}>
                <h3>{L[s.key]}</h3>
                <ul>
                  {s.items.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              </div>
            ))}
            {changedFields.length > 0 && (
              <div className="print-change tone-neutral" data-testid="print-change-plan">
                <h3>{L.planChanged}</h3>
                <p>{changedFields.map((f) => (f in F ? F[f as keyof typeof F] : f)).join(L.listSeparator)}</p>
              </div>
            )}
          </div>
          <table className="print-table print-figures">
            <caption>{L.figuresHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{L.figure}</th>
                <th scope="col">{L.before}</th>
                <th scope="col">{L.after}</th>
              </tr>
            </thead>
            <tbody>
              {figureRows(diff).map((row) => (
                <tr key={row.key} className={row.before === row.after ? undefined : 'is-changed'}>
                  <th scope="row">{L[row.key]}</th>
                  <td>{row.before}</td>
                  <td>{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
