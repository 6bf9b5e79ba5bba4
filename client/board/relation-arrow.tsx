import type { CSSProperties } from 'react'
import { ArrowShapeUtil, getDisplayValues, toRichText, type Editor, type Group2d, type SvgExportContext, type TLArrowShape } from 'tldraw'
import type * as Y from 'yjs'
import { boardLang, useBoardLang } from './board-lang'
import { modelDocFor, readRecordState, useModelRecord } from './model-records'
import { relationLabel } from './relation-style'
import { relationIdOf } from './sync/shapes'

/**
 * tldraw's arrow, with the label of a relation arrow drawn from the relation, in each
 * participant's own language.
 *
 * The arrow of a relation stores no label (sync/shapes.ts): a label in tldraw's store would show
 * every peer the language of whoever drew it. This util draws the arrow without tldraw's label
 * and puts the relation's type (with 予定 / 不足) at the label's place, read from the model and
 * the board's language (board-lang.ts), re-rendering when either changes; the same for images
 * (toSvg) and the shape's text. The label cannot be typed on the board: the inspector changes
 * the relation. An arrow that is not a relation's (a drawing) is tldraw's, label and all.
 */
export class RelationArrowShapeUtil extends ArrowShapeUtil {
  override canEdit(shape: TLArrowShape): boolean {
    if (relationIdOf(shape)) return false
    return super.canEdit(shape)
  }

  override getGeometry(shape: TLArrowShape) {
    return super.getGeometry(unlabelled(shape))
  }

  override getIndicatorPath(shape: TLArrowShape) {
    return super.getIndicatorPath(unlabelled(shape))
  }

  override getText(shape: TLArrowShape): string {
    const relationId = relationIdOf(shape)
    return relationId ? labelText(this.editor, relationId) : super.getText(shape)
  }

  override getFontFaces(shape: TLArrowShape) {
    const relationId = relationIdOf(shape)
    if (!relationId) return super.getFontFaces(shape)
    // The faces of the label as it is drawn, so that exported images embed them.
    const text = labelText(this.editor, relationId)
    return super.getFontFaces({ ...shape, props: { ...shape.props, richText: toRichText(text) } })
  }

  override component(shape: TLArrowShape) {
    const relationId = relationIdOf(shape)
    const plain = unlabelled(shape)
    const drawn = super.component(plain)
    if (!relationId || !drawn) return drawn
    const dv = getDisplayValues(this, plain)
    const at = labelCentre(this.editor, plain)
    const style: CSSProperties = {
      transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)`,
      color: dv.labelColor,
      fontFamily: dv.labelFontFamily,
      fontSize: dv.labelFontSize * shape.props.scale,
      lineHeight: dv.labelLineHeight,
    }
    return (
      <>
        {drawn}
        <RelationLabel doc={modelDocFor(this.editor.store)} relationId={relationId} style={style} />
      </>
    )
  }

  override toSvg(shape: TLArrowShape, ctx: SvgExportContext) {
    const relationId = relationIdOf(shape)
    const plain = unlabelled(shape)
    const drawn = super.toSvg(plain, ctx)
    const text = relationId ? labelText(this.editor, relationId) : ''
    if (!text) return drawn
    const dv = getDisplayValues(this, plain, ctx.colorMode)
    const at = labelCentre(this.editor, plain)
    const fontSize = dv.labelFontSize * shape.props.scale
    const background = this.editor.getCurrentTheme().colors[ctx.colorMode].background
    return (
      <>
        {drawn}
        <text
          x={at.x}
          y={at.y}
          textAnchor="middle"
          dominantBaseline="central"
          fontFamily={dv.labelFontFamily}
          fontSize={fontSize}
          fill={dv.labelColor}
          stroke={background}
          strokeWidth={fontSize * 0.35}
          strokeLinejoin="round"
          paintOrder="stroke"
        >
          {text}
        </text>
      </>
    )
  }
}

/** The label of a relation arrow, drawn over the line (its background hides the line). */
function RelationLabel({ doc, relationId, style }: { doc: Y.Doc | null; relationId: string; style: CSSProperties }) {
  const lang = useBoardLang()
  const state = useModelRecord(doc, 'relation', relationId)
  if (state.status !== 'ok') return null
  return (
    <div className="relation-label" style={style}>
      {relationLabel(state.record, lang)}
    </div>
  )
}

/** The label text of relation `relationId` in the board's language ('' when it cannot be read). */
function labelText(editor: Editor, relationId: string): string {
  const doc = modelDocFor(editor.store)
  const state = doc ? readRecordState(doc, 'relation', relationId) : null
  return state?.status === 'ok' ? relationLabel(state.record, boardLang.get()) : ''
}

/** Where tldraw would centre the label: at `labelPosition` along the arrow's body. */
function labelCentre(editor: Editor, shape: TLArrowShape): { x: number; y: number } {
  const body = editor.getShapeGeometry<Group2d>(shape).children[0]
  return body.interpolateAlongEdge(shape.props.labelPosition)
}

/**
 * The shape as tldraw should draw it: a relation arrow without a stored label (an arrow from an
 * older version may still hold one until the next reconciliation clears it). Copies are kept
 * per record, so tldraw's caches keyed by the shape object still work.
 */
const copies = new WeakMap<TLArrowShape, TLArrowShape>()
function unlabelled(shape: TLArrowShape): TLArrowShape {
  if (!relationIdOf(shape)) return shape
  let copy = copies.get(shape)
  if (!copy) {
    copy = { ...shape, props: { ...shape.props, richText: toRichText('') } }
    copies.set(shape, copy)
  }
  return copy
}
