/**
 * The facilitator's history dialog: the room's restorable versions, newest first, each with
 * its time, reason, the 所属 present, its counts and what changed since the next older one, and
 * a button that returns the whole room to it after a confirmation. The restore reaches every
 * participant through the document sync; this dialog only asks the server for it (api.ts).
 *
 * Accessibility: a modal role="dialog"; focus moves into it on open, stays in it (Tab wraps),
 * and returns to whatever had it (the header's 履歴 button) on close. Escape closes it, or
 * first takes back an open confirmation.
 */
import { Fragment, useCallback, useEffect, useRef, useState } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog, useI18n } from '../i18n'
import { errorMessage } from '../server-api'
import type { VersionInfo } from '../../shared/history/versions'
import { listVersions, restoreVersion } from './api'
import { historyText } from './labels'
import { changeText, countsText, orgsText, reasonText, versionTime, withChanges, type CountChange } from './summary'
import { useDialogFocus } from './useDialogFocus'
import './history.css'

type Load = { state: 'loading' } | { state: 'ready'; versions: VersionInfo[]; refreshing: boolean } | { state: 'error'; error: unknown }

export interface HistoryDialogProps {
  roomId: string
  token: string
  onClose: () => void
}

export function HistoryDialog({ roomId, token, onClose }: HistoryDialogProps) {
  const { lang } = useI18n()
  const L = useCatalog(historyText)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [confirming, setConfirming] = useState<VersionInfo | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const dialogRef = useRef<HTMLDivElement>(null)
  const trapTab = useDialogFocus(dialogRef)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const restoreButtons = useRef(new Map<string, HTMLButtonElement>())

  // One list request at a time: a newer one (a reload) aborts the one before, and closing aborts it.
  const request = useRef<AbortController | null>(null)
  const fetchList = useCallback(() => {
    request.current?.abort()
    const abort = new AbortController()
    request.current = abort
    listVersions(roomId, token, abort.signal).then(
      (versions) => {
        if (!abort.signal.aborted) setLoad({ state: 'ready', versions, refreshing: false })
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'error', error })
      },
    )
  }, [roomId, token])
  useEffect(() => {
    fetchList()
    return () => request.current?.abort()
  }, [fetchList])

  const reload = () => {
    setLoad((prev) => (prev.state === 'ready' ? { ...prev, refreshing: true } : { state: 'loading' }))
    fetchList()
  }

  const cancelConfirm = () => {
    const id = confirming?.id
    setConfirming(null)
    if (id) restoreButtons.current.get(id)?.focus()
  }

  // Escape on the window, so it works wherever focus is (even on the page behind after a click).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || restoring) return
      e.preventDefault()
      if (confirming) cancelConfirm()
      else onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])


  const restore = async (version: VersionInfo) => {
    setRestoring(true)
    setActionError(null)
    setNotice(null)
    try {
      await restoreVersion(roomId, token, version.id)
      setNotice(fill(L.restored, { date: versionTime(version.createdAt, lang) }))
      setConfirming(null)
      reload()
    } catch (error) {
      setActionError(error)
    } finally {
      setRestoring(false)
      dialogRef.current?.focus()
    }
  }

  return (
    <div className="modal-backdrop history-backdrop" onPointerDown={(e) => e.target === e.currentTarget && !restoring && onClose()}>
      <div
        className="history-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="history-heading"
        aria-describedby="history-intro"
        tabIndex={-1}
        ref={dialogRef}
        onKeyDown={trapTab}
        data-testid="history-dialog"
      >
        <div className="history-top">
          <h2 id="history-heading">{L.heading}</h2>
          <button type="button" className="link-button" onClick={onClose} disabled={restoring} data-testid="history-close">
            {L.close}
          </button>
        </div>
        <p id="history-intro" className="hint">
          {L.intro}
        </p>
        <div role="status" className="history-notice" data-testid="history-notice">
          {notice}
        </div>
        {actionError !== null && (
          <p className="error" role="alert" data-testid="history-error">
            {errorMessage(actionError, lang)}
          </p>
        )}
        {load.state === 'loading' && <p data-testid="history-loading">{L.loading}</p>}
        {load.state === 'error' && (
          <div className="history-load-error">
            <p className="error" role="alert" data-testid="history-load-error">
              {errorMessage(load.error, lang)}
            </p>
            <button type="button" onClick={reload}>
              {L.retry}
            </button>
          </div>
        )}
        {load.state === 'ready' && load.versions.length === 0 && (
          <p className="history-empty" data-testid="history-empty">
            {L.empty}
          </p>
        )}
        {load.state === 'ready' && load.versions.length > 0 && (
          <ul className="history-list" aria-label={L.versionsLabel} aria-busy={load.refreshing} data-testid="history-list">
            {withChanges(load.versions).map(({ version, changes }) => {
              const date = versionTime(version.createdAt, lang)
              const reason = reasonText(version.reason, lang)
              const open = confirming?.id === version.id
              return (
                <li key={version.id} className="history-version" data-testid="history-version" data-version-id={version.id} data-reason={version.reason}>
                  <div className="history-version-head">
                    <time dateTime={version.createdAt} className="history-time">
                      {date}
                    </time>
                    <span className={`tag history-reason reason-${version.reason}`} data-testid="history-reason">
                      {reason}
                    </span>
                  </div>
                  <p className="history-counts" data-testid="history-counts">
                    {countsText(version.counts, lang)}
                  </p>
                  <p className="history-changes" data-testid="history-changes">
                    {changes === null ? <span className="history-first">{L.firstVersion}</span> : <Changes changes={changes} />}
                  </p>
                  <p className="history-orgs">
                    {L.orgsLabel}
                    {orgsText(version.orgs, lang)}
                  </p>
                  <button
                    type="button"
                    className="history-restore"
                    aria-label={fill(L.restoreLabel, { date, reason })}
                    aria-expanded={open}
                    disabled={restoring || (confirming !== null && !open)}
                    onClick={() => (open ? cancelConfirm() : setConfirming(version))}
                    ref={(el) => {
                      if (el) restoreButtons.current.set(version.id, el)
                      else restoreButtons.current.delete(version.id)
                    }}
                    data-testid="history-restore"
                  >
                    {L.restore}
                  </button>
                  {open && (
                    <div
                      className="history-confirm"
                      role="alertdialog"
                      aria-labelledby="history-confirm-heading"
                      aria-describedby="history-confirm-body"
                      data-testid="history-confirm"
                    >
                      <h3 id="history-confirm-heading">{L.confirmHeading}</h3>
                      <p id="history-confirm-body">{fill(L.confirmBody, { date, reason })}</p>
                      <div className="form-buttons">
                        <button type="button" className="primary" onClick={() => void restore(version)} disabled={restoring} data-testid="history-confirm-restore">
                          {restoring ? L.restoring : L.confirmRestore}
                        </button>
                        <button type="button" onClick={cancelConfirm} disabled={restoring} ref={confirmRef} data-testid="history-confirm-cancel">
                          {L.confirmCancel}
                        </button>
                      </div>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </div>
  )
}

/** 「1つ前の版から：機関 −14・つながり −21」, removals in red and additions in green. */
function Changes({ changes }: { changes: CountChange[] }) {
  const { lang } = useI18n()
  const L = useCatalog(historyText)
  if (changes.length === 0) return <span className="history-nochange">{L.noChange}</span>
  return (
    <>
      <span className="history-change-label">{L.changeLabel}</span>
      {changes.map((change, i) => (
        <Fragment key={change.key}>
          {i > 0 && L.countSeparator}
          <span className={`history-delta ${change.delta < 0 ? 'minus' : 'plus'}`} data-testid={`history-delta-${change.key}`}>
            {changeText(change, lang)}
          </span>
        </Fragment>
      ))}
    </>
  )
}
