import cytoscape from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { toCytoscapeJson } from './cytoscape-json.ts'
import { deriveGraph } from './derive.ts'
import { loadSample, sampleNames } from './fixtures.ts'

describe('Cytoscape.js JSON', () => {
  for (const name of sampleNames) {
    it(`${name}: loads into headless Cytoscape.js with every attribute and class`, () => {
      const graph = deriveGraph(loadSample(name))
      // Through JSON text, as a downloaded file would be.
      const json = JSON.parse(JSON.stringify(toCytoscapeJson(graph)))
      const cy = cytoscape({ headless: true, elements: json.elements })
      expect(cy.nodes()).toHaveLength(graph.nodes.length)
      expect(cy.edges()).toHaveLength(graph.edges.length)
      for (const n of graph.nodes) expect(cy.getElementById(n.id).data()).toEqual(n)
      for (const e of graph.edges) expect(cy.getElementById(e.id).data()).toEqual(e)
      expect(cy.nodes('.actor').length).toBe(graph.nodes.filter((n) => n.kind === 'actor').length)
      expect(cy.edges('.status-missing').length).toBe(graph.edges.filter((e) => e.status === 'missing').length)
      expect(cy.nodes('[field = "住民活動"]').length).toBe(graph.nodes.filter((n) => n.field === '住民活動').length)
      cy.destroy()
    })
  }

  it('leaves persons and their ties out on request', () => {
    const graph = deriveGraph(loadSample('case-8050'))
    const json = toCytoscapeJson(graph, { includePersons: false })
    expect(json.data).toEqual({ mapKind: 'case', personsIncluded: false })
    expect(json.elements.nodes.some((n) => n.data.kind === 'person')).toBe(false)
    expect(json.elements.edges.some((e) => e.data.source.startsWith('p-') || e.data.target.startsWith('p-'))).toBe(false)
    expect(JSON.stringify(json)).not.toMatch(/長男/)
  })
})
