// Over 450 lines until issue #11 splits it: each table (actors, persons, ties) moves to its own file.
import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import { addRecord, removeRecord, updateInfo, updateRecord } from '../../shared/model/ops'
import type { Actor, Person, Relation } from '../../shared/model/schema'
import {
  ageBands,
  directionLabels,
  directions,
  fieldColors,
  fields,
  levels,
  relationTypes,
  statusLabels,
  statuses,
  strengthLabels,
  strengths,
} from '../../shared/model/vocabulary'
import { pick, useI18n } from '../i18n'
import { labels } from './labels'
import { MultiSelectCell, SelectCell, splitTags, TagsCell, TextCell } from './cells'
import { useModel } from './useModel'
import { useModelChange } from './useModelChange'
import { NewActorForm } from './NewActorForm'
import { PersonalInfoNotice, personalInfoNoticeId } from './PersonalInfoNotice'
import { RecordTable } from './RecordTable'
import './model.css'

export interface ModelViewProps {
  doc: Y.Doc
  canEdit: boolean
  roomKind: RoomKind
  /** Transaction origin of this user's edits, so that their undo covers them. */
  origin?: unknown
}

/**
 * The map without the board: actors, persons and ties as editable tables. For keyboard and
 * screen-reader users, and for rooms where the board cannot be mounted.
 */
