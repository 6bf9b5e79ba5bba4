import { forExport, type ExportOptions, type GraphEdge, type GraphElements, type GraphNode } from './derive.ts'

/**
 * Cytoscape.js elements JSON: the shape `cytoscape({ elements })` and `cy.json()` use, so
 * the file loads into Cytoscape.js (and Cytoscape desktop's "Cytoscape.js JSON" import) as is.
 * Styling hooks: every attribute is in `data` (select with e.g. node[field = "高齢"]); ASCII
 * classes carry the categorical ones whose values are ASCII, for short selectors
 * (.person, .informal, .status-missing, .strength-stressful, .dir-none).
 */

export const cytoscapeFormat = 'jusou-map/cytoscape@1'

export interface CytoscapeNode {
  group: 'nodes'
  data: GraphNode
  classes: string[]
}
export interface CytoscapeEdge {
  group: 'edges'
  data: GraphEdge
  classes: string[]
}
export interface CytoscapeJson {
  format: typeof cytoscapeFormat
  data: { mapKind?: string; personsIncluded: boolean }
  elements: { nodes: CytoscapeNode[]; edges: CytoscapeEdge[] }
}

export function nodeClasses(n: GraphNode): string[] {
  const classes: string[] = [n.kind]
  if (n.formal !== undefined) classes.push(n.formal ? 'formal' : 'informal')
  if (n.household !== undefined) classes.push(n.household ? 'household' : 'non-household')
  return classes
}

export function edgeClasses(e: GraphEdge): string[] {
  return [`status-${e.status}`, `strength-${e.strength}`, `dir-${e.direction}`]
}

export function toCytoscapeJson(source: GraphElements, options: ExportOptions = {}): CytoscapeJson {
  const graph = forExport(source, options)
  const data: CytoscapeJson['data'] = { personsIncluded: options.includePersons !== false }
  if (graph.kind) data.mapKind = graph.kind
  return {
    format: cytoscapeFormat,
    data,
    elements: {
      // Copies, so that cytoscape (which keeps and mutates data objects) never shares ours.
      nodes: graph.nodes.map((n) => ({ group: 'nodes', data: structuredClone(n), classes: nodeClasses(n) })),
      edges: graph.edges.map((e) => ({ group: 'edges', data: structuredClone(e), classes: edgeClasses(e) })),
    },
  }
}
