import type { CSSProperties } from 'react'
import {
  ArrowShapeUtil,
  atom,
  computed,
  getDisplayValues,
  toRichText,
  useValue,
  type Atom,
  type Box,
  type Computed,
  type Editor,
  type Group2d,
  type SvgExportContext,
  type TLArrowShape,
  type TLShapeId,
} from 'tldraw'
import type * as Y from 'yjs'
import { collection } from '../../shared/model/doc'
import { boardLang, useBoardLang } from './board-lang'
import { isCardShape } from './card-shapes'
import { modelDocFor, readRecordState, useModelRecord } from './model-records'
import { relationLabel } from './relation-style'
import { relationIdOf } from './sync/shapes'
import { followTies, placeTieLabels, type TieLabelInput, type TieLabelSpot } from './tie-labels'

/**
 * Below this zoom tie labels are too small to read and only clutter the map: they are shown
 * for the hovered or selected tie only.
 */
export const LABEL_MIN_ZOOM = 0.4

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
 *
 * Where on its tie a label goes is chosen for all ties of the page together, clear of cards
 * and of the other labels (tie-labels.ts); a label with no free spot, and every label below
 * LABEL_MIN_ZOOM, shows only while its tie is hovered or selected.
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
    const style: CSSProperties = {
      color: dv.labelColor,
      fontFamily: dv.labelFontFamily,
      fontSize: dv.labelFontSize * shape.props.scale,
      lineHeight: dv.labelLineHeight,
    }
    return (
      <>
        {drawn}
        <RelationLabel editor={this.editor} shapeId={shape.id} doc={modelDocFor(this.editor.store)} relationId={relationId} style={style} />
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

/**
 * The label of a relation arrow, drawn over the line (its background hides the line) at the
 * spot the page's label layout gave it; hidden (but laid out) when it is not to be shown.
 */
function RelationLabel(props: { editor: Editor; shapeId: TLShapeId; doc: Y.Doc | null; relationId: string; style: CSSProperties }) {
  const { editor, shapeId, doc, relationId, style } = props
  const lang = useBoardLang()
  const state = useModelRecord(doc, 'relation', relationId)
  // A string, so that the label re-renders only when its own spot changes.
  const placed = useValue(
    'tie label spot',
    () => {
      const at = localSpot(editor, shapeId)
      const active = editor.getHoveredShapeId() === shapeId || editor.getSelectedShapeIds().includes(shapeId)
      const shown = active || (at.fits && editor.getZoomLevel() >= LABEL_MIN_ZOOM)
      return `${at.x.toFixed(1)} ${at.y.toFixed(1)} ${shown ? 1 : 0} ${at.fits ? 1 : 0}`
    },
    [editor, shapeId],
  )
  if (state.status !== 'ok') return null
  const [x, y, shown, fits] = placed.split(' ')
  return (
    <div
      className="relation-label"
      data-fits={fits === '1'}
      style={{ ...style, transform: `translate(${x}px, ${y}px) translate(-50%, -50%)`, visibility: shown === '1' ? undefined : 'hidden' }}
    >
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

/** The label's spot in the arrow's own space, from the page's label layout. */
function localSpot(editor: Editor, shapeId: TLShapeId): { x: number; y: number; fits: boolean } {
  const spot = tieLabelLayout(editor).get().get(shapeId)
  const shape = editor.getShape<TLArrowShape>(shapeId)
  if (!spot || !shape) {
    const at = shape ? labelCentre(editor, unlabelled(shape)) : { x: 0, y: 0 }
    return { x: at.x, y: at.y, fits: false }
  }
  const local = editor.getShapePageTransform(shapeId).clone().invert().applyToPoint(spot)
  return { x: local.x, y: local.y, fits: spot.fits }
}

/** The label's centre for an exported image: its spot on the board, else the middle of the tie. */
function labelCentre(editor: Editor, shape: TLArrowShape): { x: number; y: number } {
  const spot = tieLabelLayout(editor).get().get(shape.id)
  if (spot) return editor.getShapePageTransform(shape.id).clone().invert().applyToPoint(spot)
  const body = editor.getShapeGeometry<Group2d>(shape).children[0]
  return body.interpolateAlongEdge(0.5)
}

/** Bumped on every change to a room's relations: label texts (and so sizes) follow it. */
const relationVersions = new WeakMap<Y.Doc, Atom<number>>()
function relationVersion(doc: Y.Doc | null): number {
  if (!doc) return 0
  let version = relationVersions.get(doc)
  if (!version) {
    const created = atom('relations version', 0)
    collection(doc, 'relation').observeDeep(() => created.update((n) => n + 1))
    relationVersions.set(doc, (version = created))
  }
  return version.get()
}

/** Label sizes by font and text: measuring is a DOM layout. */
const measured = new Map<string, { w: number; h: number }>()
/** Bumped when web fonts finish loading: sizes measured with a fallback font are measured again. */
const fontsLoaded = atom('tie label fonts', 0)
if (typeof document !== 'undefined' && document.fonts) {
  document.fonts.addEventListener('loadingdone', () => {
    measured.clear()
    fontsLoaded.update((n) => n + 1)
  })
}
function labelSize(editor: Editor, text: string, font: { fontFamily: string; fontSize: number; lineHeight: number }): { w: number; h: number } {
  const key = `${font.fontFamily}|${font.fontSize}|${font.lineHeight}|${text}`
  let size = measured.get(key)
  if (!size) {
    // As .relation-label draws it: padding 0 0.3em, at most 14em wide.
    const m = editor.textMeasure.measureText(text, {
      ...font,
      fontStyle: 'normal',
      fontWeight: 'normal',
      maxWidth: 14 * font.fontSize,
      padding: `0px ${0.3 * font.fontSize}px`,
    })
    size = { w: m.w, h: m.h }
    if (measured.size > 2000) measured.clear()
    measured.set(key, size)
  }
  return size
}

/**
 * Spots of the labels of the current page's relation arrows (page space), recomputed when
 * shapes, relations or the language change. Spots equal to the previous ones are kept as they
 * were, so labels that did not move do not re-render.
 */
const layouts = new WeakMap<Editor, Computed<Map<TLShapeId, TieLabelSpot>>>()
/** Up to this many ties, labels are placed again on every move of a drag (well under a frame). */
const FOLLOW_ABOVE = 200
function tieLabelLayout(editor: Editor): Computed<Map<TLShapeId, TieLabelSpot>> {
  let layout = layouts.get(editor)
  if (layout) return layout
  const doc = modelDocFor(editor.store)
  layout = computed<Map<TLShapeId, TieLabelSpot>>('tie label layout', (previous) => {
    const lang = boardLang.get()
    relationVersion(doc)
    fontsLoaded.get()
    const obstacles: Box[] = []
    const inputs: TieLabelInput[] = []
    for (const shape of editor.getCurrentPageShapes()) {
      if (shape.type === 'frame' || shape.type === 'group') continue
      if (shape.type !== 'arrow') {
        // Labels keep clear of cards and notes only: a photo or drawing behind the map must not
        // hide every label over it.
        if (shape.type !== 'note' && !isCardShape(shape)) continue
        const bounds = editor.getShapePageBounds(shape)
        if (bounds) obstacles.push(bounds)
        continue
      }
      const relationId = relationIdOf(shape)
      if (!relationId || !doc) continue
      const state = readRecordState(doc, 'relation', relationId)
      if (state.status !== 'ok') continue
      const arrow = shape as TLArrowShape
      const plain = unlabelled(arrow)
      const dv = getDisplayValues(editor.getShapeUtil(arrow) as RelationArrowShapeUtil, plain)
      const size = labelSize(editor, relationLabel(state.record, lang), {
        fontFamily: dv.labelFontFamily,
        fontSize: dv.labelFontSize * arrow.props.scale,
        lineHeight: dv.labelLineHeight,
      })
      const body = editor.getShapeGeometry<Group2d>(arrow).children[0]
      const transform = editor.getShapePageTransform(arrow)
      inputs.push({
        id: arrow.id,
        pointAt: (t) => transform.applyToPoint(body.interpolateAlongEdge(t)),
        length: body.length,
        w: size.w,
        h: size.h,
      })
    }
    const before = previous instanceof Map ? previous : null
    // A large board mid-drag: labels ride along their ties until the drop.
    const dragging = inputs.length > FOLLOW_ABOVE && editor.isInAny('select.translating', 'select.resizing', 'select.rotating', 'select.dragging_handle')
    const spots = (dragging && before ? followTies(inputs, before) : placeTieLabels(inputs, obstacles)) as Map<TLShapeId, TieLabelSpot>
    if (before) {
      for (const [id, spot] of spots) {
        const old = before.get(id)
        if (old && old.fits === spot.fits && Math.abs(old.x - spot.x) < 0.05 && Math.abs(old.y - spot.y) < 0.05) spots.set(id, old)
      }
    }
    return spots
  })
  layouts.set(editor, layout)
  return layout
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
