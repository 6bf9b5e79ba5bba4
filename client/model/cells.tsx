import { useEffect, useState, type KeyboardEvent } from 'react'

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
  const [draft, setDraft] = useState(props.value ?? '')
  useEffect(() => setDraft(props.value ?? ''), [props.value])
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

/** Tags typed as one line, separated by 、 or commas. */
export function TagsCell(props: { value: string[]; label: string; disabled?: boolean; onCommit: (tags: string[]) => void }) {
  return (
    <TextCell
      value={props.value.join('、')}
      label={props.label}
      disabled={props.disabled}
      onCommit={(text) => props.onCommit(splitTags(text))}
    />
  )
}

export function splitTags(text: string): string[] {
  const tags = text
    .split(/[、,，]/)
    .map((t) => t.trim())
    .filter(Boolean)
  return [...new Set(tags)]
}

/** Several choices from a fixed list, as checkboxes in a disclosure. */
export function MultiSelectCell<T extends string>(props: {
  value: T[]
  label: string
  options: readonly T[]
  disabled?: boolean
  onCommit: (value: T[]) => void
}) {
  return (
    <details className="multi-select">
      <summary aria-label={`${props.label}: ${props.value.join('、')}`}>{props.value.join('、') || '—'}</summary>
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
            {option}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
