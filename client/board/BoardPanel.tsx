// Over 450 lines until issue #11 splits it: inspector, palette, person form and legend are split into their own modules.
/**
 * The board's side panel: the inspector of the selected card or arrow, adding agencies (the
 * catalogue palette) and persons, and the legend of the eco-map conventions.
 *
 * Every edit is a model op with MODEL_ORIGIN (so it is on this user's undo stack) and reaches
 * everyone live; the card or arrow re-renders from the model. View-only participants see the
 * same fields, disabled.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { useValue, type Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import { addRecord, updateRecord } from '../../shared/model/ops'
import type { Actor, Person, Relation } from '../../shared/model/schema'
import {
  ageBands,
  directionLabels,
  directions,
  fieldColors,
  fields,
  levels,
  personRoleSuggestions,
  relationTypes,
  statusLabels,
  statuses,
  strengthLabels,
  strengths,
  suggestedIssueTags,
  type Field,
} from '../../shared/model/vocabulary'
import { pick, useI18n } from '../i18n'
import { splitTags, TextCell } from '../model/cells'
import { labels } from '../model/labels'
import { PersonalInfoNotice, personalInfoNoticeId } from '../model/PersonalInfoNotice'
import { NewActorForm } from '../model/NewActorForm'
import { useModelChange } from '../model/useModelChange'
import { Palette } from '../model/Palette'
import { boardLabels } from './board-labels'
import { cardRecordRef, isCardShape } from './card-shapes'
import { useModelRecord, type RecordState } from './model-records'
import { relationIdOf } from './model-board-sync'
import { MODEL_ORIGIN } from './origins'
import { cardShapeId, type CardKind } from './relation-style'
import type { BoardUndo } from './undo'
import './board.css'

/** What the room page needs to show the panel next to a mounted board. */
export interface BoardController {
  editor: Editor
  doc: Y.Doc
  canEdit: boolean
  roomKind: RoomKind
  undo: BoardUndo | null
}

type Target = { kind: 'none' } | { kind: 'many'; count: number } | { kind: 'other' } | { kind: CardKind | 'relation'; id: string }

function targetKey(editor: Editor): string {
  const ids = editor.getSelectedShapeIds()
  if (ids.length === 0) return 'none'
  if (ids.length > 1) return `many:${ids.length}`
  const shape = editor.getShape(ids[0])
  if (isCardShape(shape)) {
    const ref = cardRecordRef(shape)
    return `${ref.kind}:${ref.id}`
  }
  const rid = relationIdOf(shape)
  return rid ? `relation:${rid}` : 'other'
}

