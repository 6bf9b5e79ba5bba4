/**
 * How the 記録と比較 overlay draws (compareOverlay.ts decides which element gets which class):
 * green for what the record did not have or what moved forward, red for what was lost, grey
 * ghosts for what the map no longer has, and everything unchanged a little faded. The legend
 * draws with the same colours.
 */
import type { StylesheetJson } from 'cytoscape'

export const ADDED_COLOR = '#1a7f37'
export const LOST_COLOR = '#cf222e'
export const GHOST_FILL = '#eceef1'
export const GHOST_BORDER = '#8a8f98'
/** Unchanged elements are faded, not hidden: the changes stand out, the map stays readable. */
export const SAME_OPACITY = 0.4

/** The class names the overlay uses; nothing else in the graph starts with `cmp-`. */
export const overlayClass = {
  added: 'cmp-added',
  progress: 'cmp-progress',
  loss: 'cmp-loss',
  changed: 'cmp-changed',
  same: 'cmp-same',
  /** Drawn from the record only: a node or a tie the map no longer has. */
  ghost: 'cmp-ghost',
} as const

export type OverlayClass = (typeof overlayClass)[keyof typeof overlayClass]

export const allOverlayClasses: readonly string[] = Object.values(overlayClass)

/** `k`: the label scale of the zoom (elements.ts stylesheet). */
export function overlayStylesheet(k = 1): StylesheetJson {
  // Badges read level, whatever way the tie runs: a turned Japanese label is hard to read.
  const badge = { label: 'data(cmpLabel)', 'font-weight': 700, 'font-size': 12 * Math.min(k, 1.4), 'text-rotation': 'none' as const }
  return [
    { selector: '.cmp-same', style: { opacity: SAME_OPACITY } },
    { selector: 'node.cmp-added', style: { 'border-color': ADDED_COLOR, 'border-width': 5, 'border-style': 'solid' } },
    {
      selector: 'edge.cmp-added',
      style: { width: 6, 'line-color': ADDED_COLOR, 'target-arrow-color': ADDED_COLOR, 'source-arrow-color': ADDED_COLOR, color: ADDED_COLOR },
    },
    {
      selector: 'edge.cmp-progress',
      style: {
        'line-color': ADDED_COLOR,
        'target-arrow-color': ADDED_COLOR,
        'source-arrow-color': ADDED_COLOR,
        'underlay-color': ADDED_COLOR,
        'underlay-opacity': 0.22,
        'underlay-padding': 5,
        color: ADDED_COLOR,
        ...badge,
      },
    },
    {
      selector: 'edge.cmp-loss',
      style: { 'line-color': LOST_COLOR, 'target-arrow-color': LOST_COLOR, 'source-arrow-color': LOST_COLOR, color: LOST_COLOR, ...badge },
    },
    {
      selector: 'node.cmp-ghost',
      style: {
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': GHOST_FILL,
        'border-color': GHOST_BORDER,
        'border-style': 'dashed',
        'border-width': 2,
        color: '#5b6575',
        opacity: 0.9,
      },
    },
    {
      selector: 'edge.cmp-ghost',
      style: {
        'line-color': LOST_COLOR,
        'target-arrow-color': LOST_COLOR,
        'source-arrow-color': LOST_COLOR,
        'line-style': 'dashed',
        'line-dash-pattern': [10, 6],
        'curve-style': 'bezier',
        opacity: 0.65,
        color: LOST_COLOR,
        'text-rotation': 'none',
      },
    },
  ]
}
