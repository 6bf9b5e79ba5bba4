/**
 * 記録と比較 above the graph: the choice of a meeting record (or 比較しない), and once one is
 * chosen the summary line (新しいつながり / 進展 / 失われた …) and the figures record → now.
 * The graph itself draws the overlay (compareOverlay.ts); the readable list of every change is
 * the 会議の記録 dialog's.
 */
import { fill } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import type { RoomKind } from '../../shared/rooms'
import { useCatalog, useI18n } from '../i18n'
import { errorMessage } from '../server-api'
import { figureChanges, summaryCounts } from './compareOverlay'
import { graphText } from './labels'
import type { RecordComparisonState } from './useRecordComparison'

export function CompareControl({ state, roomKind, personsCompared }: { state: RecordComparisonState; roomKind: RoomKind; personsCompared: boolean }) {
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const { records, chosen, choose, refresh, loading, error, record, comparison } = state
  const recordName = record ? fill(L.compareRecordOption, { title: record.title, date: formatDate(record.date, lang) }) : ''
  const counts = comparison ? summaryCounts(comparison) : []
  const changed = counts.some((c) => c.n > 0)

  return (
    <div className="graph-compare" data-testid="graph-compare">
      <label>
        <span>{L.compare}</span>
        <select
          value={chosen}
          data-testid="graph-compare-record"
          // A record saved since the tab opened shows up when the list is opened again.
          onFocus={refresh}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{L.compareNone}</option>
          {(records ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {fill(L.compareRecordOption, { title: r.title, date: formatDate(r.date, lang) })}
            </option>
          ))}
        </select>
      </label>
      {records?.length === 0 && <span className="hint">{L.compareNoRecords}</span>}
      {loading && <span aria-live="polite">{L.compareLoading}</span>}
      {error !== null && (
        <span className="graph-warn" role="alert" data-testid="graph-compare-error">
          {chosen ? L.compareFailed : errorMessage(error, lang)}
        </span>
      )}
      {comparison && (
        <div className="graph-compare-result">
          <p className="graph-compare-summary" data-testid="graph-compare-summary" aria-live="polite">
            {changed
              ? fill(L.compareSummary, {
                  record: recordName,
                  counts: counts.map((c) => fill(L.compareCount, { label: L[c.key], n: c.n })).join(L.compareSeparator),
                })
              : fill(L.compareNothing, { record: recordName })}
          </p>
          <p className="graph-compare-figures" data-testid="graph-compare-figures">
            {fill(L.compareFigures, {
              figures: figureChanges(comparison.figures, { roomKind, personsCompared })
                .map((f) => fill(L.compareFigure, { label: L[f.key], before: f.before, after: f.after }))
                .join(L.compareSeparator),
            })}
          </p>
          <p className="hint">
            {!personsCompared && `${L.comparePersonsLeftOut} `}
            {L.compareNote}
          </p>
        </div>
      )}
    </div>
  )
}
