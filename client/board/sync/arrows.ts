/**
 * Model → board, relations: one arrow per valid relation, bound to its two cards and styled
 * from it (relation-style.ts). Its label is not editable on the board (RelationArrowShapeUtil);
 * the inspector edits the relation.
 */
import {
  getIndexBetween,
  type IndexKey,
  type TLArrowBinding,
  type TLArrowShape,
  type TLBindingCreate,
  type TLParentId,
  type TLShape,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw'
import { readModel, type CollectionKind } from '../../../shared/model/doc'
import type { Relation } from '../../../shared/model/schema'
import { cardShapeId, relationArrowId, relationArrowStyle, relationBindingId, type CardKind, type RelationArrowStyle } from '../relation-style'
import { pageBounds, type SyncContext } from './context'
import { centreAnchor, relationIdOf, sameStyle, styleProps } from './shapes'

/** What drawing relations needs of the pass it is part of (model-to-board.ts). */
export interface ArrowPass {
  inScope(kind: CollectionKind, id: string): boolean
  overBudget(): boolean
  did(): void
}

/** A shape's id and z-order index among its siblings. */
export interface Sibling {
  id: TLShapeId
  index: IndexKey
}

/**
 * Plans the index of new arrows: just above the higher of their two cards (or of the cards'
 * ancestors that are children of the arrow's parent), which is where tldraw's arrow bindings
 * would move them. Each planned arrow is inserted into the sibling list, so that several
 * arrows planned in one pass get distinct, ordered indexes.
 */
export class ArrowIndexPlanner {
  private readonly order = new Map<TLParentId, Sibling[]>()

  constructor(
    /** The children of a parent in z-order; read once per parent, at its first use. */
    private readonly childrenOf: (parentId: TLParentId) => Sibling[],
    private readonly getShape: (id: TLShapeId) => TLShape | undefined,
  ) {}

  private siblingsOf(parentId: TLParentId): Sibling[] {
    let list = this.order.get(parentId)
    if (!list) {
      list = this.childrenOf(parentId)
      this.order.set(parentId, list)
    }
    return list
  }

  private ancestorIn(shape: TLShape, parentId: TLParentId): TLShape | undefined {
    let current: TLShape | undefined = shape
    while (current && current.parentId !== parentId) current = this.getShape(current.parentId as TLShapeId)
    return current
  }

  /** The index for arrow `arrowId` in `parentId` between shapes `a` and `b` (undefined: let tldraw choose). */
  indexFor(arrowId: TLShapeId, parentId: TLParentId, a: TLShape, b: TLShape): IndexKey | undefined {
    const list = this.siblingsOf(parentId)
    const candidates = [this.ancestorIn(a, parentId), this.ancestorIn(b, parentId)].filter((x): x is TLShape => !!x)
    if (!candidates.length) return undefined
    const high = candidates.reduce((x, y) => (x.index > y.index ? x : y))
    const at = list.findIndex((e) => e.id === high.id)
    if (at < 0) return undefined
    const index = getIndexBetween(list[at].index, list[at + 1]?.index)
    list.splice(at + 1, 0, { id: arrowId, index })
    return index
  }
}

/** The two cards a relation joins, when both exist on one page. */
function relationEnds(ctx: SyncContext, relation: Relation): { fromCard: TLShape; toCard: TLShape; pageId: TLParentId } | null {
  const { editor, maps } = ctx
  const endKind = (id: string): CardKind | null => (maps.actor.has(id) ? 'actor' : maps.person.has(id) ? 'person' : null)
  const fromKind = endKind(relation.from)
  const toKind = endKind(relation.to)
  if (!fromKind || !toKind) return null
  const fromCard = editor.getShape(cardShapeId(fromKind, relation.from))
  const toCard = editor.getShape(cardShapeId(toKind, relation.to))
  if (!fromCard || !toCard) return null
  const pageId = editor.getAncestorPageId(fromCard)
  if (!pageId || pageId !== editor.getAncestorPageId(toCard)) return null
  return { fromCard, toCard, pageId }
}

/** Rebinds an existing arrow's ends to the relation's cards; returns how many ends changed. */
function rebind(ctx: SyncContext, arrow: TLArrowShape, relationId: string, fromCard: TLShape, toCard: TLShape): number {
  const { editor } = ctx
  let changed = 0
  const bindings = editor.getBindingsFromShape<TLArrowBinding>(arrow, 'arrow')
  for (const terminal of ['start', 'end'] as const) {
    const target = terminal === 'start' ? fromCard.id : toCard.id
    const current = bindings.find((b) => b.props.terminal === terminal)
    if (current?.toId === target) continue
    if (current) editor.deleteBindings([current])
    const bindingId = relationBindingId(relationId, terminal)
    if (editor.getBinding(bindingId)) editor.deleteBindings([bindingId])
    editor.createBindings<TLArrowBinding>([{ id: bindingId, type: 'arrow', fromId: arrow.id, toId: target, props: { terminal, ...centreAnchor } }])
    changed++
  }
  return changed
}

/** A new arrow for a relation: straight from card centre to card centre, bound to both. */
function newArrow(
  ctx: SyncContext,
  relation: Relation,
  style: RelationArrowStyle,
  ends: { fromCard: TLShape; toCard: TLShape; pageId: TLParentId },
  indexes: ArrowIndexPlanner,
): { arrow: TLShapePartial<TLArrowShape>; bindings: TLBindingCreate<TLArrowBinding>[] } {
  const { editor } = ctx
  const { fromCard, toCard, pageId } = ends
  const a = pageBounds(editor, fromCard)!.center
  const b = pageBounds(editor, toCard)!.center
  const id = relationArrowId(relation.id)
  const parentId: TLParentId = editor.findCommonAncestor([fromCard, toCard]) ?? pageId
  const origin = parentId === pageId ? a : editor.getPointInShapeSpace(parentId as TLShapeId, a)
  return {
    arrow: {
      id,
      type: 'arrow',
      parentId,
      index: indexes.indexFor(id, parentId, fromCard, toCard),
      x: origin.x,
      y: origin.y,
      meta: { relationId: relation.id },
      props: { ...styleProps(style), start: { x: 0, y: 0 }, end: { x: b.x - a.x, y: b.y - a.y } },
    },
    bindings: [
      { id: relationBindingId(relation.id, 'start'), type: 'arrow', fromId: id, toId: fromCard.id, props: { terminal: 'start', ...centreAnchor } },
      { id: relationBindingId(relation.id, 'end'), type: 'arrow', fromId: id, toId: toCard.id, props: { terminal: 'end', ...centreAnchor } },
    ],
  }
}

/**
 * 4. One arrow per valid relation, bound to its cards and styled from it. New arrows are
 * created together at the end of the pass, already in the parent and at the index that
 * tldraw's arrow bindings would move them to: created one by one, each would re-sort the page
 * and re-measure every label (an import of 1,500 ties took minutes).
 */
export function drawRelations(ctx: SyncContext, pass: ArrowPass, arrowsByRelation: Map<string, TLArrowShape>): void {
  const { editor, doc } = ctx
  const { model } = readModel(doc)
  const newArrows: TLShapePartial<TLArrowShape>[] = []
  const newBindings: TLBindingCreate<TLArrowBinding>[] = []
  const indexes = new ArrowIndexPlanner(
    (parentId) => editor.getSortedChildIdsForParent(parentId).map((id) => ({ id, index: editor.getShape(id)!.index })),
    (id) => editor.getShape(id),
  )
  const touches = (r: Relation) =>
    pass.inScope('relation', r.id) || pass.inScope('actor', r.from) || pass.inScope('actor', r.to) || pass.inScope('person', r.from) || pass.inScope('person', r.to)

  for (const relation of model.relations) {
    if (pass.overBudget()) break
    if (!touches(relation)) continue
    const ends = relationEnds(ctx, relation)
    if (!ends) continue
    const style = relationArrowStyle(relation)
    const arrow = arrowsByRelation.get(relation.id) ?? (editor.getShape(relationArrowId(relation.id)) as TLArrowShape | undefined)
    if (!arrow) {
      if (newArrows.some((x) => x.id === relationArrowId(relation.id))) continue
      const planned = newArrow(ctx, relation, style, ends, indexes)
      newArrows.push(planned.arrow)
      newBindings.push(...planned.bindings)
      pass.did()
      continue
    }
    if (!sameStyle(arrow, style) || relationIdOf(arrow) !== relation.id) {
      editor.updateShape<TLArrowShape>({ id: arrow.id, type: 'arrow', meta: { ...arrow.meta, relationId: relation.id }, props: styleProps(style) })
      pass.did()
    }
    for (let i = rebind(ctx, arrow, relation.id, ends.fromCard, ends.toCard); i > 0; i--) pass.did()
  }
  if (newArrows.length) {
    editor.createShapes(newArrows)
    editor.createBindings(newBindings)
  }
}
