import { useState, type FormEvent } from 'react'
import { MAX_VOTE_LIMIT, type QuadrantGroup } from '../../shared/quadrant/schema'
import { groupPalette } from '../../shared/quadrant/vocabulary'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { RefusalNotice } from '../model/RefusalNotice'
import { quadrantText } from './labels'
import { useDraft } from './useDraft'

interface GroupsPanelProps {
  groups: QuadrantGroup[]
  cardCount: (groupId: string) => number
  /** Each returns an error message or null. */
  onCreate: (name: string, color: string) => string | null
  onUpdate: (id: string, patch: { name?: string; color?: string }) => string | null
  onDelete: (id: string, moveCardsTo: string | undefined) => string | null
}

/** Facilitator only: create, rename, recolour and delete workshop groups. */
export function GroupsPanel({ groups, cardCount, onCreate, onUpdate, onDelete }: GroupsPanelProps) {
  const L = useCatalog(quadrantText)
  const [name, setName] = useState('')
  const nextColor = groupPalette[groups.length % groupPalette.length]
  // The colour picker offers the palette's next colour; a new group moves the offer on.
  const [color, setColor] = useDraft<string>(nextColor)
  const [error, setError] = useState<string | null>(null)
  const placeholder = fill(L.groupNumbered, { n: groups.length + 1 })

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
  group,
  others,
  cards,
  onUpdate,
  onDelete,
}: {
  group: QuadrantGroup
  others: QuadrantGroup[]
  cards: number
  onUpdate: (patch: { name?: string; color?: string }) => void
  onDelete: (moveCardsTo: string | undefined) => void
}) {
  const L = useCatalog(quadrantText)
  const [name, setName, resetName] = useDraft(group.name)
  const [chosenMoveTo, setMoveTo] = useState(others[0]?.id ?? '')
  // A chosen target group that was deleted falls back to the first other group.
  const moveTo = others.some((o) => o.id === chosenMoveTo) ? chosenMoveTo : (others[0]?.id ?? '')
  const commitName = () => {
    if (name.trim() && name.trim() !== group.name) onUpdate({ name: name.trim() })
    else resetName()
  }
  return (
    <li className="qv-group-row">
      <input type="color" aria-label={fill(L.groupColorOf, { group: group.name })} value={group.color} onChange={(e) => onUpdate({ color: e.target.value })} />
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
          if (window.confirm(fill(L.deleteGroupConfirm, { group: group.name }))) onDelete(cards > 0 ? moveTo || undefined : undefined)
        }}
      >
        {L.deleteGroup}
      </button>
    </li>
  )
}

interface VotingSettingsProps {
  voteLimit: number
  onLimit: (limit: number) => string | null
  onClear: () => void
}

/** Facilitator only: votes per person and a reset for a second round. */
export function VotingSettings({ voteLimit, onLimit, onClear }: VotingSettingsProps) {
  const L = useCatalog(quadrantText)
  const [value, setValue] = useDraft(String(voteLimit))
  const [error, setError] = useState<string | null>(null)
  const commit = (raw: string) => {
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isInteger(n)) return setError(fill(L.voteLimitRange, { max: MAX_VOTE_LIMIT }))
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