export function ModelLists({ doc, canEdit, roomKind, origin }: ModelViewProps) {
  const { lang } = useI18n()
  const L = labels(lang)
  const { model, problems } = useModel(doc)
  const { error, run: attempt } = useModelChange()
  const showPersons = roomKind !== 'community'

  const nodeNames = useMemo(() => {
    const names = new Map<string, string>()
    for (const a of model.actors) names.set(a.id, a.name)
    for (const p of model.persons) names.set(p.id, `${p.label}（${p.ageBand}）`)
    return names
  }, [model.actors, model.persons])
  const tieCount = useMemo(() => {
    const counts = new Map<string, number>()
    for (const r of model.relations) for (const end of [r.from, r.to]) counts.set(end, (counts.get(end) ?? 0) + 1)
    return counts
  }, [model.relations])
  const nodeOptions = [...nodeNames].map(([value, text]) => ({ value, text }))

  const confirmRemove = (kind: 'actor' | 'person' | 'relation', id: string, name: string) => {
    if (kind === 'relation' || window.confirm(`「${name}」${L.removeConfirm}`)) removeRecord(doc, kind, id, origin)
  }

  return (
    <section className="model-lists" aria-labelledby="model-lists-heading" data-testid="model-lists">
      <h2 id="model-lists-heading">{L.listsHeading}</h2>
      <p className="hint">{L.listsIntro}</p>
      {!canEdit && <p className="notice">{L.readOnly}</p>}
      {error && (
        <p className="error" role="alert" data-testid="model-error">
          {error}
        </p>
      )}

      <div className="map-info">
        <label className="field">
          <span>{L.mapIssues}</span>
          <TagsCell
            value={model.info.issues}
            label={L.mapIssues}
            disabled={!canEdit}
            onCommit={(issues) => attempt(() => updateInfo(doc, { issues }, origin))}
          />
          <small className="hint">{roomKind === 'community' ? L.mapIssuesHintCommunity : L.mapIssuesHintCase}</small>
        </label>
      </div>

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
            ties={tieCount.get(a.id) ?? 0}
            canEdit={canEdit}
            onChange={(patch) => attempt(() => updateRecord(doc, 'actor', a.id, patch, origin))}
            onRemove={() => confirmRemove('actor', a.id, a.name)}
          />
        ))}
      </RecordTable>
      {canEdit && (
        <NewActorForm
          className="add-form"
          formLabel={L.addActor}
          nameLabel={L.name}
          submitLabel={L.addActor}
          onAdd={(actor) => attempt(() => addRecord(doc, 'actor', actor, origin))}
        />
      )}

      {showPersons && (
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
                ties={tieCount.get(p.id) ?? 0}
                canEdit={canEdit}
                onChange={(patch) => attempt(() => updateRecord(doc, 'person', p.id, patch, origin))}
                onRemove={() => confirmRemove('person', p.id, p.label)}
              />
            ))}
          </RecordTable>
          {canEdit && (
            <button
              type="button"
              onClick={() =>
                attempt(() => addRecord(doc, 'person', { label: '本人', ageBand: '不明', household: true, issues: [] }, origin))
              }
            >
              {L.addPerson}
            </button>
          )}
        </>
      )}

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
            onChange={(patch) => attempt(() => updateRecord(doc, 'relation', r.id, patch, origin))}
            onRemove={() => confirmRemove('relation', r.id, '')}
          />
        ))}
      </RecordTable>
      {canEdit &&
        (nodeOptions.length >= 2 ? (
          <NewRelationForm nodes={nodeOptions} onAdd={(r) => attempt(() => addRecord(doc, 'relation', r, origin))} />
        ) : (
          <p className="hint">{L.needTwoCards}</p>
        ))}

      {problems.length > 0 && (
        <section className="problems" aria-labelledby="problems-heading" data-testid="model-problems">
          <h3 id="problems-heading">{L.problemsHeading}</h3>
          <p className="hint">{L.problemsIntro}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.kind}-${p.id}-${i}`}>
                <code>{p.id ?? p.kind}</code>: {p.message}
                {canEdit && p.id && p.kind !== 'info' && (
                  <button type="button" className="link-button" onClick={() => removeRecord(doc, p.kind as 'actor', p.id!, origin)}>
                    {L.remove}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

function ActorRow(props: { actor: Actor; ties: number; canEdit: boolean; onChange: (patch: Partial<Actor>) => void; onRemove: () => void }) {
  const { lang } = useI18n()
  const L = labels(lang)
  const { actor: a, canEdit } = props
  return (
    <tr data-record-id={a.id}>
      <th scope="row">
        <span className="field-dot" style={{ background: fieldColors[a.fields[0]] }} aria-hidden="true" />
        <TextCell value={a.name} label={`${L.name}`} disabled={!canEdit} onCommit={(name) => props.onChange({ name })} />
      </th>
      <td>
        <SelectCell
          value={a.level}
          label={`${a.name} ${L.level}`}
          options={levels.map((l) => ({ value: l, text: l }))}
          disabled={!canEdit}
          onCommit={(level) => props.onChange({ level })}
        />
      </td>
      <td>
        <MultiSelectCell value={a.fields} label={`${a.name} ${L.fields}`} options={fields} disabled={!canEdit} onCommit={(f) => props.onChange({ fields: f })} />
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
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={`${a.name}を${L.remove}`}>
            {L.remove}
          </button>
        )}
      </td>
    </tr>
  )
}

function PersonRow(props: { person: Person; ties: number; canEdit: boolean; onChange: (patch: Partial<Person>) => void; onRemove: () => void }) {
  const { lang } = useI18n()
  const L = labels(lang)
  const { person: p, canEdit } = props
  return (
    <tr data-record-id={p.id}>
      <th scope="row">
        <TextCell
          value={p.label}
          label={L.label}
          disabled={!canEdit}
          onCommit={(label) => props.onChange({ label })}
          describedBy={personalInfoNoticeId(p.label, 'label', p.id)}
          testId="person-label"
        />
        <PersonalInfoNotice text={p.label} field="label" recordId={p.id} />
      </th>
      <td>
        <SelectCell
          value={p.ageBand}
          label={`${p.label} ${L.ageBand}`}
          options={ageBands.map((b) => ({ value: b, text: b }))}
          disabled={!canEdit}
          onCommit={(ageBand) => props.onChange({ ageBand })}
        />
      </td>
      <td>
        <SelectCell
          value={p.household ? 'yes' : 'no'}
          label={`${p.label} ${L.household}`}
          options={[
            { value: 'yes', text: L.householdYes },
            { value: 'no', text: L.householdNo },
          ]}
          disabled={!canEdit}
          onCommit={(v) => props.onChange({ household: v === 'yes' })}
        />
      </td>
      <td>
        <TagsCell value={p.issues} label={`${p.label} ${L.issues}`} disabled={!canEdit} onCommit={(issues) => props.onChange({ issues })} />
      </td>
      <td>
        <TextCell
          value={p.note}
          label={`${p.label} ${L.note}`}
          disabled={!canEdit}
          onCommit={(note) => props.onChange({ note })}
          describedBy={personalInfoNoticeId(p.note, 'note', p.id)}
        />
        <PersonalInfoNotice text={p.note} field="note" recordId={p.id} />
      </td>
      <td className="num">{props.ties}</td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={`${p.label}を${L.remove}`}>
            {L.remove}
          </button>
        )}
      </td>
    </tr>
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
  const L = labels(lang)
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
          options={relationTypes.map((t) => ({ value: t, text: t }))}
          disabled={!canEdit}
          onCommit={(type) => props.onChange({ type })}
        />
      </td>
      <td>
        <SelectCell
          value={r.direction}
          label={`${which} ${L.direction}`}
          options={directions.map((d) => ({ value: d, text: pick(directionLabels[d], lang) }))}
          disabled={!canEdit}
          onCommit={(direction) => props.onChange({ direction })}
        />
      </td>
      <td>
        <SelectCell
          value={r.strength}
          label={`${which} ${L.strength}`}
          options={strengths.map((s) => ({ value: s, text: pick(strengthLabels[s], lang) }))}
          disabled={!canEdit}
          onCommit={(strength) => props.onChange({ strength })}
        />
      </td>
      <td>
        <SelectCell
          value={r.status}
          label={`${which} ${L.status}`}
          options={statuses.map((s) => ({ value: s, text: pick(statusLabels[s], lang) }))}
          disabled={!canEdit}
          onCommit={(status) => props.onChange({ status })}
        />
      </td>
      <td>
        <TextCell value={r.note} label={`${which} ${L.note}`} disabled={!canEdit} onCommit={(note) => props.onChange({ note })} />
      </td>
      <td>
        {canEdit && (
          <button type="button" className="link-button" onClick={props.onRemove} aria-label={`${which}を${L.remove}`}>
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
  const L = labels(lang)
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
          <option key={t}>{t}</option>
        ))}
      </select>
      <select aria-label={L.status} value={status} onChange={(e) => setStatus(e.target.value as Relation['status'])}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {pick(statusLabels[s], lang)}
          </option>
        ))}
      </select>
      <button type="submit">{L.addRelation}</button>
    </form>
  )
}

export { splitTags }
