import type { GraphMetrics } from '../../shared/graph/metrics'

/**
 * Colours of the グループ (communities) when the graph is coloured by group: Okabe–Ito's
 * colour-blind-safe set first, then a few of Tol's; beyond ten groups they repeat (a district
 * map rarely has that many groups of two or more). Grey is for nodes in no group.
 */
export const communityPalette = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#882255', '#44AA99', '#999933']
export const noCommunityColor = '#c4c9d0'

export function communityColor(index: number): string {
  return index < 0 ? noCommunityColor : communityPalette[index % communityPalette.length]
}

/** Fill colour of every node by its group, for toElements' `colors`. */
export function communityColors(metrics: GraphMetrics): Map<string, string> {
  return new Map([...metrics.nodes].map(([id, m]) => [id, communityColor(m.community)]))
}
