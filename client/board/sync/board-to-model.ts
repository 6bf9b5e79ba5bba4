/**
 * Board → model: what this user does on the board becomes model ops (only their own store
 * changes; never derived ones, never remote ones).
 *
 * - deleting a card removes its record (ops.removeRecord, which also removes its relations);
 *   deleting the household frame deletes the person cards in it, and so those persons;
 * - deleting a relation arrow removes the relation;
 * - an arrow whose two ends are bound to two different cards becomes a relation (type つなぎ,
 *   existing, normal, forward): the drawn arrow is replaced by the deterministic one, with the
 *   same anchors, and stays selected; an arrow bound to one card or none stays a drawing;
 * - re-binding an end of a relation arrow to another card updates from/to; dragging an end off
 *   any card turns the arrow into a plain drawing and removes the relation (undo brings it back);
 * - dragging a person card into or out of the household frame sets person.household;
 * - a card dragged to or over the edge of a frame it is in grows the frame to hold it;
 * - a copied or duplicated card (tldraw gives it a new id) becomes a copy of its record (an
 *   agency's copy is named 「…（複製）」, in the language of who copied it: a name is user data).
 * Arrow and card edits are processed once the pointer is up (never mid-drag), deletions at once.
 * All of these are MODEL_ORIGIN ops: undoable with the board change, per user. A change the
 * schema refuses is reported through `onRefused`; the board keeps the gesture's drawing and the
 * repair pass removes what no record backs.
 */
import type { RecordsDiff, TLArrowBinding, TLArrowShape, TLRecord, TLShapeId } from 'tldraw'
import { fill, inLang, type Lang } from '../../../shared/i18n/catalog'
import type { CollectionKind } from '../../../shared/model/doc'
import { addRecord, ModelValidationError, newRecordId, removeRecord, updateRecord } from '../../../shared/model/ops'
import { relationSchema, type Relation } from '../../../shared/model/schema'
import { boardText } from '../board-labels'
import { ACTOR_CARD, cardRecordRef, isCardShape, PERSON_CARD, type CardShape } from '../card-shapes'
import { readRecordState } from '../model-records'
import { MODEL_ORIGIN } from '../origins'
import { cardShapeId, HOUSEHOLD_FRAME_ID, relationArrowId, relationArrowStyle, relationBindingId, type CardKind } from '../relation-style'
import { BINDING_ORIGIN } from '../yjs-store-binding'
import { allShapes, change, guarded, isIdle, pageBounds, pagePlacer, visibleArea, type SyncContext } from './context'
import { cardPartial, relationIdOf, styleProps } from './shapes'
import { growFrameToFit, householdFrame } from './templates'

export interface BoardToModelOptions {
  /** A gesture's model change was refused by the schema (the board stays as drawn). */
  onRefused: (error: ModelValidationError) => void
  /** A gesture's model change was made (a refusal shown before is no longer current). */
  onAccepted?: () => void
  /** This participant's language, for the names of copies (Japanese unless told). */
  lang?: () => Lang
}

export interface BoardToModel {
  /** Board changes not processed yet (the repair pass waits for them). */
  hasPending(): boolean
  dispose(): void
}

