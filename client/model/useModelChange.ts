import { useState } from 'react'
import type { Lang } from '../../shared/i18n/catalog'
import { ModelValidationError } from '../../shared/model/ops'
import { useI18n } from '../i18n'

/**
 * The message of a refusal by the model's schema in `lang`, or null when `err` is something
 * else. The error carries its catalog key (shared/i18n/message.ts), so it reads in either language.
 */
export function modelRefusal(err: unknown, lang: Lang): string | null {
  return err instanceof ModelValidationError ? err.messageIn(lang) : null
}

/**
 * Runs changes to the shared model from a form or a panel. A record the schema refuses is
 * shown to the participant in their language instead of thrown; anything else is a bug and is
 * thrown. Show `error` with <RefusalNotice>. The refusal is kept, not its text, so switching
 * the language shows it in the new one.
 * @param before called before each change, e.g. to start a new undo step
 * @param describe which errors are refusals, and their message in `lang` (the quadrant's own
 *   ops refuse with their own error classes); anything it returns null for is thrown
 */
export function useModelChange(before?: () => void, describe: (err: unknown, lang: Lang) => string | null = modelRefusal) {
  const { lang } = useI18n()
  const [refusal, setRefusal] = useState<{ err: unknown } | null>(null)
  /** The refusal's message, or null when the change was made: for a form that shows it too. */
  const attempt = (change: () => void): string | null => {
    try {
      before?.()
      change()
      setRefusal(null)
      return null
    } catch (err) {
      const message = describe(err, lang)
      if (message === null) throw err
      setRefusal({ err })
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
    if (describe(err, lang) === null) throw err
    setRefusal({ err })
  }
  const error = refusal && describe(refusal.err, lang)
  return { error, run, attempt, report, clearError: () => setRefusal(null) }
}
