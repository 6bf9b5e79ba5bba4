/**
 * 記録と比較, what to draw: given the comparison of a meeting record with the map now
 * (shared/history/diff.ts compareModels) and the elements drawn from the map now, which element
 * gets which overlay class, and which ghost nodes and ties stand for what the record had and the
 * map no longer has. Pure (unit-tested); overlaySync.ts carries a plan out on cytoscape, and the
 * element diffing of the map itself never sees it.
 */
import type { ElementDefinition } from 'cytoscape'
import type { GraphElements } from '../../shared/graph/derive'
import type { Figures, ModelComparison } from '../../shared/history/diff'
import { fill, labelOf, type Lang } from '../../shared/i18n/catalog'
import { relationTypeCatalog } from '../../shared/i18n/vocabulary'
import type { RoomKind } from '../../shared/rooms'
import { edgeData, nodeLabel, nodeShape } from './elements'
import type { GraphText } from './labels'
import { GHOST_FILL, LOST_COLOR, overlayClass, type OverlayClass } from './overlayStyle'

export interface OverlayPlan {
  /** Overlay class of each element drawn from the map now (node and tie ids). */
  classes: Map<string, OverlayClass>
  /** Labels with a badge (▲進展 / ▼失われた), drawn instead of the tie's own label. */
  labels: Map<string, string>
  /** Ghost nodes first, then ghost ties: what the record had and the map no longer has. */
  ghosts: ElementDefinition[]
}

/** Ghost ids never meet a map id: a removed card that comes back (undo) takes its own id again. */
export const ghostNodeId = (id: string) => `cmp-node:${id}`
export const ghostEdgeId = (id: string) => `cmp-edge:${id}`

export interface OverlayInput {
  comparison: ModelComparison
  /** What is drawn from the map now (toElements of the filtered graph). */
  current: readonly ElementDefinition[]
  /** The record's graph through the same filters as the map now. */
  record: GraphElements
  /** The ego focus is on: a removed card is drawn only when the record tied it to a drawn card. */
  focused: boolean
  text: Pick<GraphText, 'compareBadgeProgress' | 'compareBadgeLoss' | 'compareGhostNode' | 'compareGhostTie'>
  lang: Lang
}

export function overlayPlan({ comparison, current, record, focused, text, lang }: OverlayInput): OverlayPlan {
  const { actors, persons, relations } = comparison
  const addedNodes = new Set([...actors.added, ...persons.added].map((r) => r.id))
  const changedNodes = new Set([...actors.changed, ...persons.changed].map((r) => r.id))
  const addedTies = new Set(relations.added.map((r) => r.id))
  const changedTies = new Map(relations.changed.map((c) => [c.id, c.kind]))

  const classes = new Map<string, OverlayClass>()
  const labels = new Map<string, string>()
  const drawn = new Set<string>()
  for (const e of current) {
    const id = e.data.id!
    if (e.data.compound) continue
    if (e.group === 'nodes') {
      drawn.add(id)
      classes.set(id, addedNodes.has(id) ? overlayClass.added : changedNodes.has(id) ? overlayClass.changed : overlayClass.same)
      continue
    }
    const kind = changedTies.get(id)
    const cls = addedTies.has(id) ? overlayClass.added : kind === 'progress' ? overlayClass.progress : kind === 'loss' ? overlayClass.loss : kind ? overlayClass.changed : overlayClass.same
    classes.set(id, cls)
    const label = String(e.data.label ?? '')
    if (cls === overlayClass.progress) labels.set(id, fill(text.compareBadgeProgress, { label }))
    if (cls === overlayClass.loss) labels.set(id, fill(text.compareBadgeLoss, { label }))
  }

  // What the record had: its removed cards and ties, as far as the filters let them through.
  const removedNodes = new Set([...actors.removed, ...persons.removed].map((r) => r.id))
  const removedTies = new Set(relations.removed.map((r) => r.id))
  const recordTies = record.edges.filter((e) => removedTies.has(e.id))
  let ghostNodes = record.nodes.filter((n) => removedNodes.has(n.id))
  if (focused) {
    const tiedToDrawn = new Set<string>()
    for (const e of recordTies) {
      if (drawn.has(e.source)) tiedToDrawn.add(e.target)
      if (drawn.has(e.target)) tiedToDrawn.add(e.source)
    }
    ghostNodes = ghostNodes.filter((n) => tiedToDrawn.has(n.id))
  }
  const ghostIds = new Set(ghostNodes.map((n) => n.id))
  const end = (id: string): string | null => (drawn.has(id) ? id : ghostIds.has(id) ? ghostNodeId(id) : null)

  const ghosts: ElementDefinition[] = ghostNodes.map((n) => ({
    group: 'nodes',
    data: { id: ghostNodeId(n.id), label: fill(text.compareGhostNode, { name: nodeLabel(n, lang) }), shape: nodeShape(n), size: 40, color: GHOST_FILL, kind: n.kind, ghostOf: n.id },
    classes: `${overlayClass.ghost} ${n.kind}`,
  }))
  for (const e of recordTies) {
    const source = end(e.source)
    const target = end(e.target)
    if (!source || !target) continue
    ghosts.push({
      group: 'edges',
      data: {
        ...edgeData(e, lang),
        id: ghostEdgeId(e.id),
        source,
        target,
        label: fill(text.compareGhostTie, { type: labelOf(relationTypeCatalog, lang, e.type) }),
        color: LOST_COLOR,
        ghostOf: e.id,
      },
      classes: overlayClass.ghost,
    })
  }
  return { classes, labels, ghosts }
}

