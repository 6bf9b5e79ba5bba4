import { useState, type ReactNode } from 'react'
import type { Actor } from '../../shared/model/schema'
import { labelOf } from '../../shared/i18n/catalog'
import { fieldCatalog, levelCatalog } from '../../shared/i18n/vocabulary'
import { fields, levels } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { modelText } from './labels'

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
  const L = useCatalog(modelText)
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
          <option key={l} value={l}>
            {labelOf(levelCatalog, lang, l)}
          </option>
        ))}
      </select>
      <select aria-label={L.fields} value={field} onChange={(e) => setField(e.target.value as Field)}>
        {fields.map((f) => (
          <option key={f} value={f}>
            {labelOf(fieldCatalog, lang, f)}
          </option>
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
