import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { AwarenessState } from '../board/presence'
import { useI18n } from '../i18n'

export interface Participant {
  clientId: number
  name: string
  org: string
  color: string
  isSelf: boolean
}

export function participantsFrom(awareness: Awareness): Participant[] {
  const list: Participant[] = []
  for (const [clientId, state] of awareness.getStates() as Map<number, AwarenessState>) {
    const user = state?.user
    if (!user || typeof user.name !== 'string' || !user.name) continue
    list.push({
      clientId,
      name: user.name,
      org: typeof user.org === 'string' ? user.org : '',
      color: typeof user.color === 'string' ? user.color : '#888',
      isSelf: clientId === awareness.clientID,
    })
  }
  return list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'ja'))
}

export function useParticipants(awareness: Awareness): Participant[] {
  const [participants, setParticipants] = useState(() => participantsFrom(awareness))
  useEffect(() => {
    const update = () => setParticipants(participantsFrom(awareness))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return participants
}

export function ParticipantList({ awareness }: { awareness: Awareness }) {
  const { t } = useI18n()
  const participants = useParticipants(awareness)
  const others = participants.filter((p) => !p.isSelf).length
  return (
    <section className="participants" aria-label={t('participantsHeading')} data-testid="participants">
      <h2>
        {t('participantsHeading')} <span className="count">{participants.length}</span>
      </h2>
      <ul>
        {participants.map((p) => (
          <li key={p.clientId} data-testid="participant">
            <span className="dot" style={{ background: p.color }} aria-hidden="true" />
            <span className="name">{p.name}</span>
            {p.org && <span className="org">（{p.org}）</span>}
            {p.isSelf && <span className="self">・{t('you')}</span>}
          </li>
        ))}
      </ul>
      {others === 0 && <p className="hint">{t('noOtherParticipants')}</p>}
    </section>
  )
}
