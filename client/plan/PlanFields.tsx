import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { consentCatalog, planFieldCatalog } from '../../shared/i18n/plan'
import type { MapModel } from '../../shared/model/schema'
import { updatePlanInfo } from '../../shared/plan/ops'
import { planTextMax, type PlanInfo } from '../../shared/plan/schema'
import { consents, NO_KEY_PERSON, type Consent } from '../../shared/plan/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { DraftText } from './DraftText'
import { planText } from './labels'
import { cardName, consentMeetingKey, dateCommit, planPersonalInfoWarning } from './logic'

type TextField = 'direction' | 'goals' | 'wishes'
const hints = { direction: 'directionHint', goals: 'goalsHint', wishes: 'wishesHint' } as const

/**
 * 支援方針, 目標, 本人の意向, 本人同意 (and the meeting it leads to), キーパーソン and 次回モニタリング日:
 * one field of the `plan` map each, saved through updatePlanInfo.
 */
export function PlanFields(props: { doc: Y.Doc; info: PlanInfo; model: MapModel; canEdit: boolean; origin?: unknown; run: (change: () => void) => boolean }) {
  const { doc, info, model, canEdit, origin, run } = props
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const F = useCatalog(planFieldCatalog)
  const save = (patch: Partial<PlanInfo>) => run(() => updatePlanInfo(doc, patch, origin))

  const textField = (field: TextField) => {
    const warning = planPersonalInfoWarning(info[field], F[field], lang)
    return (
      <div className="field plan-field" key={field}>
        <label htmlFor={`plan-${field}`}>{F[field]}</label>
        <DraftText
          id={`plan-${field}`}
          value={info[field]}
          label={F[field]}
          multiline
          disabled={!canEdit}
          testId={`plan-${field}`}
          maxLength={planTextMax[field]}
          fieldName={F[field]}
          describedBy={`plan-${field}-hint${warning ? ` plan-${field}-warning` : ''}`}
          onCommit={(value) => save({ [field]: value })}
        />
        <small className="hint" id={`plan-${field}-hint`}>
          {L[hints[field]]}
        </small>
        {warning && (
          <p className="personal-info-warning" id={`plan-${field}-warning`} role="status" data-testid="plan-personal-info-warning">
            {warning}
          </p>
        )}
      </div>
    )
  }

  return (
    <section className="plan-section plan-fields" aria-labelledby="plan-fields-heading">
      <h3 id="plan-fields-heading">{L.fieldsHeading}</h3>
      <div className="plan-fields-grid">
        <div>{(['direction', 'goals', 'wishes'] as const).map(textField)}</div>
        <div>
          <div className="field plan-field">
            <label htmlFor="plan-consent">{F.consent}</label>
            <select
              id="plan-consent"
              data-testid="plan-consent"
              value={info.consent ?? ''}
              disabled={!canEdit}
              aria-describedby="plan-consent-meeting"
              onChange={(e) => save({ consent: (e.target.value || undefined) as Consent | undefined })}
            >
              <option value="">{L.consentUnknown}</option>
              {consents.map((c) => (
                <option key={c} value={c}>
                  {labelOf(consentCatalog, lang, c)}
                </option>
              ))}
            </select>
            <p className="plan-meeting" id="plan-consent-meeting" data-testid="plan-consent-meeting" data-consent={info.consent ?? ''}>
              {L[consentMeetingKey(info.consent)]}
            </p>
          </div>
          <div className="field plan-field">
            <label htmlFor="plan-key-person">{F.keyPerson}</label>
            <select
              id="plan-key-person"
              data-testid="plan-key-person"
              value={info.keyPerson ?? ''}
              disabled={!canEdit}
              onChange={(e) => save({ keyPerson: e.target.value || undefined })}
            >
              <option value="">{L.keyPersonUndecided}</option>
              <option value={NO_KEY_PERSON}>{L.keyPersonNone}</option>
              {model.actors.length > 0 && (
                <optgroup label={L.keyPersonActors}>
                  {model.actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {model.persons.length > 0 && (
                <optgroup label={L.keyPersonPersons}>
                  {model.persons.map((p) => (
                    <option key={p.id} value={p.id}>
                      {cardName(model, p.id, lang)}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div className="field plan-field">
            <label htmlFor="plan-next-monitoring">{F.nextMonitoring}</label>
            <DateField
              id="plan-next-monitoring"
              testId="plan-next-monitoring"
              value={info.nextMonitoring}
              label={F.nextMonitoring}
              disabled={!canEdit}
              describedBy="plan-next-monitoring-hint"
              onCommit={(nextMonitoring) => save({ nextMonitoring })}
            />
            <small className="hint" id="plan-next-monitoring-hint">
              {L.nextMonitoringHint}
            </small>
          </div>
          <p className="hint">{L.saveHint}</p>
        </div>
      </div>
    </section>
  )
}

/**
 * A date field that saves when the focus leaves it or on Enter — not while the date is being
 * typed, when every keystroke in the day or year makes another real date that peers would see
 * (and that might count as overdue meanwhile). A date typed only in part, or one that does not
 * exist, is refused beside the field and kept for correcting; Escape brings back the saved one.
 */
export function DateField(props: {
  value: string | undefined
  label: string
  disabled?: boolean
  onCommit: (value: string) => void
  id?: string
  testId?: string
  className?: string
  describedBy?: string
}) {
  const L = useCatalog(planText)
  const errorId = useId()
  const value = props.value ?? ''
  const [draft, setDraft] = useState(value)
  const [invalid, setInvalid] = useState(false)
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setDraft(value)
    setInvalid(false)
  }
  const commit = (input: HTMLInputElement) => {
    const next = dateCommit(input.value, value, input.validity.badInput)
    setInvalid(next.kind === 'invalid')
    if (next.kind === 'save') props.onCommit(next.value)
  }
  return (
    <>
      <input
        type="date"
        id={props.id}
        className={props.className}
        aria-label={props.label}
        aria-describedby={[props.describedBy, invalid ? errorId : null].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        data-testid={props.testId}
        value={draft}
        min="1900-01-01"
        max="2200-12-31"
        disabled={props.disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.currentTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit(e.currentTarget)
          } else if (e.key === 'Escape') {
            e.currentTarget.value = value
            setDraft(value)
            setInvalid(false)
          }
        }}
      />
      {invalid && (
        <p className="error plan-field-error" id={errorId} role="alert" data-testid="plan-date-invalid">
          {fill(L.dateInvalid, { field: props.label })}
        </p>
      )}
    </>
  )
}
