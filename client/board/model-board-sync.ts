// Over 450 lines until issue #11 splits it: this becomes the client/board/sync/ folder (placement, model→board, board→model, templates).
/**
 * Model ⇄ board reconciliation: keeps the tldraw board a faithful drawing of the room's model
 * (shared/model), and turns what users do on the board into model ops.
 *
 * The model (Y.Maps 'actors', 'persons', 'relations') is the single source of truth. The board
 * holds, per record, one shape with a DETERMINISTIC id derived from the record id:
 *   actor  a-xyz  → card   `shape:actor-a-xyz`   (props: actorId, w, h; content read live)
 *   person p-xyz  → card   `shape:person-p-xyz`  (inside the household frame `shape:household`
 *                                                 when person.household is true)
 *   relation r-xyz → arrow `shape:rel-r-xyz`, bound to its two cards with
 *                    `binding:rel-r-xyz-start|end`, styled from the relation (relation-style.ts),
 *                    meta.relationId = r-xyz.
 * Two clients creating the same card or arrow at once therefore write the same key of the
 * 'tldraw' Y.Map and converge (last writer wins on position) instead of duplicating it.
 *
 * Model → board (who writes, and when):
 * - Reconciliation changes are made through the editor, like a user's (so tldraw's own side
 *   effects run and they sync once, through the Y.Doc binding), but inside
 *   `binding.withOrigin(origin, …)`: written at once with a chosen origin and marked derived.
 * - A model change made by THIS user (transaction origin MODEL_ORIGIN, e.g. the palette, the
 *   inspector, the lists, an import) is reconciled at once, for the records it touched, with
 *   BINDING_ORIGIN: the card or arrow is part of the user's action and on their undo stack.
 *   New cards go near the centre of this user's view.
 * - Anything else (a colleague's change, the offline copy, an undo, the first load) is NOT
 *   answered at once: the colleague's own client draws their change, and its board records
 *   follow within milliseconds. After a grace period (GRACE_MS), and only when this user is
 *   not in the middle of a drag and the room has synced, a full pass checks every record and
 *   writes only what is really different, with RECONCILE_ORIGIN (not undoable). This repairs
 *   e.g. a card a colleague moved while another deleted its record, or records imported by a
 *   client without a board. Its placement of new cards depends only on the document, so two
 *   clients that both repair converge on the same result.
 * - Placement: one or two new agencies (palette, form) go to a free spot in the visible part
 *   of this user's view; many at once (an import) or repaired ones are laid out as an
 *   eco-map, on rings around the household frame (or the district frame), grouped by level and
 *   field; household members go into the frame (which grows), others next to it. Cards keep
 *   enough room between them for an arrow's label. A large job runs in short passes so the
 *   page stays responsive; a small one runs inside the user's action.
 * - Template: when the board of a fresh room (empty 'tldraw' map) is first bound by an editor,
 *   a case room gets the household frame 世帯 and a community room the frame 地区・圏域
 *   (deterministic ids, RECONCILE_ORIGIN: nobody undoes the template).
 * - Cards whose record key is gone are deleted; a record that exists but is invalid keeps its
 *   card, which shows a placeholder naming the problem. Arrows whose relation is gone are
 *   deleted. Arrow style and bindings follow the relation (from/to, type, direction, strength,
 *   status); the arrow's label is not editable (RelationArrowShapeUtil), the inspector is.
 *
 * Board → model (only this user's own store changes, never derived ones, never remote ones):
 * - deleting a card removes its record (ops.removeRecord, which also removes its relations);
 *   deleting the household frame deletes the person cards in it, and so those persons;
 * - deleting a relation arrow removes the relation;
 * - an arrow whose two ends are bound to two different cards becomes a relation (type つなぎ,
 *   existing, normal, forward): the drawn arrow is replaced by the deterministic one, with the
 *   same anchors, and stays selected; an arrow bound to one card or none stays a drawing;
 * - re-binding an end of a relation arrow to another card updates from/to; dragging an end off
 *   any card turns the arrow into a plain drawing and removes the relation (undo brings it back);
 * - dragging a person card into or out of the household frame sets person.household;
 * - a copied or duplicated card (tldraw gives it a new id) becomes a copy of its record.
 * Arrow and card edits are processed once the pointer is up (never mid-drag), deletions at once.
 * All of these are MODEL_ORIGIN ops: undoable with the board change, per user.
 *
 * A view-only participant runs none of this: the board shows what the document holds.
 */
