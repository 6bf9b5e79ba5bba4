import { useState, type ReactNode } from 'react'
import type { Actor } from '../../shared/model/schema'
import { fields, levels } from '../../shared/model/vocabulary'
import { useI18n } from '../i18n'
import { labels } from './labels'

type Field = Actor['fields'][number]

/**
 * The small form that creates an agency or group from a name, 階層, 分野 and
 * フォーマル/インフォーマル — in the list view and in the board's side panel.
 */
export function NewActorForm(props: {
  /** Adds the actor; returns false when it was refused (the name is then kept for correction). */
  onAdd: (actor: Omit<Actor, 'id'>) => boolean
  formLabel: string
  nameLabel: string
  submitLabel: string
  className: string
  heading?: ReactNode
}) {
  const { lang } = useI18n()
  const L = labels(lang)
  const [name, setName] = useState('')
  const [level, setLevel] = useState<Actor['level']>('市区町村（庁内）')
  const [field, setField] = useState<Field>('行政（総合）')
  const [formal, setFormal] = useState(true)
  return (
    <form
      className={props.className}
      aria-label={props.formLabel}
      onSubmit={(e) => {
        e.preventDefault()
        if (props.onAdd({ name: name.trim(), level, fields: [field], formal })) setName('')
      }}
    >
      {props.heading}
      <input aria-label={props.nameLabel} placeholder={props.nameLabel} value={name} onChange={(e) => setName(e.target.value)} />
      <select aria-label={L.level} value={level} onChange={(e) => setLevel(e.target.value as Actor['level'])}>
        {levels.map((l) => (
          <option key={l}>{l}</option>
        ))}
      </select>
      <select aria-label={L.fields} value={field} onChange={(e) => setField(e.target.value as Field)}>
        {fields.map((f) => (
          <option key={f}>{f}</option>
        ))}
      </select>
      <select aria-label={L.formality} value={formal ? 'f' : 'i'} onChange={(e) => setFormal(e.target.value === 'f')}>
        <option value="f">{L.formal}</option>
        <option value="i">{L.informal}</option>
      </select>
      <button type="submit">{props.submitLabel}</button>
    </form>
  )
}
