import { useEffect, useState, type FormEvent } from 'react'
import { MAX_VOTE_LIMIT, type QuadrantGroup } from '../../shared/quadrant/schema'
import { groupPalette } from '../../shared/quadrant/vocabulary'
import type { Lang } from '../i18n'
import { RefusalNotice } from '../model/RefusalNotice'
import { labels } from './labels'

interface GroupsPanelProps {
  lang: Lang
  groups: QuadrantGroup[]
  cardCount: (groupId: string) => number
  /** Each returns an error message or null. */
  onCreate: (name: string, color: string) => string | null
  onUpdate: (id: string, patch: { name?: string; color?: string }) => string | null
  onDelete: (id: string, moveCardsTo: string | undefined) => string | null
}

/** Facilitator only: create, rename, recolour and delete workshop groups. */
export function GroupsPanel({ lang, groups, cardCount, onCreate, onUpdate, onDelete }: GroupsPanelProps) {
  const L = labels(lang)
  const [name, setName] = useState('')
  const nextColor = groupPalette[groups.length % groupPalette.length]
  const [color, setColor] = useState<string>(nextColor)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setColor(nextColor), [nextColor])
  const placeholder = `グループ${groups.length + 1}`

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = onCreate(name.trim() || placeholder, color)
    setError(problem)
    if (!problem) setName('')
  }
  return (
    <section className="qv-section" aria-labelledby="qv-groups-heading" data-testid="quadrant-groups">
      <h3 id="qv-groups-heading">{L.groupsHeading}</h3>
      <p className="qv-hint">{L.groupsIntro}</p>
      <ul className="qv-group-list">
        {groups.map((g) => (
          <GroupRow
            key={g.id}
            lang={lang}
            group={g}
            others={groups.filter((o) => o.id !== g.id)}
            cards={cardCount(g.id)}
            onUpdate={(patch) => setError(onUpdate(g.id, patch))}
            onDelete={(to) => setError(onDelete(g.id, to))}
          />
        ))}
      </ul>
      <form className="qv-inline-form" onSubmit={submit}>
        <input aria-label={L.groupName} value={name} maxLength={40} placeholder={placeholder} onChange={(e) => setName(e.target.value)} />
        <input type="color" aria-label={L.groupColor} value={color} onChange={(e) => setColor(e.target.value)} />
        <button type="submit">{L.createGroup}</button>
      </form>
      <RefusalNotice message={error} testId="quadrant-groups-error" />
    </section>
  )
}

function GroupRow({
  lang,
  group,
  others,
  cards,
  onUpdate,
  onDelete,
}: {
  lang: Lang
  group: QuadrantGroup
  others: QuadrantGroup[]
  cards: number
  onUpdate: (patch: { name?: string; color?: string }) => void
  onDelete: (moveCardsTo: string | undefined) => void
}) {
  const L = labels(lang)
  const [name, setName] = useState(group.name)
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '')
  useEffect(() => setName(group.name), [group.name])
  useEffect(() => {
    if (!others.some((o) => o.id === moveTo)) setMoveTo(others[0]?.id ?? '')
  }, [others, moveTo])
  const commitName = () => {
    if (name.trim() && name.trim() !== group.name) onUpdate({ name: name.trim() })
    else setName(group.name)
  }
  return (
    <li className="qv-group-row">
      <input type="color" aria-label={`${group.name} ${L.groupColor}`} value={group.color} onChange={(e) => onUpdate({ color: e.target.value })} />
      <input
        aria-label={L.groupName}
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commitName()
          }
        }}
      />
      <span className="qv-count" title={L.cardsCol}>
        {cards}
      </span>
      {cards > 0 && others.length > 0 && (
        <select aria-label={L.moveCardsTo} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              → {o.name}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        onClick={() => {
          if (window.confirm(`「${group.name}」${L.deleteGroupConfirm}`)) onDelete(cards > 0 ? moveTo || undefined : undefined)
        }}
      >
        {L.deleteGroup}
      </button>
    </li>
  )
}

interface VotingSettingsProps {
  lang: Lang
  voteLimit: number
  onLimit: (limit: number) => string | null
  onClear: () => void
}

/** Facilitator only: votes per person and a reset for a second round. */
export function VotingSettings({ lang, voteLimit, onLimit, onClear }: VotingSettingsProps) {
  const L = labels(lang)
  const [value, setValue] = useState(String(voteLimit))
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setValue(String(voteLimit)), [voteLimit])
  const commit = (raw: string) => {
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isInteger(n)) return setError(`${L.voteLimit}: 0〜${MAX_VOTE_LIMIT}`)
    setError(onLimit(n))
  }
  return (
    <section className="qv-section" aria-labelledby="qv-voting-heading" data-testid="quadrant-voting-settings">
      <h3 id="qv-voting-heading">
        {L.votingSettingsHeading}
      </h3>
      <div className="qv-inline-form">
        <label className="qv-inline-label">
          {L.voteLimit}
          <input
            type="number"
            name="voteLimit"
            min={0}
            max={MAX_VOTE_LIMIT}
            step={1}
            value={value}
            onChange={(e) => {
              setValue(e.target.value)
              commit(e.target.value)
            }}
          />
        </label>
        <span className="qv-hint">{L.voteLimitHint}</span>
      </div>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(L.clearVotesConfirm)) onClear()
        }}
      >
        {L.clearVotes}
      </button>
      <RefusalNotice message={error} testId="quadrant-voting-error" />
    </section>
  )
}
