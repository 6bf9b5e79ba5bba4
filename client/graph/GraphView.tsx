// Over 450 lines until issue #11 splits it: the cytoscape hook, element diff, layout runner, filters, exports and legend become their own modules.
/**
 * 関係図: the agency relationship graph, generated live from the room's model (never a copy),
 * with layouts, styles by field / formality / tie, filters, an ego focus, the analysis panel
 * and exports. Everything here is local to the participant: layout, filters and moved node
 * positions are not written to the shared doc, so read-only participants use all of it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type cytoscape from 'cytoscape'
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape'
import type * as Y from 'yjs'
import { deriveGraph, type GraphElements } from '../../shared/graph/derive'
import { computeMetrics } from '../../shared/graph/metrics'
import { toGraphml } from '../../shared/graph/graphml'
import { toCytoscapeJson } from '../../shared/graph/cytoscape-json'
import { edgesCsv, nodesCsv } from '../../shared/graph/csv'
import { fieldColors, fields, levels, relationTypes, statuses, statusLabels, type Field, type Level, type RelationType, type Status } from '../../shared/model/vocabulary'
import type { RoomKind } from '../../shared/rooms'
import { pick, useI18n } from '../i18n'
import { ExcludePersonsOption, useExcludePersons } from '../model/ExcludePersonsOption'
import { labels as modelLabels } from '../model/labels'
import { useModel } from '../model/useModel'
import { downloadBlob, downloadText, safeFileName } from '../quadrant/exporting'
import { AnalysisPanel } from './AnalysisPanel'
import {
  defaultFilters,
  egoGraph,
  filterGraph,
  nodeSizes,
  stylesheet,
  toElements,
  type Formality,
  type GraphFilters,
  type LayoutName,
  type SizeMetric,
} from './elements'
import { graphLabels, type GraphLabelKey } from './labels'
import { fieldGroupPositions, householdRings, levelRings, ringPositions } from './rings'
import { graphToSvg } from './svg'
import './graph.css'

/**
 * cytoscape and fcose are loaded when the tab first opens (their own chunk): participants who
 * stay on the board do not download them.
 */
let loading: Promise<typeof cytoscape> | null = null
function loadCytoscape(): Promise<typeof cytoscape> {
  loading ??= Promise.all([
    import('cytoscape'),
    // @ts-expect-error cytoscape-fcose ships no type declarations
    import('cytoscape-fcose'),
  ]).then(([c, f]) => {
    c.default.use((f as { default: cytoscape.Ext }).default)
    return c.default
  })
  return loading
}

const layoutChoices: { id: LayoutName; label: GraphLabelKey }[] = [
  { id: 'fcose', label: 'layoutFcose' },
  { id: 'concentric', label: 'layoutConcentric' },
  { id: 'field', label: 'layoutField' },
  { id: 'household', label: 'layoutHousehold' },
]

type Point = { x: number; y: number }
type Positions = Record<string, Point>

function positionsKey(roomId: string, layout: LayoutName) {
  return `jusou-graph-positions:${roomId}:${layout}`
}
function loadPositions(roomId: string, layout: LayoutName): Positions {
  try {
    const raw = localStorage.getItem(positionsKey(roomId, layout))
    return raw ? (JSON.parse(raw) as Positions) : {}
  } catch {
    return {}
  }
}
function savePositions(roomId: string, layout: LayoutName, positions: Positions) {
  try {
    localStorage.setItem(positionsKey(roomId, layout), JSON.stringify(positions))
  } catch {
    // storage disabled or full: positions are just not remembered
  }
}

const ANIMATION_MS = 450

/** Positions we compute ourselves (rings, field blocks); null for the force-directed layout. */
function presetPositions(name: LayoutName, graph: GraphElements, sizes: Map<string, number>): Map<string, Point> | null {
  if (name === 'fcose') return null
  if (name === 'field') return fieldGroupPositions(graph)
  return ringPositions(graph, name === 'household' ? householdRings(graph) : levelRings(graph), sizes)
}

