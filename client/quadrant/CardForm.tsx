import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Actor } from '../../shared/model/schema'
import { PRACTICE_TEXT_MAX, type PracticeCard, type QuadrantGroup } from '../../shared/quadrant/schema'
import { quadrantIds, refGroups, type QuadrantId, type RefGroup } from '../../shared/quadrant/vocabulary'
import { quadrantTextCatalog } from '../../shared/i18n/quadrant'
import { useCatalog, useI18n } from '../i18n'
import { RefusalNotice } from '../model/RefusalNotice'
import { quadrantName, quadrantText, refGroupMark, refGroupName } from './labels'

export interface CardFields {
  text: string
  authorOrg: string
  authorName: string
  refGroup: RefGroup | ''
  actorIds: string[]
  groupId: string
}

interface FieldsProps {
  value: CardFields
  onChange: (next: CardFields) => void
  actors: Actor[]
  /** Groups to choose from; null hides the group field (the board decides the group). */
  groups: QuadrantGroup[] | null
  autoFocus?: boolean
}

function Fields({ value, onChange, actors, groups, autoFocus }: FieldsProps) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const set = (patch: Partial<CardFields>) => onChange({ ...value, ...patch })
  const toggleActor = (actorId: string) =>
    set({ actorIds: value.actorIds.includes(actorId) ? value.actorIds.filter((a) => a !== actorId) : [...value.actorIds, actorId] })
  return (
    <>
      <label className="qv-field">
        <span>{L.practiceText}</span>
        <textarea
          name="text"
          value={value.text}
          rows={3}
          maxLength={PRACTICE_TEXT_MAX}
          placeholder={L.practicePlaceholder}
          autoFocus={autoFocus}
          required
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      <div className="qv-row2">
        <label className="qv-field">
          <span>{L.authorOrg}</span>
          <input name="authorOrg" value={value.authorOrg} maxLength={80} onChange={(e) => set({ authorOrg: e.target.value })} />
        </label>
        <label className="qv-field">
          <span>{L.authorName}</span>
          <input name="authorName" value={value.authorName} maxLength={60} onChange={(e) => set({ authorName: e.target.value })} />
        </label>
      </div>
      {groups && groups.length > 0 && (
        <label className="qv-field">
          <span>{L.group}</span>
          <select name="groupId" value={value.groupId} onChange={(e) => set({ groupId: e.target.value })}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="qv-field">
        <span>{L.refGroup}</span>
        <select name="refGroup" value={value.refGroup} onChange={(e) => set({ refGroup: e.target.value as RefGroup | '' })}>
          <option value="">{L.refGroupNone}</option>
          {refGroups.map((g) => (
            <option key={g} value={g}>
              {refGroupMark[g]} {refGroupName(g, lang)}
            </option>
          ))}
        </select>
      </label>
      <details className="qv-actors">
        <summary>
          {L.actors}
          {value.actorIds.length > 0 && <span className="qv-count"> {value.actorIds.length}</span>}
        </summary>
        {actors.length === 0 ? (
          <p className="qv-muted">{L.actorsNone}</p>
        ) : (
          <fieldset>
            <legend className="visually-hidden">{L.actors}</legend>
            {actors.map((a) => (
              <label key={a.id} className="qv-check">
                <input type="checkbox" checked={value.actorIds.includes(a.id)} onChange={() => toggleActor(a.id)} />
                {a.name}
              </label>
            ))}
          </fieldset>
        )}
      </details>
    </>
  )
}

export type Placement = 'center' | QuadrantId

interface AddCardFormProps {
  profile: { name: string; org: string }
  actors: Actor[]
  /** In the plenary the participant says which group's board the card goes on. */
  groups: QuadrantGroup[] | null
  groupId: string
  /** Returns an error message, or null when the card was added. */
  onAdd: (fields: CardFields, place: Placement) => string | null
}

export function AddCardForm({ profile, actors, groups, groupId, onAdd }: AddCardFormProps) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const empty = (): CardFields => ({ text: '', authorOrg: profile.org, authorName: profile.name, refGroup: '', actorIds: [], groupId })
  const [fields, setFields] = useState<CardFields>(empty)
  const [place, setPlace] = useState<Placement>('center')
  const [error, setError] = useState<string | null>(null)

  // A changed profile (名前・所属を変更) prefills the next card, and another board chosen puts
  // it on that board: adjusted while rendering, as React advises for state that follows props.
  const [prefilled, setPrefilled] = useState({ org: profile.org, name: profile.name, groupId })
  const profileChanged = prefilled.org !== profile.org || prefilled.name !== profile.name
  const boardChanged = prefilled.groupId !== groupId
  if (profileChanged || boardChanged) {
    setPrefilled({ org: profile.org, name: profile.name, groupId })
    setFields((f) => ({
      ...f,
      ...(profileChanged ? { authorOrg: profile.org, authorName: profile.name } : {}),
      ...(boardChanged ? { groupId } : {}),
    }))
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = onAdd(fields, place)
    setError(problem)
    if (!problem) setFields((f) => ({ ...f, text: '', actorIds: [] }))
  }
  return (
    <section className="qv-section" aria-labelledby="qv-add-heading">
      <h3 id="qv-add-heading">{L.addHeading}</h3>
      <form className="qv-form" onSubmit={submit} data-testid="quadrant-add-form">
        <Fields value={fields} onChange={setFields} actors={actors} groups={groups} />
        <label className="qv-field">
          <span>{L.placeAt}</span>
          <select name="place" value={place} onChange={(e) => setPlace(e.target.value as Placement)}>
            <option value="center">{L.placeCenter}</option>
            {quadrantIds.map((q) => (
              <option key={q} value={q}>
                {quadrantName(q, lang)}
              </option>
            ))}
          </select>
        </label>
        <RefusalNotice message={error} testId="quadrant-add-error" />
        <button type="submit" className="qv-primary" disabled={fields.text.trim() === ''}>
          {L.add}
        </button>
      </form>
    </section>
  )
}

