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
 */
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  T,
  type RecordProps,
  type TLShape,
} from 'tldraw'
import type * as Y from 'yjs'
import { fieldColors, levelBadges } from '../../shared/model/vocabulary'
import { useI18n, type Lang } from '../i18n'
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
    return typeof label === 'string' ? label : undefined
  }
  override getIndicatorPath(shape: PersonCardShape) {
    return rectPath(shape.props.w, shape.props.h, 12)
  }
  override component(shape: PersonCardShape) {
    return <PersonCard shape={shape} doc={modelDocFor(this.editor.store)} />
  }
}

// ---- Views -----------------------------------------------------------------------------------

const cardText = {
  ja: {
    formal: 'フォーマル',
    informal: 'インフォーマル',
    outside: '世帯外',
    actor: '機関・団体',
    person: '人物',
    invalid: (what: string) => `${what}のデータに問題があります`,
    missing: (what: string) => `${what}のデータが見つかりません`,
    missingBody: '削除されたか、まだ同期されていません。',
  },
  en: {
    formal: 'Formal',
    informal: 'Informal',
    outside: 'Outside household',
    actor: 'agency',
    person: 'person',
    invalid: (what: string) => `The data of this ${what} has a problem`,
    missing: (what: string) => `The data of this ${what} cannot be found`,
    missingBody: 'Deleted, or not synced yet.',
  },
} satisfies Record<Lang, unknown>

function Placeholder({ state, w, h, kind }: { state: RecordState<'actor' | 'person'>; w: number; h: number; kind: 'actor' | 'person' }) {
  const text = cardText[useI18n().lang]
  const invalid = state.status === 'invalid'
  return (
    <HTMLContainer className={`map-card map-card-placeholder${invalid ? ' invalid' : ''}`} style={{ width: w, height: h }}>
      <div className="map-card-placeholder-title">{invalid ? text.invalid(text[kind]) : text.missing(text[kind])}</div>
      <div className="map-card-placeholder-body">{state.status === 'invalid' ? state.message : text.missingBody}</div>
    </HTMLContainer>
  )
}

function ActorCard({ shape, doc }: { shape: ActorCardShape; doc: Y.Doc | null }) {
  const state = useModelRecord(doc, 'actor', shape.props.actorId)
  const text = cardText[useI18n().lang]
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
          <span className="map-card-badge" title={actor.level}>
            {levelBadges[actor.level]}
          </span>
          <span className="map-card-kind">{actor.formal ? text.formal : text.informal}</span>
        </div>
        <div className="map-card-name">{actor.name}</div>
        <div className="map-card-fields">
          {actor.fields.map((f) => (
            <span key={f} className="map-card-field">
              <span className="dot" style={{ background: fieldColors[f] }} />
              {f}
            </span>
          ))}
        </div>
      </div>
    </HTMLContainer>
  )
}

function PersonCard({ shape, doc }: { shape: PersonCardShape; doc: Y.Doc | null }) {
  const state = useModelRecord(doc, 'person', shape.props.personId)
  const text = cardText[useI18n().lang]
  const { w, h } = shape.props
  if (state.status !== 'ok') return <Placeholder state={state} w={w} h={h} kind="person" />
  const person = state.record
  const shown = person.issues.slice(0, 4)
  const more = person.issues.length - shown.length
  return (
    <HTMLContainer className="map-card map-card-person" style={{ width: w, height: h }} data-record-id={person.id}>
      <div className="map-card-person-head">
        <svg className="map-card-person-icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="12" cy="8" r="4.2" />
          <path d="M3.5 21c0-4.7 3.8-8 8.5-8s8.5 3.3 8.5 8z" />
        </svg>
        <span className="map-card-person-label" title={person.label}>
          {person.label}
        </span>
      </div>
      <div className="map-card-person-sub">
        <span className="map-card-person-age">{person.ageBand}</span>
        {!person.household && <span className="map-card-outside">{text.outside}</span>}
      </div>
      <div className="map-card-issues">
        {shown.map((tag) => (
          <span key={tag} className="map-card-issue">
            {tag}
          </span>
        ))}
        {more > 0 && <span className="map-card-issue more">+{more}</span>}
      </div>
    </HTMLContainer>
  )
}
