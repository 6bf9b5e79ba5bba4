/**
 * The room's frames: the household frame 世帯 of a case room (its members' cards live in it) and
 * the district frame 地区・圏域 of a community room. Deterministic ids, so two clients creating
 * one at once converge; created with RECONCILE_ORIGIN when a template, so nobody undoes them.
 *
 * A new frame stores the Japanese default name whoever creates it (two clients creating it at
 * once write the same record); each participant sees it in their own language as long as nobody
 * renamed it (template-frame.tsx).
 */
import { Box, Vec, type Editor, type TLFrameShape, type TLShapeId, type TLShapePartial, type VecLike } from 'tldraw'
import type { RoomKind } from '../../../shared/rooms'
import { RECONCILE_ORIGIN } from '../origins'
import { boardText } from '../board-labels'
import { DISTRICT_FRAME_ID, HOUSEHOLD_FRAME_ID } from '../relation-style'
import { change, pageBounds, type SyncContext } from './context'
import { FRAME_PAD, type Placer } from './placement'

export const HOUSEHOLD_FRAME_NAME = boardText.ja.householdFrame
/** Room for four person cards, with a tie's label between them; it grows downwards when more are added. */
export const HOUSEHOLD_FRAME_SIZE = { w: 540, h: 340 }
export const DISTRICT_FRAME_NAME = boardText.ja.districtFrame
export const DISTRICT_FRAME_SIZE = { w: 960, h: 600 }
/** Where frames and cards go when no user's view is involved: the same on every client. */
const documentCentre = () => new Vec(340, 230)

export function householdFrame(editor: Editor): TLFrameShape | undefined {
  const shape = editor.getShape(HOUSEHOLD_FRAME_ID)
  return shape?.type === 'frame' ? (shape as TLFrameShape) : undefined
}

function createFrame(editor: Editor, id: TLShapeId, name: string, size: { w: number; h: number }, centre: VecLike): void {
  if (editor.getShape(id)) return
  const { w, h } = size
  editor.createShape<TLFrameShape>({
    id,
    type: 'frame',
    parentId: editor.getCurrentPageId(),
    x: Math.round(centre.x - w / 2),
    y: Math.round(centre.y - h / 2),
    props: { w, h, name },
  })
}

/**
 * The household frame, created when a member needs it: in this user's view for their own
 * change (`tracked`), else at the document's centre; at the free spot nearest to that, when a
 * placer knows the cards already there (a frame over a card would hide it, or look as if it
 * held it).
 */
export function ensureHouseholdFrame(editor: Editor, tracked: boolean, placer?: Placer): TLFrameShape | undefined {
  if (!householdFrame(editor)) {
    let centre: VecLike = tracked ? editor.getViewportPageBounds().center : documentCentre()
    if (placer) centre = placer.near(centre, HOUSEHOLD_FRAME_SIZE.w, HOUSEHOLD_FRAME_SIZE.h, undefined, false).center
    createFrame(editor, HOUSEHOLD_FRAME_ID, HOUSEHOLD_FRAME_NAME, HOUSEHOLD_FRAME_SIZE, centre)
  }
  return householdFrame(editor)
}

/** Where untracked (repair) placement starts: a point that only depends on the document. */
export function documentAnchor(editor: Editor): Vec {
  const frame = pageBounds(editor, HOUSEHOLD_FRAME_ID) ?? pageBounds(editor, DISTRICT_FRAME_ID)
  return frame ? frame.center : documentCentre()
}

/** The room's template, once, when this client found the board empty; not on anyone's undo stack. */
export function createRoomTemplate(ctx: SyncContext, roomKind: RoomKind): void {
  const { editor } = ctx
  const centre = editor.getViewportPageBounds().center
  change(ctx, RECONCILE_ORIGIN, () => {
    if (roomKind === 'case') createFrame(editor, HOUSEHOLD_FRAME_ID, HOUSEHOLD_FRAME_NAME, HOUSEHOLD_FRAME_SIZE, centre)
    else if (roomKind === 'community') createFrame(editor, DISTRICT_FRAME_ID, DISTRICT_FRAME_NAME, DISTRICT_FRAME_SIZE, centre)
  })
}

/**
 * Grows frame `frameId` to hold its children whole, with FRAME_PAD around them: a card dragged
 * to or over its edge stays inside, uncut. Growing to the left or upwards moves the frame and
 * shifts its children back, so that nothing moves on the page. Returns whether it changed.
 */
export function growFrameToFit(editor: Editor, frameId: TLShapeId): boolean {
  const frame = editor.getShape(frameId)
  if (frame?.type !== 'frame') return false
  const { w, h } = (frame as TLFrameShape).props
  const children = editor.getSortedChildIdsForParent(frameId)
  let need: Box | null = null
  for (const id of children) {
    const child = editor.getShape(id)
    if (!child || child.type === 'arrow') continue
    const local = editor.getShapeGeometry(child).bounds.clone()
    local.translate({ x: child.x, y: child.y })
    need = need ? need.expand(local) : local
  }
  if (!need) return false
  const grown = new Box(0, 0, w, h).expand(new Box(need.x - FRAME_PAD, need.y - FRAME_PAD, need.w + FRAME_PAD * 2, need.h + FRAME_PAD * 2))
  const dx = Math.ceil(-grown.x)
  const dy = Math.ceil(-grown.y)
  const nw = Math.ceil(grown.maxX) + dx
  const nh = Math.ceil(grown.maxY) + dy
  if (dx === 0 && dy === 0 && nw === w && nh === h) return false
  const origin = editor.getShapePageTransform(frame).applyToPoint({ x: -dx, y: -dy })
  const parentPoint = frame.parentId === editor.getCurrentPageId() ? origin : editor.getPointInParentSpace(frame, origin)
  editor.updateShape<TLFrameShape>({ id: frameId, type: 'frame', x: parentPoint.x, y: parentPoint.y, props: { w: nw, h: nh } })
  if (dx || dy) {
    const moved: TLShapePartial[] = []
    for (const id of children) {
      const child = editor.getShape(id)
      if (child) moved.push({ id, type: child.type, x: child.x + dx, y: child.y + dy })
    }
    editor.updateShapes(moved)
  }
  return true
}