function parseTarget(key: string): Target {
  const [kind, rest] = [key.slice(0, key.indexOf(':') < 0 ? key.length : key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  if (kind === 'none' || kind === 'other') return { kind }
  if (kind === 'many') return { kind, count: Number(rest) }
  return { kind: kind as CardKind | 'relation', id: rest }
}

export function BoardPanel({ controller }: { controller: BoardController }) {
  const { lang } = useI18n()
  const B = boardLabels(lang)
  return (
    <section className="board-panel" aria-label={B.panelLabel} data-testid="board-panel">
      <Inspector controller={controller} />
      {controller.canEdit && <AddSection controller={controller} />}
      <Legend />
    </section>
  )
}

// ---- Inspector ------------------------------------------------------------------------------

function Inspector({ controller }: { controller: BoardController }) {
  const { lang } = useI18n()
  const B = boardLabels(lang)
  const { editor } = controller
  const key = useValue('inspector target', () => targetKey(editor), [editor])
  const target = parseTarget(key)
  // One model edit: a new undo step, and a refusal shown instead of thrown.
  const { error, run: edit, clearError } = useModelChange(() => controller.undo?.stopCapturing())
  // A refusal belongs to the card it was about: forget it when the selection changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => clearError(), [key])
  const remove = () => {
    controller.undo?.stopCapturing()
    editor.deleteShapes(editor.getSelectedShapeIds())
  }

  let body: ReactNode
  if (target.kind === 'none') body = <p className="hint">{B.inspectorEmpty}</p>
  else if (target.kind === 'many') body = <p className="hint">{`${target.count}${B.inspectorMany}`}</p>
  else if (target.kind === 'other') body = <p className="hint">{B.inspectorOther}</p>
  else if (target.kind === 'actor') body = <ActorForm id={target.id} controller={controller} edit={edit} />
  else if (target.kind === 'person') body = <PersonForm id={target.id} controller={controller} edit={edit} />
  else body = <RelationForm id={target.id} controller={controller} edit={edit} />

  const isItem = target.kind === 'actor' || target.kind === 'person' || target.kind === 'relation'
  return (
    <section className="inspector" aria-labelledby="inspector-heading" data-testid="inspector" data-target={key}>
      <h2 id="inspector-heading">{B.inspectorHeading}</h2>
      {!controller.canEdit && isItem && <p className="hint">{B.inspectorReadOnly}</p>}
      {error && (
        <p className="error" role="alert" data-testid="inspector-error">
          {error}
        </p>
      )}
      {body}
      {controller.canEdit && isItem && (
        <button type="button" className="link-button danger" onClick={remove}>
          {B.deleteSelected}
        </button>
      )}
    </section>
  )
}

interface FormProps {
  id: string
  controller: BoardController
  edit: (change: () => void) => void
}

function Problem({ state }: { state: { status: 'missing' } | { status: 'invalid'; message: string } }) {
  const { lang } = useI18n()
  const B = boardLabels(lang)
  return <p className="error">{state.status === 'missing' ? B.missing : `${B.invalid}${state.message}`}</p>
}

function ActorForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = labels(lang)
  const B = boardLabels(lang)
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
        <Select label={L.level} value={a.level} options={levels.map((l) => ({ value: l, text: l }))} disabled={disabled} onChange={(level) => save({ level })} />
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
            {f}
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

function PersonForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = labels(lang)
  const B = boardLabels(lang)
  const state = useModelRecord(controller.doc, 'person', id)
  if (state.status !== 'ok') return <Problem state={state} />
  const p = state.record
  const disabled = !controller.canEdit
  const save = (patch: Partial<Omit<Person, 'id'>>) => edit(() => updateRecord(controller.doc, 'person', id, patch, MODEL_ORIGIN))
  const suggested = new Set<string>(suggestedIssueTags)
  const others = p.issues.filter((t) => !suggested.has(t))
  // Distinct from the lists' warning ids: both views may be in the page.
  const noticeKey = `inspector-${id}`
  return (
    <div className="inspector-form" data-testid="inspector-person" data-record-id={id}>
      <h3>{B.personHeading}</h3>
      <p className="hint">{B.privacyHint}</p>
      <Row label={L.label}>
        <TextField
          label={L.label}
          value={p.label}
          disabled={disabled}
          onCommit={(label) => save({ label })}
          list="person-role-suggestions"
          describedBy={personalInfoNoticeId(p.label, 'label', noticeKey)}
          testId="inspector-person-label"
        />
        <PersonalInfoNotice text={p.label} field="label" recordId={noticeKey} />
        <datalist id="person-role-suggestions">
          {personRoleSuggestions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </Row>
      <Row label={L.ageBand}>
        <Select label={L.ageBand} value={p.ageBand} options={ageBands.map((b) => ({ value: b, text: b }))} disabled={disabled} onChange={(ageBand) => save({ ageBand })} />
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
            {tag}
          </label>
        ))}
      </fieldset>
      <Row label={B.otherTags} hint={B.otherTagsHint}>
        <TextField
          label={B.otherTags}
          value={others.join('、')}
          disabled={disabled}
          onCommit={(text) => save({ issues: [...p.issues.filter((t) => suggested.has(t)), ...splitTags(text)] })}
        />
      </Row>
      <Row label={L.note}>
        <NoteField label={L.note} value={p.note} disabled={disabled} onCommit={(note) => save({ note })} describedBy={personalInfoNoticeId(p.note, 'note', noticeKey)} />
        <PersonalInfoNotice text={p.note} field="note" recordId={noticeKey} />
      </Row>
    </div>
  )
}

function RelationForm({ id, controller, edit }: FormProps) {
  const { lang } = useI18n()
  const L = labels(lang)
  const B = boardLabels(lang)
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
    actor.status === 'ok' ? actor.record.name : person.status === 'ok' ? `${person.record.label}（${person.record.ageBand}）` : fallback
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
          options={relationTypes.map((t) => ({ value: t, text: t }))}
          disabled={disabled}
          onChange={(type) => save({ type })}
          testId="inspector-relation-type"
        />
      </Row>
      <Row label={L.direction}>
        <Select
          label={L.direction}
          value={r.direction}
          options={directions.map((d) => ({ value: d, text: pick(directionLabels[d], lang) }))}
          disabled={disabled}
          onChange={(direction) => save({ direction })}
          testId="inspector-relation-direction"
        />
      </Row>
      <Row label={L.strength}>
        <Select
          label={L.strength}
          value={r.strength}
          options={strengths.map((s) => ({ value: s, text: pick(strengthLabels[s], lang) }))}
          disabled={disabled}
          onChange={(strength) => save({ strength })}
          testId="inspector-relation-strength"
        />
      </Row>
      <Row label={L.status}>
        <Select
          label={L.status}
          value={r.status}
          options={statuses.map((s) => ({ value: s, text: pick(statusLabels[s], lang) }))}
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

// ---- Fields ---------------------------------------------------------------------------------

function Row({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="inspector-row">
      <span className="inspector-label" aria-hidden="true">
        {label}
      </span>
      {children}
      {hint && <small className="hint">{hint}</small>}
    </div>
  )
}

/** Text that commits on Enter or when focus leaves, so peers never see half-typed words. */
function TextField(props: Omit<Parameters<typeof TextCell>[0], 'className'>) {
  return <TextCell {...props} className="inspector-input" />
}

function NoteField(props: { label: string; value: string | undefined; disabled: boolean; onCommit: (value: string) => void; describedBy?: string }) {
  const { lang } = useI18n()
  const [draft, setDraft] = useState(props.value ?? '')
  useEffect(() => setDraft(props.value ?? ''), [props.value])
  return (
    <textarea
      aria-label={props.label}
      aria-describedby={props.describedBy}
      value={draft}
      rows={3}
      disabled={props.disabled}
      placeholder={boardLabels(lang).notePlaceholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        if (draft.trim() !== (props.value ?? '')) props.onCommit(draft.trim())
      }}
    />
  )
}