import {
  Box,
  toRichText,
  Vec,
  type Editor,
  type IndexKey,
  type RecordsDiff,
  type TLArrowBinding,
  type TLArrowShape,
  type TLFrameShape,
  type TLParentId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  type TLBindingCreate,
  type TLShapePartial,
  type VecLike,
  getIndexBetween,
} from 'tldraw'
import * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import { collection, readModel, type CollectionKind } from '../../shared/model/doc'
import { addRecord, ModelValidationError, newRecordId, removeRecord, updateRecord } from '../../shared/model/ops'
import { relationSchema, type Relation } from '../../shared/model/schema'
import { fields, levels } from '../../shared/model/vocabulary'
import {
  ACTOR_CARD,
  ACTOR_CARD_SIZE,
  cardRecordRef,
  isCardShape,
  PERSON_CARD,
  PERSON_CARD_SIZE,
  type ActorCardShape,
  type CardShape,
  type PersonCardShape,
} from './card-shapes'
import { readRecordState } from './model-records'
import { MODEL_ORIGIN, RECONCILE_ORIGIN } from './origins'
import {
  cardShapeId,
  DISTRICT_FRAME_ID,
  HOUSEHOLD_FRAME_ID,
  relationArrowId,
  relationArrowStyle,
  relationBindingId,
  type CardKind,
  type RelationArrowStyle,
} from './relation-style'
import { BINDING_ORIGIN, getTldrawMap, REMOTE_FOLLOWUP_ORIGIN, type YjsStoreBinding } from './yjs-store-binding'

export const GRACE_MS = 1500
/** Room between cards, so that arrows between neighbours are long enough for their label. */
const GAP = 64
/** Free room beside / above and below a card placed near a point: an arrow to its neighbour
 *  needs length for a label like 「つなぎ（不足）」 (horizontal) or one line of it (vertical). */
const CARD_MARGIN = { x: 120, y: 56 }
/** Free room between a card and the household frame (its members' cards have their own). */
const FRAME_MARGIN = 40
/** Between person cards inside the household frame. */
const CELL_GAP_X = 64
const CELL_GAP_Y = 40
const FRAME_PAD = 20
/** Distance from the household frame to the first ring of agencies (eco-map layout). */
const RING_GAP = 120

export const HOUSEHOLD_FRAME_NAME = '世帯'
/** Room for four person cards; it grows downwards when more are added. */
const HOUSEHOLD_FRAME_SIZE = { w: 480, h: 320 }
export const DISTRICT_FRAME_NAME = '地区・圏域'

export interface ModelBoardSyncOptions {
  editor: Editor
  doc: Y.Doc
  binding: YjsStoreBinding
  roomKind: RoomKind
  readOnly: boolean
  /** The 'tldraw' map was empty when this client bound the board: create the room's template. */
  freshRoom: boolean
  /** True once the room has synced with the server (or is known to be offline). */
  isSettled: () => boolean
  graceMs?: number
}

export interface ModelBoardSync {
  dispose(): void
}

type Scope = Record<CollectionKind, Set<string>>

interface Job {
  scope: Scope | 'all'
  /** This user's own change: undoable, new cards where they are looking. */
  tracked: boolean
  /** Planned spots of the agency cards this job adds (kept across passes). */
  planned: Map<string, Box>
}

/** A change touching at most this many records is reconciled at once, within the action. */
const SYNC_LIMIT = 60
/** Time budget of one reconciliation pass before yielding to the browser. */
const PASS_BUDGET_MS = 40
const CARDS_PER_PASS = 150

const emptyScope = (): Scope => ({ actor: new Set(), person: new Set(), relation: new Set() })

export function relationIdOf(shape: TLShape | TLRecord | undefined): string | null {
  if (!shape || shape.typeName !== 'shape' || shape.type !== 'arrow') return null
  const id = (shape.meta as { relationId?: unknown } | undefined)?.relationId
  return typeof id === 'string' && id ? id : null
}

function styleProps(style: RelationArrowStyle) {
  return {
    color: style.color,
    labelColor: style.labelColor,
    dash: style.dash,
    size: style.size,
    arrowheadStart: style.arrowheadStart,
    arrowheadEnd: style.arrowheadEnd,
    font: style.font,
    richText: toRichText(style.label),
  }
}

function sameStyle(arrow: TLArrowShape, style: RelationArrowStyle): boolean {
  const p = arrow.props
  return (
    p.color === style.color &&
    p.labelColor === style.labelColor &&
    p.dash === style.dash &&
    p.size === style.size &&
    p.arrowheadStart === style.arrowheadStart &&
    p.arrowheadEnd === style.arrowheadEnd &&
    p.font === style.font &&
    JSON.stringify(p.richText) === JSON.stringify(toRichText(style.label))
  )
}

/** A new card shape for record `recordId`. */
function cardPartial(
  kind: CardKind,
  recordId: string,
  base: { id: TLShapeId; parentId: TLParentId; x: number; y: number; index?: IndexKey },
  size: { w: number; h: number },
): TLShapePartial<ActorCardShape> | TLShapePartial<PersonCardShape> {
  const { w, h } = size
  return kind === 'actor'
    ? { ...base, type: ACTOR_CARD, props: { actorId: recordId, w, h } }
    : { ...base, type: PERSON_CARD, props: { personId: recordId, w, h } }
}

const centreAnchor = { normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const }

