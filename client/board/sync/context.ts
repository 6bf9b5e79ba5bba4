/**
 * What both directions of the projection share: the editor, the model's maps, and how the
 * projection writes to and measures the board.
 */
import { Box, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { collection, type CollectionKind } from '../../../shared/model/doc'
import { HOUSEHOLD_FRAME_ID } from '../relation-style'
import type { YjsStoreBinding } from '../yjs-store-binding'
import { Placer } from './placement'

export interface SyncContext {
  readonly editor: Editor
  readonly doc: Y.Doc
  readonly binding: YjsStoreBinding
  readonly maps: Readonly<Record<CollectionKind, Y.Map<Y.Map<unknown>>>>
  /** Set once by dispose(); timers and listeners that fire later do nothing. */
  disposed: boolean
}

export function createSyncContext(editor: Editor, doc: Y.Doc, binding: YjsStoreBinding): SyncContext {
  return {
    editor,
    doc,
    binding,
    maps: { actor: collection(doc, 'actor'), person: collection(doc, 'person'), relation: collection(doc, 'relation') },
    disposed: false,
  }
}

/** Store changes made by the projection itself: one batch, chosen origin, derived. */
export function change(ctx: SyncContext, origin: unknown, fn: () => void): void {
  ctx.binding.withOrigin(origin, () => ctx.editor.run(fn, { history: 'ignore', ignoreShapeLock: true }))
}

/** Never lets a reconciliation error escape into tldraw or Yjs (or the page): it is logged. */
export function guarded(what: string, fn: () => void): void {
  try {
    fn()
  } catch (error) {
    console.error(`${what} reconciliation failed`, error)
  }
}

/** Not in the middle of a gesture: the projection waits for the pointer to be up. */
export function isIdle(editor: Editor): boolean {
  return (
    !editor.inputs.getIsPointing() &&
    !editor.inputs.getIsDragging() &&
    editor.getEditingShapeId() === null &&
    !editor.isInAny('select.dragging_handle', 'select.translating', 'select.resizing', 'select.rotating')
  )
}

export function allShapes(editor: Editor): TLShape[] {
  return editor.store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')
}

/**
 * Page bounds of a shape. tldraw measures frame names and text with the DOM, which throws
 * while the board is not laid out; boxes (cards, frames) then fall back to their record.
 */
export function pageBounds(editor: Editor, shape: TLShape | TLShapeId): Box | undefined {
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

/** A Placer for the current page: avoids cards and drawings (not arrows, not frames) and the household frame. */
export function pagePlacer(editor: Editor): Placer {
  const obstacles: Box[] = []
  for (const id of editor.getCurrentPageShapeIds()) {
    const shape = editor.getShape(id)
    if (!shape || shape.type === 'arrow' || shape.type === 'frame') continue
    const bounds = pageBounds(editor, id)
    if (bounds) obstacles.push(bounds)
  }
  return new Placer(obstacles, () => pageBounds(editor, HOUSEHOLD_FRAME_ID))
}

/** The part of the viewport that tldraw's menus, style panel and toolbar do not cover. */
export function visibleArea(editor: Editor): Box {
  const vp = editor.getViewportPageBounds()
  const z = editor.getZoomLevel()
  const inset = { left: 20 / z, top: 60 / z, right: 170 / z, bottom: 90 / z }
  return new Box(vp.x + inset.left, vp.y + inset.top, Math.max(0, vp.w - inset.left - inset.right), Math.max(0, vp.h - inset.top - inset.bottom))
}