function Select<T extends string>(props: {
  label: string
  value: T
  options: readonly { value: T; text: string }[]
  disabled: boolean
  onChange: (value: T) => void
  testId?: string
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  )
}

// ---- Adding ---------------------------------------------------------------------------------

function AddSection({ controller }: { controller: BoardController }) {
  const { lang } = useI18n()
  const B = boardLabels(lang)
  const L = labels(lang)
  const { doc, editor } = controller
  // Each addition is its own undo step; a refusal is shown instead of thrown.
  const { error, run: attempt } = useModelChange(() => controller.undo?.stopCapturing())
  const allowPersons = controller.roomKind !== 'community'

  const select = (kind: CardKind, id: string) => {
    const shapeId = cardShapeId(kind, id)
    if (!editor.getShape(shapeId)) return
    editor.setCurrentTool('select')
    editor.select(shapeId)
  }

  return (
    <details className="board-add" open>
      <summary>{B.addHeading}</summary>
      {/* A click in the palette starts a new undo step before the palette adds the agency. */}
      <div onClickCapture={() => controller.undo?.stopCapturing()}>
        <Palette doc={doc} canEdit={controller.canEdit} origin={MODEL_ORIGIN} onAdded={(id) => select('actor', id)} />
      </div>
      <NewActorForm
        className="board-new-actor"
        formLabel={B.newActorHeading}
        heading={<h3>{B.newActorHeading}</h3>}
        nameLabel={B.newActorName}
        submitLabel={B.newActorAdd}
        onAdd={(actor) =>
          attempt(() => {
            const added = addRecord(doc, 'actor', actor, MODEL_ORIGIN)
            select('actor', added.id)
          })
        }
      />
      {allowPersons && (
        <div className="board-add-person">
          <button
            type="button"
            data-testid="add-person"
            onClick={() =>
              attempt(() => {
                const person = addRecord(doc, 'person', { label: '本人', ageBand: '不明', household: true, issues: [] }, MODEL_ORIGIN)
                select('person', person.id)
              })
            }
          >
            {B.addPerson}
          </button>
          <small className="hint">{B.addPersonHint}</small>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </details>
  )
}

// ---- Legend ---------------------------------------------------------------------------------

function LineSample({ color, width, dash, wobble }: { color: string; width: number; dash?: string; wobble?: boolean }) {
  const d = wobble ? 'M2 9 C 8 4, 12 14, 18 8 S 28 4, 34 10 S 44 13, 52 8' : 'M2 9 L52 9'
  return (
    <svg className="legend-line" viewBox="0 0 64 18" aria-hidden="true">
      <path d={d} stroke={color} strokeWidth={width} strokeDasharray={dash} fill="none" strokeLinecap="round" />
      <path d="M52 4 L62 9 L52 14 z" fill={color} />
    </svg>
  )
}

function Legend() {
  const { lang } = useI18n()
  const B = boardLabels(lang)
  return (
    <details className="board-legend" data-testid="board-legend" open>
      <summary>{B.legendHeading}</summary>
      <h3>{B.legendCards}</h3>
      <ul>
        <li>
          <span className="legend-card formal" aria-hidden="true" />
          {B.legendFormal}
        </li>
        <li>
          <span className="legend-card informal" aria-hidden="true" />
          {B.legendInformal}
        </li>
        <li>
          <span className="legend-card stripe" aria-hidden="true" />
          {B.legendColour}
        </li>
        <li>
          <span className="legend-card person" aria-hidden="true" />
          {B.legendPerson}
        </li>
      </ul>
      <h3>{B.legendLines}</h3>
      <ul>
        <li>
          <LineSample color="#1d1d1d" width={5} />
          {B.legendStrong}
        </li>
        <li>
          <LineSample color="#1d1d1d" width={2.5} />
          {B.legendNormal}
        </li>
        <li>
          <LineSample color="#1d1d1d" width={1.5} dash="1 4" />
          {B.legendWeak}
        </li>
        <li>
          <LineSample color="#e03131" width={3} wobble />
          {B.legendStressful}
        </li>
        <li>
          <LineSample color="#4465e9" width={2.5} dash="7 5" />
          {B.legendPlanned}
        </li>
        <li>
          <LineSample color="#e16919" width={2.5} dash="1 5" />
          {B.legendMissing}
        </li>
      </ul>
      <p className="hint">{B.legendDirection}</p>
      <p className="hint">{B.legendHowTo}</p>
    </details>
  )
}
