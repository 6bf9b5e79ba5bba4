/**
 * The room's frames: the household frame 世帯 of a case room (its members' cards live in it) and
 * the district frame 地区・圏域 of a community room. Deterministic ids, so two clients creating
 * one at once converge; created with RECONCILE_ORIGIN when a template, so nobody undoes them.
 *
 * A new frame stores the Japanese default name whoever creates it (two clients creating it at
 * once write the same record); each participant sees it in their own language as long as nobody
 * renamed it (template-frame.tsx).
 */
import { Vec, type Editor, type TLFrameShape, type TLShapeId, type VecLike } from 'tldraw'
import type { RoomKind } from '../../../shared/rooms'
import { RECONCILE_ORIGIN } from '../origins'
import { boardText } from '../board-labels'
import { DISTRICT_FRAME_ID, HOUSEHOLD_FRAME_ID } from '../relation-style'
import { change, pageBounds, type SyncContext } from './context'

export const HOUSEHOLD_FRAME_NAME = boardText.ja.householdFrame
/** Room for four person cards; it grows downwards when more are added. */
export const HOUSEHOLD_FRAME_SIZE = { w: 480, h: 320 }
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
 * change (`tracked`), else at the document's centre.
 */
export function ensureHouseholdFrame(editor: Editor, tracked: boolean): TLFrameShape | undefined {
  if (!householdFrame(editor)) {
    const centre = tracked ? editor.getViewportPageBounds().center : documentCentre()
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
