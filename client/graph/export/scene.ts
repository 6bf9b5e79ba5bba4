/**
 * What the graph export draws, read from the cytoscape instance as it is on screen: visible
 * nodes where they are, with their shape, colour and label; visible ties with their status,
 * strength and direction (drawn with the shared legend's styles, not the canvas's); field
 * groups. Plain data, so that the pictures can be made and tested without a browser.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape'
import type { Status, Strength } from '../../../shared/model/vocabulary'
import { LABEL_OFF } from '../labelFit'

export type NodeShape = 'round-rectangle' | 'ellipse' | 'diamond'

export interface SceneNode {
  id: string
  x: number
  y: number
  size: number
  shape: NodeShape
  color: string
  informal: boolean
  person: boolean
  /** A cut point (要の機関・人物): drawn with a double border, as on the canvas. */
  cut: boolean
  /** As drawn on the canvas (shortened, the user's line breaks kept). */
  label: string
  /** The whole name, for the file's <title>. */
  fullLabel: string
}

export interface SceneEdge {
  id: string
  source: string
  target: string
  /** The curve's control point when parallel ties are drawn bent apart. */
  control?: { x: number; y: number }
  status: Status
  strength: Strength
  /** 家族関係: the graph draws it grey (shared/legend/legend.ts graphTieStyle). */
  family: boolean
  forward: boolean
  backward: boolean
  /** null when the canvas leaves the label out (it would cover a card or another label). */
  label: string | null
  fullLabel: string
}

export interface SceneGroup {
  label: string
  x: number
  y: number
  w: number
  h: number
}

export interface GraphScene {
  nodes: SceneNode[]
  edges: SceneEdge[]
  groups: SceneGroup[]
  /**
   * How much the canvas enlarges labels at its zoom (useCytoscape's labelScale): the layout was
   * spaced for labels of that size, so the picture draws them so, as the screen shows them.
   */
  labelScale: number
}

function controlPoint(e: EdgeSingular): { x: number; y: number } | undefined {
  try {
    // Only a rendered instance knows it; a straight tie has none.
    const points = e.controlPoints()
    return points && points.length === 1 ? { x: points[0].x, y: points[0].y } : undefined
  } catch {
    return undefined
  }
}

export function sceneFromCytoscape(cy: Core, labelScale = 1): GraphScene {
  const nodes = (cy.nodes(':childless').filter((n) => n.visible()).toArray() as NodeSingular[]).map((n): SceneNode => {
    const p = n.position()
    const shape = String(n.data('shape'))
    return {
      id: n.id(),
      x: p.x,
      y: p.y,
      size: Number(n.data('size')) || 44,
      shape: shape === 'ellipse' || shape === 'diamond' ? shape : 'round-rectangle',
      color: String(n.data('color') ?? '#7f8c8d'),
      informal: n.hasClass('informal'),
      person: n.hasClass('person'),
      cut: n.hasClass('cut'),
      label: String(n.data('label') ?? ''),
      fullLabel: String(n.data('fullLabel') ?? n.data('label') ?? ''),
    }
  })
  const shown = new Set(nodes.map((n) => n.id))
  const edges = (cy.edges().filter((e) => e.visible()).toArray() as EdgeSingular[])
    .filter((e) => shown.has(e.source().id()) && shown.has(e.target().id()))
    .map((e): SceneEdge => {
      const label = String(e.data('label') ?? '')
      return {
        id: e.id(),
        source: e.source().id(),
        target: e.target().id(),
        control: e.hasClass('zigzag') ? undefined : controlPoint(e),
        status: e.data('status') as Status,
        strength: e.data('strength') as Strength,
        family: e.hasClass('family'),
        forward: e.data('targetArrow') === 'triangle',
        backward: e.data('sourceArrow') === 'triangle',
        label: e.hasClass(LABEL_OFF) || !label ? null : label,
        fullLabel: label,
      }
    })
  const groups = (cy.nodes(':parent').filter((n) => n.visible()).toArray() as NodeSingular[]).map((p): SceneGroup => {
    const b = p.boundingBox({ includeLabels: false })
    return { label: String(p.data('label') ?? ''), x: b.x1, y: b.y1, w: b.w, h: b.h }
  })
  return { nodes, edges, groups, labelScale }
}
