import { useState } from 'react'

/**
 * A participant's unsaved edit of a value stored in the document (a group's name, the vote
 * limit, the colour offered for the next group). The stored value is shown until they edit it;
 * when the stored value changes (saved here, or changed by a peer) it replaces the edit.
 * @returns the value to show, a setter for the edit, and a way to drop the edit
 */
export function useDraft<T>(stored: T): [T, (value: T) => void, () => void] {
  const [draft, setDraft] = useState<{ base: T; value: T } | null>(null)
  const stale = draft !== null && !Object.is(draft.base, stored)
  // Dropped during render rather than in an effect, so a stale edit is never shown.
  if (stale) setDraft(null)
  return [draft !== null && !stale ? draft.value : stored, (value) => setDraft({ base: stored, value }), () => setDraft(null)]
}
