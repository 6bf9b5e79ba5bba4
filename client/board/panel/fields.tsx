/** The inspector's building blocks: a labelled row, text, note and select fields, a record's problem. */
import { useEffect, useState, type ReactNode } from 'react'
import { fill } from '../../../shared/i18n/catalog'
import { messageIn, type Message } from '../../../shared/i18n/message'
import { useCatalog, useI18n } from '../../i18n'
import { TextCell } from '../../model/cells'
import { boardText } from '../board-labels'
import type { BoardController } from '../controller'

/** What each of the inspector's forms gets. */
export interface FormProps {
  id: string
  controller: BoardController
  edit: (change: () => void) => void
}

/** A record the inspector cannot show: gone, or not valid. */
export function Problem({ state }: { state: { status: 'missing' } | { status: 'invalid'; message: Message } }) {
  const { lang } = useI18n()
  const B = useCatalog(boardText)
  return <p className="error">{state.status === 'missing' ? B.missing : fill(B.invalid, { problem: messageIn(state.message, lang) })}</p>
}

export function Row({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="inspector-row">
      <span className="inspector-label" aria-hidden="true">
        {label}
      </span>
      {children}
      {hint && <small className="hint">{hint}</small>}
    </div>
  )
}

/** Text that commits on Enter or when focus leaves, so peers never see half-typed words. */
export function TextField(props: Omit<Parameters<typeof TextCell>[0], 'className'>) {
  return <TextCell {...props} className="inspector-input" />
}

export function NoteField(props: { label: string; value: string | undefined; disabled: boolean; onCommit: (value: string) => void; describedBy?: string }) {
  const B = useCatalog(boardText)
  const [draft, setDraft] = useState(props.value ?? '')
  // A colleague's edit replaces the draft (as the lists' TextCell does).
  // oxlint-disable-next-line react/set-state-in-effect
  useEffect(() => setDraft(props.value ?? ''), [props.value])
  return (
    <textarea
      aria-label={props.label}
      aria-describedby={props.describedBy}
      value={draft}
      rows={3}
      disabled={props.disabled}
      placeholder={B.notePlaceholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft.trim() !== (props.value ?? '')) props.onCommit(draft.trim())
      }}
    />
  )
}

export function Select<T extends string>(props: {
  label: string
  value: T
  options: readonly { value: T; text: string }[]
  disabled: boolean
  onChange: (value: T) => void
  testId?: string
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  )
}
