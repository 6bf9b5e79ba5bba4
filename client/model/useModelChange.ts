import { useState } from 'react'
import { ModelValidationError } from '../../shared/model/ops'

/**
 * Runs changes to the shared model from a form or a panel. A record the schema refuses is
 * shown to the participant (the message is Japanese, from shared/model) instead of thrown;
 * anything else is a bug and is thrown. Show `error` with <RefusalNotice>.
 * @param before called before each change, e.g. to start a new undo step
 */
export function useModelChange(before?: () => void) {
  const [error, setError] = useState<string | null>(null)
  /** True when the change was made. */
  const run = (change: () => void): boolean => {
    try {
      before?.()
      change()
      setError(null)
      return true
    } catch (err) {
      if (err instanceof ModelValidationError) {
        setError(err.message)
        return false
      }
      throw err
    }
  }
  /**
   * For changes made outside `run` (a board gesture arrives through a store listener):
   * shows a refusal the same way, and rethrows anything else.
   */
  const report = (err: unknown): void => {
    if (err instanceof ModelValidationError) setError(err.message)
    else throw err
  }
  return { error, run, report, clearError: () => setError(null) }
}
