import { FrameShapeUtil, type Editor, type SvgExportContext, type TLFrameShape, type TLShape, type TLShapeId } from 'tldraw'
import { inLang, langs, type Lang } from '../../shared/i18n/catalog'
import { boardText } from './board-labels'
import { isCardShape } from './card-shapes'
import { boardLang } from './board-lang'
import { DISTRICT_FRAME_ID, HOUSEHOLD_FRAME_ID } from './relation-style'

/**
 * The room's template frames (世帯, 地区・圏域; sync/templates.ts) and their names.
 *
 * A frame's name is the participants' data: they may rename it, and then it is shown as typed.
 * A template frame still named as it was created stores the Japanese default (whoever created
 * it) and each participant sees that default in their own language ("Household"). Renaming it
 * to the default of any language stores the Japanese default again, so an English participant
 * who opens the name field and leaves it as "Household" changes nothing for the others.
 */
const defaultNameKeys: Partial<Record<TLShapeId, 'householdFrame' | 'districtFrame'>> = {
  [HOUSEHOLD_FRAME_ID]: 'householdFrame',
  [DISTRICT_FRAME_ID]: 'districtFrame',
}

/** The name frame `shape` shows in `lang`. */
export function frameDisplayName(shape: Pick<TLFrameShape, 'id' | 'props'>, lang: Lang): string {
  const key = defaultNameKeys[shape.id]
  return key && shape.props.name === boardText.ja[key] ? inLang(boardText, lang)[key] : shape.props.name
}

/** The name to store for frame `id` named `name` (a template frame's default in any language → the Japanese default). */
export function storedFrameName(id: TLShapeId, name: string): string {
  const key = defaultNameKeys[id]
  return key && langs.some((lang) => inLang(boardText, lang)[key] === name) ? boardText.ja[key] : name
}

/** Copies with the shown name, kept per record and language so that tldraw's per-props caches work. */
const shownCopies = new WeakMap<TLFrameShape, Map<Lang, TLFrameShape>>()
function shown(shape: TLFrameShape): TLFrameShape {
  const lang = boardLang.get()
  const name = frameDisplayName(shape, lang)
  if (name === shape.props.name) return shape
  let byLang = shownCopies.get(shape)
  if (!byLang) shownCopies.set(shape, (byLang = new Map()))
  let copy = byLang.get(lang)
  if (!copy) byLang.set(lang, (copy = { ...shape, props: { ...shape.props, name } }))
  return copy
}

/**
 * tldraw's frame, not clipping cards, and showing a template frame's default name in the participant's language (on the
 * board, in its heading's size, in its text and in exported images). It reads the board's
 * language atom, so tldraw re-renders and re-measures the heading when it changes.
 */
export class TemplateFrameShapeUtil extends FrameShapeUtil {
  /**
   * Cards are never cut at a frame's edge (a member dragged to the household frame's border
   * stays whole; the frame grows to it when the drag ends, sync/templates.ts). Drawings and
   * notes are clipped, as tldraw does.
   */
  override shouldClipChild(child: TLShape): boolean {
    return !isCardShape(child)
  }
  override getGeometry(shape: TLFrameShape) {
    return super.getGeometry(shown(shape))
  }
  override getText(shape: TLFrameShape) {
    return super.getText(shown(shape))
  }
  override getAriaDescriptor(shape: TLFrameShape) {
    return super.getAriaDescriptor(shown(shape))
  }
  override component(shape: TLFrameShape) {
    return super.component(shown(shape))
  }
  override toSvg(shape: TLFrameShape, ctx: SvgExportContext) {
    return super.toSvg(shown(shape), ctx)
  }
}

/**
 * Keeps a renamed template frame's name stored as the Japanese default when the participant
 * typed (or left) the default of their language. Returns the cleanup.
 */
export function keepTemplateFrameNames(editor: Editor): () => void {
  return editor.sideEffects.registerBeforeChangeHandler('shape', (_prev: TLShape, next: TLShape, source) => {
    if (source !== 'user' || next.type !== 'frame') return next
    const frame = next as TLFrameShape
    const name = storedFrameName(frame.id, frame.props.name)
    return name === frame.props.name ? next : { ...frame, props: { ...frame.props, name } }
  })
}