export function startBoardToModel(ctx: SyncContext, { onRefused, onAccepted, lang = () => 'ja' }: BoardToModelOptions): BoardToModel {
  const { editor, doc, maps, binding } = ctx
  const pending = new Set<TLShapeId>()
  let pendingTimer: ReturnType<typeof setTimeout> | null = null

  const schedulePending = (delay = 30) => {
    if (pendingTimer || ctx.disposed) return
    pendingTimer = setTimeout(processPending, delay)
  }

  const modelOp = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      if (!(error instanceof ModelValidationError)) throw error
      onRefused(error)
      return
    }
    onAccepted?.()
  }

  /** The record a card stands for, if it is the card of an existing record. */
  const cardRecord = (shapeId: TLShapeId | undefined): { kind: CardKind; id: string } | null => {
    const shape = shapeId ? editor.getShape(shapeId) : undefined
    if (!isCardShape(shape)) return null
    const ref = cardRecordRef(shape)
    if (shape.id !== cardShapeId(ref.kind, ref.id) || !maps[ref.kind].has(ref.id)) return null
    return ref
  }

  const isInFrame = (parentId: string) => editor.getShape(parentId as TLShapeId)?.type === 'frame'

  const arrowClaims = (rid: string) => !!editor.getShape(relationArrowId(rid)) || allShapes(editor).some((s) => relationIdOf(s) === rid)

  function onUserChanges(changes: RecordsDiff<TLRecord>) {
    if (ctx.disposed) return
    const removals: [CollectionKind, string][] = []
    for (const record of Object.values(changes.removed)) {
      if (record.typeName === 'binding') {
        if (record.type === 'arrow') pending.add(record.fromId)
        continue
      }
      if (record.typeName !== 'shape' || editor.getShape(record.id)) continue
      if (isCardShape(record)) {
        const ref = cardRecordRef(record)
        if (record.id === cardShapeId(ref.kind, ref.id) && maps[ref.kind].has(ref.id)) removals.push([ref.kind, ref.id])
      } else {
        const rid = relationIdOf(record)
        if (rid && maps.relation.has(rid) && !arrowClaims(rid)) removals.push(['relation', rid])
      }
    }
    for (const record of Object.values(changes.added)) {
      if (record.typeName === 'binding' && record.type === 'arrow') pending.add(record.fromId)
      else if (record.typeName === 'shape' && (record.type === 'arrow' || isCardShape(record))) pending.add(record.id)
    }
    for (const [before, after] of Object.values(changes.updated)) {
      if (after.typeName === 'binding' && after.type === 'arrow') {
        pending.add(after.fromId)
        if (before.typeName === 'binding' && before.fromId !== after.fromId) pending.add(before.fromId)
      } else if (after.typeName === 'shape' && after.type === PERSON_CARD && before.typeName === 'shape' && before.parentId !== after.parentId) {
        pending.add(after.id)
      } else if (after.typeName === 'shape' && isCardShape(after) && before.typeName === 'shape' && (before.x !== after.x || before.y !== after.y) && isInFrame(after.parentId)) {
        // Moved inside a frame: the frame grows to it when the drag ends.
        pending.add(after.id)
      }
    }
    if (removals.length) {
      modelOp(() =>
        doc.transact(() => {
          for (const [kind, id] of removals) removeRecord(doc, kind, id, MODEL_ORIGIN)
        }, MODEL_ORIGIN),
      )
    }
    if (pending.size) schedulePending()
  }

  function processPending() {
    guarded('board → model', processPendingNow)
  }

  function processPendingNow() {
    pendingTimer = null
    if (ctx.disposed || pending.size === 0) return
    if (!isIdle(editor)) {
      schedulePending(120)
      return
    }
    const ids = [...pending]
    pending.clear()
    for (const id of ids) {
      const shape = editor.getShape(id)
      if (isCardShape(shape)) processCard(shape)
    }
    for (const id of [...ids, ...pending]) {
      const shape = editor.getShape(id)
      if (shape?.type === 'arrow') processArrow(shape as TLArrowShape)
    }
    pending.clear()
  }

  function processCard(shape: CardShape) {
    const ref = cardRecordRef(shape)
    if (shape.id === cardShapeId(ref.kind, ref.id)) {
      // A card in a frame is never cut at its edge: the frame grows to hold it.
      if (isInFrame(shape.parentId)) change(ctx, BINDING_ORIGIN, () => growFrameToFit(editor, shape.parentId as TLShapeId))
      // Dragged into or out of the household frame.
      if (shape.type !== PERSON_CARD || !householdFrame(editor)) return
      const state = readRecordState(doc, 'person', ref.id)
      const inFrame = shape.parentId === HOUSEHOLD_FRAME_ID
      if (state.status === 'ok' && state.record.household !== inFrame) {
        modelOp(() => updateRecord(doc, 'person', ref.id, { household: inFrame }, MODEL_ORIGIN))
      }
      return
    }
    // A copy (paste, duplicate, alt-drag): tldraw gave it a new id. It becomes a copy of the record.
    const state = readRecordState(doc, ref.kind, ref.id)
    if (state.status !== 'ok') {
      change(ctx, BINDING_ORIGIN, () => editor.deleteShapes([shape.id]))
      return
    }
    const newId = newRecordId(ref.kind)
    const data =
      ref.kind === 'actor' && 'name' in state.record
        ? { ...state.record, id: newId, name: fill(inLang(boardText, lang()).copyName, { name: state.record.name }).slice(0, 120) }
        : { ...state.record, id: newId }
    const canonical = cardShapeId(ref.kind, newId)
    change(ctx, BINDING_ORIGIN, () => {
      const bindings = editor.getBindingsToShape<TLArrowBinding>(shape, 'arrow')
      const selected = editor.getSelectedShapeIds()
      const bounds = pageBounds(editor, shape)
      editor.deleteShapes([shape.id])
      // A copy dropped onto other cards (tldraw puts duplicates right next to the original)
      // moves to the nearest free spot on the page; one placed in the clear stays.
      let at = { parentId: shape.parentId, x: shape.x, y: shape.y }
      if (bounds && shape.type === ACTOR_CARD) {
        const spot = pagePlacer(editor).near(bounds.center, bounds.w, bounds.h, visibleArea(editor))
        if (Math.abs(spot.x - bounds.x) > 1 || Math.abs(spot.y - bounds.y) > 1) {
          at = { parentId: editor.getCurrentPageId(), x: Math.round(spot.x), y: Math.round(spot.y) }
        }
      }
      editor.createShape(cardPartial(ref.kind, newId, { id: canonical, index: shape.index, ...at }, shape.props))
      editor.createBindings<TLArrowBinding>(bindings.map((b) => ({ type: 'arrow', fromId: b.fromId, toId: canonical, props: b.props })))
      if (selected.includes(shape.id)) editor.setSelectedShapes(selected.map((id) => (id === shape.id ? canonical : id)))
      for (const b of bindings) pending.add(b.fromId)
    })
    modelOp(() => addRecord(doc, ref.kind, data as never, MODEL_ORIGIN))
  }

  function processArrow(arrow: TLArrowShape) {
    const bindings = editor.getBindingsFromShape<TLArrowBinding>(arrow, 'arrow')
    const from = cardRecord(bindings.find((b) => b.props.terminal === 'start')?.toId)
    const to = cardRecord(bindings.find((b) => b.props.terminal === 'end')?.toId)
    const rid = relationIdOf(arrow)
    const relState = rid ? readRecordState(doc, 'relation', rid) : null
    const isTheArrow = !!rid && arrow.id === relationArrowId(rid)

    if (from && to && from.id !== to.id) {
      if (rid && isTheArrow && relState?.status === 'ok') {
        const r = relState.record
        if (r.from !== from.id || r.to !== to.id) modelOp(() => updateRecord(doc, 'relation', rid, { from: from.id, to: to.id }, MODEL_ORIGIN))
        return
      }
      if (rid && isTheArrow && relState?.status === 'invalid') return
      // A new tie (or a copy of a relation arrow): a relation, drawn by the deterministic arrow.
      const base = relState?.status === 'ok' ? relState.record : null
      const newId = newRecordId('relation')
      const data = {
        id: newId,
        from: from.id,
        to: to.id,
        type: base?.type ?? 'つなぎ',
        direction: base?.direction ?? 'forward',
        strength: base?.strength ?? 'normal',
        status: base?.status ?? 'existing',
        ...(base?.note ? { note: base.note } : {}),
      } satisfies Relation
      if (!relationSchema.safeParse(data).success) return
      const style = relationArrowStyle(data)
      change(ctx, BINDING_ORIGIN, () => {
        const selected = editor.getSelectedShapeIds()
        const id = relationArrowId(newId)
        editor.deleteShapes([arrow.id])
        editor.createShape<TLArrowShape>({
          id,
          type: 'arrow',
          parentId: arrow.parentId,
          index: arrow.index,
          x: arrow.x,
          y: arrow.y,
          rotation: arrow.rotation,
          meta: { ...arrow.meta, relationId: newId },
          props: { ...arrow.props, ...styleProps(style) },
        })
        editor.createBindings<TLArrowBinding>(
          bindings.map((b) => ({ id: relationBindingId(newId, b.props.terminal), type: 'arrow', fromId: id, toId: b.toId, props: b.props })),
        )
        if (selected.includes(arrow.id)) editor.setSelectedShapes(selected.map((s) => (s === arrow.id ? id : s)))
      })
      modelOp(() => addRecord(doc, 'relation', data, MODEL_ORIGIN))
      return
    }

    // Not (or no longer) between two cards: a plain drawing.
    if (rid && isTheArrow && relState && relState.status !== 'missing') {
      // (tldraw merges meta on update: the key is set to null, not left out.)
      change(ctx, BINDING_ORIGIN, () => editor.updateShape<TLArrowShape>({ id: arrow.id, type: 'arrow', meta: { relationId: null } }))
      modelOp(() => removeRecord(doc, 'relation', rid, MODEL_ORIGIN))
    }
  }

  const unsubscribe = binding.onLocalChanges(({ changes, derived }) => {
    if (derived || ctx.disposed) return
    // Outside tldraw's flush: model ops re-enter the binding.
    queueMicrotask(() => guarded('board → model', () => onUserChanges(changes)))
  })

  return {
    hasPending: () => pending.size > 0,
    dispose() {
      unsubscribe()
      if (pendingTimer) clearTimeout(pendingTimer)
    },
  }
}
