import { useEffect, useRef, useState, type FormEvent } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { MAX_TITLE_LENGTH, roomKinds, type CreateRoomResponse, type RoomKind, type Role } from '../../shared/rooms'
import { createRoom, errorMessage } from '../server-api'
import { appText, useCatalog, useI18n, type AppTextKey } from '../i18n'
import { LangSwitch } from '../LangSwitch'

const kindText: Record<RoomKind, { label: AppTextKey; hint: AppTextKey }> = {
  case: { label: 'kindCase', hint: 'kindCaseHint' },
  community: { label: 'kindCommunity', hint: 'kindCommunityHint' },
  training: { label: 'kindTraining', hint: 'kindTrainingHint' },
}

const linkText: Record<Role, { label: AppTextKey; hint: AppTextKey }> = {
  facilitate: { label: 'linkFacilitate', hint: 'linkFacilitateHint' },
  edit: { label: 'linkEdit', hint: 'linkEditHint' },
  view: { label: 'linkView', hint: 'linkViewHint' },
}

export function HomePage() {
  const { lang } = useI18n()
  const text = useCatalog(appText)
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<RoomKind>('case')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreateRoomResponse | null>(null)

  useEffect(() => {
    document.title = text.appName
  }, [text])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    setBusy(true)
    try {
      setCreated(await createRoom({ title: title.trim(), kind }))
    } catch (err) {
      setError(errorMessage(err, lang))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="page">
      <header className="topbar">
        <h1 className="app-name">{text.appName}</h1>
        <LangSwitch />
      </header>
      <main className="narrow">
        <p className="intro">{text.homeIntro}</p>

        <section className="card">
          <h2>{text.createHeading}</h2>
          <form onSubmit={onSubmit} data-testid="create-room-form">
            <label className="field">
              <span>{text.titleLabel}</span>
              <input
                name="title"
                value={title}
                required
                maxLength={MAX_TITLE_LENGTH}
                placeholder={text.titlePlaceholder}
                onChange={(e) => setTitle(e.target.value)}
              />
            </label>
            <fieldset className="field kinds">
              <legend>{text.kindLabel}</legend>
              {roomKinds.map((k) => (
                <label key={k} className="kind-option">
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <span className="kind-label">{text[kindText[k].label]}</span>
                  <span className="hint">{text[kindText[k].hint]}</span>
                </label>
              ))}
            </fieldset>
            {error && (
              <p className="error" role="alert" data-testid="create-room-error">
                {error}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
              {busy ? text.creating : text.createButton}
            </button>
          </form>
        </section>

        {created && <CreatedRoom room={created} />}
      </main>
    </div>
  )
}

function CreatedRoom({ room }: { room: CreateRoomResponse }) {
  const text = useCatalog(appText)
  const roles: Role[] = ['facilitate', 'edit', 'view']
  return (
    <section className="card created" data-testid="created-room" aria-live="polite">
      <h2>
        {fill(text.createdHeading, { title: room.title })}
      </h2>
      <p className="note">{text.createdNote}</p>
      <dl className="links">
        {roles.map((role) => (
          <LinkRow key={role} role={role} url={room.links[role]} label={text[linkText[role].label]} hint={text[linkText[role].hint]} />
        ))}
      </dl>
    </section>
  )
}

function LinkRow({ role, url, label, hint }: { role: Role; url: string; label: string; hint: string }) {
  const text = useCatalog(appText)
  const [copied, setCopied] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  async function copy() {
    let ok = false
    // navigator.clipboard only exists in secure contexts (https or localhost); town-hall
    // intranets often serve plain http from an IP address, so fall back to execCommand.
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(url)
        ok = true
      } catch {
        ok = false
      }
    }
    if (!ok && inputRef.current) {
      inputRef.current.select()
      ok = document.execCommand('copy')
    }
    if (ok) {
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    }
  }

  return (
    <div className={`link-row link-${role}`} data-testid={`link-${role}`}>
      <dt>{label}</dt>
      <dd>
        <p className="hint">{hint}</p>
        <div className="link-controls">
          <input ref={inputRef} readOnly value={url} onFocus={(e) => e.target.select()} aria-label={label} />
          <button type="button" onClick={copy}>
            {copied ? text.copied : text.copy}
          </button>
          <a className="button" href={url} target="_blank" rel="noopener noreferrer">
            {text.open}
          </a>
        </div>
      </dd>
    </div>
  )
}
