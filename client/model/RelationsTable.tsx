import { useMemo, useState } from 'react'
import { addRecord, removeRecord, updateRecord } from '../../shared/model/ops'
import type { Relation } from '../../shared/model/schema'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { ageBandCatalog, directionCatalog, relationTypeCatalog, statusCatalog, strengthCatalog } from '../../shared/i18n/vocabulary'
import { directions, relationTypes, statuses, strengths } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { SelectCell, TextCell } from './cells'
import { modelText } from './labels'
import type { ListTableProps } from './ModelLists'
import { RecordTable } from './RecordTable'
import { personRole } from './vocabulary'

/** The ties between cards, and the form that adds one (it needs two cards). */
export function RelationsTable({ doc, canEdit, origin, run, model }: ListTableProps) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const nodeOptions = useMemo(() => {
    const names = new Map<string, string>()
    for (const a of model.actors) names.set(a.id, a.name)
    for (const p of model.persons) {
      names.set(p.id, fill(L.personWithAge, { label: personRole(p.label, lang), ageBand: labelOf(ageBandCatalog, lang, p.ageBand) }))
    }
    return [...names].map(([value, text]) => ({ value, text }))
  }, [model.actors, model.persons, L, lang])
  return (
    <>
      <RecordTable
        headingId="relations-heading"
        title={L.relations}
        count={model.relations.length}
        columns={[L.from, L.to, L.type, L.direction, L.strength, L.status, L.note, L.actions]}
        testId="relations-table"
        emptyText={L.none}
      >
        {model.relations.map((r) => (
          <RelationRow
            key={r.id}
            relation={r}
            nodes={nodeOptions}
            canEdit={canEdit}
            onChange={(patch) => run(() => updateRecord(doc, 'relation', r.id, patch, origin))}
            onRemove={() => removeRecord(doc, 'relation', r.id, origin)}
          />
        ))}
      </RecordTable>
      {canEdit &&
        (nodeOptions.length >= 2 ? (
          <NewRelationForm nodes={nodeOptions} onAdd={(r) => run(() => addRecord(doc, 'relation', r, origin))} />
        ) : (
          <p className="hint">{L.needTwoCards}</p>
        ))}
    </>
  )
}

function RelationRow(props: {
  relation: Relation
  nodes: { value: string; text: string }[]
  canEdit: boolean
  onChange: (patch: Partial<Relation>) => void
  onRemove: () => void
}) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const { relation: r, canEdit } = props
  const name = (id: string) => props.nodes.find((n) => n.value === id)?.text ?? id
  const which = `${name(r.from)} → ${name(r.to)}`
  return (
    <tr data-record-id={r.id} data-relation-type={r.type} data-from={r.from} data-to={r.to}>
      <td>
        <NodeCell value={r.from} name={name(r.from)} label={`${which} ${L.from}`} nodes={props.nodes} disabled={!canEdit} onCommit={(from) => props.onChange({ from })} />
      </td>
      <td>
        <NodeCell value={r.to} name={name(r.to)} label={`${which} ${L.to}`} nodes={props.nodes} disabled={!canEdit} onCommit={(to) => props.onChange({ to })} />
      </td>
      <td>
        <SelectCell
          value={r.type}
          label={`${which} ${L.type}`}
          options={relationTypes.map((t) => ({ value: t, text: labelOf(relationTypeCatalog, lang, t) }))}
          disabled={!canEdit}
          onCommit={(type) => props.onChange({ type })}
        />
      </td>
      <td>
        <SelectCell
          value={r.direction}
          label={`${which} ${L.direction}`}
          options={directions.map((d) => ({ value: d, text: labelOf(directionCatalog, lang, d) }))}
          disabled={!canEdit}
          onCommit={(direction) => props.onChange({ direction })}
        />
      </td>
      <td>
        <SelectCell
          value={r.strength}
          label={`${which} ${L.strength}`}
          options={strengths.map((s) => ({ value: s, text: labelOf(strengthCatalog, lang, s) }))}
          disabled={!canEdit}
          onCommit={(strength) => props.onChange({ strength })}
        />
      </td>
      <td>
        <SelectCell
          value={r.status}
          label={`${which} ${L.status}`}
          options={statuses.map((s) => ({ value: s, text: labelOf(statusCatalog, lang, s) }))}
          disabled={!canEdit}
          onCommit={(status) => props.onChange({ status })}
        />
      </td>
      <td>
        <TextCell value={r.note} label={`${which} ${L.note}`} disabled={!canEdit} onCommit={(note) => props.onChange({ note })} />
      </td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={fill(L.removeNamed, { name: which })}>
            {L.remove}
          </button>
        )}
      </td>
    </tr>
  )
}

/**
 * A tie's end: shown as the card's name, turned into a select of every card only while
 * being changed. A map of 300 agencies and 600 ties would otherwise render 360,000 options.
 */
function NodeCell(props: {
  value: string
  name: string
  label: string
  nodes: { value: string; text: string }[]
  disabled: boolean
  onCommit: (id: string) => void
}) {
  const [editing, setEditing] = useState(false)
  if (!editing || props.disabled) {
    return (
      <button
        type="button"
        className="cell-button"
        aria-label={`${props.label}: ${props.name}`}
        disabled={props.disabled}
        onClick={() => setEditing(true)}
      >
        {props.name}
      </button>
    )
  }
  return (
    <select
      className="cell-select"
      aria-label={props.label}
      value={props.value}
      autoFocus
      onBlur={() => setEditing(false)}
      onChange={(e) => {
        setEditing(false)
        if (e.target.value !== props.value) props.onCommit(e.target.value)
      }}
    >
      {props.nodes.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  )
}

function NewRelationForm({ nodes, onAdd }: { nodes: { value: string; text: string }[]; onAdd: (r: Omit<Relation, 'id'>) => void }) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [type, setType] = useState<Relation['type']>('つなぎ')
  const [status, setStatus] = useState<Relation['status']>('existing')
  return (
    <form
      className="add-form"
      aria-label={L.addRelation}
      onSubmit={(e) => {
        e.preventDefault()
        onAdd({ from, to, type, status, direction: 'forward', strength: 'normal' })
      }}
    >
      <select aria-label={L.from} value={from} onChange={(e) => setFrom(e.target.value)} required>
        <option value="">{`${L.from}: ${L.choose}`}</option>
        {nodes.map((n) => (
          <option key={n.value} value={n.value}>
            {n.text}
          </option>
        ))}
      </select>
      <select aria-label={L.to} value={to} onChange={(e) => setTo(e.target.value)} required>
        <option value="">{`${L.to}: ${L.choose}`}</option>
        {nodes.map((n) => (
          <option key={n.value} value={n.value}>
            {n.text}
          </option>
        ))}
      </select>
      <select aria-label={L.type} value={type} onChange={(e) => setType(e.target.value as Relation['type'])}>
        {relationTypes.map((t) => (
          <option key={t} value={t}>
            {labelOf(relationTypeCatalog, lang, t)}
          </option>
        ))}
      </select>
      <select aria-label={L.status} value={status} onChange={(e) => setStatus(e.target.value as Relation['status'])}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {labelOf(statusCatalog, lang, s)}
          </option>
        ))}
      </select>
      <button type="submit">{L.addRelation}</button>
    </form>
  )
}
