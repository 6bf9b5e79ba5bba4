/**
 * The facilitator's form of the meeting records dialog: title, date and the 所属 present
 * (prefilled from the participants in the room until the facilitator edits the field).
 * Saving asks the server to keep the map as it is now (records-api.ts).
 */
import { useState, type FormEvent } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { MAX_RECORD_TITLE_LENGTH } from '../../shared/history/records'
import { useCatalog, useI18n } from '../i18n'
import { errorMessage } from '../server-api'
import { createRecord } from './records-api'
import { recordsText } from './records-labels'
import { localDate, parseAttendees } from './records-summary'

export interface RecordFormProps {
  roomId: string
  token: string
  /** The 所属 of the participants in the room now. */
  orgsPresent: readonly string[]
  onSaved: (notice: string) => void
}

export function RecordForm({ roomId, token, orgsPresent, onSaved }: RecordFormProps) {
  const { lang } = useI18n()
  const L = useCatalog(recordsText)
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(() => localDate())
  // null: not edited, so the field follows the roster.
  const [attendees, setAttendees] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const attendeesValue = attendees ?? orgsPresent.join(L.listSeparator)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const trimmed = title.trim()
    if (!trimmed || saving) return
    setSaving(true)
    setError(null)
    try {
      await createRecord(roomId, token, { title: trimmed, date: date || undefined, attendees: parseAttendees(attendeesValue) })
      setTitle('')
      onSaved(fill(L.saved, { title: trimmed }))
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="records-form" onSubmit={(e) => void submit(e)} aria-labelledby="records-form-heading" data-testid="records-form">
      <h3 id="records-form-heading">{L.formHeading}</h3>
      <div className="records-form-row">
        <label className="records-field records-title">
          <span>{L.title}</span>
          <input
            name="title"
            value={title}
            required
            maxLength={MAX_RECORD_TITLE_LENGTH}
            placeholder={L.titlePlaceholder}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="records-title"
          />
        </label>
        <label className="records-field">
          <span>{L.date}</span>
          <input type="date" name="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="records-date" />
        </label>
      </div>
      <label className="records-field">
        <span>{L.attendees}</span>
        <input
          name="attendees"
          value={attendeesValue}
          onChange={(e) => setAttendees(e.target.value)}
          aria-describedby="records-attendees-hint"
          data-testid="records-attendees"
        />
      </label>
      <p id="records-attendees-hint" className="hint">
        {L.attendeesHint}
      </p>
      {error !== null && (
        <p className="error" role="alert" data-testid="records-save-error">
          {errorMessage(error, lang)}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving || !title.trim()} data-testid="records-save">
        {saving ? L.saving : L.save}
      </button>
    </form>
  )
}
