import { useState } from 'react'

/**
 * The "leave persons out" choice of every export. A view link may export only without persons
 * (observers and projectors; the server refuses the rest too), so for it the choice is forced.
 */
export function useExcludePersons(canExportPersons: boolean): [boolean, (exclude: boolean) => void] {
  const [choice, setChoice] = useState(false)
  return [choice || !canExportPersons, setChoice]
}

interface Props {
  label: string
  exclude: boolean
  canExportPersons: boolean
  onChange: (exclude: boolean) => void
  /** Id of the element that explains why the choice is forced, shown by the caller. */
  forcedHintId: string
  className: string
  testId: string
}

export function ExcludePersonsOption({ label, exclude, canExportPersons, onChange, forcedHintId, className, testId }: Props) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={exclude}
        disabled={!canExportPersons}
        aria-describedby={canExportPersons ? undefined : forcedHintId}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  )
}
