/**
 * Cards for the model's actors and persons on the tldraw board.
 *
 * A card shape stores only which record it shows (`actorId` / `personId`) and its size; its
 * content is read from the room's Y.Doc model on every render (model-records.ts), so the lists,
 * the inspector and the board can never disagree about a name. A record that is missing (deleted,
 * or not synced yet) or invalid renders a placeholder that says so, never an error.
 *
 * Conventions drawn here (and in the legend, panel/Legend.tsx):
 * - colour = field (分野) of the first field: a stripe on the left and a light tint;
 * - badge = level (階層), e.g. 庁内 / 事業所 / 地域;
 * - formal agencies: solid border, square corners; informal actors: dashed border, rounded;
 * - persons (本人・世帯員): role + age band + issue tags, never a name (docs/domain.md §6).
 * Vocabulary (level, fields, age band, suggested roles and issue tags) is stored in Japanese and
 * shown in the participant's language, read from the board's language atom (board-lang.ts):
 * the cards re-render when it changes, in exported images too.
 */
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  T,
  type RecordProps,
  type TLShape,
} from 'tldraw'
import type * as Y from 'yjs'
import { inLang, labelOf } from '../../shared/i18n/catalog'
import { messageIn } from '../../shared/i18n/message'
import { ageBandCatalog, fieldCatalog, issueTagCatalog, levelBadgeCatalog, levelCatalog, personRoleCatalog } from '../../shared/i18n/vocabulary'
import { fieldColors } from '../../shared/model/vocabulary'
import { boardText } from './board-labels'
import { boardLang, useBoardLang } from './board-lang'
import { modelDocFor, useModelRecord, type RecordState } from './model-records'

export const ACTOR_CARD = 'actor-card'
export const PERSON_CARD = 'person-card'

declare module 'tldraw' {
  interface TLGlobalShapePropsMap {
    [ACTOR_CARD]: { actorId: string; w: number; h: number }
    [PERSON_CARD]: { personId: string; w: number; h: number }
  }
}

export type ActorCardShape = TLShape<typeof ACTOR_CARD>
export type PersonCardShape = TLShape<typeof PERSON_CARD>
export type CardShape = ActorCardShape | PersonCardShape

export const ACTOR_CARD_SIZE = { w: 224, h: 112 }
export const PERSON_CARD_SIZE = { w: 176, h: 112 }

export function isCardShape(shape: { type: string } | undefined | null): shape is CardShape {
  return !!shape && (shape.type === ACTOR_CARD || shape.type === PERSON_CARD)
}

/** The model record a card shows. */
export function cardRecordRef(shape: CardShape): { kind: 'actor' | 'person'; id: string } {
  return shape.type === ACTOR_CARD
    ? { kind: 'actor', id: (shape as ActorCardShape).props.actorId }
    : { kind: 'person', id: (shape as PersonCardShape).props.personId }
}

function rectPath(w: number, h: number, r: number): Path2D {
  const path = new Path2D()
  if (r > 0 && 'roundRect' in path) path.roundRect(0, 0, w, h, r)
  else path.rect(0, 0, w, h)
  return path
}

export class ActorCardShapeUtil extends BaseBoxShapeUtil<ActorCardShape> {
  static override type = ACTOR_CARD
  static override props: RecordProps<ActorCardShape> = { actorId: T.string, w: T.number, h: T.number }

  override getDefaultProps(): ActorCardShape['props'] {
    return { actorId: '', ...ACTOR_CARD_SIZE }
  }
  override canEdit() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override getText(shape: ActorCardShape): string | undefined {
    const doc = modelDocFor(this.editor.store)
    const name = doc?.getMap<Y.Map<unknown>>('actors').get(shape.props.actorId)?.get?.('name')
    return typeof name === 'string' ? name : undefined
  }
  override getIndicatorPath(shape: ActorCardShape) {
    return rectPath(shape.props.w, shape.props.h, 4)
  }
  override component(shape: ActorCardShape) {
    return <ActorCard shape={shape} doc={modelDocFor(this.editor.store)} />
  }
}

export class PersonCardShapeUtil extends BaseBoxShapeUtil<PersonCardShape> {
  static override type = PERSON_CARD
  static override props: RecordProps<PersonCardShape> = { personId: T.string, w: T.number, h: T.number }