/** The counts of the summary line, in its order; all but the first three only when not zero. */
export interface SummaryCount {
  key:
    | 'compareNewTies'
    | 'compareProgress'
    | 'compareLost'
    | 'compareActorsAdded'
    | 'compareActorsRemoved'
    | 'comparePersonsAdded'
    | 'comparePersonsRemoved'
    | 'compareTiesRemoved'
    | 'compareOther'
  n: number
}

/**
 * 新しいつながり (ties added), 進展 (progress) and 失われた (loss as the records dialog counts it:
 * existing → planned or missing, and existing ties removed), then whatever else changed: cards
 * added or removed, planned or missing ties removed, other edits of cards and ties.
 */
export function summaryCounts(c: ModelComparison): SummaryCount[] {
  const removedOther = c.relations.removed.filter((r) => r.status !== 'existing').length
  const always: SummaryCount[] = [
    { key: 'compareNewTies', n: c.relations.added.length },
    { key: 'compareProgress', n: c.summary.progress },
    { key: 'compareLost', n: c.summary.loss },
  ]
  const optional: SummaryCount[] = [
    { key: 'compareActorsAdded', n: c.actors.added.length },
    { key: 'compareActorsRemoved', n: c.actors.removed.length },
    { key: 'comparePersonsAdded', n: c.persons.added.length },
    { key: 'comparePersonsRemoved', n: c.persons.removed.length },
    { key: 'compareTiesRemoved', n: removedOther },
    { key: 'compareOther', n: c.summary.other + c.actors.changed.length + c.persons.changed.length },
  ]
  return [...always, ...optional.filter((x) => x.n > 0)]
}

export interface FigureChange {
  key: 'compareIsolated' | 'compareGap' | 'compareCutPoints' | 'compareDensity'
  before: string
  after: string
}

/** 孤立 / 狭間 / 要の機関 / 密度, before → after. 狭間 only on a case map whose persons are compared. */
export function figureChanges(figures: { before: Figures; after: Figures }, options: { roomKind: RoomKind; personsCompared: boolean }): FigureChange[] {
  const { before, after } = figures
  const rows: FigureChange[] = [{ key: 'compareIsolated', before: String(before.isolatedActors.length), after: String(after.isolatedActors.length) }]
  if (options.roomKind === 'case' && options.personsCompared) {
    rows.push({ key: 'compareGap', before: String(before.gapPersons.length), after: String(after.gapPersons.length) })
  }
  rows.push(
    { key: 'compareCutPoints', before: String(before.cutPoints.length), after: String(after.cutPoints.length) },
    { key: 'compareDensity', before: before.density.toFixed(2), after: after.density.toFixed(2) },
  )
  return rows
}
