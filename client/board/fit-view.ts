/**
 * The whole map in the part of the board that no panel covers.
 *
 * tldraw's own zoom to fit uses the whole viewport with a fixed padding, so its style panel
 * (top right), menus and toolbar cover cards at the edges. Here the free part is the board's
 * screen rectangle minus the panels over it, measured from the DOM when fitting (tldraw's UI,
 * and any side panel of ours that overlays the board), and the camera is set so that the
 * content's bounds fill it.
 *
 * A participant's board is fitted once when it opens on content (or when a map first arrives
 * on an empty board, e.g. an import), and on tldraw's 全体表示; never on later changes, so
 * everyone keeps their own view.
 */
import { Box, type Editor, type TLShapeId } from 'tldraw'

/** Room, in screen pixels, between the content and the free area's edges. */
export const FIT_MARGIN = 24
/** Never closer than 100 %: a small map is not blown up. */
export const FIT_MAX_ZOOM = 1

export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * How far panels reach into `container` from each side (screen pixels). A panel is taken from
 * the side it is nearest to: one in the right half that is taller than wide, or sits at the
 * top right (tldraw's style panel) narrows the free area from the right; one spanning the
 * width (a toolbar) shortens it from the top or bottom.
 */
export function panelInsets(container: Rect, panels: readonly Rect[]): Insets {
  const insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 }
  const cw = container.right - container.left
  const ch = container.bottom - container.top
  for (const p of panels) {
    const left = Math.max(p.left, container.left)
    const right = Math.min(p.right, container.right)
    const top = Math.max(p.top, container.top)
    const bottom = Math.min(p.bottom, container.bottom)
    if (right - left < 1 || bottom - top < 1) continue
    const fromLeft = right - container.left
    const fromRight = container.right - left
    const fromTop = bottom - container.top
    const fromBottom = container.bottom - top
    // The side whose inset takes the least of the board away (as a share of its length).
    const options: [keyof Insets, number][] = [
      ['left', fromLeft / cw],
      ['right', fromRight / cw],
      ['top', fromTop / ch],
      ['bottom', fromBottom / ch],
    ]
    options.sort((a, b) => a[1] - b[1])
    const [side] = options[0]
    const reach = { left: fromLeft, right: fromRight, top: fromTop, bottom: fromBottom }[side]
    insets[side] = Math.max(insets[side], reach)
  }
  return insets
}

/**
 * The camera (tldraw's x, y, z: screen = (page + camera) × z) that shows `bounds` (page space)
 * centred in the free area of a `viewport` (w × h screen pixels) with `insets`, at most at
 * `maxZoom` and at least at `minZoom`.
 */
export function fittedCamera(
  bounds: { x: number; y: number; w: number; h: number },
  viewport: { w: number; h: number },
  insets: Insets,
  { margin = FIT_MARGIN, minZoom = 0.1, maxZoom = FIT_MAX_ZOOM } = {},
): { x: number; y: number; z: number } {
  const freeW = Math.max(1, viewport.w - insets.left - insets.right - margin * 2)
  const freeH = Math.max(1, viewport.h - insets.top - insets.bottom - margin * 2)
  const z = Math.min(maxZoom, Math.max(minZoom, Math.min(freeW / Math.max(1, bounds.w), freeH / Math.max(1, bounds.h))))
  const cx = insets.left + margin + freeW / 2
  const cy = insets.top + margin + freeH / 2
  return { x: cx / z - (bounds.x + bounds.w / 2), y: cy / z - (bounds.y + bounds.h / 2), z }
}

/** tldraw's panels over the canvas, and side panels of the room that overlay the board. */
const PANEL_SELECTORS = [
  '.tlui-menu-zone',
  '.tlui-style-panel__wrapper',
  '.tlui-toolbar',
  '.tlui-navigation-panel',
  '.tlui-helper-buttons',
  '.tl-watermark_SEE-LICENSE',
  '[data-board-overlay]',
  '.room-side',
]

/** The rectangles of the panels that cover `container` (screen pixels). */
function panelRects(container: HTMLElement): Rect[] {
  const doc = container.ownerDocument
  const rects: Rect[] = []
  for (const selector of PANEL_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.height > 0) rects.push(r)
    }
  }
  return rects
}

/** Bounds of what the map shows: every shape on the page (cards, frames, notes, drawings). */
export function contentBounds(editor: Editor): Box | undefined {
  const ids = [...editor.getCurrentPageShapeIds()] as TLShapeId[]
  const boxes = ids.map((id) => editor.getShapePageBounds(id)).filter((b): b is Box => !!b)
  return boxes.length ? Box.Common(boxes) : undefined
}

/** Fits the page's content into the free part of the board. False when there is nothing to fit. */
export function fitBoard(editor: Editor, { animate = false } = {}): boolean {
  const bounds = contentBounds(editor)
  if (!bounds) return false
  const container = editor.getContainer()
  // tldraw may not have seen a layout change yet (a tab shown, a panel collapsed).
  editor.updateViewportScreenBounds(container)
  const screen = container.getBoundingClientRect()
  if (screen.width < 10 || screen.height < 10) return false
  const insets = panelInsets(screen, panelRects(container))
  const steps = editor.getCameraOptions().zoomSteps
  const camera = fittedCamera(bounds, { w: screen.width, h: screen.height }, insets, {
    minZoom: steps[0],
    maxZoom: Math.min(FIT_MAX_ZOOM, steps[steps.length - 1]),
  })
  editor.setCamera(camera, animate ? { animation: { duration: 220 } } : { immediate: true })
  return true
}

/** Shapes that make a map worth fitting to (not the empty template frame). */
function mapShapeCount(editor: Editor): number {
  let n = 0
  for (const id of editor.getCurrentPageShapeIds()) if (editor.getShape(id)?.type !== 'frame') n++
  return n
}

/** A map arriving at once (an import, a colleague's board synced), not cards added one by one. */
export const ARRIVING_MAP = 3

/**
 * Fits once: now if the page has a map on it, else when a map arrives on the empty board (an
 * import, or a colleague's cards synced), once it has settled. A participant who starts
 * adding cards by hand keeps their view. Returns the cleanup.
 */
export function fitOnceWhenLoaded(editor: Editor, { settleMs = 400 } = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let frame = 0
  let stop = () => {}
  const fitAfterLayout = () => {
    // After the browser has laid out tldraw's panels, which are measured.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => fitBoard(editor))
    })
  }
  if (mapShapeCount(editor) > 0) {
    fitAfterLayout()
  } else {
    stop = editor.store.listen(
      () => {
        // Settled: no change for settleMs (a large import comes in several passes).
        if (!timer && mapShapeCount(editor) === 0) return
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => {
          stop()
          if (mapShapeCount(editor) >= ARRIVING_MAP) fitAfterLayout()
        }, settleMs)
      },
      { scope: 'document' },
    )
  }
  return () => {
    stop()
    if (timer) clearTimeout(timer)
    cancelAnimationFrame(frame)
  }
}
