import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { planValidationCatalog } from '../../shared/i18n/plan'
import { fill } from '../../shared/i18n/catalog'
import { planTextMax, type Closure } from '../../shared/plan/schema'
import { errorMessage } from '../server-api'
import { useCatalog, useI18n } from '../i18n'
import { ConfirmDialog } from '../model/ConfirmDialog'
import { closeCase, reopenCase } from './api'
import { planText } from './labels'
import { lengthStatus } from './logic'
import '../model/confirm-dialog.css'

/**
 * 終結, for the facilitator: close the case with a reason, or undo the closing. Both only ask
 * the server; the closure itself reaches every participant (this one too) through the sync.
 */
export function ClosureSection({ roomId, token, closure }: { roomId: string; token: string; closure: Closure | null }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const reopen = async () => {
    setDialog(null)
    setBusy(true)
    setError(null)
    try {
      await reopenCase(roomId, token)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="plan-section plan-closure" aria-labelledby="plan-closure-heading" data-testid="plan-closure">
      <h3 id="plan-closure-heading">{L.closureHeading}</h3>
      {!closure && <p className="hint">{L.closureIntro}</p>}
      {error !== null && (
        <p className="error" role="alert" data-testid="plan-closure-error">
          {errorMessage(error, lang)}
        </p>
      )}
      {closure ? (
        <button type="button" onClick={() => setDialog('reopen')} disabled={busy} data-testid="plan-reopen">
          {busy ? L.reopening : L.reopenButton}
        </button>
      ) : (
        <button type="button" className="danger-button" onClick={() => setDialog('close')} disabled={busy} data-testid="plan-close">
          {L.closeButton}
        </button>
      )}
      {dialog === 'close' && <CloseDialog roomId={roomId} token={token} onDone={() => setDialog(null)} />}
      {dialog === 'reopen' && (
        <ConfirmDialog
          title={L.reopenTitle}
          confirmLabel={L.reopenConfirm}
          cancelLabel={L.cancel}
          danger={false}
          testId="plan-reopen-confirm"
          onCancel={() => setDialog(null)}
          onConfirm={() => void reopen()}
        >
          <p>{L.reopenBody}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

const focusable = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled])'

/**
 * The closing dialog: modal, over everything (the board's tldraw UI too), focus on the reason,
 * Escape cancels, Tab stays inside, and keys stop at the dialog (tldraw listens on the body).
 */
function CloseDialog({ roomId, token, onDone }: { roomId: string; token: string; onDone: () => void }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const V = useCatalog(planValidationCatalog)
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    field.current?.focus()
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const length = lengthStatus(reason, planTextMax.reason)
  const over = length.over > 0
  const submit = async () => {
    if (over) return field.current?.focus()
    if (!reason.trim()) {
      setMissing(true)
      field.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await closeCase(roomId, token, reason.trim())
      onDone()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  // Native listeners on the dialog itself: React would see these keys only at document.body,
  // where tldraw's shortcut listener is too (as in ConfirmDialog).
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {})
  useEffect(() => {
    onKey.current = (e) => {
      e.stopPropagation()
      if (e.key === 'Escape') {
        e.preventDefault()
        if (!busy) onDone()
      } else if (e.key === 'Tab' && dialog.current) {
        const items = [...dialog.current.querySelectorAll<HTMLElement>(focusable)]
        if (items.length === 0) return
        const at = items.indexOf(document.activeElement as HTMLElement)
        e.preventDefault()
        items[e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1].focus()
      }
    }
  })
  useEffect(() => {
    const el = dialog.current
    const down = (e: KeyboardEvent) => onKey.current(e)
    const up = (e: KeyboardEvent) => e.stopPropagation()
    el?.addEventListener('keydown', down)
    el?.addEventListener('keyup', up)
    return () => {
      el?.removeEventListener('keydown', down)
      el?.removeEventListener('keyup', up)
    }
  }, [])

  const examples = [L.reasonExample1, L.reasonExample2, L.reasonExample3]
  return createPortal(
    <div className="modal-backdrop confirm-backdrop">
      <div
        ref={dialog}
        className="confirm-dialog plan-close-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        data-testid="plan-close-dialog"
      >
        <h2 id={`${id}-title`}>{L.closeTitle}</h2>
        <div id={`${id}-body`} className="confirm-body">
          <p>{L.closeBody}</p>
          <p className="hint">{L.closeKeeps}</p>
        </div>
        <label className="plan-reason" htmlFor={`${id}-reason`}>
          {L.reasonLabel}
        </label>
        <textarea
          ref={field}
          id={`${id}-reason`}
          rows={3}
          value={reason}
          required
          aria-invalid={(missing && !reason.trim()) || over}
          aria-describedby={[missing && !reason.trim() ? `${id}-missing` : '', length.showCounter ? `${id}-count` : '', over ? `${id}-over` : ''].filter(Boolean).join(' ') || undefined}
          data-testid="plan-close-reason"
          onChange={(e) => setReason(e.target.value)}
        />
        {/* No hard maxLength: it would cut a pasted reason without a word. */}
        {length.showCounter && (
          <small className={over ? 'plan-count plan-count-over' : 'plan-count'} id={`${id}-count`} data-testid="plan-char-count">
            {fill(L.charCount, { count: length.count, max: length.max })}
          </small>
        )}
        {over && (
          <p className="error plan-field-error" id={`${id}-over`} role="alert" data-testid="plan-too-long">
            {fill(L.tooLong, { field: L.reasonField, max: length.max, count: length.count, over: length.over })}
          </p>
        )}
        <div className="plan-reason-examples">
          <span>{L.reasonExamples}</span>
          {examples.map((example) => (
            <button key={example} type="button" className="plan-chip" onClick={() => setReason(example)}>
              {example}
            </button>
          ))}
        </div>
        {missing && !reason.trim() && (
          <p className="error" id={`${id}-missing`} role="alert" data-testid="plan-close-missing">
            {V.closureReason}
          </p>
        )}
        {error !== null && (
          <p className="error" role="alert" data-testid="plan-close-error">
            {errorMessage(error, lang)}
          </p>
        )}
        <div className="confirm-actions">
          <button type="button" onClick={onDone} disabled={busy} data-testid="plan-close-cancel">
            {L.cancel}
          </button>
          <button type="button" className="danger-button" onClick={() => void submit()} disabled={busy || over} data-testid="plan-close-confirm">
            {busy ? L.closing : L.closeConfirm}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
