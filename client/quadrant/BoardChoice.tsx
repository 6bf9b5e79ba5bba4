import { useState } from 'react'
import type { QuadrantGroup } from '../../shared/quadrant/schema'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { quadrantText } from './labels'

/** The board select's value for the plenary (all groups overlaid). */
export const PLENARY = '__plenary__'

function loadChoice(roomId: string | undefined): string | null {
  if (!roomId) return null
  try {
    return localStorage.getItem(`jusou-quadrant-board-${roomId}`)
  } catch {
    return null
  }
}
function saveChoice(roomId: string | undefined, value: string): void {
  if (!roomId) return
  try {
    localStorage.setItem(`jusou-quadrant-board-${roomId}`, value)
  } catch {
    // not remembered; fine
  }
}

/**
 * Which board the participant looks at: a group's, or the plenary. With a room id the choice is
 * remembered across reloads. A chosen group that was deleted falls back to the participant's
 * own group, then to the first one.
 */
export function useBoardChoice(roomId: string | undefined, groups: QuadrantGroup[]) {
  const [choice, setChoice] = useState<string | null>(() => loadChoice(roomId))
  /** The participant's own group: stays chosen while they look at the plenary. */
  const [myGroup, setMyGroup] = useState<string | null>(() => loadChoice(roomId))
  const plenary = choice === PLENARY
  const known = (id: string | null) => id !== null && groups.some((g) => g.id === id)
  const groupId = known(choice) ? choice! : known(myGroup) ? myGroup! : (groups[0]?.id ?? null)
  const choose = (value: string) => {
    setChoice(value)
    if (value !== PLENARY) setMyGroup(value)
    saveChoice(roomId, value)
  }
  return { plenary, groupId, choose }
}

/** The toolbar's choice of board: each group's, then the plenary. */
export function BoardSelect(props: { groups: QuadrantGroup[]; plenary: boolean; groupId: string | null; onChoose: (value: string) => void }) {
  const L = useCatalog(quadrantText)
  return (
    <label className="qv-inline-label">
      {L.board}
      <select value={props.plenary ? PLENARY : (props.groupId ?? '')} onChange={(e) => props.onChoose(e.target.value)} data-testid="quadrant-board-select">
        {props.groups.length === 0 && <option value="">{fill(L.groupNumbered, { n: 1 })}</option>}
        {props.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value={PLENARY}>{L.plenary}</option>
      </select>
    </label>
  )
}
