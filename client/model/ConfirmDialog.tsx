/**
 * A question before a change that is hard to see coming (deleting several cards, replacing the
 * map): role="alertdialog", modal, focus on the cancel button (the safe answer), Escape
 * cancels, Tab stays inside. Used by the board and by the import.
 *
 * It is rendered into document.body, and keys pressed inside it stop at the dialog: tldraw
 * listens for its shortcuts on document.body, and treats a focused button as no reason to skip
 * them, so Delete or Backspace on the dialog's buttons would otherwise delete the selection.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import './confirm-dialog.css'

export interface ConfirmDialogProps {
  title: string
  /** The sentences saying what happens. */
  children: ReactNode
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** Styles the confirm button as destructive. */
  danger?: boolean
  testId?: string
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, onConfirm, onCancel, danger = true, testId }: ConfirmDialogProps) {
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const onCancelRef = useRef(onCancel)
  useEffect(() => {
    onCancelRef.current = onCancel
  })

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    cancel.current?.focus()
    const el = dialog.current
    // Native, on the dialog itself: React would see these keys only at document.body, where
    // tldraw's shortcut listener is too.
    const onKey = (e: KeyboardEvent) => {
      e.stopPropagation()
      if (e.key === 'Escape') {
        e.preventDefault()
        onCancelRef.current()
      } else if (e.key === 'Tab' && el) {
        const buttons = [...el.querySelectorAll<HTMLButtonElement>('button:not([disabled])')]
        if (buttons.length === 0) return
        const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
        const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : at === buttons.length - 1 ? 0 : at + 1
        e.preventDefault()
        buttons[next].focus()
      }
    }
    el?.addEventListener('keydown', onKey)
    el?.addEventListener('keyup', stop)
    return () => {
      el?.removeEventListener('keydown', onKey)
      el?.removeEventListener('keyup', stop)
      if (before?.isConnected) before.focus()
    }
  }, [])

  return createPortal(
    <div className="modal-backdrop confirm-backdrop">
      <div
        ref={dialog}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        data-testid={testId}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-body`} className="confirm-body">
          {children}
        </div>
        <div className="confirm-actions">
          <button ref={cancel} type="button" onClick={onCancel} data-testid={testId && `${testId}-cancel`}>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? 'danger-button' : 'primary'} onClick={onConfirm} data-testid={testId && `${testId}-confirm`}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}

function stop(e: Event) {
  e.stopPropagation()
}
