import { describe, expect, it } from 'vitest'
import { deriveGraph } from '../../shared/graph/derive'
import { loadSample } from '../../shared/graph/fixtures'
import { computeMetrics } from '../../shared/graph/metrics'
import { communityColors, communityPalette, noCommunityColor } from './communityColors'
import { nodeSizes, toElements } from './elements'

describe('the graph drawn by the weighted figures', () => {
  const graph = deriveGraph(loadSample('case-8050'))
  const metrics = computeMetrics(graph)

  it('sizes nodes by support strength or influence: 地域包括 is the largest, an agency without support the smallest', () => {
    for (const by of ['support', 'eigenvector'] as const) {
      const sizes = nodeSizes(graph, metrics, by)
      expect(sizes.get('a-houkatsu'), by).toBe(90)
      expect(sizes.get('a-kenri'), by).toBe(34)
      // 長男 has one weak tie (and a stressful one, not support): smaller than 母.
      expect(sizes.get('p-son')!, by).toBeLessThan(sizes.get('p-mother')!)
    }
  })

  it('colours nodes by group when asked, grey outside any group, and by field otherwise', () => {
    const colors = communityColors(metrics)
    const byGroup = toElements(graph, { sizes: new Map(), layout: 'fcose', selected: null, articulation: new Set(), colors })
    const byField = toElements(graph, { sizes: new Map(), layout: 'fcose', selected: null, articulation: new Set() })
    const color = (els: typeof byGroup, id: string) => els.find((e) => e.data.id === id)!.data.color
    const group = metrics.nodes.get('a-houkatsu')!.community
    expect(color(byGroup, 'a-houkatsu')).toBe(communityPalette[group])
    expect(color(byGroup, 'p-mother')).toBe(color(byGroup, 'a-houkatsu'))
    expect(color(byGroup, 'a-kenri')).toBe(noCommunityColor)
    expect(color(byField, 'a-houkatsu')).toBe(graph.nodes.find((n) => n.id === 'a-houkatsu')!.color)
  })
})
