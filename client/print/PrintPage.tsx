/**
 * `/r/:roomId/print?doc=plan|record&rid=<recordId>&persons=0`: the 支援プラン or one meeting
 * record as an A4 document. On screen it is a white A4 sheet under a small toolbar (print,
 * the version with or without persons in one click, back to the room); in print only the
 * sheet remains (print.css). The token is this tab's (App resolves it as the room page does).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { appText, useCatalog, useI18n } from '../i18n'
import { LangSwitch } from '../LangSwitch'
import { roomPath } from '../return-tab'
import { errorMessage } from '../server-api'
import { printText } from './labels'
import { loadPrintData, type PrintData } from './load'
import { parsePrintQuery, printPath, type PrintRequest } from './print-data'
import { PrintDocument } from './PrintDocument'
import './print.css'

type Load = { state: 'loading' } | { state: 'ready'; data: PrintData } | { state: 'error'; error: unknown }

export function PrintPage({ roomId, token }: { roomId: string; token: string | null }) {
  const { lang } = useI18n()
  const L = useCatalog(printText)
  const A = useCatalog(appText)
  const [request, setRequest] = useState<PrintRequest>(() => parsePrintQuery(window.location.search))
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  const pending = useRef<AbortController | null>(null)
  const fetchData = useCallback(
    (next: PrintRequest) => {
      if (!token) return
      pending.current?.abort()
      const abort = new AbortController()
      pending.current = abort
      loadPrintData(roomId, token, next, abort.signal).then(
        (data) => !abort.signal.aborted && setLoad({ state: 'ready', data }),
        (error: unknown) => !abort.signal.aborted && setLoad({ state: 'error', error }),
      )
    },
    [roomId, token],
  )
  useEffect(() => {
    fetchData(request)
    return () => pending.current?.abort()
  }, [fetchData, request])

  const data = load.state === 'ready' ? load.data : null
  useEffect(() => {
    if (!data) return
    const doc = data.request.doc === 'record' ? L.recordTitle : L.planTitle
    document.title = fill(L.pageTitle, { doc, room: data.room.title })
  }, [data, L])

  /** One click to the other version; the address follows, so a reload prints the same one. */
  const switchPersons = (includePersons: boolean) => {
    const next = { ...request, includePersons }
    window.history.replaceState(null, '', printPath(roomId, next))
    setLoad({ state: 'loading' })
    setRequest(next)
  }

  if (!token) {
    return (
      <main className="page narrow">
        <p>{A.noToken}</p>
        <a href="/">{A.backHome}</a>
      </main>
    )
  }

  const viewOnly = data?.room.role === 'view'
  return (
    <div className="print-page">
      <div className="print-toolbar" role="toolbar" aria-label={L.toolbarLabel} data-testid="print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!data} data-testid="print-print">
          {L.print}
        </button>
        {data && data.includePersons && (
          <button type="button" onClick={() => switchPersons(false)} title={L.withoutPersonsTitle} data-testid="print-toggle-persons">
            {L.withoutPersons}
          </button>
        )}
        {data && !data.includePersons && !viewOnly && (
          <button type="button" onClick={() => switchPersons(true)} title={L.withPersonsTitle} data-testid="print-toggle-persons">
            {L.withPersons}
          </button>
        )}
        <a className="button" href={roomPath(roomId, request.from)} data-testid="print-back">
          {L.backToRoom}
        </a>
        <LangSwitch />
        <span className="print-hint">{viewOnly ? L.viewOnly : L.printHint}</span>
      </div>
      {load.state === 'loading' && <p className="print-status">{L.loading}</p>}
      {load.state === 'error' && (
        <div className="print-status">
          <p className="error" role="alert" data-testid="print-error">
            {errorMessage(load.error, lang)}
          </p>
          <button
            type="button"
            onClick={() => {
              setLoad({ state: 'loading' })
              fetchData(request)
            }}
          >
            {L.retry}
          </button>
        </div>
      )}
      {data && <PrintDocument data={data} />}
    </div>
  )
}
