import { updateRecord } from '../../../shared/model/ops'
import type { Person } from '../../../shared/model/schema'
import { labelOf } from '../../../shared/i18n/catalog'
import { ageBandCatalog, issueTagCatalog, personRoleCatalog } from '../../../shared/i18n/vocabulary'
import { ageBands, personRoleSuggestions, suggestedIssueTags } from '../../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../../i18n'
import { modelText } from '../../model/labels'
import { PersonalInfoNotice, personalInfoNoticeId } from '../../model/PersonalInfoNotice'
import { personRole, storedTerm, tagsFromText } from '../../model/vocabulary'
import { boardText } from '../board-labels'
import { useModelRecord } from '../model-records'
import { MODEL_ORIGIN } from '../origins'
import { NoteField, Problem, Row, Select, TextField, type FormProps } from './fields'

/** The inspector's fields of a person: a role and an age band, never a name. */
export function PersonForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const B = useCatalog(boardText)
  const state = useModelRecord(controller.doc, 'person', id)
  if (state.status !== 'ok') return <Problem state={state} />
  const p = state.record
  const disabled = !controller.canEdit
  const save = (patch: Partial<Omit<Person, 'id'>>) => edit(() => updateRecord(controller.doc, 'person', id, patch, MODEL_ORIGIN))
  const suggested = new Set<string>(suggestedIssueTags)
  // Free tags are the user's own words, shown and stored as typed (a suggested tag typed here
  // in English is stored as its Japanese term and moves to the toggles above).
  const others = p.issues.filter((t) => !suggested.has(t))
  // Distinct from the lists' warning ids: both views may be in the page.
  const noticeKey = `inspector-${id}`
  return (
    <div className="inspector-form" data-testid="inspector-person" data-record-id={id}>
      <h3>{B.personHeading}</h3>
      <p className="hint">{B.privacyHint}</p>
      <Row label={L.label}>
        {/* The role in the participant's language (本人 → The person supported); stored in Japanese. */}
        <TextField
          label={L.label}
          value={personRole(p.label, lang)}
          disabled={disabled}
          onCommit={(label) => save({ label: storedTerm(personRoleCatalog, lang, label) })}
          list="person-role-suggestions"
          describedBy={personalInfoNoticeId(p.label, 'label', noticeKey)}
          testId="inspector-person-label"
        />
        <PersonalInfoNotice text={p.label} field="label" recordId={noticeKey} />
        <datalist id="person-role-suggestions">
          {personRoleSuggestions.map((r) => (
            <option key={r} value={labelOf(personRoleCatalog, lang, r)} />
          ))}
        </datalist>
      </Row>
      <Row label={L.ageBand}>
        <Select label={L.ageBand} value={p.ageBand} options={ageBands.map((b) => ({ value: b, text: labelOf(ageBandCatalog, lang, b) }))} disabled={disabled} onChange={(ageBand) => save({ ageBand })} />
      </Row>
      <Row label={L.household}>
        <Select
          label={L.household}
          value={p.household ? 'yes' : 'no'}
          options={[
            { value: 'yes', text: L.householdYes },
            { value: 'no', text: L.householdNo },
          ]}
          disabled={disabled}
          onChange={(v) => save({ household: v === 'yes' })}
        />
      </Row>
      <fieldset className="inspector-tags" disabled={disabled}>
        <legend>{L.issues}</legend>
        {suggestedIssueTags.map((tag) => (
          <label key={tag} className={`tag-toggle${p.issues.includes(tag) ? ' on' : ''}`}>
            <input
              type="checkbox"
              checked={p.issues.includes(tag)}
              onChange={(e) => save({ issues: e.target.checked ? [...p.issues, tag] : p.issues.filter((t) => t !== tag) })}
            />
            {labelOf(issueTagCatalog, lang, tag)}
          </label>
        ))}
      </fieldset>
      <Row label={B.otherTags} hint={B.otherTagsHint}>
        <TextField
          label={B.otherTags}
          value={others.join(L.listSeparator)}
          disabled={disabled}
          onCommit={(text) => save({ issues: [...new Set([...p.issues.filter((t) => suggested.has(t)), ...tagsFromText(text, lang)])] })}
        />
      </Row>
      <Row label={L.note}>
        <NoteField label={L.note} value={p.note} disabled={disabled} onCommit={(note) => save({ note })} describedBy={personalInfoNoticeId(p.note, 'note', noticeKey)} />
        <PersonalInfoNotice text={p.note} field="note" recordId={noticeKey} />
      </Row>
    </div>
  )
}