  override getDefaultProps(): PersonCardShape['props'] {
    return { personId: '', ...PERSON_CARD_SIZE }
  }
  override canEdit() {
    return false
  }
  override hideRotateHandle() {
    return true
  }
  override getText(shape: PersonCardShape): string | undefined {
    const doc = modelDocFor(this.editor.store)
    const label = doc?.getMap<Y.Map<unknown>>('persons').get(shape.props.personId)?.get?.('label')
    return typeof label === 'string' ? labelOf(personRoleCatalog, boardLang.get(), label) : undefined
  }
  override getIndicatorPath(shape: PersonCardShape) {
    return rectPath(shape.props.w, shape.props.h, 12)
  }
  override component(shape: PersonCardShape) {
    return <PersonCard shape={shape} doc={modelDocFor(this.editor.store)} />
  }
}

// ---- Views -----------------------------------------------------------------------------------

function Placeholder({ state, w, h, kind }: { state: RecordState<'actor' | 'person'>; w: number; h: number; kind: 'actor' | 'person' }) {
  const lang = useBoardLang()
  const text = inLang(boardText, lang)
  const title =
    state.status === 'invalid'
      ? kind === 'actor'
        ? text.cardInvalidActor
        : text.cardInvalidPerson
      : kind === 'actor'
        ? text.cardMissingActor
        : text.cardMissingPerson
  return (
    <HTMLContainer className={`map-card map-card-placeholder${state.status === 'invalid' ? ' invalid' : ''}`} style={{ width: w, height: h }}>
      <div className="map-card-placeholder-title">{title}</div>
      <div className="map-card-placeholder-body">{state.status === 'invalid' ? messageIn(state.message, lang) : text.cardMissingBody}</div>
    </HTMLContainer>
  )
}

function ActorCard({ shape, doc }: { shape: ActorCardShape; doc: Y.Doc | null }) {
  const state = useModelRecord(doc, 'actor', shape.props.actorId)
  const lang = useBoardLang()
  const text = inLang(boardText, lang)
  const { w, h } = shape.props
  if (state.status !== 'ok') return <Placeholder state={state} w={w} h={h} kind="actor" />
  const actor = state.record
  const color = fieldColors[actor.fields[0]] ?? '#7f8c8d'
  return (
    <HTMLContainer
      className={`map-card map-card-actor ${actor.formal ? 'formal' : 'informal'}`}
      style={{ width: w, height: h, ['--field-color' as string]: color }}
      data-record-id={actor.id}
    >
      <div className="map-card-stripe" aria-hidden="true" />
      <div className="map-card-body">
        <div className="map-card-top">
          <span className="map-card-badge" title={labelOf(levelCatalog, lang, actor.level)}>
            {labelOf(levelBadgeCatalog, lang, actor.level)}
          </span>
          <span className="map-card-kind">{actor.formal ? text.cardFormal : text.cardInformal}</span>
        </div>
        <div className="map-card-name">{actor.name}</div>
        <div className="map-card-fields">
          {actor.fields.map((f) => (
            <span key={f} className="map-card-field" title={labelOf(fieldCatalog, lang, f)}>
              <span className="dot" style={{ background: fieldColors[f] }} />
              <span className="map-card-field-text">{labelOf(fieldCatalog, lang, f)}</span>
            </span>
          ))}
        </div>
      </div>
    </HTMLContainer>
  )
}

function PersonCard({ shape, doc }: { shape: PersonCardShape; doc: Y.Doc | null }) {
  const state = useModelRecord(doc, 'person', shape.props.personId)
  const lang = useBoardLang()
  const text = inLang(boardText, lang)
  const { w, h } = shape.props
  if (state.status !== 'ok') return <Placeholder state={state} w={w} h={h} kind="person" />
  const person = state.record
  const shown = person.issues.slice(0, 4)
  const more = person.issues.length - shown.length
  // A suggested role (本人, 母 …) in the participant's language; the user's own words as typed.
  const role = labelOf(personRoleCatalog, lang, person.label)
  return (
    <HTMLContainer className="map-card map-card-person" style={{ width: w, height: h }} data-record-id={person.id}>
      <div className="map-card-person-head">
        <svg className="map-card-person-icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="8" r="4.2" />
          <path d="M3.5 21c0-4.7 3.8-8 8.5-8s8.5 3.3 8.5 8z" />
        </svg>
        <span className="map-card-person-label" title={role}>
          {role}
        </span>
      </div>
      <div className="map-card-person-sub">
        <span className="map-card-person-age">{labelOf(ageBandCatalog, lang, person.ageBand)}</span>
        {!person.household && <span className="map-card-outside">{text.cardOutside}</span>}
      </div>
      <div className="map-card-issues">
        {shown.map((tag) => (
          <span key={tag} className="map-card-issue" title={labelOf(issueTagCatalog, lang, tag)}>
            {labelOf(issueTagCatalog, lang, tag)}
          </span>
        ))}
        {more > 0 && <span className="map-card-issue more">+{more}</span>}
      </div>
    </HTMLContainer>
  )
}
