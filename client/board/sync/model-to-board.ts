/**
 * Model → board: one reconciliation pass makes the board draw the records of a job's scope.
 *
 * Changes are made through the editor, like a user's (so tldraw's own side effects run and they
 * sync once, through the Y.Doc binding), inside `change(origin, …)`: BINDING_ORIGIN for this
 * user's own change (part of their action, on their undo stack), RECONCILE_ORIGIN for a repair.
 * Every pass recomputes what is still missing, so a pass cut short by its time budget is simply
 * followed by another.
 *
 * Relations are drawn by arrows.ts, after the cards they join. The room's frames stay below the
 * cards (layer-order.ts).
 *
 * Placement: one or two new agencies of this user's (palette, form) go to a free spot in the
 * visible part of their view; many at once (an import) or repaired ones are laid out as an
 * eco-map, on rings around the household frame (or the district frame), grouped by level and
 * field. Household members go into the frame (which grows), other persons above it. Repair
 * placement depends only on the document, so two clients that both repair converge.
 */
import { Vec, type Box, type TLArrowShape, type TLFrameShape, type TLParentId, type TLShapeId, type TLShapePartial, type VecLike } from 'tldraw'
import type { CollectionKind } from '../../../shared/model/doc'
import type { Actor } from '../../../shared/model/schema'
import { fields, levels } from '../../../shared/model/vocabulary'
import { ACTOR_CARD_SIZE, cardRecordRef, isCardShape, PERSON_CARD, PERSON_CARD_SIZE, type ActorCardShape } from '../card-shapes'
import { readRecordState } from '../model-records'
import { RECONCILE_ORIGIN } from '../origins'
import { cardShapeId, DISTRICT_FRAME_ID, HOUSEHOLD_FRAME_ID, relationArrowId, type CardKind } from '../relation-style'
import { frameIndex } from '../layer-order'
import { BINDING_ORIGIN } from '../yjs-store-binding'
import { drawRelations, type ArrowPass } from './arrows'
import { allShapes, change, pageBounds, pagePlacer, visibleArea, type SyncContext } from './context'
import type { Job } from './jobs'
import { GAP, type Placer } from './placement'
import { cardPartial, relationIdOf } from './shapes'
import { documentAnchor, ensureHouseholdFrame } from './templates'

/** Time budget of one reconciliation pass before yielding to the browser. */
const PASS_BUDGET_MS = 40
const CARDS_PER_PASS = 150

/** Runs one pass of `job` with its origin; false when it has to continue in another pass. */
export function runJobPass(ctx: SyncContext, job: Job): boolean {
  let done = true
  try {
    change(ctx, job.tracked ? BINDING_ORIGIN : RECONCILE_ORIGIN, () => {
      done = applyJob(ctx, job)
    })
  } catch (error) {
    console.error('model → board reconciliation failed', error)
  }
  return done
}

/** One pass, with what its steps share. */
interface Pass extends ArrowPass {
  readonly tracked: boolean
  /** Only after some work was done in this pass, so that every pass makes progress. */
  overBudget(): boolean
  /** Where new cards start: this user's view, or a point of the document for a repair. */
  readonly anchor: Vec
  /** Built only when a card has to be placed (it measures every shape on the page). */
  placer(): Placer
}

/**
 * One pass of reconciliation for `job` (inside `change`). Returns false when it stopped
 * because its time budget ran out (a large import).
 */
function applyJob(ctx: SyncContext, job: Job): boolean {
  const { editor } = ctx
  const { scope, tracked } = job
  const inScope = (kind: CollectionKind, id: string) => scope === 'all' || scope[kind].has(id)
  const started = performance.now()
  let work = 0
  const overBudget = () => work > 0 && performance.now() - started > PASS_BUDGET_MS

  const arrowsByRelation = removeOrphans(ctx, inScope)

  let placer: Placer | null = null
  const pass: Pass = {
    tracked,
    inScope,
    overBudget,
    did: () => void work++,
    anchor: tracked ? editor.getViewportPageBounds().center : documentAnchor(editor),
    placer: () => (placer ??= pagePlacer(editor)),
  }
  if (!addPersonCards(ctx, pass)) return false
  if (!addActorCards(ctx, job, pass)) return false
  placeHouseholdMembers(ctx, pass)
  keepFramesBelow(ctx)
  drawRelations(ctx, pass, arrowsByRelation)
  return !overBudget()
}

/**
 * 1. Deletes arrows of relations that are gone and cards of records that are gone (a record
 * that exists but is invalid keeps its card, which names the problem). Returns the arrow that
 * draws each remaining relation (the deterministic one when there are several).
 */
