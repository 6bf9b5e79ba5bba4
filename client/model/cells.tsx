import { useState, type KeyboardEvent } from 'react'
import { useCatalog, useI18n } from '../i18n'
import { modelText } from './labels'
import { tagsFromText, tagsText } from './vocabulary'

export { splitTags } from './vocabulary'

/**
 * Table cells that edit one field of a model record. Text commits on Enter or when focus
 * leaves (not per keystroke, so peers do not see half-typed words); selects commit at once.
 * Every control carries an aria-label, because in a table the column header is far away.
 */

export function TextCell(props: {
  value: string | undefined
  label: string
  disabled?: boolean
  multiline?: boolean
  onCommit: (value: string) => void
  /** id of a <datalist> with suggestions. */
  list?: string
  testId?: string
  /** Table cells look like text until hovered; the board's inspector uses plain fields. */
  className?: string
  /** id of a warning about this field's value (aria-describedby). */
  describedBy?: string
}) {
  const value = props.value ?? ''
  const [draft, setDraft] = useState(value)
  // A new value from the doc (a peer's edit, an undo) replaces the draft, as React suggests
  // for state that follows a prop: set while rendering, not in an effect.
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setDraft(value)
  }
  const commit = () => {
    if (draft.trim() !== (props.value ?? '')) props.onCommit(draft.trim())
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(props.multiline && e.shiftKey)) {
      e.preventDefault()
      commit()
    } else if (e.key === 'Escape') {
      setDraft(props.value ?? '')
    }
  }
  return (
    <input
      className={props.className ?? 'cell-input'}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      value={draft}
      list={props.list}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  )
}

export function SelectCell<T extends string>(props: {
  value: T | ''
  label: string
  options: readonly { value: T; text: string }[]
  placeholder?: string
  disabled?: boolean
  onCommit: (value: T) => void
}) {
  return (
    <select
      className="cell-select"
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => e.target.value && props.onCommit(e.target.value as T)}
    >
      {props.value === '' && <option value="">{props.placeholder ?? '—'}</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  )
}

/**
 * Tags typed as one line, separated by 、 or commas; suggested tags are shown in the
 * participant's language and stored as their Japanese term (./vocabulary.ts).
 */
export function TagsCell(props: { value: string[]; label: string; disabled?: boolean; onCommit: (tags: string[]) => void }) {
  const { lang } = useI18n()
  return (
    <TextCell
      value={tagsText(props.value, lang)}
      label={props.label}
      disabled={props.disabled}
      onCommit={(text) => props.onCommit(tagsFromText(text, lang))}
    />
  )
}

/** Several choices from a fixed list, as checkboxes in a disclosure; `optionText` names a choice. */
export function MultiSelectCell<T extends string>(props: {
  value: T[]
  label: string
  options: readonly T[]
  optionText: (option: T) => string
  disabled?: boolean
  onCommit: (value: T[]) => void
}) {
  const L = useCatalog(modelText)
  const chosen = props.value.map(props.optionText).join(L.listSeparator)
  return (
    <details className="multi-select">
      <summary aria-label={`${props.label}: ${chosen}`}>{chosen || '—'}</summary>
      <fieldset disabled={props.disabled}>
        <legend className="visually-hidden">{props.label}</legend>
        {props.options.map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              checked={props.value.includes(option)}
              onChange={(e) =>
                props.onCommit(e.target.checked ? [...props.value, option] : props.value.filter((v) => v !== option))
              }
            />
            {props.optionText(option)}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
