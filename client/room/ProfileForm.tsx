import { useState, type FormEvent } from 'react'
import { appText, useCatalog } from '../i18n'
import type { Profile } from './storage'

/** 表示名 and 所属: asked before entering a room, and changeable from inside it. */
export function ProfileForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: Profile | null
  onSubmit: (profile: Profile) => void
  onCancel?: () => void
}) {
  const text = useCatalog(appText)
  const [name, setName] = useState(initial?.name ?? '')
  const [org, setOrg] = useState(initial?.org ?? '')
  const [error, setError] = useState(false)
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || !org.trim()) {
      setError(true)
      return
    }
    onSubmit({ name: name.trim(), org: org.trim() })
  }
  return (
    <section className="card profile-card">
      <h2>{text.profileHeading}</h2>
      <p className="hint">{text.profileIntro}</p>
      <form onSubmit={submit} data-testid="profile-form">
        <label className="field">
          <span>{text.profileName}</span>
          <input name="name" value={name} maxLength={40} autoFocus placeholder={text.profileNamePlaceholder} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{text.profileOrg}</span>
          <input name="org" value={org} maxLength={80} placeholder={text.profileOrgPlaceholder} onChange={(e) => setOrg(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {text.profileRequired}
          </p>
        )}
        <div className="form-buttons">
          <button type="submit" className="primary">
            {initial ? text.profileSave : text.profileSubmit}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {text.cancel}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
