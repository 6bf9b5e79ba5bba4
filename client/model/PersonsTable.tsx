import { addRecord, removeRecord, updateRecord } from '../../shared/model/ops'
import type { Person } from '../../shared/model/schema'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { ageBandCatalog, personRoleCatalog } from '../../shared/i18n/vocabulary'
import { ageBands } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { SelectCell, TagsCell, TextCell } from './cells'
import { modelText } from './labels'
import type { ListTableProps } from './ModelLists'
import { PersonalInfoNotice, personalInfoNoticeId } from './PersonalInfoNotice'
import { RecordTable } from './RecordTable'
import { personRole, storedTerm } from './vocabulary'

/** 本人・世帯員 of a case map: role, age band and issues, never a name (docs/domain.md §6). */
export function PersonsTable({ doc, canEdit, origin, run, model, ties }: ListTableProps & { ties: ReadonlyMap<string, number> }) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  return (
    <>
      <RecordTable
        headingId="persons-heading"
        title={L.persons}
        count={model.persons.length}
        columns={[L.label, L.ageBand, L.household, L.issues, L.note, L.ties, L.actions]}
        testId="persons-table"
        emptyText={L.none}
        hint={<p className="hint">{L.personsPrivacy}</p>}
      >
        {model.persons.map((p) => (
          <PersonRow
            key={p.id}
            person={p}
            ties={ties.get(p.id) ?? 0}
            canEdit={canEdit}
            onChange={(patch) => run(() => updateRecord(doc, 'person', p.id, patch, origin))}
            onRemove={() => {
              if (window.confirm(fill(L.removeConfirm, { name: personRole(p.label, lang) }))) removeRecord(doc, 'person', p.id, origin)
            }}
          />
        ))}
      </RecordTable>
      {canEdit && (
        <button type="button" onClick={() => run(() => addRecord(doc, 'person', { label: '本人', ageBand: '不明', household: true, issues: [] }, origin))}>
          {L.addPerson}
        </button>
      )}
    </>
  )
}

function PersonRow(props: { person: Person; ties: number; canEdit: boolean; onChange: (patch: Partial<Person>) => void; onRemove: () => void }) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const { person: p, canEdit } = props
  // The role in the participant's language (本人 → The person supported); stored in Japanese.
  const role = personRole(p.label, lang)
  return (
    <tr data-record-id={p.id}>
      <th scope="row">
        <TextCell
          value={role}
          label={L.label}
          disabled={!canEdit}
          onCommit={(label) => props.onChange({ label: storedTerm(personRoleCatalog, lang, label) })}
          describedBy={personalInfoNoticeId(p.label, 'label', p.id)}
          testId="person-label"
        />
        <PersonalInfoNotice text={p.label} field="label" recordId={p.id} />
      </th>
      <td>
        <SelectCell
          value={p.ageBand}
          label={`${role} ${L.ageBand}`}
          options={ageBands.map((b) => ({ value: b, text: labelOf(ageBandCatalog, lang, b) }))}
          disabled={!canEdit}
          onCommit={(ageBand) => props.onChange({ ageBand })}
        />
      </td>
      <td>
        <SelectCell
          value={p.household ? 'yes' : 'no'}
          label={`${role} ${L.household}`}
          options={[
            { value: 'yes', text: L.householdYes },
            { value: 'no', text: L.householdNo },
          ]}
          disabled={!canEdit}
          onCommit={(v) => props.onChange({ household: v === 'yes' })}
        />
      </td>
      <td>
        <TagsCell value={p.issues} label={`${role} ${L.issues}`} disabled={!canEdit} onCommit={(issues) => props.onChange({ issues })} />
      </td>
      <td>
        <TextCell
          value={p.note}
          label={`${role} ${L.note}`}
          disabled={!canEdit}
          onCommit={(note) => props.onChange({ note })}
          describedBy={personalInfoNoticeId(p.note, 'note', p.id)}
        />
        <PersonalInfoNotice text={p.note} field="note" recordId={p.id} />
      </td>
      <td className="num">{props.ties}</td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={fill(L.removeNamed, { name: role })}>
            {L.remove}
          </button>
        )}
      </td>
    </tr>
  )
}
