/**
 * The meeting records dialog (会議の記録), open to every link: the facilitator saves a record
 * (RecordForm.tsx); everyone sees the records, newest first, compares one with the map now or
 * with another record (RecordComparison.tsx), and saves one's frozen copy as a room file
 * (without persons for a view link).
 *
 * Accessibility as the history dialog: a modal role="dialog"; focus moves into it on open,
 * stays in it (Tab wraps), and returns to the header's button on close; Escape closes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { fill } from '../../shared/i18n/catalog'
import { formatDate } from '../../shared/i18n/dates'
import type { RecordDiffResponse, RecordInfo } from '../../shared/history/records'
import type { Role } from '../../shared/rooms'
import { downloadBlob, safeFileName } from '../downloads'
import { useCatalog, useI18n } from '../i18n'
import { useModel } from '../model/useModel'
import { printText } from '../print/labels'
import { printPath } from '../print/print-data'
import { errorMessage } from '../server-api'
import { RecordComparison } from './RecordComparison'
import { RecordForm } from './RecordForm'
import { listRecords, recordDiff, recordRoomFile } from './records-api'
import { recordsText } from './records-labels'
import { attendeesText } from './records-summary'
import { countsText } from './summary'
import { useDialogFocus } from './useDialogFocus'
import './history.css'
import './records.css'

type Load = { state: 'loading' } | { state: 'ready'; records: RecordInfo[] } | { state: 'error'; error: unknown }
type Comparison = { anchor: string; heading: string } & ({ state: 'loading' } | { state: 'ready'; diff: RecordDiffResponse } | { state: 'error'; error: unknown })

export interface RecordsDialogProps {
  roomId: string
  token: string
  role: Role
  doc: Y.Doc
  /** The 所属 of the participants in the room now (the form's default attendees). */
  orgsPresent: readonly string[]
  onClose: () => void
}