function removeOrphans(ctx: SyncContext, inScope: Pass['inScope']): Map<string, TLArrowShape> {
  const { editor, maps } = ctx
  const toDelete: TLShapeId[] = []
  const arrowsByRelation = new Map<string, TLArrowShape>()
  for (const shape of allShapes(editor)) {
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
  return arrowsByRelation
}

/** Records in scope that have no card, sorted, so that repair placement is deterministic. */
function missingCards(ctx: SyncContext, pass: Pass, kind: CardKind): string[] {
  return [...ctx.maps[kind].keys()].filter((id) => pass.inScope(kind, id) && !ctx.editor.getShape(cardShapeId(kind, id))).sort()
}

/**
 * Where a person outside the household goes: above the frame's middle, or at the anchor. (Beside
 * the frame, level with its members, a tie to the far member crossed the near one's card.)
 */
function besideHousehold(ctx: SyncContext, anchor: VecLike): VecLike {
  const size = PERSON_CARD_SIZE
  const frame = pageBounds(ctx.editor, HOUSEHOLD_FRAME_ID)
  return frame ? new Vec(frame.center.x, frame.minY - GAP - size.h / 2) : anchor
}

/** A free cell for a member in the household frame (frame space), growing the frame when full. */
function placeInFrame(ctx: SyncContext, placer: Placer, frame: TLFrameShape): Vec {
  const { editor } = ctx
  const { w, h } = PERSON_CARD_SIZE
  const origin = pageBounds(editor, frame)
  const area = { x: origin?.x ?? frame.x, y: origin?.y ?? frame.y, w: frame.props.w, h: frame.props.h }
  const contents = () =>
    editor
      .getSortedChildIdsForParent(frame.id)
      .map((id) => pageBounds(editor, id))
      .filter((b): b is Box => !!b)
  const { at, height } = placer.inFrame(area, w, h, contents)
  if (height !== undefined) editor.updateShape<TLFrameShape>({ id: frame.id, type: 'frame', props: { h: height } })
  return at
}

/** 2a. Cards for persons: members in the household frame, others next to it. */
function addPersonCards(ctx: SyncContext, pass: Pass): boolean {
  const { editor, doc } = ctx
  const missing = missingCards(ctx, pass, 'person')
  // The household frame first, so that persons outside it are placed beside it, not under it.
  const member = (id: string) => {
    const state = readRecordState(doc, 'person', id)
    return state.status === 'ok' && state.record.household
  }
  if (missing.some(member)) ensureHouseholdFrame(editor, pass.tracked, pass.placer())
  for (const id of missing) {
    if (pass.overBudget()) return false
    const size = PERSON_CARD_SIZE
    const state = readRecordState(doc, 'person', id)
    const frame = state.status === 'ok' && state.record.household ? ensureHouseholdFrame(editor, pass.tracked, pass.placer()) : undefined
    let parentId: TLParentId = editor.getCurrentPageId()
    let at: VecLike
    if (frame) {
      parentId = frame.id
      at = placeInFrame(ctx, pass.placer(), frame)
    } else {
      at = pass.placer().near(besideHousehold(ctx, pass.anchor), size.w, size.h)
    }
    editor.createShape(cardPartial('person', id, { id: cardShapeId('person', id), parentId, x: Math.round(at.x), y: Math.round(at.y) }, size))
    pass.did()
  }
  return true
}

/**
 * Eco-map order of new agencies: by level, then first field, then name, so that related
 * agencies sit together on the rings; records that do not parse go last, by id.
 */
export function ecoMapOrder(ids: readonly string[], actorOf: (id: string) => Pick<Actor, 'level' | 'fields' | 'name'> | null): string[] {
  const keys = new Map<string, [number, number, string]>()
  for (const id of ids) {
    const actor = actorOf(id)
    keys.set(id, actor ? [levels.indexOf(actor.level), fields.indexOf(actor.fields[0]), actor.name] : [99, 99, id])
  }
  return [...ids].sort((x, y) => {
    const [a1, a2, a3] = keys.get(x)!
    const [b1, b2, b3] = keys.get(y)!
    return a1 - b1 || a2 - b2 || a3.localeCompare(b3, 'ja') || (x < y ? -1 : 1)
  })
}

/** Page position of a new card at `box`: a card wholly inside the district frame belongs to it (moves with it). */
export function cardPlacement(box: Box, district: Box | undefined, pageId: TLParentId): { parentId: TLParentId; x: number; y: number } {
  const inDistrict = !!district && box.minX >= district.minX && box.minY >= district.minY && box.maxX <= district.maxX && box.maxY <= district.maxY
  return inDistrict
    ? { parentId: DISTRICT_FRAME_ID, x: Math.round(box.x - district.x), y: Math.round(box.y - district.y) }
    : { parentId: pageId, x: Math.round(box.x), y: Math.round(box.y) }
}

/**
 * 2b. Cards for agencies. Spots are planned once for everything a job adds, so that a large
 * import spread over several passes still gets one layout.
 */
function addActorCards(ctx: SyncContext, job: Job, pass: Pass): boolean {
  const { editor, doc } = ctx
  const newActors = missingCards(ctx, pass, 'actor')
  if (!newActors.length) return true
  const { w, h } = ACTOR_CARD_SIZE
  const unplanned = newActors.filter((id) => !job.planned.has(id))
  if (unplanned.length) {
    if (pass.tracked && newActors.length <= 2) {
      // One or two added by this user (palette, form): where they are looking.
      const visible = visibleArea(editor)
      for (const id of unplanned) job.planned.set(id, pass.placer().near(pass.anchor, w, h, visible))
    } else {
      // Many at once (an import) or a repair: around the household (or district) frame.
      const ordered = ecoMapOrder(unplanned, (id) => {
        const state = readRecordState(doc, 'actor', id)
        return state.status === 'ok' ? state.record : null
      })
      const household = pageBounds(editor, HOUSEHOLD_FRAME_ID)
      const district = pageBounds(editor, DISTRICT_FRAME_ID)
      const centre = household?.center ?? district?.center ?? pass.anchor
      const inner = household ? { hw: household.w / 2, hh: household.h / 2 } : { hw: 40, hh: 20 }
      const boxes = pass.placer().ring(centre, inner, ordered.length, w, h)
      ordered.forEach((id, i) => job.planned.set(id, boxes[i]))
    }
  }
  const district = editor.getShape(DISTRICT_FRAME_ID)?.type === 'frame' ? pageBounds(editor, DISTRICT_FRAME_ID) : undefined
  const cards: TLShapePartial<ActorCardShape>[] = []
  for (const id of newActors) {
    if (cards.length >= CARDS_PER_PASS || pass.overBudget()) break
    const at = cardPlacement(job.planned.get(id)!, district, editor.getCurrentPageId())
    cards.push(cardPartial('actor', id, { id: cardShapeId('actor', id), ...at }, ACTOR_CARD_SIZE) as TLShapePartial<ActorCardShape>)
    pass.did()
  }
  editor.createShapes(cards)
  return cards.length >= newActors.length
}

/** 3. Persons in or out of the household frame, as the model says. */
function placeHouseholdMembers(ctx: SyncContext, pass: Pass): void {
  const { editor, doc, maps } = ctx
  for (const id of [...maps.person.keys()].filter((key) => pass.inScope('person', key)).sort()) {
    const state = readRecordState(doc, 'person', id)
    const card = editor.getShape(cardShapeId('person', id))
    if (state.status !== 'ok' || !card) continue
    const inFrame = card.parentId === HOUSEHOLD_FRAME_ID
    if (state.record.household && !inFrame) {
      const frame = ensureHouseholdFrame(editor, pass.tracked, pass.placer())
      if (!frame) continue
      const at = placeInFrame(ctx, pass.placer(), frame)
      editor.reparentShapes([card.id], frame.id)
      editor.updateShape({ id: card.id, type: PERSON_CARD, x: at.x, y: at.y })
    } else if (!state.record.household && inFrame) {
      const box = pass.placer().near(besideHousehold(ctx, pass.anchor), PERSON_CARD_SIZE.w, PERSON_CARD_SIZE.h)
      editor.reparentShapes([card.id], editor.getCurrentPageId())
      editor.updateShape({ id: card.id, type: PERSON_CARD, x: box.x, y: box.y })
    }
  }
}

/** 4. The room's frames below the page's cards (a board from an older version may have one above a card). */
function keepFramesBelow(ctx: SyncContext): void {
  const { editor } = ctx
  for (const id of [HOUSEHOLD_FRAME_ID, DISTRICT_FRAME_ID]) {
    const frame = editor.getShape(id)
    if (frame?.type !== 'frame') continue
    const siblings = editor
      .getSortedChildIdsForParent(frame.parentId)
      .filter((sid) => sid !== id)
      .map((sid) => editor.getShape(sid)!)
    const index = frameIndex(siblings, frame.index)
    if (index) editor.updateShape({ id, type: 'frame', index })
  }
}
