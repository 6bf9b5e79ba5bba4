/**
 * 書き出し: images of the current view (PNG, SVG) and data files of the whole graph (GraphML,
 * Cytoscape JSON, CSV), all made in the browser. 人物を含めない leaves persons out of every file;
 * a view link can only export that way.
 */
import type { Core } from 'cytoscape'
import type { GraphElements } from '../../shared/graph/derive'
import { toGraphml } from '../../shared/graph/graphml'
import { toCytoscapeJson } from '../../shared/graph/cytoscape-json'
import { edgesCsv, nodesCsv } from '../../shared/graph/csv'
import type { RoomKind } from '../../shared/rooms'
import { downloadBlob, downloadText, safeFileName } from '../downloads'
import { useCatalog, useI18n } from '../i18n'
import { ExcludePersonsOption, useExcludePersons } from '../model/ExcludePersonsOption'
import { modelText } from '../model/labels'
import { nodeLabel, stylesheet } from './elements'
import { graphText } from './labels'
import { hideOverlay } from './overlaySync'
import { graphToSvg } from './svg'

interface Props {
  /** null while cytoscape loads: the image exports do nothing yet. */
  cy: Core | null
  labelScale: () => number
  /** The whole graph, before filtering. */
  graph: GraphElements
  roomKind: RoomKind
  roomTitle: string
  canExportPersons: boolean
}

export function GraphExports({ cy, labelScale, graph, roomKind, roomTitle, canExportPersons }: Props) {
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const M = useCatalog(modelText)
  const [excludePersons, setExcludePersons] = useExcludePersons(canExportPersons)
  // A case room's title names the household: files without persons do not carry it.
  const hideTitle = excludePersons && roomKind !== 'community'
  const exportTitle = hideTitle ? `${L.heading}_${M.noPersonsFileName}` : roomTitle
  const base = safeFileName(exportTitle, { fallback: L.imageFileName })
  const exportOptions = { includePersons: !excludePersons }
  // CSV is read by people: headings, category words and persons' suggested roles in their
  // language (shared/graph/csv.ts translates the rest); GraphML and JSON keep stored values.
  const csvOptions = { ...exportOptions, lang }
  const csvGraph = (): GraphElements => ({ ...graph, nodes: graph.nodes.map((n) => ({ ...n, label: nodeLabel(n, lang) })) })

  /**
   * Image exports show the current view of the map now; with 人物を含めない the persons are hidden
   * for the shot, and so is 記録と比較's overlay (its ghosts and colours): like the data files,
   * the images are of the map as it is.
   */
  function withImageView<T>(make: (instance: Core) => T): T | null {
    if (!cy) return null
    const persons = excludePersons ? cy.nodes('.person') : cy.collection()
    // Exports use the labels' own size, not the size grown for a zoomed-out screen.
    const scaled = labelScale() !== 1
    if (scaled) cy.style(stylesheet(1))
    const restoreOverlay = hideOverlay(cy)
    persons.style('display', 'none')
    try {
      return make(cy)
    } finally {
      persons.removeStyle('display')
      restoreOverlay()
      if (scaled) cy.style(stylesheet(labelScale()))
    }
  }

  const exportPng = () => {
    const blob = withImageView((instance) => instance.png({ output: 'blob', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000, bg: '#ffffff' }))
    if (blob) downloadBlob(blob, `${base}_${L.imageFileName}.png`)
  }
  const exportSvg = () => {
    const svg = withImageView((instance) => graphToSvg(instance, exportTitle || L.heading))
    if (svg) downloadText(svg, 'image/svg+xml', `${base}_${L.imageFileName}.svg`)
  }

  return (
    <div className="graph-exports" data-testid="graph-exports">
      <strong>{L.exports}</strong>
      <ExcludePersonsOption
        label={L.excludePersons}
        exclude={excludePersons}
        canExportPersons={canExportPersons}
        onChange={setExcludePersons}
        forcedHintId="graph-persons-forced"
        className="graph-check"
        testId="graph-exclude-persons"
      />
      {!canExportPersons && (
        <span className="hint" id="graph-persons-forced" data-testid="graph-persons-forced">
          {M.excludePersonsForced}
        </span>
      )}
      <button type="button" onClick={exportPng} data-testid="graph-export-png">
        {L.exportPng}
      </button>
      <button type="button" onClick={exportSvg} data-testid="graph-export-svg">
        {L.exportSvg}
      </button>
      <button type="button" data-testid="graph-export-graphml" onClick={() => downloadText(toGraphml(graph, exportOptions), 'application/graphml+xml', `${base}.graphml`)}>
        {L.exportGraphml}
      </button>
      <button
        type="button"
        data-testid="graph-export-cyjs"
        onClick={() => downloadText(JSON.stringify(toCytoscapeJson(graph, exportOptions), null, 2), 'application/json', `${base}.cyjs`)}
      >
        {L.exportCyjs}
      </button>
      <button type="button" data-testid="graph-export-nodes-csv" onClick={() => downloadText(nodesCsv(csvGraph(), csvOptions), 'text/csv;charset=utf-8', `${base}_nodes.csv`)}>
        {L.exportNodesCsv}
      </button>
      <button type="button" data-testid="graph-export-edges-csv" onClick={() => downloadText(edgesCsv(csvGraph(), csvOptions), 'text/csv;charset=utf-8', `${base}_edges.csv`)}>
        {L.exportEdgesCsv}
      </button>
      <span className="hint">{L.exportNote}</span>
    </div>
  )
}
