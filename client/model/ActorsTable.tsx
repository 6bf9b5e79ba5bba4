import { addRecord, removeRecord, updateRecord } from '../../shared/model/ops'
import type { Actor } from '../../shared/model/schema'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { fieldCatalog, levelCatalog } from '../../shared/i18n/vocabulary'
import { fieldColors, fields, levels } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { MultiSelectCell, SelectCell, TextCell } from './cells'
import { modelText } from './labels'
import type { ListTableProps } from './ModelLists'
import { NewActorForm } from './NewActorForm'
import { RecordTable } from './RecordTable'

/** The agencies and informal supports of the map, and the form that adds one. */
export function ActorsTable({ doc, canEdit, origin, run, model, ties }: ListTableProps & { ties: ReadonlyMap<string, number> }) {
  const L = useCatalog(modelText)
  return (
    <>
      <RecordTable
        headingId="actors-heading"
        title={L.actors}
        count={model.actors.length}
        columns={[L.name, L.level, L.fields, L.formality, L.contact, L.note, L.ties, L.actions]}
        testId="actors-table"
        emptyText={L.none}
      >
        {model.actors.map((a) => (
          <ActorRow
            key={a.id}
            actor={a}
            ties={ties.get(a.id) ?? 0}
            canEdit={canEdit}
            onChange={(patch) => run(() => updateRecord(doc, 'actor', a.id, patch, origin))}
            onRemove={() => {
              if (window.confirm(fill(L.removeConfirm, { name: a.name }))) removeRecord(doc, 'actor', a.id, origin)
            }}
          />
        ))}
      </RecordTable>
      {canEdit && (
        <NewActorForm
          className="add-form"
          formLabel={L.addActor}
          nameLabel={L.name}
          submitLabel={L.addActor}
          onAdd={(actor) => run(() => addRecord(doc, 'actor', actor, origin))}
        />
      )}
    </>
  )
}

function ActorRow(props: { actor: Actor; ties: number; canEdit: boolean; onChange: (patch: Partial<Actor>) => void; onRemove: () => void }) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const { actor: a, canEdit } = props
  return (
    <tr data-record-id={a.id}>
      <th scope="row">
        <span className="field-dot" style={{ background: fieldColors[a.fields[0]] }} aria-hidden="true" />
        <TextCell value={a.name} label={L.name} disabled={!canEdit} onCommit={(name) => props.onChange({ name })} />
      </th>
      <td>
        <SelectCell
          value={a.level}
          label={`${a.name} ${L.level}`}
          options={levels.map((l) => ({ value: l, text: labelOf(levelCatalog, lang, l) }))}
          disabled={!canEdit}
          onCommit={(level) => props.onChange({ level })}
        />
      </td>
      <td>
        <MultiSelectCell
          value={a.fields}
          label={`${a.name} ${L.fields}`}
          options={fields}
          optionText={(f) => labelOf(fieldCatalog, lang, f)}
          disabled={!canEdit}
          onCommit={(f) => props.onChange({ fields: f })}
        />
      </td>
      <td>
        <SelectCell
          value={a.formal ? 'formal' : 'informal'}
          label={`${a.name} ${L.formality}`}
          options={[
            { value: 'formal', text: L.formal },
            { value: 'informal', text: L.informal },
          ]}
          disabled={!canEdit}
          onCommit={(v) => props.onChange({ formal: v === 'formal' })}
        />
      </td>
      <td>
        <TextCell value={a.contact} label={`${a.name} ${L.contact}`} disabled={!canEdit} onCommit={(contact) => props.onChange({ contact })} />
      </td>
      <td>
        <TextCell value={a.note} label={`${a.name} ${L.note}`} disabled={!canEdit} onCommit={(note) => props.onChange({ note })} />
      </td>
      <td className="num">{props.ties}</td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={fill(L.removeNamed, { name: a.name })}>
            {L.remove}
          </button>
        )}
      </td>
    </tr>
  )
}
