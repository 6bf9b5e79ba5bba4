/**
 * 関係図: the agency relationship graph, generated live from the room's model (never a copy),
 * with layouts, styles by field / formality / tie, filters, an ego focus, the analysis panel
 * and exports. Everything here is local to the participant: layout, filters and moved node
 * positions are not written to the shared doc, so read-only participants use all of it.
 *
 * This module derives what to draw and wires the parts together: useCytoscape (the instance),
 * elementDiff (what changes in it), layoutRunner / layout (when and how nodes move),
 * FilterPanel, GraphExports and Legend, and 記録と比較 (useRecordComparison, CompareControl, and
 * the overlay of compareOverlay / overlaySync, a layer the element diffing never sees).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { ElementDefinition } from 'cytoscape'
import type * as Y from 'yjs'
import { deriveGraph, type GraphElements } from '../../shared/graph/derive'
import { computeMetrics } from '../../shared/graph/metrics'
import type { RoomKind } from '../../shared/rooms'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog, useI18n } from '../i18n'
import { usePanelOpen } from '../panel-state'
import { useModel } from '../model/useModel'
import { AnalysisPanel } from './AnalysisPanel'
import { communityColors } from './communityColors'
import { CompareControl } from './CompareControl'
import { overlayPlan } from './compareOverlay'
import { applyElementDiff, diffElements } from './elementDiff'
import { defaultFilters, egoGraph, filterGraph, nodeSizes, toElements, type GraphFilters, type LayoutName, type SizeMetric } from './elements'
import { FilterPanel } from './FilterPanel'
import { GraphExports } from './GraphExports'
import { graphText } from './labels'
import { fitAll, layoutChoices } from './layout'
import { cullEdgeLabels, markChosenTies } from './labelFit'
import { LayoutRunner } from './layoutRunner'
import { graphMarks, Legend } from './Legend'
import { baseElements, syncOverlay } from './overlaySync'
import { rememberPositions, savePositions } from './positions'
import { useCytoscape, type NodeHover } from './useCytoscape'
import { usePresentation } from './usePresentation'
import { useRecordComparison } from './useRecordComparison'
import './graph.css'
import './presentation.css'

export interface GraphViewProps {
  doc: Y.Doc
  roomId: string
  roomKind: RoomKind
  roomTitle: string
  /** The room link's token: 記録と比較 reads the room's meeting records with it. */
  token: string
  /** Controlled selection (e.g. synced with the board); uncontrolled when undefined. */
  selectedRecordId?: string | null
  onSelect?: (recordId: string | null) => void
  /** false for a view link: every export leaves persons out (the option is forced on), and so does 記録と比較. */
  canExportPersons: boolean
}

