import { updateRecord } from '../../../shared/model/ops'
import type { Actor } from '../../../shared/model/schema'
import { labelOf } from '../../../shared/i18n/catalog'
import { fieldCatalog, levelCatalog } from '../../../shared/i18n/vocabulary'
import { fieldColors, fields, levels, type Field } from '../../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../../i18n'
import { modelText } from '../../model/labels'
import { boardText } from '../board-labels'
import { useModelRecord } from '../model-records'
import { MODEL_ORIGIN } from '../origins'
import { NoteField, Problem, Row, Select, TextField, type FormProps } from './fields'

/** The inspector's fields of an agency, department or group. */
export function ActorForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const B = useCatalog(boardText)
  const state = useModelRecord(controller.doc, 'actor', id)
  if (state.status !== 'ok') return <Problem state={state} />
  const a = state.record
  const disabled = !controller.canEdit
  const save = (patch: Partial<Omit<Actor, 'id'>>) => edit(() => updateRecord(controller.doc, 'actor', id, patch, MODEL_ORIGIN))
  return (
    <div className="inspector-form" data-testid="inspector-actor" data-record-id={id}>
      <h3>
        <span className="field-dot" style={{ background: fieldColors[a.fields[0]] }} aria-hidden="true" />
        {B.actorHeading}
      </h3>
      <Row label={L.name}>
        <TextField label={L.name} value={a.name} disabled={disabled} onCommit={(name) => save({ name })} testId="inspector-name" />
      </Row>
      <Row label={L.level}>
        <Select label={L.level} value={a.level} options={levels.map((l) => ({ value: l, text: labelOf(levelCatalog, lang, l) }))} disabled={disabled} onChange={(level) => save({ level })} />
      </Row>
      <Row label={L.formality}>
        <Select
          label={L.formality}
          value={a.formal ? 'formal' : 'informal'}
          options={[
            { value: 'formal', text: L.formal },
            { value: 'informal', text: L.informal },
          ]}
          disabled={disabled}
          onChange={(v) => save({ formal: v === 'formal' })}
        />
      </Row>
      <fieldset className="inspector-fields" disabled={disabled}>
        <legend>{L.fields}</legend>
        {fields.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={a.fields.includes(f)}
              onChange={(e) => {
                // The first field gives the card its colour: keep the order, add at the end.
                const next: Field[] = e.target.checked ? [...a.fields, f] : a.fields.filter((x) => x !== f)
                save({ fields: next })
              }}
            />
            <span className="field-dot" style={{ background: fieldColors[f] }} aria-hidden="true" />
            {labelOf(fieldCatalog, lang, f)}
          </label>
        ))}
      </fieldset>
      <Row label={L.contact}>
        <TextField label={L.contact} value={a.contact} disabled={disabled} onCommit={(contact) => save({ contact })} />
      </Row>
      <Row label={L.note}>
        <NoteField label={L.note} value={a.note} disabled={disabled} onCommit={(note) => save({ note })} />
      </Row>
    </div>
  )
}
