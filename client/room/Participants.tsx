import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { fill } from '../../shared/i18n/catalog'
import { appText, useCatalog } from '../i18n'
import { groupByOrg, rosterFrom, sameRoster, type Participant } from './roster'

export type { Participant } from './roster'

/** Above this many people the list is grouped by 所属, with a count per group. */
export const FLAT_LIST_MAX = 30

/**
 * The room's roster. Re-renders only when someone joins, leaves or changes their profile,
 * not on every cursor tick (20 per second per participant in a plenary).
 */
export function useParticipants(awareness: Awareness): Participant[] {
  const [participants, setParticipants] = useState(() => rosterFrom(awareness.getStates(), awareness.clientID))
  useEffect(() => {
    const update = () => {
      const next = rosterFrom(awareness.getStates(), awareness.clientID)
      setParticipants((prev) => (sameRoster(prev, next) ? prev : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return participants
}

function ParticipantItem({ p, showOrg = true }: { p: Participant; showOrg?: boolean }) {
  const text = useCatalog(appText)
  return (
    <li data-testid="participant">
      <span className="dot" style={{ background: p.color }} aria-hidden="true" />
      <span className="name">{p.name}</span>
      {showOrg && p.org && <span className="org">{fill(text.orgInParens, { org: p.org })}</span>}
      {p.isSelf && (
        <span className="self">
          {text.separator}
          {text.you}
        </span>
      )}
    </li>
  )
}

export function ParticipantList({ awareness }: { awareness: Awareness }) {
  const text = useCatalog(appText)
  const participants = useParticipants(awareness)
  const others = participants.filter((p) => !p.isSelf).length
  const grouped = participants.length > FLAT_LIST_MAX
  return (
    <section className="participants" aria-label={text.participantsHeading} data-testid="participants">
      <h2>
        {text.participantsHeading} <span className="count" data-testid="participant-count">{participants.length}</span>
      </h2>
      {grouped ? (
        <>
          <p className="hint">{text.participantsGroupedHint}</p>
          <ul className="org-groups">
            {groupByOrg(participants).map((g) => (
              <li key={g.org} data-testid="participant-group">
                <details>
                  <summary>
                    <span className="org-name">{g.org || text.participantsNoOrg}</span>{' '}
                    <span className="count">{fill(text.peopleCount, { count: g.members.length })}</span>
                  </summary>
                  <ul>
                    {g.members.map((p) => (
                      <ParticipantItem key={p.clientId} p={p} showOrg={false} />
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul>
          {participants.map((p) => (
            <ParticipantItem key={p.clientId} p={p} />
          ))}
        </ul>
      )}
      {others === 0 && <p className="hint">{text.noOtherParticipants}</p>}
    </section>
  )
}
