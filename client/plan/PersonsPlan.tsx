import type * as Y from 'yjs'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { outreachStageCatalog, supportKindCatalog } from '../../shared/i18n/plan'
import { ageBandCatalog } from '../../shared/i18n/vocabulary'
import { updateRecord } from '../../shared/model/ops'
import type { MapModel, Person } from '../../shared/model/schema'
import { outreachStages, supportKinds, type OutreachStage, type SupportKind } from '../../shared/plan/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { personRole } from '../model/vocabulary'
import { planText } from './labels'

/**
 * Per person of the map (role and age band only): where outreach stands (出会う → つながる →
 * ほぐす → 継続する, numbered and drawn as steps so the order is visible) and the kind of
 * support. Both live on the person record, so they leave with the persons.
 */
export function PersonsPlan(props: { doc: Y.Doc; model: MapModel; canEdit: boolean; origin?: unknown; run: (change: () => void) => boolean }) {
  const { doc, model, canEdit, origin, run } = props
  const L = useCatalog(planText)
  const columns = [L.person, L.ageBand, L.stage, L.support]
  return (
    <section className="plan-section" aria-labelledby="plan-persons-heading">
      <h3 id="plan-persons-heading">
        {L.personsHeading} <span className="count">{model.persons.length}</span>
      </h3>
      <p className="hint">{L.personsIntro}</p>
      <div className="plan-table-wrap">
        <table className="model-table plan-table" aria-labelledby="plan-persons-heading" data-testid="plan-persons">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.persons.map((p) => (
              <PersonRow key={p.id} person={p} canEdit={canEdit} onChange={(patch) => run(() => updateRecord(doc, 'person', p.id, patch, origin))} />
            ))}
            {model.persons.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {L.noPersons}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function PersonRow({ person, canEdit, onChange }: { person: Person; canEdit: boolean; onChange: (patch: Partial<Person>) => void }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const role = personRole(person.label, lang)
  const at = person.stage ? outreachStages.indexOf(person.stage) : -1
  return (
    <tr data-person-id={person.id}>
      <th scope="row">{role}</th>
      <td>{labelOf(ageBandCatalog, lang, person.ageBand)}</td>
      <td>
        <div className="plan-stage">
          <select
            className="cell-select"
            aria-label={`${role} ${L.stage}`}
            data-testid="plan-person-stage"
            value={person.stage ?? ''}
            disabled={!canEdit}
            onChange={(e) => onChange({ stage: (e.target.value || undefined) as OutreachStage | undefined })}
          >
            <option value="">{L.notSet}</option>
            {outreachStages.map((s, i) => (
              <option key={s} value={s}>
                {fill(L.stageOption, { n: i + 1, stage: labelOf(outreachStageCatalog, lang, s) })}
              </option>
            ))}
          </select>
          <ol className="plan-steps" aria-label={L.stageOrder}>
            {outreachStages.map((s, i) => (
              <li key={s} className={i < at ? 'done' : i === at ? 'current' : undefined} aria-current={i === at ? 'step' : undefined}>
                <span>{labelOf(outreachStageCatalog, lang, s)}</span>
              </li>
            ))}
          </ol>
        </div>
      </td>
      <td>
        <select
          className="cell-select"
          aria-label={`${role} ${L.support}`}
          data-testid="plan-person-support"
          value={person.support ?? ''}
          disabled={!canEdit}
          onChange={(e) => onChange({ support: (e.target.value || undefined) as SupportKind | undefined })}
        >
          <option value="">{L.notSet}</option>
          {supportKinds.map((k) => (
            <option key={k} value={k}>
              {labelOf(supportKindCatalog, lang, k)}
            </option>
          ))}
        </select>
      </td>
    </tr>
  )
}
