/**
 * How a refused model change reaches the participant, wherever it was made (a list, the
 * quadrant, a gesture on the board): the schema's message, in a live alert next to where
 * they worked, until their next successful change or until they dismiss it.
 */
export function RefusalNotice({
  message,
  testId,
  onDismiss,
  dismissLabel,
}: {
  message: string | null
  /** Kept per view so tests and screen readers can tell where the refusal happened. */
  testId: string
  onDismiss?: () => void
  dismissLabel?: string
}) {
  if (!message) return null
  return (
    <p className="error refusal-notice" role="alert" data-testid={testId}>
      <span>{message}</span>
      {onDismiss && dismissLabel && (
        <button type="button" className="refusal-dismiss" onClick={onDismiss}>
          {dismissLabel}
        </button>
      )}
    </p>
  )
}
