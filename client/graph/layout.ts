/**
 * Layout policy: which positions each layout gives, how fcose is tuned, when a layout runs again,
 * and where the view goes afterwards. No state here; layoutRunner.ts runs it.
 */
import type { Core, LayoutOptions } from 'cytoscape'
import type { GraphElements } from '../../shared/graph/derive'
import type { LayoutName } from './elements'
import type { GraphTextKey } from './labels'
import { fieldGroupPositions, householdRings, levelRings, ringPositions, type Point } from './rings'

export const layoutChoices: { id: LayoutName; label: GraphTextKey }[] = [
  { id: 'fcose', label: 'layoutFcose' },
  { id: 'concentric', label: 'layoutConcentric' },
  { id: 'field', label: 'layoutField' },
  { id: 'household', label: 'layoutHousehold' },
]

export const ANIMATION_MS = 450

/** What was last laid out: the layout and the count of 配置をやり直す presses. */
export interface LaidOut {
  layout: LayoutName
  tick: number
}

/**
 * Everyone keeps their mental map: a renamed agency or a new tie moves nothing. The layout runs
 * again only for a new layout, a 配置をやり直す, a changed set of nodes or grouping, or the first time.
 */
export function needsLayout(last: LaidOut | null, next: LaidOut, structureChanged: boolean): boolean {
  return structureChanged || !last || last.layout !== next.layout || last.tick !== next.tick
}

/** Positions we compute ourselves (rings, field blocks); null for the force-directed layout. */
export function presetPositions(name: LayoutName, graph: GraphElements, sizes: Map<string, number>): Map<string, Point> | null {
  if (name === 'fcose') return null
  if (name === 'field') return fieldGroupPositions(graph)
  return ringPositions(graph, name === 'household' ? householdRings(graph) : levelRings(graph), sizes)
}

// No nodeDimensionsIncludeLabels: labels grow when zoomed out, and a layout that made room
// for them would spread out, zoom out further and grow them again.
export function fcoseOptions(first: boolean, nodeCount: number): LayoutOptions {
  return {
    name: 'fcose',
    animate: !first,
    animationDuration: ANIMATION_MS,
    // We fit afterwards (fitAll): cytoscape's fit zooms a map of one card to 5×.
    fit: false,
    // bench:graph: fcose 'default' takes ~7 s at 500 nodes and minutes at 2,000; 'draft'
    // (spectral only) lays out 2,000 nodes in ~1.3 s. Real workshop maps are far smaller.
    quality: nodeCount > 400 ? 'draft' : nodeCount > 150 ? 'default' : 'proof',
    randomize: first,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 140,
    nodeSeparation: 120,
    packComponents: true,
  } as LayoutOptions
}

/** Zoom and pan that show these node centres with room for their labels (zoom capped at 1.6). */
export function fitView(cy: Core, points: Point[]): { zoom: number; pan: Point } {
  const w = cy.width()
  const h = cy.height()
  if (points.length === 0 || w === 0 || h === 0) return { zoom: cy.zoom(), pan: cy.pan() }
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const x1 = Math.min(...xs) - 100
  const x2 = Math.max(...xs) + 100
  const y1 = Math.min(...ys) - 70
  const y2 = Math.max(...ys) + 80
  const zoom = Math.max(cy.minZoom(), Math.min(1.6, w / (x2 - x1), h / (y2 - y1)))
  return { zoom, pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) } }
}

/** Fits everything with its labels; never zooms in beyond 1.6 (a map of two cards). */
export function fitAll(cy: Core, animate: boolean) {
  const bb = cy.elements().boundingBox({ includeLabels: true })
  const w = cy.width()
  const h = cy.height()
  if (!Number.isFinite(bb.w) || bb.w === 0 || w === 0 || h === 0) return
  const pad = 24
  const zoom = Math.max(cy.minZoom(), Math.min(1.6, (w - 2 * pad) / bb.w, (h - 2 * pad) / bb.h))
  const view = { zoom, pan: { x: w / 2 - zoom * (bb.x1 + bb.w / 2), y: h / 2 - zoom * (bb.y1 + bb.h / 2) } }
  if (animate) cy.animate(view, { duration: 200 })
  else cy.viewport(view)
}
