import { useId, useState, type KeyboardEvent } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { planText } from './labels'
import { lengthStatus } from './logic'

/**
 * A text field of the plan that keeps the typist's draft while it has the focus: a colleague's
 * edit of another field (or of this one) re-renders the tab, but never moves the cursor or
 * replaces what is being typed. It saves when the focus leaves, on Enter (single line) or on
 * Ctrl+Enter (multi-line), not per keystroke, so peers do not see half-typed words. When a
 * colleague changes this very field meanwhile, it says so; Escape takes their text. With a
 * `maxLength` it counts the characters near the limit, and over it keeps the draft unsaved and
 * says so beside the field (a hard limit would cut a pasted text without a word).
 */
export function DraftText(props: {
  value: string | undefined
  label: string
  disabled?: boolean
  multiline?: boolean
  /** A single line that wraps (a textarea where Enter saves), for a table cell. */
  wrap?: boolean
  onCommit: (value: string) => void
  id?: string
  testId?: string
  className?: string
  placeholder?: string
  describedBy?: string
  /** The field's limit (planTextMax), and its name in the over-limit message. */
  maxLength?: number
  fieldName?: string
}) {
  const L = useCatalog(planText)
  const ownId = useId()
  const value = props.value ?? ''
  const [draft, setDraft] = useState(value)
  const [focused, setFocused] = useState(false)
  const [peerChanged, setPeerChanged] = useState(false)
  // A new value from the doc replaces the draft unless the participant is typing in it
  // (set while rendering, as React suggests for state that follows a prop).
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    if (!focused) setDraft(value)
    else if (value !== draft.trim()) setPeerChanged(true)
  }
  // A read-only field (a view link, a closed case) holds a saved text, within its limit: no counter.
  const length = props.maxLength === undefined || props.disabled ? null : lengthStatus(draft, props.maxLength)
  const over = length !== null && length.over > 0
  const commit = () => {
    if (over) return
    setPeerChanged(false)
    if (draft.trim() !== value) props.onCommit(draft.trim())
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (!props.multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape') {
      setDraft(value)
      setPeerChanged(false)
    }
  }
  const common = {
    id: props.id,
    className: props.className,
    'aria-label': props.label,
    'aria-describedby': [props.describedBy, length?.showCounter ? `${ownId}-count` : null, over ? `${ownId}-over` : null].filter(Boolean).join(' ') || undefined,
    'aria-invalid': over || undefined,
    value: draft,
    disabled: props.disabled,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    onFocus: () => setFocused(true),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => {
      setFocused(false)
      commit()
    },
    onKeyDown,
  }
  return (
    <>
      {props.multiline || props.wrap ? <textarea {...common} rows={props.multiline ? 3 : 2} /> : <input {...common} />}
      {length?.showCounter && (
        <small className={over ? 'plan-count plan-count-over' : 'plan-count'} id={`${ownId}-count`} data-testid="plan-char-count">
          {fill(L.charCount, { count: length.count, max: length.max })}
        </small>
      )}
      {over && (
        <p className="error plan-field-error" id={`${ownId}-over`} role="alert" data-testid="plan-too-long">
          {fill(L.tooLong, { field: props.fieldName ?? props.label, max: length.max, count: length.count, over: length.over })}
        </p>
      )}
      {peerChanged && (
        <small className="plan-peer-changed" role="status">
          {L.peerChanged}
        </small>
      )}
    </>
  )
}