export function GraphView({ doc, roomId, roomKind, roomTitle, token, selectedRecordId, onSelect, canExportPersons }: GraphViewProps) {
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const { model } = useModel(doc)
  const [layout, setLayout] = useState<LayoutName>(roomKind === 'case' ? 'household' : 'fcose')
  const [sizeBy, setSizeBy] = useState<SizeMetric>('betweenness')
  const [filters, setFilters] = useState<GraphFilters>(defaultFilters)
  const [egoSteps, setEgoSteps] = useState(0)
  // グループで色分け: the analysis panel's switch; the field colours otherwise.
  const [byCommunity, setByCommunity] = useState(false)
  const [ownSelection, setOwnSelection] = useState<string | null>(null)
  const [relayoutTick, setRelayoutTick] = useState(0)
  const selected = selectedRecordId !== undefined ? selectedRecordId : ownSelection

  const select = useCallback(
    (id: string | null) => {
      setOwnSelection(id)
      onSelect?.(id)
    },
    [onSelect],
  )

  // The whole graph and its figures: metrics never depend on the filters.
  const full = useMemo(() => {
    const g = deriveGraph(model)
    if (!g.kind) g.kind = roomKind
    return g
  }, [model, roomKind])
  const metrics = useMemo(() => computeMetrics(full), [full])
  const afterPlan = useMemo(() => computeMetrics(full, { statuses: ['existing', 'planned'] }), [full])
  const visible = useMemo<GraphElements>(() => {
    const filtered = filterGraph(full, filters)
    return egoSteps > 0 && selected ? egoGraph(filtered, selected, egoSteps) : filtered
  }, [full, filters, egoSteps, selected])
  const sizes = useMemo(() => nodeSizes(visible, metrics, sizeBy), [visible, metrics, sizeBy])
  const elements = useMemo<ElementDefinition[]>(
    () =>
      toElements(visible, {
        sizes,
        layout,
        selected,
        articulation: new Set(metrics.network.articulationPoints),
        lang,
        colors: byCommunity ? communityColors(metrics) : undefined,
      }),
    [visible, sizes, metrics, layout, selected, lang, byCommunity],
  )

  // 記録と比較: the record's graph goes through the same filters as the map now.
  const compare = useRecordComparison({ roomId, token, roomKind, includePersons: canExportPersons, model })
  const { comparison, recordModel } = compare
  const recordGraph = useMemo(() => (recordModel ? filterGraph(deriveGraph(recordModel), filters) : null), [recordModel, filters])
  const focused = egoSteps > 0 && !!selected
  const overlay = useMemo(
    () => (comparison && recordGraph ? overlayPlan({ comparison, current: elements, record: recordGraph, focused, text: L, lang }) : null),
    [comparison, recordGraph, elements, focused, L, lang],
  )

  const containerRef = useRef<HTMLDivElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const exitRef = useRef<HTMLButtonElement>(null)
  const tipId = useId()
  const [hover, setHover] = useState<NodeHover | null>(null)
  // On a tablet or a narrow window the graph needs the room more than the figures do: the
  // analysis starts folded away there (分析を表示 brings it back), and stays as the participant left it.
  const [analysisOpen, setAnalysisOpen] = usePanelOpen('graph-analysis')
  const { presenting, since, enter: present, leave: stopPresenting } = usePresentation(rootRef)
  // Kept across instances (see LayoutRunner).
  const [runner] = useState(() => new LayoutRunner())
  const { cy, labelScale, setLargeType } = useCytoscape(roomId, containerRef, {
    onSelect: select,
    onMoved: (moved) => rememberPositions(roomId, layout, moved),
    onDestroy: () => runner.reset(),
    onHover: setHover,
  })

  // 発表モード: large type, and the graph spaced again for it once the view has its new size
  // (full screen arrives a moment after the click). Only on a change, not on mount.
  const wasPresenting = useRef(false)
  useEffect(() => {
    if (!cy || wasPresenting.current === presenting) return
    wasPresenting.current = presenting
    setLargeType(presenting)
    if (presenting) exitRef.current?.focus()
    let frame = 0
    const settle = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => runner.resettle(cy))
    }
    settle()
    document.addEventListener('fullscreenchange', settle)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('fullscreenchange', settle)
    }
  }, [presenting, cy, runner, setLargeType])

  // Push the elements into cytoscape incrementally (elementDiff), lay the comparison over them,
  // then lay out if needed.
  useEffect(() => {
    if (!cy) return
    const diff = diffElements(baseElements(cy), elements)
    applyElementDiff(cy, diff)
    const ghostsAdded = syncOverlay(cy, overlay)
    runner.update(cy, { roomId, layout, tick: relayoutTick, structureChanged: diff.structureChanged, graph: visible, sizes })
    // A tie added or renamed without a new layout: its label is drawn only where it fits.
    if (cy.container()?.getAttribute('data-layout-state') !== 'running') cullEdgeLabels(cy)
    markChosenTies(cy)
    // Ghosts of a record just chosen may sit outside the view (and the summary made the stage
    // shorter): show everything. A layout that runs fits by itself.
    if (ghostsAdded > 0 && !diff.structureChanged) {
      cy.resize()
      fitAll(cy, true)
    }
  }, [elements, overlay, visible, sizes, layout, relayoutTick, roomId, cy, runner])

  const empty = full.nodes.length === 0
  const counts = { nodes: visible.nodes.length, edges: visible.edges.length }

  const today = since?.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' })
  // Above the card unless that would leave the stage; below it then.
  const tipBelow = hover !== null && hover.top < 48

  return (
    <div
      ref={rootRef}
      className={presenting ? 'graph-view presenting' : 'graph-view'}
      data-testid="graph-view"
      role={presenting ? 'region' : undefined}
      aria-label={presenting ? L.presentLabel : undefined}
    >
      <div className="graph-layout">
      <div className="graph-main">
        {presenting && (
          <header className="graph-presentation-bar" data-testid="graph-presentation">
            <h2 data-testid="graph-presentation-title">
              {roomTitle}
              <span className="graph-presentation-date">{today}</span>
            </h2>
            <button ref={exitRef} type="button" data-testid="graph-present-exit" onClick={stopPresenting}>
              {L.presentExit}
            </button>
          </header>
        )}
        <div className="graph-toolbar" role="toolbar" aria-label={L.heading}>
          <label>
            <span>{L.layout}</span>
            <select value={layout} data-testid="graph-layout" onChange={(e) => setLayout(e.target.value as LayoutName)}>
              {layoutChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {L[c.label]}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{L.sizeBy}</span>
            <select value={sizeBy} data-testid="graph-size-by" onChange={(e) => setSizeBy(e.target.value as SizeMetric)}>
              <option value="none">{L.sizeNone}</option>
              <option value="degree">{L.sizeDegree}</option>
              <option value="betweenness">{L.sizeBetweenness}</option>
              <option value="closeness">{L.sizeCloseness}</option>
              <option value="support">{L.sizeSupport}</option>
              <option value="eigenvector">{L.sizeEigenvector}</option>
            </select>
          </label>
          <button type="button" onClick={() => setRelayoutTick((t) => t + 1)}>
            {L.relayout}
          </button>
          <button
            type="button"
            onClick={() => {
              savePositions(roomId, layout, {})
              setRelayoutTick((t) => t + 1)
            }}
          >
            {L.resetPositions}
          </button>
          <button type="button" onClick={() => cy && fitAll(cy, true)}>
            {L.fit}
          </button>
          <button type="button" data-testid="graph-present" title={L.presentTitle} onClick={present}>
            {L.present}
          </button>
          <button
            type="button"
            data-testid="graph-analysis-toggle"
            aria-expanded={analysisOpen}
            aria-controls={`${tipId}-analysis`}
            onClick={() => setAnalysisOpen((o) => !o)}
          >
            {analysisOpen ? L.hideAnalysis : L.showAnalysis}
          </button>
          <span className="graph-count" aria-live="polite">
            {fill(L.showing, counts)}
          </span>
        </div>

        <CompareControl state={compare} roomKind={roomKind} personsCompared={canExportPersons} />

        <FilterPanel graph={full} filters={filters} onFilters={setFilters} egoSteps={egoSteps} onEgoSteps={setEgoSteps} hasSelection={!!selected} />

        <div className="graph-stage">
          <div
            ref={containerRef}
            className="graph-canvas"
            data-testid="graph-canvas"
            data-node-count={visible.nodes.length}
            data-edge-count={visible.edges.length}
            data-layout={layout}
            aria-label={fill(L.canvasLabel, counts)}
            aria-describedby={hover ? tipId : undefined}
            role="img"
          />
          {hover && (
            <div
              id={tipId}
              role="tooltip"
              className={tipBelow ? 'graph-tooltip below' : 'graph-tooltip'}
              data-testid="graph-tooltip"
              style={{ left: hover.x, top: tipBelow ? hover.bottom : hover.top }}
            >
              {hover.name}
            </div>
          )}
          {empty && <p className="graph-empty">{L.empty}</p>}
        </div>
        <Legend comparing={!!overlay} marks={graphMarks(visible, metrics.network.articulationPoints)} />

        <GraphExports cy={cy} labelScale={labelScale} graph={full} roomKind={roomKind} roomTitle={roomTitle} canExportPersons={canExportPersons} />
      </div>
      <aside id={`${tipId}-analysis`} className="graph-side" aria-label={L.analysis} hidden={!analysisOpen || presenting}>
        <AnalysisPanel
          graph={full}
          metrics={metrics}
          afterPlan={afterPlan}
          kind={roomKind}
          selected={selected}
          onSelect={select}
          byCommunity={byCommunity}
          onByCommunity={setByCommunity}
        />
      </aside>
      </div>
    </div>
  )
}
