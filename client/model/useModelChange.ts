import { useState } from 'react'
import { ModelValidationError } from '../../shared/model/ops'

/** The message of a refusal by the model's schema, or null when `err` is something else. */
export function modelRefusal(err: unknown): string | null {
  return err instanceof ModelValidationError ? err.message : null
}

/**
 * Runs changes to the shared model from a form or a panel. A record the schema refuses is
 * shown to the participant (the message is Japanese, from shared/model) instead of thrown;
 * anything else is a bug and is thrown. Show `error` with <RefusalNotice>.
 * @param before called before each change, e.g. to start a new undo step
 * @param describe which errors are refusals, and their message (the quadrant's own ops refuse
 *   with their own error classes); anything it returns null for is thrown
 */
export function useModelChange(before?: () => void, describe: (err: unknown) => string | null = modelRefusal) {
  const [error, setError] = useState<string | null>(null)
  /** The refusal's message, or null when the change was made: for a form that shows it too. */
  const attempt = (change: () => void): string | null => {
    try {
      before?.()
      change()
      setError(null)
      return null
    } catch (err) {
      const message = describe(err)
      if (message === null) throw err
      setError(message)
      return message
    }
  }
  /** True when the change was made. */
  const run = (change: () => void): boolean => attempt(change) === null
  /**
   * For changes made outside `run` (a board gesture arrives through a store listener):
   * shows a refusal the same way, and rethrows anything else.
   */
  const report = (err: unknown): void => {
    const message = describe(err)
    if (message === null) throw err
    setError(message)
  }
  return { error, run, attempt, report, clearError: () => setError(null) }
}