export function startModelBoardSync(options: ModelBoardSyncOptions): ModelBoardSync {
  const { editor, doc, binding, roomKind, readOnly, freshRoom, isSettled } = options
  const graceMs = options.graceMs ?? GRACE_MS
  if (readOnly) return { dispose() {} }

  const maps: Record<CollectionKind, Y.Map<Y.Map<unknown>>> = {
    actor: collection(doc, 'actor'),
    person: collection(doc, 'person'),
    relation: collection(doc, 'relation'),
  }
  const kindOfMap = new Map<unknown, CollectionKind>(Object.entries(maps).map(([k, m]) => [m, k as CollectionKind]))
  const tldrawMap = getTldrawMap(doc)
  const ownOrigins = new Set<unknown>([BINDING_ORIGIN, RECONCILE_ORIGIN, REMOTE_FOLLOWUP_ORIGIN])
  let disposed = false

  const endKind = (id: string): CardKind | null => (maps.actor.has(id) ? 'actor' : maps.person.has(id) ? 'person' : null)

  /** Store changes made by the reconciliation itself: one batch, chosen origin, derived. */
  const change = (origin: unknown, fn: () => void) => {
    binding.withOrigin(origin, () => editor.run(fn, { history: 'ignore', ignoreShapeLock: true }))
  }

  /** Never lets a reconciliation error escape into tldraw or Yjs (or the page): it is logged. */
  const guarded = (what: string, fn: () => void) => {
    try {
      fn()
    } catch (error) {
      console.error(`${what} reconciliation failed`, error)
    }
  }

  const modelOp = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      if (error instanceof ModelValidationError) console.warn('board → model change refused:', error.message)
      else throw error
    }
  }

  const isIdle = () =>
    !editor.inputs.getIsPointing() &&
    !editor.inputs.getIsDragging() &&
    editor.getEditingShapeId() === null &&
    !editor.isInAny('select.dragging_handle', 'select.translating', 'select.resizing', 'select.rotating')

  // ---- Placement ---------------------------------------------------------------------------

  /**
   * Page bounds of a shape. tldraw measures frame names and text with the DOM, which throws
   * while the board is not laid out; boxes (cards, frames) then fall back to their record.
   */
  const pageBounds = (shape: TLShape | TLShapeId): Box | undefined => {
    try {
      return editor.getShapePageBounds(shape)
    } catch {
      const record = typeof shape === 'string' ? editor.getShape(shape) : shape
      const props = record?.props as { w?: unknown; h?: unknown } | undefined
      if (!record || typeof props?.w !== 'number' || typeof props?.h !== 'number') return undefined
      const point = editor.getShapePageTransform(record).point()
      return new Box(point.x, point.y, props.w, props.h)
    }
  }

  /** Free spots on the current page, avoiding cards and drawings (and the household frame). */
  class Placer {
    private obstacles: Box[] = []
    /** The household frame (read each time: it may be created or grow during a pass) is an
     *  obstacle for agencies and the place for household members. */
    private get household(): Box | undefined {
      return pageBounds(HOUSEHOLD_FRAME_ID)
    }
    constructor() {
      for (const id of editor.getCurrentPageShapeIds()) {
        const shape = editor.getShape(id)
        if (!shape || shape.type === 'arrow' || shape.type === 'frame') continue
        const bounds = pageBounds(id)
        if (bounds) this.obstacles.push(bounds)
      }
    }
    private free(box: Box, margin: number | { x: number; y: number } = GAP / 2, inHousehold = false): boolean {
      const m = typeof margin === 'number' ? { x: margin, y: margin } : margin
      const padded = new Box(box.x - m.x, box.y - m.y, box.w + m.x * 2, box.h + m.y * 2)
      const household = inHousehold ? undefined : this.household
      if (household) {
        const f = Math.min(FRAME_MARGIN, m.x, m.y)
        if (Box.Collides(household, new Box(box.x - f, box.y - f, box.w + f * 2, box.h + f * 2))) return false
      }
      return !this.obstacles.some((o) => Box.Collides(o, padded))
    }
    add(box: Box) {
      this.obstacles.push(box)
    }
    /**
     * A free w×h spot as near to `anchor` as possible (page space), inside `within` when there
     * is room there (e.g. the part of the screen tldraw's toolbars do not cover). Cards keep a
     * wide margin, so that an arrow to a neighbour has room for its label.
     */
    near(anchor: VecLike, w: number, h: number, within?: Box): Box {
      const search = (step: number, rings: number, limit?: Box): Box | null => {
        for (let ring = 0; ring <= rings; ring++) {
          const cells: { i: number; j: number; d: number }[] = []
          for (let i = -ring; i <= ring; i++) {
            for (let j = -ring; j <= ring; j++) {
              if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue
              cells.push({ i, j, d: (i * step) ** 2 + (j * step) ** 2 })
            }
          }
          cells.sort((a, b) => a.d - b.d || a.j - b.j || a.i - b.i)
          for (const { i, j } of cells) {
            const box = new Box(anchor.x - w / 2 + i * step, anchor.y - h / 2 + j * step, w, h)
            if (limit && (box.minX < limit.minX || box.minY < limit.minY || box.maxX > limit.maxX || box.maxY > limit.maxY)) continue
            if (this.free(box, CARD_MARGIN)) return box
          }
        }
        return null
      }
      let box: Box | null = null
      if (within) {
        const rings = Math.ceil(Math.max(within.w, within.h) / 2 / 24) + 1
        box = search(24, rings, within)
      }
      box ??= search(48, 40) ?? new Box(anchor.x - w / 2, anchor.y - h / 2, w, h)
      this.add(box)
      return box
    }
    /**
     * `count` free w×h spots on ellipses around `centre` (the eco-map layout: the household in
     * the middle, agencies around it), outside an inner w×h area, spread evenly on each ring.
     */
    ring(centre: VecLike, inner: { hw: number; hh: number }, count: number, w: number, h: number): Box[] {
      const placed: Box[] = []
      let rx = inner.hw + w / 2 + RING_GAP
      let ry = inner.hh + h / 2 + RING_GAP * 0.8
      for (let round = 0; round < 12 && placed.length < count; round++) {
        const perimeter = Math.PI * (3 * (rx + ry) - Math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
        const capacity = Math.max(4, Math.floor(perimeter / (w * 0.6 + h * 0.4 + GAP * 1.6)))
        const remaining = count - placed.length
        const tryRing = (slots: number) => {
          const offset = round % 2 ? Math.PI / slots : 0
          for (let k = 0; k < slots && placed.length < count; k++) {
            const angle = -Math.PI / 2 + offset + (2 * Math.PI * k) / slots
            const box = new Box(centre.x + rx * Math.cos(angle) - w / 2, centre.y + ry * Math.sin(angle) - h / 2, w, h)
            if (this.free(box)) {
              this.add(box)
              placed.push(box)
            }
          }
        }
        const before = placed.length
        tryRing(Math.min(capacity, remaining))
        if (placed.length === before) tryRing(capacity)
        rx += w + GAP
        ry += h + GAP
      }
      while (placed.length < count) placed.push(this.near(centre, w, h))
      return placed
    }
    /** A free cell inside `frame` (frame space), growing the frame downwards when it is full. */
    inFrame(frame: TLFrameShape, w: number, h: number): Vec {
      const origin = pageBounds(frame)
      const fx = origin?.x ?? frame.x
      const fy = origin?.y ?? frame.y
      const top = FRAME_PAD + 8
      for (let y = top; y + h <= frame.props.h - FRAME_PAD; y += h + CELL_GAP_Y) {
        for (let x = FRAME_PAD; x + w <= frame.props.w - FRAME_PAD; x += w + CELL_GAP_X) {
          const box = new Box(fx + x, fy + y, w, h)
          if (this.free(box, CELL_GAP_Y / 2 - 1, true)) {
            this.add(box)
            return new Vec(x, y)
          }
        }
      }
      // Full: a new row below everything in the frame.
      let bottom = top - CELL_GAP_Y
      for (const childId of editor.getSortedChildIdsForParent(frame.id)) {
        const b = pageBounds(childId)
        if (b) bottom = Math.max(bottom, b.maxY - fy)
      }
      for (const o of this.obstacles) {
        if (o.minX >= fx && o.maxX <= fx + frame.props.w && o.minY >= fy && o.maxY <= fy + frame.props.h + 400) {
          bottom = Math.max(bottom, o.maxY - fy)
        }
      }
      const y = bottom + CELL_GAP_Y
      editor.updateShape<TLFrameShape>({ id: frame.id, type: 'frame', props: { h: Math.max(frame.props.h, y + h + FRAME_PAD) } })
      this.add(new Box(fx + FRAME_PAD, fy + y, w, h))
      return new Vec(FRAME_PAD, y)
    }
  }

  const householdFrame = (): TLFrameShape | undefined => {
    const shape = editor.getShape(HOUSEHOLD_FRAME_ID)
    return shape?.type === 'frame' ? (shape as TLFrameShape) : undefined
  }

  const createFrame = (id: TLShapeId, name: string, w: number, h: number, centre: VecLike) => {
    if (editor.getShape(id)) return
    editor.createShape<TLFrameShape>({
      id,
      type: 'frame',
      parentId: editor.getCurrentPageId(),
      x: Math.round(centre.x - w / 2),
      y: Math.round(centre.y - h / 2),
      props: { w, h, name },
    })
  }

  const ensureHouseholdFrame = (tracked: boolean): TLFrameShape | undefined => {
    if (!householdFrame()) {
      const centre = tracked ? editor.getViewportPageBounds().center : new Vec(340, 230)
      createFrame(HOUSEHOLD_FRAME_ID, HOUSEHOLD_FRAME_NAME, HOUSEHOLD_FRAME_SIZE.w, HOUSEHOLD_FRAME_SIZE.h, centre)
    }
    return householdFrame()
  }

  /** The part of the viewport that tldraw's menus, style panel and toolbar do not cover. */
  const visibleArea = (): Box => {
    const vp = editor.getViewportPageBounds()
    const z = editor.getZoomLevel()
    const inset = { left: 20 / z, top: 60 / z, right: 170 / z, bottom: 90 / z }
    return new Box(vp.x + inset.left, vp.y + inset.top, Math.max(0, vp.w - inset.left - inset.right), Math.max(0, vp.h - inset.top - inset.bottom))
  }

  /** Where untracked (repair) placement starts: a point that only depends on the document. */
  const documentAnchor = (): Vec => {
    const frame = pageBounds(HOUSEHOLD_FRAME_ID) ?? pageBounds(DISTRICT_FRAME_ID)
    return frame ? frame.center : new Vec(340, 230)
  }

  // ---- Model → board -------------------------------------------------------------------------

  const allShapes = (): TLShape[] => editor.store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')

  /**
   * One pass of reconciliation for `job`. Returns false when it stopped because its time
   * budget ran out (a large import): the caller runs another pass after yielding to the
   * browser, and every pass recomputes what is still missing, so passes can be repeated.
   */
  function apply(job: Job): boolean {
    const { scope, tracked } = job
    const inScope = (kind: CollectionKind, id: string) => scope === 'all' || scope[kind].has(id)
    const started = performance.now()
    // Only after some work was done in this pass, so that every pass makes progress.
    let work = 0
    const overBudget = () => work > 0 && performance.now() - started > PASS_BUDGET_MS
    const shapes = allShapes()

    // 1. Arrows of relations that are gone; cards of records that are gone.
    const toDelete: TLShapeId[] = []
    const arrowsByRelation = new Map<string, TLArrowShape>()
    for (const shape of shapes) {
      const rid = relationIdOf(shape)
      if (rid) {
        if (!maps.relation.has(rid)) {
          if (inScope('relation', rid)) toDelete.push(shape.id)
        } else if (!arrowsByRelation.has(rid) || shape.id === relationArrowId(rid)) {
          arrowsByRelation.set(rid, shape as TLArrowShape)
        }
      } else if (isCardShape(shape)) {
        const ref = cardRecordRef(shape)
        if (inScope(ref.kind, ref.id) && !maps[ref.kind].has(ref.id)) toDelete.push(shape.id)
      }
    }
    if (toDelete.length) editor.deleteShapes(toDelete)

    // 2. Cards for records that have none (sorted, so that repair placement is deterministic).
    // Built only when a card has to be placed (it measures every shape on the page).
    let placerCache: Placer | null = null
    const placer = () => (placerCache ??= new Placer())
    const anchor = tracked ? editor.getViewportPageBounds().center : documentAnchor()
    const missingCards = (kind: CardKind) =>
      [...maps[kind].keys()].filter((id) => inScope(kind, id) && !editor.getShape(cardShapeId(kind, id))).sort()

    for (const id of missingCards('person')) {
      if (overBudget()) return false
      const size = PERSON_CARD_SIZE
      const state = readRecordState(doc, 'person', id)
      const frame = state.status === 'ok' && state.record.household ? ensureHouseholdFrame(tracked) : undefined
      let parentId: TLParentId = editor.getCurrentPageId()
      let at: VecLike
      if (frame) {
        parentId = frame.id
        at = placer().inFrame(frame, size.w, size.h)
      } else {
        const nearFrame = pageBounds(HOUSEHOLD_FRAME_ID)
        const start = nearFrame ? new Vec(nearFrame.maxX + GAP + size.w / 2, nearFrame.y + size.h / 2) : anchor
        at = placer().near(start, size.w, size.h)
      }
      editor.createShape(cardPartial('person', id, { id: cardShapeId('person', id), parentId, x: Math.round(at.x), y: Math.round(at.y) }, size))
      work++
    }

    const newActors = missingCards('actor')
    if (newActors.length) {
      const { w, h } = ACTOR_CARD_SIZE
      // Spots are planned once for everything a job adds, so that a large import spread over
      // several passes still gets one layout.
      const unplanned = newActors.filter((id) => !job.planned.has(id))
      if (unplanned.length) {
        let boxes: Box[]
        if (tracked && newActors.length <= 2) {
          // One or two added by this user (palette, form): where they are looking.
          const visible = visibleArea()
          boxes = unplanned.map(() => placer().near(anchor, w, h, visible))
        } else {
          // Many at once (an import) or a repair: around the household (or district) frame,
          // grouped by level and field so that related agencies sit together.
          const order = (id: string) => {
            const state = readRecordState(doc, 'actor', id)
            return state.status === 'ok'
              ? [levels.indexOf(state.record.level), fields.indexOf(state.record.fields[0]), state.record.name]
              : [99, 99, id]
          }
          unplanned.sort((x, y) => {
            const [a1, a2, a3] = order(x)
            const [b1, b2, b3] = order(y)
            return (a1 as number) - (b1 as number) || (a2 as number) - (b2 as number) || String(a3).localeCompare(String(b3), 'ja') || (x < y ? -1 : 1)
          })
          const household = pageBounds(HOUSEHOLD_FRAME_ID)
          const district = pageBounds(DISTRICT_FRAME_ID)
          const centre = household?.center ?? district?.center ?? anchor
          const inner = household ? { hw: household.w / 2, hh: household.h / 2 } : { hw: 40, hh: 20 }
          boxes = placer().ring(centre, inner, unplanned.length, w, h)
        }
        unplanned.forEach((id, i) => job.planned.set(id, boxes[i]))
      }
      // A card that lands wholly inside the district frame belongs to it (moves with it).
      const district = editor.getShape(DISTRICT_FRAME_ID)?.type === 'frame' ? pageBounds(DISTRICT_FRAME_ID) : undefined
      const cards: TLShapePartial<ActorCardShape>[] = []
      for (const id of newActors) {
        if (cards.length >= CARDS_PER_PASS || overBudget()) break
        const box = job.planned.get(id)!
        const inDistrict = !!district && box.minX >= district.minX && box.minY >= district.minY && box.maxX <= district.maxX && box.maxY <= district.maxY
        const at = inDistrict
          ? { parentId: DISTRICT_FRAME_ID, x: Math.round(box.x - district.x), y: Math.round(box.y - district.y) }
          : { parentId: editor.getCurrentPageId(), x: Math.round(box.x), y: Math.round(box.y) }
        cards.push(cardPartial('actor', id, { id: cardShapeId('actor', id), ...at }, ACTOR_CARD_SIZE) as TLShapePartial<ActorCardShape>)
        work++
      }
      editor.createShapes(cards)
      if (cards.length < newActors.length) return false
    }

    // 3. Persons in or out of the household frame, as the model says.
    for (const id of [...maps.person.keys()].filter((id) => inScope('person', id)).sort()) {
      const state = readRecordState(doc, 'person', id)
      const card = editor.getShape(cardShapeId('person', id))
      if (state.status !== 'ok' || !card) continue
      const inFrame = card.parentId === HOUSEHOLD_FRAME_ID
      if (state.record.household && !inFrame) {
        const frame = ensureHouseholdFrame(tracked)
        if (!frame) continue
        const at = placer().inFrame(frame, PERSON_CARD_SIZE.w, PERSON_CARD_SIZE.h)
        editor.reparentShapes([card.id], frame.id)
        editor.updateShape({ id: card.id, type: PERSON_CARD, x: at.x, y: at.y })
      } else if (!state.record.household && inFrame) {
        const frameBounds = pageBounds(HOUSEHOLD_FRAME_ID)
        const size = PERSON_CARD_SIZE
        const start = frameBounds ? new Vec(frameBounds.maxX + GAP + size.w / 2, frameBounds.y + size.h / 2) : anchor
        const box = placer().near(start, size.w, size.h)
        editor.reparentShapes([card.id], editor.getCurrentPageId())
        editor.updateShape({ id: card.id, type: PERSON_CARD, x: box.x, y: box.y })
      }
    }

    // 4. One arrow per valid relation, bound to its cards and styled from it. New arrows are
    // created together at the end of the pass, already in the parent and at the index that
    // tldraw's arrow bindings would move them to (just above the higher of their two cards):
    // created one by one, each would re-sort the page and re-measure every label (an import of
    // 1,500 ties took minutes).
    const { model } = readModel(doc)
    const newArrows: TLShapePartial<TLArrowShape>[] = []
    const newBindings: TLBindingCreate<TLArrowBinding>[] = []
    const order = new Map<TLParentId, { id: TLShapeId; index: IndexKey }[]>()
    const siblingsOf = (parentId: TLParentId) => {
      let list = order.get(parentId)
      if (!list) {
        list = editor.getSortedChildIdsForParent(parentId).map((id) => ({ id, index: editor.getShape(id)!.index }))
        order.set(parentId, list)
      }
      return list
    }
    const siblingAncestor = (shape: TLShape, parentId: TLParentId): TLShape | undefined => {
      let current: TLShape | undefined = shape
      while (current && current.parentId !== parentId) current = editor.getShape(current.parentId as TLShapeId)
      return current
    }
    const arrowIndex = (arrowId: TLShapeId, parentId: TLParentId, a: TLShape, b: TLShape): IndexKey | undefined => {
      const list = siblingsOf(parentId)
      const candidates = [siblingAncestor(a, parentId), siblingAncestor(b, parentId)].filter((x): x is TLShape => !!x)
      if (!candidates.length) return undefined
      const high = candidates.reduce((x, y) => (x.index > y.index ? x : y))
      const at = list.findIndex((e) => e.id === high.id)
      if (at < 0) return undefined
      const index = getIndexBetween(list[at].index, list[at + 1]?.index)
      list.splice(at + 1, 0, { id: arrowId, index })
      return index
    }

    for (const relation of model.relations) {
      if (overBudget()) break
      if (!(inScope('relation', relation.id) || inScope('actor', relation.from) || inScope('actor', relation.to) ||
        inScope('person', relation.from) || inScope('person', relation.to))) continue
      const fromKind = endKind(relation.from)
      const toKind = endKind(relation.to)
      if (!fromKind || !toKind) continue
      const fromCard = editor.getShape(cardShapeId(fromKind, relation.from))
      const toCard = editor.getShape(cardShapeId(toKind, relation.to))
      if (!fromCard || !toCard) continue
      const pageId = editor.getAncestorPageId(fromCard)
      if (!pageId || pageId !== editor.getAncestorPageId(toCard)) continue
      const style = relationArrowStyle(relation)
      const arrow = arrowsByRelation.get(relation.id) ?? (editor.getShape(relationArrowId(relation.id)) as TLArrowShape | undefined)
      if (!arrow) {
        const a = pageBounds(fromCard)!.center
        const b = pageBounds(toCard)!.center
        const id = relationArrowId(relation.id)
        if (newArrows.some((x) => x.id === id)) continue
        const parentId: TLParentId = editor.findCommonAncestor([fromCard, toCard]) ?? pageId
        const origin = parentId === pageId ? a : editor.getPointInShapeSpace(parentId as TLShapeId, a)
        newArrows.push({
          id,
          type: 'arrow',
          parentId,
          index: arrowIndex(id, parentId, fromCard, toCard),
          x: origin.x,
          y: origin.y,
          meta: { relationId: relation.id },
          props: { ...styleProps(style), start: { x: 0, y: 0 }, end: { x: b.x - a.x, y: b.y - a.y } },
        })
        newBindings.push(
          { id: relationBindingId(relation.id, 'start'), type: 'arrow', fromId: id, toId: fromCard.id, props: { terminal: 'start', ...centreAnchor } },
          { id: relationBindingId(relation.id, 'end'), type: 'arrow', fromId: id, toId: toCard.id, props: { terminal: 'end', ...centreAnchor } },
        )
        work++
        continue
      }
      if (!sameStyle(arrow, style) || relationIdOf(arrow) !== relation.id) {
        editor.updateShape<TLArrowShape>({ id: arrow.id, type: 'arrow', meta: { ...arrow.meta, relationId: relation.id }, props: styleProps(style) })
        work++
      }
      const bindings = editor.getBindingsFromShape<TLArrowBinding>(arrow, 'arrow')
      for (const terminal of ['start', 'end'] as const) {
        const target = terminal === 'start' ? fromCard.id : toCard.id
        const current = bindings.find((b) => b.props.terminal === terminal)
        if (current?.toId === target) continue
        if (current) editor.deleteBindings([current])
        const bindingId = relationBindingId(relation.id, terminal)
        if (editor.getBinding(bindingId)) editor.deleteBindings([bindingId])
        editor.createBindings<TLArrowBinding>([
          { id: bindingId, type: 'arrow', fromId: arrow.id, toId: target, props: { terminal, ...centreAnchor } },
        ])
        work++
      }
    }
    if (newArrows.length) {
      editor.createShapes(newArrows)
      editor.createBindings(newBindings)
    }
    return !overBudget()
  }

  // Jobs run in order. A small one (an edit) runs at once, inside the user's action; a large
  // one (an import of hundreds of records) runs in passes of PASS_BUDGET_MS with the browser
  // free in between, so the page stays responsive (its passes still merge into one undo step).
  const jobs: Job[] = []
  let pumping: ReturnType<typeof setTimeout> | null = null

  function runPass(job: Job): boolean {
    let done = true
    try {
      change(job.tracked ? BINDING_ORIGIN : RECONCILE_ORIGIN, () => {
        done = apply(job)
      })
    } catch (error) {
      console.error('model → board reconciliation failed', error)
    }
    return done
  }

  function pump() {
    pumping = null
    if (disposed) return
    const job = jobs[0]
    if (!job) return
    if (runPass(job)) jobs.shift()
    if (jobs.length) pumping = setTimeout(pump, 0)
  }

  function reconcile(scope: Scope | 'all', tracked: boolean) {
    if (disposed) return
    const job: Job = { scope, tracked, planned: new Map() }
    const size = scope === 'all' ? Infinity : scope.actor.size + scope.person.size + scope.relation.size
    if (jobs.length === 0 && size <= SYNC_LIMIT && runPass(job)) return
    jobs.push(job)
    pumping ??= setTimeout(pump, 0)
  }

  // Repair pass, later and only when nothing is going on.
  let fullTimer: ReturnType<typeof setTimeout> | null = null
  const scheduleFull = (delay = graceMs) => {
    if (fullTimer || disposed) return
    fullTimer = setTimeout(runFull, delay)
  }
  function runFull() {
    fullTimer = null
    if (disposed) return
    if (!isSettled() || !isIdle() || pending.size > 0 || jobs.length > 0) {
      scheduleFull(400)
      return
    }
    reconcile('all', false)
  }

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (disposed) return
    const scope = emptyScope()
    let model = false
    let board = false
    tr.changed.forEach((keys, type) => {
      const kind = kindOfMap.get(type)
      if (kind) {
        model = true
        keys.forEach((key) => key && scope[kind].add(key))
        return
      }
      const parent = type._item?.parent
      const parentKind = parent ? kindOfMap.get(parent) : undefined
      const key = type._item?.parentSub
      if (parentKind && key) {
        model = true
        scope[parentKind].add(key)
        return
      }
      // On the board side, only a card or relation arrow that disappeared can need a repair
      // (e.g. deleted by a client that could not update the model); moves never do.
      if ((type as unknown) === tldrawMap) {
        keys.forEach((key) => {
          if (key && !tldrawMap.has(key) && /^shape:(actor|person|rel)-/.test(key)) board = true
        })
      }
    })
    if (model && tr.origin === MODEL_ORIGIN && tr.local) reconcile(scope, true)
    else if (model || (board && !ownOrigins.has(tr.origin))) scheduleFull()
  }
  doc.on('afterTransaction', onAfterTransaction)

  // ---- Board → model -------------------------------------------------------------------------

  const pending = new Set<TLShapeId>()
  let pendingTimer: ReturnType<typeof setTimeout> | null = null
  const schedulePending = (delay = 30) => {
    if (pendingTimer || disposed) return
    pendingTimer = setTimeout(processPending, delay)
  }

  /** The record a card stands for, if it is the card of an existing record. */
  const cardRecord = (shapeId: TLShapeId | undefined): { kind: CardKind; id: string } | null => {
    const shape = shapeId ? editor.getShape(shapeId) : undefined
    if (!isCardShape(shape)) return null
    const ref = cardRecordRef(shape)
    if (shape.id !== cardShapeId(ref.kind, ref.id) || !maps[ref.kind].has(ref.id)) return null
    return ref
  }

  const arrowClaims = (rid: string) =>
    !!editor.getShape(relationArrowId(rid)) || allShapes().some((s) => relationIdOf(s) === rid)

  function onUserChanges(changes: RecordsDiff<TLRecord>) {
    if (disposed) return
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
    if (disposed || pending.size === 0) return
    if (!isIdle()) {
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
      // Dragged into or out of the household frame.
      if (shape.type !== PERSON_CARD || !householdFrame()) return
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
      change(BINDING_ORIGIN, () => editor.deleteShapes([shape.id]))
      return
    }
    const newId = newRecordId(ref.kind)
    const data =
      ref.kind === 'actor' && 'name' in state.record
        ? { ...state.record, id: newId, name: `${state.record.name}（複製）`.slice(0, 120) }
        : { ...state.record, id: newId }
    const canonical = cardShapeId(ref.kind, newId)
    change(BINDING_ORIGIN, () => {
      const bindings = editor.getBindingsToShape<TLArrowBinding>(shape, 'arrow')
      const selected = editor.getSelectedShapeIds()
      const bounds = pageBounds(shape)
      editor.deleteShapes([shape.id])
      // A copy dropped onto other cards (tldraw puts duplicates right next to the original)
      // moves to the nearest free spot on the page; one placed in the clear stays.
      let at = { parentId: shape.parentId, x: shape.x, y: shape.y }
      if (bounds && shape.type === ACTOR_CARD) {
        const spot = new Placer().near(bounds.center, bounds.w, bounds.h, visibleArea())
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
      change(BINDING_ORIGIN, () => {
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
      change(BINDING_ORIGIN, () => editor.updateShape<TLArrowShape>({ id: arrow.id, type: 'arrow', meta: { relationId: null } }))
      modelOp(() => removeRecord(doc, 'relation', rid, MODEL_ORIGIN))
    }
  }

  const unsubscribe = binding.onLocalChanges(({ changes, derived }) => {
    if (derived || disposed) return
    // Outside tldraw's flush: model ops re-enter the binding.
    queueMicrotask(() => guarded('board → model', () => onUserChanges(changes)))
  })

  // ---- Start ---------------------------------------------------------------------------------

  if (freshRoom) {
    // The room's template, once, with deterministic ids; not on anyone's undo stack.
    const centre = editor.getViewportPageBounds().center
    change(RECONCILE_ORIGIN, () => {
      if (roomKind === 'case') createFrame(HOUSEHOLD_FRAME_ID, HOUSEHOLD_FRAME_NAME, HOUSEHOLD_FRAME_SIZE.w, HOUSEHOLD_FRAME_SIZE.h, centre)
      else if (roomKind === 'community') createFrame(DISTRICT_FRAME_ID, DISTRICT_FRAME_NAME, 960, 600, centre)
    })
  }
  scheduleFull()

  return {
    dispose() {
      disposed = true
      unsubscribe()
      doc.off('afterTransaction', onAfterTransaction)
      if (fullTimer) clearTimeout(fullTimer)
      if (pendingTimer) clearTimeout(pendingTimer)
      if (pumping) clearTimeout(pumping)
      jobs.length = 0
    },
  }
}