export function RecordsDialog({ roomId, token, role, doc, orgsPresent, onClose }: RecordsDialogProps) {
  const { lang } = useI18n()
  const L = useCatalog(recordsText)
  const P = useCatalog(printText)
  const { model } = useModel(doc)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [notice, setNotice] = useState<string | null>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [comparison, setComparison] = useState<Comparison | null>(null)
  const [downloading, setDownloading] = useState<string | null>(null)
  const dialogRef = useRef<HTMLDivElement>(null)
  const trapTab = useDialogFocus(dialogRef)
  const isFacilitator = role === 'facilitate'

  const request = useRef<AbortController | null>(null)
  const fetchList = useCallback(() => {
    request.current?.abort()
    const abort = new AbortController()
    request.current = abort
    listRecords(roomId, token, abort.signal).then(
      (records) => !abort.signal.aborted && setLoad({ state: 'ready', records }),
      (error: unknown) => !abort.signal.aborted && setLoad({ state: 'error', error }),
    )
  }, [roomId, token])
  useEffect(() => {
    fetchList()
    return () => request.current?.abort()
  }, [fetchList])

  const compareRequest = useRef<AbortController | null>(null)
  useEffect(() => () => compareRequest.current?.abort(), [])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])


  const recordName = (r: RecordInfo) => fill(L.recordOption, { title: r.title, date: formatDate(r.date, lang) })

  /** From `from` to the map now, or between two records, the older one first. */
  const compare = (anchor: RecordInfo, other: RecordInfo | 'now') => {
    const [from, to] = other === 'now' || other.createdAt >= anchor.createdAt ? [anchor, other] : [other, anchor]
    const heading = fill(L.comparisonHeading, { from: recordName(from), to: to === 'now' ? L.nowName : recordName(to) })
    compareRequest.current?.abort()
    const abort = new AbortController()
    compareRequest.current = abort
    setComparison({ anchor: anchor.id, heading, state: 'loading' })
    recordDiff(roomId, token, from.id, to === 'now' ? 'now' : to.id, abort.signal).then(
      (diff) => !abort.signal.aborted && setComparison({ anchor: anchor.id, heading, state: 'ready', diff }),
      (error: unknown) => !abort.signal.aborted && setComparison({ anchor: anchor.id, heading, state: 'error', error }),
    )
  }

  const download = async (record: RecordInfo) => {
    setDownloading(record.id)
    setActionError(null)
    try {
      const blob = await recordRoomFile(roomId, token, record.id, role !== 'view')
      downloadBlob(blob, safeFileName(`${record.title} ${record.date}`, { fallback: 'record', ext: 'room.json' }))
    } catch (error) {
      setActionError(error)
    } finally {
      setDownloading(null)
    }
  }

  const saved = (message: string) => {
    setNotice(message)
    fetchList()
  }

  const records = load.state === 'ready' ? load.records : []
  return (
    <div className="modal-backdrop history-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="history-dialog records-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="records-heading"
        aria-describedby="records-intro"
        tabIndex={-1}
        ref={dialogRef}
        onKeyDown={trapTab}
        data-testid="records-dialog"
      >
        <div className="history-top">
          <h2 id="records-heading">{L.heading}</h2>
          <button type="button" className="link-button" onClick={onClose} data-testid="records-close">
            {L.close}
          </button>
        </div>
        <p id="records-intro" className="hint">
          {L.intro}
        </p>
        {isFacilitator && <RecordForm roomId={roomId} token={token} orgsPresent={orgsPresent} onSaved={saved} />}
        <div role="status" className="history-notice" data-testid="records-notice">
          {notice}
        </div>
        {actionError !== null && (
          <p className="error" role="alert" data-testid="records-error">
            {errorMessage(actionError, lang)}
          </p>
        )}
        {load.state === 'loading' && <p>{L.loading}</p>}
        {load.state === 'error' && (
          <div className="history-load-error">
            <p className="error" role="alert" data-testid="records-load-error">
              {errorMessage(load.error, lang)}
            </p>
            <button type="button" onClick={fetchList}>
              {L.retry}
            </button>
          </div>
        )}
        {load.state === 'ready' && records.length === 0 && (
          <p className="history-empty" data-testid="records-empty">
            {isFacilitator ? L.emptyFacilitator : L.empty}
          </p>
        )}
        {records.length > 0 && (
          <ul className="history-list" aria-label={L.listLabel} data-testid="records-list">
            {records.map((record) => (
              <li key={record.id} className="history-version records-record" data-testid="records-record" data-record-id={record.id}>
                <div className="history-version-head">
                  <span className="records-record-title" data-testid="records-record-title">
                    {record.title}
                  </span>
                  <time dateTime={record.date} className="history-time">
                    {formatDate(record.date, lang)}
                  </time>
                </div>
                <p className="history-orgs">
                  {L.attendeesLabel}
                  {attendeesText(record.attendees, lang)}
                </p>
                <p className="history-counts">{countsText(record.counts, lang)}</p>
                <div className="records-actions">
                  <button type="button" onClick={() => compare(record, 'now')} aria-label={fill(L.compareNowLabel, { title: record.title })} data-testid="records-compare-now">
                    {L.compareNow}
                  </button>
                  {records.length > 1 && (
                    <select
                      aria-label={fill(L.compareWithLabel, { title: record.title })}
                      value=""
                      onChange={(e) => {
                        const other = records.find((r) => r.id === e.target.value)
                        if (other) compare(record, other)
                      }}
                      data-testid="records-compare-with"
                    >
                      <option value="">{L.compareWith}</option>
                      {records
                        .filter((r) => r.id !== record.id)
                        .map((r) => (
                          <option key={r.id} value={r.id}>
                            {recordName(r)}
                          </option>
                        ))}
                    </select>
                  )}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void download(record)}
                    disabled={downloading !== null}
                    aria-label={fill(L.downloadLabel, { title: record.title })}
                    data-testid="records-download"
                  >
                    {downloading === record.id ? L.downloading : L.download}
                  </button>
                  <a
                    className="link-button"
                    href={printPath(roomId, { doc: 'record', recordId: record.id, includePersons: role !== 'view' })}
                    aria-label={fill(P.printLinkLabel, { title: record.title })}
                    data-testid="records-print"
                  >
                    {P.printLink}
                  </a>
                </div>
                {comparison?.anchor === record.id && comparison.state === 'loading' && <p>{L.comparing}</p>}
                {comparison?.anchor === record.id && comparison.state === 'error' && (
                  <p className="error" role="alert" data-testid="records-compare-error">
                    {errorMessage(comparison.error, lang)}
                  </p>
                )}
                {comparison?.anchor === record.id && comparison.state === 'ready' && (
                  <RecordComparison heading={comparison.heading} diff={comparison.diff} names={model} onClose={() => setComparison(null)} />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
