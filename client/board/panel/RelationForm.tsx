import { updateRecord } from '../../../shared/model/ops'
import type { Relation } from '../../../shared/model/schema'
import { fill, labelOf } from '../../../shared/i18n/catalog'
import { ageBandCatalog, directionCatalog, relationTypeCatalog, statusCatalog, strengthCatalog } from '../../../shared/i18n/vocabulary'
import { directions, relationTypes, statuses, strengths } from '../../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../../i18n'
import { modelText } from '../../model/labels'
import { personRole } from '../../model/vocabulary'
import { boardText } from '../board-labels'
import { useModelRecord, type RecordState } from '../model-records'
import { MODEL_ORIGIN } from '../origins'
import { NoteField, Problem, Row, Select, type FormProps } from './fields'

/** The inspector's fields of a tie (its arrow's look follows them). */
export function RelationForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const B = useCatalog(boardText)
  const state = useModelRecord(controller.doc, 'relation', id)
  const fromActor = useModelRecord(controller.doc, 'actor', state.status === 'ok' ? state.record.from : '')
  const fromPerson = useModelRecord(controller.doc, 'person', state.status === 'ok' ? state.record.from : '')
  const toActor = useModelRecord(controller.doc, 'actor', state.status === 'ok' ? state.record.to : '')
  const toPerson = useModelRecord(controller.doc, 'person', state.status === 'ok' ? state.record.to : '')
  if (state.status !== 'ok') return <Problem state={state} />
  const r = state.record
  const disabled = !controller.canEdit
  const save = (patch: Partial<Omit<Relation, 'id'>>) => edit(() => updateRecord(controller.doc, 'relation', id, patch, MODEL_ORIGIN))
  const name = (
    actor: RecordState<'actor'>,
    person: RecordState<'person'>,
    fallback: string,
  ) =>
    actor.status === 'ok'
      ? actor.record.name
      : person.status === 'ok'
        ? fill(B.relationEndPerson, { label: personRole(person.record.label, lang), ageBand: labelOf(ageBandCatalog, lang, person.record.ageBand) })
        : fallback
  return (
    <div className="inspector-form" data-testid="inspector-relation" data-record-id={id}>
      <h3>{B.relationHeading}</h3>
      <p className="inspector-ends">
        <span>{name(fromActor, fromPerson, r.from)}</span>
        <span aria-hidden="true"> → </span>
        <span>{name(toActor, toPerson, r.to)}</span>
      </p>
      <Row label={L.type}>
        <Select
          label={L.type}
          value={r.type}
          options={relationTypes.map((t) => ({ value: t, text: labelOf(relationTypeCatalog, lang, t) }))}
          disabled={disabled}
          onChange={(type) => save({ type })}
          testId="inspector-relation-type"
        />
      </Row>
      <Row label={L.direction}>
        <Select
          label={L.direction}
          value={r.direction}
          options={directions.map((d) => ({ value: d, text: labelOf(directionCatalog, lang, d) }))}
          disabled={disabled}
          onChange={(direction) => save({ direction })}
          testId="inspector-relation-direction"
        />
      </Row>
      <Row label={L.strength}>
        <Select
          label={L.strength}
          value={r.strength}
          options={strengths.map((s) => ({ value: s, text: labelOf(strengthCatalog, lang, s) }))}
          disabled={disabled}
          onChange={(strength) => save({ strength })}
          testId="inspector-relation-strength"
        />
      </Row>
      <Row label={L.status}>
        <Select
          label={L.status}
          value={r.status}
          options={statuses.map((s) => ({ value: s, text: labelOf(statusCatalog, lang, s) }))}
          disabled={disabled}
          onChange={(status) => save({ status })}
          testId="inspector-relation-status"
        />
      </Row>
      <Row label={L.note}>
        <NoteField label={L.note} value={r.note} disabled={disabled} onCommit={(note) => save({ note })} />
      </Row>
    </div>
  )
}
