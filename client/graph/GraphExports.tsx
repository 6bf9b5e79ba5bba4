/**
 * 書き出し: images of the current view (PNG, SVG, and a PDF with the analysis table) and data
 * files of the whole graph (GraphML, GEXF, Cytoscape JSON, CSV), all made in the browser. The
 * images carry the title, the date, the legend and, with 主な数値を入れる, the key figures.
 * 人物を含めない leaves persons out of every file; a view link can only export that way.
 */
import { useState } from 'react'
import type { Core } from 'cytoscape'
import type { GraphElements } from '../../shared/graph/derive'
import { toGexf } from '../../shared/graph/gexf'
import { toGraphml } from '../../shared/graph/graphml'
import { toCytoscapeJson } from '../../shared/graph/cytoscape-json'
import { edgesCsv, nodesCsv } from '../../shared/graph/csv'
import { computeMetrics } from '../../shared/graph/metrics'
import { fill } from '../../shared/i18n/catalog'
import type { RoomKind } from '../../shared/rooms'
import { downloadBlob, downloadText, safeFileName } from '../downloads'
import { useCatalog, useI18n } from '../i18n'
import { ExcludePersonsOption, useExcludePersons } from '../model/ExcludePersonsOption'
import { modelText } from '../model/labels'
import { nodeLabel, stylesheet } from './elements'
import { graphText } from './labels'
import { hideOverlay } from './overlaySync'
import { graphExportText } from './export/exportText'
import { sceneFromCytoscape } from './export/scene'

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
  const X = useCatalog(graphExportText)
  const [includeFigures, setIncludeFigures] = useState(true)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
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

  /**
   * The scene is read at once (the view as it is now); drawing it, with the font's outlines,
   * happens in ./svg, loaded on first use. The figures are of the graph as exported.
   */
  async function exportPicture(kind: 'png' | 'svg' | 'pdf') {
    // The labels at the size the canvas gives them now: the layout was spaced for that size.
    const scale = labelScale()
    const scene = withImageView((instance) => sceneFromCytoscape(instance, scale))
    if (!scene || busy) return
    setBusy(true)
    setFailure(null)
    try {
      const shown = excludePersons
        ? { ...graph, nodes: graph.nodes.filter((n) => n.kind !== 'person'), edges: graph.edges.filter((e) => !graph.nodes.some((n) => n.kind === 'person' && (n.id === e.source || n.id === e.target))) }
        : graph
      const req = { scene, graph: shown, metrics: computeMetrics(shown), lang, title: exportTitle || L.heading, date: new Date(), includeFigures }
      const pictures = await import('./svg')
      const name = `${base}_${L.imageFileName}`
      if (kind === 'svg') downloadText(await pictures.graphToSvg(req), 'image/svg+xml', `${name}.svg`)
      else if (kind === 'png') downloadBlob(await pictures.graphToPng(req), `${name}.png`)
      else downloadBlob(await pictures.graphToPdf(req), `${name}.pdf`)
    } catch (e) {
      setFailure(fill(X.exportFailed, { reason: e instanceof Error ? e.message : String(e) }))
    } finally {
      setBusy(false)
    }
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
      <label className="graph-check">
        <input type="checkbox" data-testid="graph-export-figures" checked={includeFigures} onChange={(e) => setIncludeFigures(e.target.checked)} />
        {X.includeFigures}
      </label>
      <button type="button" onClick={() => void exportPicture('png')} disabled={busy} data-testid="graph-export-png">
        {L.exportPng}
      </button>
      <button type="button" onClick={() => void exportPicture('svg')} disabled={busy} data-testid="graph-export-svg">
        {L.exportSvg}
      </button>
      <button type="button" onClick={() => void exportPicture('pdf')} disabled={busy} data-testid="graph-export-pdf">
        {X.exportPdf}
      </button>
      {busy && (
        <span className="hint" role="status" data-testid="graph-export-busy">
          {X.exporting}
        </span>
      )}
      {failure && (
        <span className="error" role="alert" data-testid="graph-export-error">
          {failure}
        </span>
      )}
      <button type="button" data-testid="graph-export-graphml" onClick={() => downloadText(toGraphml(graph, exportOptions), 'application/graphml+xml', `${base}.graphml`)}>
        {L.exportGraphml}
      </button>
      <button type="button" data-testid="graph-export-gexf" onClick={() => downloadText(toGexf(graph, exportOptions), 'application/gexf+xml', `${base}.gexf`)}>
        {L.exportGexf}
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