interface EditDialogProps {
  card: PracticeCard
  actors: Actor[]
  groups: QuadrantGroup[]
  onSave: (fields: CardFields) => string | null
  onDelete: () => void
  onClose: () => void
}

/** Edits one card's text and details; moving it is done on the diagram. */
export function EditDialog({ card, actors, groups, onSave, onDelete, onClose }: EditDialogProps) {
  const L = useCatalog(quadrantText)
  const orphanGroup = useCatalog(quadrantTextCatalog).orphanGroup
  const [fields, setFields] = useState<CardFields>({
    text: card.text,
    authorOrg: card.authorOrg,
    authorName: card.authorName,
    refGroup: card.refGroup ?? '',
    actorIds: card.actorIds ?? [],
    groupId: card.groupId,
  })
  const [error, setError] = useState<string | null>(null)
  const dialogRef = useRef<HTMLDivElement>(null)
  const listed = groups.some((g) => g.id === card.groupId)
    ? groups
    : [...groups, { id: card.groupId, name: orphanGroup, color: '#7f7f7f', order: 99_999 }]

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = onSave(fields)
    setError(problem)
    if (!problem) onClose()
  }
  return (
    <div className="qv-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="qv-dialog" role="dialog" aria-modal="true" aria-labelledby="qv-edit-heading" ref={dialogRef} data-testid="quadrant-edit-dialog">
        <h3 id="qv-edit-heading">{L.editHeading}</h3>
        <form className="qv-form" onSubmit={submit}>
          <Fields value={fields} onChange={setFields} actors={actors} groups={listed} autoFocus />
          <RefusalNotice message={error} testId="quadrant-edit-error" />
          <div className="qv-buttons">
            <button type="submit" className="qv-primary" disabled={fields.text.trim() === ''}>
              {L.save}
            </button>
            <button type="button" onClick={onClose}>
              {L.cancel}
            </button>
            <button
              type="button"
              className="qv-danger"
              onClick={() => {
                if (window.confirm(L.deleteCardConfirm)) onDelete()
              }}
            >
              {L.deleteCard}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