/** Zoom and pan that show these node centres with room for their labels (zoom capped at 1.6). */
function fitView(cy: Core, points: Point[]): { zoom: number; pan: Point } {
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
function fitAll(cy: Core, animate: boolean) {
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

// No nodeDimensionsIncludeLabels: labels grow when zoomed out, and a layout that made room
// for them would spread out, zoom out further and grow them again.
function fcoseOptions(first: boolean, nodeCount: number): LayoutOptions {
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

export interface GraphViewProps {
  doc: Y.Doc
  roomId: string
  roomKind: RoomKind
  roomTitle: string
  /** Controlled selection (e.g. synced with the board); uncontrolled when undefined. */
  selectedRecordId?: string | null
  onSelect?: (recordId: string | null) => void
  /** false for a view link: every export leaves persons out (the option is forced on). */
  canExportPersons: boolean
}

export function GraphView({ doc, roomId, roomKind, roomTitle, selectedRecordId, onSelect, canExportPersons }: GraphViewProps) {
  const { lang } = useI18n()
  const L = graphLabels(lang)
  const M = modelLabels(lang)
  const { model } = useModel(doc)
  const [layout, setLayout] = useState<LayoutName>(roomKind === 'case' ? 'household' : 'fcose')
  const [sizeBy, setSizeBy] = useState<SizeMetric>('betweenness')
  const [filters, setFilters] = useState<GraphFilters>(defaultFilters)
  const [egoSteps, setEgoSteps] = useState(0)
  const [ownSelection, setOwnSelection] = useState<string | null>(null)
  const [excludePersons, setExcludePersons] = useExcludePersons(canExportPersons)
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
      }),
    [visible, sizes, metrics, layout, selected],
  )

  const containerRef = useRef<HTMLDivElement>(null)
  const cyRef = useRef<Core | null>(null)
  const layoutRef = useRef(layout)
  layoutRef.current = layout
  const selectRef = useRef(select)
  selectRef.current = select
  const layoutInput = useRef({ graph: visible, sizes })
  layoutInput.current = { graph: visible, sizes }
  const laidOutRef = useRef<{ layout: LayoutName; tick: number } | null>(null)
  const runningRef = useRef<cytoscape.Layouts | null>(null)
  const scaleRef = useRef(1)
  /** Bumped when cytoscape has loaded and the instance exists: the sync effect runs again. */
  const [cyReady, setCyReady] = useState(0)
  const layoutGen = useRef(0)

  useEffect(() => {
    let cancelled = false
    let created: Core | null = null
    void loadCytoscape().then((cytoscape) => {
      if (cancelled || !containerRef.current) return
      created = setUp(cytoscape)
      setCyReady((n) => n + 1)
    })
    const setUp = (cytoscape: typeof import('cytoscape')): Core => {
      const cy = cytoscape({
        container: containerRef.current,
        style: stylesheet(),
        minZoom: 0.1,
        maxZoom: 5,
        boxSelectionEnabled: false,
      })
      cyRef.current = cy
      // Labels stay legible when zoomed out: the font grows in model units (up to 1.8×, so about
      // 10 px on screen at zoom 0.42), rebuilt in 10 % steps rather than on every wheel tick.
      scaleRef.current = 1
      cy.on('zoom', () => {
        // On a large map, grown labels would cover each other: there they stay at their size and
        // appear as one zooms in (min-zoomed-font-size hides the unreadable ones).
        const grow = cy.nodes().length <= 80 ? 0.75 / cy.zoom() : 1
        const next = Math.round(Math.min(1.8, Math.max(1, grow)) * 10) / 10
        if (next !== scaleRef.current) {
          scaleRef.current = next
          cy.style(stylesheet(next))
        }
      })
      cy.on('tap', 'node', (e) => {
        const node = e.target as cytoscape.NodeSingular
        if (!node.data('compound')) selectRef.current(node.id())
      })
      cy.on('tap', (e) => {
        if (e.target === cy) selectRef.current(null)
      })
      cy.on('dragfree', 'node', (e) => {
        const node = e.target as cytoscape.NodeSingular
        const moved = node.isParent() ? node.children() : node
        const saved = loadPositions(roomId, layoutRef.current)
        moved.forEach((n) => {
          const p = n.position()
          saved[n.id()] = { x: p.x, y: p.y }
        })
        savePositions(roomId, layoutRef.current, saved)
      })
      return cy
    }
    return () => {
      cancelled = true
      runningRef.current?.stop()
      created?.destroy()
      cyRef.current = null
      laidOutRef.current = null
    }
  }, [roomId])

  // Push the elements into cytoscape incrementally, so that everyone keeps their mental map:
  // a renamed agency or a new tie moves nothing; a new card appears next to the cards it is
  // tied to. The layout runs again when the layout, the set of nodes or the grouping changed.
  useEffect(() => {
    const cy = cyRef.current
    if (!cy) return
    const wanted = new Map(elements.map((e) => [e.data.id!, e]))
    let nodeSetChanged = false
    let parentsChanged = false
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const w = wanted.get(edge.id())
        if (!w || w.group !== 'edges' || w.data.source !== edge.data('source') || w.data.target !== edge.data('target')) edge.remove()
      })
      for (const e of elements) {
        if (e.group === 'nodes' && e.data.compound && cy.getElementById(e.data.id!).empty()) {
          cy.add(e)
          parentsChanged = true
        }
      }
      cy.nodes(':childless').forEach((n) => {
        if (n.data('compound')) return
        const w = wanted.get(n.id())
        if (!w || w.group !== 'nodes') {
          n.remove()
          nodeSetChanged = true
        } else if ((w.data.parent ?? null) !== (n.data('parent') ?? null)) {
          n.move({ parent: (w.data.parent as string | undefined) ?? null })
          parentsChanged = true
        }
      })
      cy.nodes().forEach((n) => {
        if (n.data('compound') && !wanted.has(n.id())) {
          n.children().move({ parent: null })
          n.remove()
          parentsChanged = true
        }
      })
      const peers = new Map<string, string[]>()
      for (const e of elements) {
        if (e.group !== 'edges') continue
        const { source, target } = e.data as { source: string; target: string }
        ;(peers.get(source) ?? peers.set(source, []).get(source)!).push(target)
        ;(peers.get(target) ?? peers.set(target, []).get(target)!).push(source)
      }
      const extent = cy.extent()
      const centre = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 }
      for (const e of elements) {
        if (e.group !== 'nodes' || e.data.compound || cy.getElementById(e.data.id!).nonempty()) continue
        // Next to the nodes it is tied to, or in the middle of the view.
        const near: Point[] = []
        for (const peer of peers.get(e.data.id!) ?? []) {
          const node = cy.getElementById(peer)
          if (node.nonempty()) near.push(node.position())
        }
        const base = near.length > 0 ? { x: near.reduce((s, p) => s + p.x, 0) / near.length, y: near.reduce((s, p) => s + p.y, 0) / near.length } : centre
        cy.add({ ...e, position: { x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 } })
        nodeSetChanged = true
      }
      for (const e of elements) {
        const el = cy.getElementById(e.data.id!)
        if (el.empty()) {
          if (e.group === 'edges') cy.add(e)
          continue
        }
        el.data(e.data)
        el.classes(e.classes ?? '')
      }
    })
    const structureChanged = nodeSetChanged || parentsChanged
    const last = laidOutRef.current
    if (!structureChanged && last && last.layout === layout && last.tick === relayoutTick) return
    if (cy.nodes().length === 0) {
      laidOutRef.current = { layout, tick: relayoutTick }
      return
    }
    // A new layout takes over from one still animating: stop it and every node animation.
    const gen = ++layoutGen.current
    const done = () => {
      if (layoutGen.current === gen) containerRef.current?.setAttribute('data-layout-state', 'done')
    }
    runningRef.current?.stop()
    runningRef.current = null
    cy.elements().stop(true, false)
    cy.stop(true, false)
    containerRef.current?.setAttribute('data-layout-state', 'running')
    containerRef.current?.setAttribute('data-layout-run', String(gen))
    laidOutRef.current = { layout, tick: relayoutTick }
    const first = last === null
    // The user's own positions for this layout win over the computed ones.
    const saved = loadPositions(roomId, layout)
    const { graph, sizes } = layoutInput.current
    const targets = presetPositions(layout, graph, sizes)
    if (targets) {
      for (const [id, p] of Object.entries(saved)) if (targets.has(id)) targets.set(id, p)
      const view = fitView(cy, [...targets.values()])
      const childless = cy.nodes(':childless')
      if (first) {
        cy.batch(() => childless.forEach((n) => void (targets.has(n.id()) && n.position(targets.get(n.id())!))))
        fitAll(cy, false)
        done()
      } else {
        childless.forEach((n) => {
          const p = targets.get(n.id())
          if (p) n.animate({ position: p }, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' })
        })
        // Aim the viewport at the estimate while nodes move, then fit exactly (labels included).
        cy.animate(view, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' })
        window.setTimeout(() => {
          if (layoutGen.current !== gen) return
          fitAll(cy, true)
          window.setTimeout(done, 220)
        }, ANIMATION_MS + 30)
      }
      return
    }
    const run = cy.elements().layout(fcoseOptions(first, graph.nodes.length))
    runningRef.current = run
    run.one('layoutstop', () => {
      if (layoutGen.current !== gen) return
      runningRef.current = null
      for (const [id, p] of Object.entries(saved)) {
        const n = cy.getElementById(id)
        if (n.nonempty() && n.isChildless()) n.position(p)
      }
      fitAll(cy, !first)
      window.setTimeout(done, first ? 0 : 220)
    })
    run.run()
  }, [elements, layout, relayoutTick, roomId, cyReady])

  const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value])
  const setFilter = <K extends keyof GraphFilters>(key: K, value: GraphFilters[K]) => setFilters((f) => ({ ...f, [key]: value }))

  // A case room's title names the household: files without persons do not carry it.
  const hideTitle = excludePersons && roomKind !== 'community'
  const exportTitle = hideTitle ? `${L.heading}_${M.noPersonsFileName}` : roomTitle
  const base = safeFileName(exportTitle || '関係図', 'x').replace(/\.x$/, '')
  const exportOptions = { includePersons: !excludePersons }
  const presentFields = useMemo(() => fields.filter((f) => full.nodes.some((n) => n.fields?.includes(f))), [full])
  const presentLevels = useMemo(() => levels.filter((l) => full.nodes.some((n) => n.level === l)), [full])
  const presentTypes = useMemo(() => relationTypes.filter((t) => full.edges.some((e) => e.type === t)), [full])

  /** Image exports show the current view; with 人物を含めない the persons are hidden for the shot. */
  function withImageView<T>(make: (cy: Core) => T): T | null {
    const cy = cyRef.current
    if (!cy) return null
    const persons = excludePersons ? cy.nodes('.person') : cy.collection()
    // Exports use the labels' own size, not the size grown for a zoomed-out screen.
    const scaled = scaleRef.current !== 1
    if (scaled) cy.style(stylesheet(1))
    persons.style('display', 'none')
    try {
      return make(cy)
    } finally {
      persons.removeStyle('display')
      if (scaled) cy.style(stylesheet(scaleRef.current))
    }
  }

  const exportPng = () => {
    const blob = withImageView((cy) => cy.png({ output: 'blob', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000, bg: '#ffffff' }) as unknown as Blob)
    if (blob) downloadBlob(blob, `${base}_関係図.png`)
  }
  const exportSvg = () => {
    const svg = withImageView((cy) => graphToSvg(cy, exportTitle || L.heading))
    if (svg) downloadText(svg, 'image/svg+xml', `${base}_関係図.svg`)
  }

  const empty = full.nodes.length === 0

  return (
    <div className="graph-view" data-testid="graph-view">
      <div className="graph-main">
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
          <button type="button" onClick={() => cyRef.current && fitAll(cyRef.current, true)}>
            {L.fit}
          </button>
          <span className="graph-count" aria-live="polite">
            {L.showing}: {visible.nodes.length} {L.nodesUnit}・{visible.edges.length} {L.edgesUnit}
          </span>
        </div>

        <details className="graph-filters" data-testid="graph-filters">
          <summary>{L.filters}</summary>
          <p className="hint">{L.filterNote}</p>
          <fieldset>
            <legend>{L.ego}</legend>
            {[
              [0, L.egoAll],
              [1, L.egoOne],
              [2, L.egoTwo],
            ].map(([steps, text]) => (
              <label key={steps} className="graph-check">
                <input type="radio" name="graph-ego" checked={egoSteps === steps} onChange={() => setEgoSteps(steps as number)} data-testid={`graph-ego-${steps}`} />
                {text}
              </label>
            ))}
            {egoSteps > 0 && !selected && <span className="hint">{L.egoNeedsSelection}</span>}
          </fieldset>
          <fieldset>
            <legend>{L.filterFields}</legend>
            {presentFields.map((f) => (
              <label key={f} className="graph-check">
                <input type="checkbox" checked={!filters.hiddenFields.includes(f)} onChange={() => setFilter('hiddenFields', toggle<Field>(filters.hiddenFields, f))} />
                <span className="graph-swatch" style={{ background: fieldColors[f] }} aria-hidden="true" />
                {f}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{L.filterLevels}</legend>
            {presentLevels.map((l) => (
              <label key={l} className="graph-check">
                <input type="checkbox" checked={!filters.hiddenLevels.includes(l)} onChange={() => setFilter('hiddenLevels', toggle<Level>(filters.hiddenLevels, l))} />
                {l}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{L.filterFormality}</legend>
            {(['all', 'formal', 'informal'] as Formality[]).map((v) => (
              <label key={v} className="graph-check">
                <input type="radio" name="graph-formality" checked={filters.formality === v} onChange={() => setFilter('formality', v)} />
                {v === 'all' ? L.formalityAll : v === 'formal' ? L.formal : L.informal}
              </label>
            ))}
            <label className="graph-check">
              <input type="checkbox" checked={filters.showPersons} onChange={(e) => setFilter('showPersons', e.target.checked)} />
              {L.showPersons}
            </label>
          </fieldset>
          <fieldset>
            <legend>{L.filterTypes}</legend>
            {presentTypes.map((t) => (
              <label key={t} className="graph-check">
                <input type="checkbox" checked={!filters.hiddenTypes.includes(t)} onChange={() => setFilter('hiddenTypes', toggle<RelationType>(filters.hiddenTypes, t))} />
                {t}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{L.filterStatuses}</legend>
            {statuses.map((s) => (
              <label key={s} className="graph-check">
                <input type="checkbox" checked={!filters.hiddenStatuses.includes(s)} onChange={() => setFilter('hiddenStatuses', toggle<Status>(filters.hiddenStatuses, s))} />
                {pick(statusLabels[s], lang)}
              </label>
            ))}
          </fieldset>
        </details>

        <div className="graph-stage">
          <div
            ref={containerRef}
            className="graph-canvas"
            data-testid="graph-canvas"
            data-node-count={visible.nodes.length}
            data-edge-count={visible.edges.length}
            data-layout={layout}
            aria-label={`${L.heading}: ${visible.nodes.length} ${L.nodesUnit}, ${visible.edges.length} ${L.edgesUnit}`}
            role="img"
          />
          {empty && <p className="graph-empty">{L.empty}</p>}
        </div>
        <Legend L={L} />

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
          <button type="button" data-testid="graph-export-graphml" onClick={() => downloadText(toGraphml(full, exportOptions), 'application/graphml+xml', `${base}.graphml`)}>
            {L.exportGraphml}
          </button>
          <button
            type="button"
            data-testid="graph-export-cyjs"
            onClick={() => downloadText(JSON.stringify(toCytoscapeJson(full, exportOptions), null, 2), 'application/json', `${base}.cyjs`)}
          >
            {L.exportCyjs}
          </button>
          <button type="button" data-testid="graph-export-nodes-csv" onClick={() => downloadText(nodesCsv(full, exportOptions), 'text/csv;charset=utf-8', `${base}_nodes.csv`)}>
            {L.exportNodesCsv}
          </button>
          <button type="button" data-testid="graph-export-edges-csv" onClick={() => downloadText(edgesCsv(full, exportOptions), 'text/csv;charset=utf-8', `${base}_edges.csv`)}>
            {L.exportEdgesCsv}
          </button>
          <span className="hint">{L.exportNote}</span>
        </div>
      </div>
      <aside className="graph-side" aria-label={L.analysis}>
        <AnalysisPanel graph={full} metrics={metrics} kind={roomKind} L={L} selected={selected} onSelect={select} />
      </aside>
    </div>
  )
}

function Legend({ L }: { L: ReturnType<typeof graphLabels> }) {
  const line = (stroke: string, dash?: string, width = 2.5) => (
    <svg width="34" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="33" y2="5" stroke={stroke} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
    </svg>
  )
  return (
    <div className="graph-legend" data-testid="graph-legend">
      <strong>{L.legend}</strong>
      <ul>
        <li>
          <svg width="16" height="14" aria-hidden="true">
            <rect x="1" y="1" width="14" height="12" rx="3" fill="#6b7a8c" />
          </svg>
          {L.legendFormal}
        </li>
        <li>
          <svg width="16" height="14" aria-hidden="true">
            <ellipse cx="8" cy="7" rx="6.5" ry="6" fill="#6b7a8c" stroke="#1d2430" strokeDasharray="2 2" />
          </svg>
          {L.legendInformal}
        </li>
        <li>
          <svg width="16" height="14" aria-hidden="true">
            <polygon points="8,0 15,7 8,14 1,7" fill="#4d4d4d" />
          </svg>
          {L.legendPerson}
        </li>
        <li>
          {line('#5f6b7a')}
          {L.legendExisting}
        </li>
        <li>
          {line('#5f6b7a', '6 4')}
          {L.legendPlanned}
        </li>
        <li>
          {line('#d0021b', '1 4')}
          {L.legendMissing}
        </li>
        <li>
          <svg width="34" height="10" aria-hidden="true">
            <polyline points="1,5 5,1 9,9 13,1 17,9 21,1 25,9 29,1 33,5" fill="none" stroke="#d0021b" strokeWidth="1.6" />
          </svg>
          {L.legendStressful}
        </li>
        <li>{L.legendStrength}</li>
        <li>{L.legendArrow}</li>
      </ul>
    </div>
  )
}
