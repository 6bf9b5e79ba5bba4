/**
 * npm run bench:graph -- [--runs 5] [--layout-timeout 60] [--layouts grid,concentric,fcose-draft,fcose,cose]
 *                        [--datasets case-8050,synthetic-2000,…] [--no-layouts] [--json]
 *
 * Times the relationship-graph code on the three samples and on a synthetic network of 2,000
 * actors and 8,000 relations (shared/graph/synthetic.ts, seeded): deriving the elements,
 * all metrics, the exports, and the memory they take; then Cytoscape.js layouts run headless
 * in Node. Each measurement runs in its own child process so that peak RSS belongs to one
 * dataset and a layout that runs too long can be stopped (it is synchronous inside).
 * Targets: derive well under 100 ms, metrics under 1 s, fcose under 5 s at 2,000 / 8,000.
 */
import { fork } from 'node:child_process'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import cytoscape from 'cytoscape'
// @ts-expect-error cytoscape-fcose ships no type declarations
import fcose from 'cytoscape-fcose'
import { edgesCsv, nodesCsv } from '../shared/graph/csv.ts'
import { toCytoscapeJson } from '../shared/graph/cytoscape-json.ts'
import { deriveGraph } from '../shared/graph/derive.ts'
import { toGraphml } from '../shared/graph/graphml.ts'
import { computeMetrics } from '../shared/graph/metrics.ts'
import { syntheticModel } from '../shared/graph/synthetic.ts'
import { loadSample, sampleNames } from '../shared/graph/fixtures.ts'
import type { MapModel } from '../shared/model/schema.ts'

type Dataset = { name: string } & ({ sample: (typeof sampleNames)[number] } | { actors: number; relations: number; persons?: number })

const datasets: Dataset[] = [
  ...sampleNames.map((sample) => ({ name: sample, sample })),
  { name: 'synthetic-500', actors: 500, relations: 2000 },
  { name: 'synthetic-2000', actors: 2000, relations: 8000 },
  { name: 'synthetic-2000+persons', actors: 2000, relations: 8000, persons: 300 },
]

/** Layouts as the graph panel would call them; fcose-draft is fcose's spectral phase only. */
const layoutOptions: Record<string, cytoscape.LayoutOptions> = {
  grid: { name: 'grid', animate: false },
  concentric: { name: 'concentric', animate: false },
  'fcose-draft': { name: 'fcose', quality: 'draft', animate: false, randomize: true } as cytoscape.LayoutOptions,
  fcose: { name: 'fcose', quality: 'default', animate: false, randomize: true } as cytoscape.LayoutOptions,
  cose: { name: 'cose', animate: false, randomize: true },
}

function loadDataset(d: Dataset): MapModel {
  return 'sample' in d ? loadSample(d.sample) : syntheticModel({ actors: d.actors, relations: d.relations, persons: d.persons })
}

// ---- child: one measurement ----------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function timed(runs: number, f: () => unknown): { first: number; median: number } {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    f()
    times.push(performance.now() - start)
  }
  return { first: times[0], median: median(times) }
}

function analyse(d: Dataset, runs: number) {
  const model = loadDataset(d)
  gc()
  const baseHeap = process.memoryUsage().heapUsed
  // Cold first: what a user waits for when the panel opens; then warm medians.
  let start = performance.now()
  const graph = deriveGraph(model)
  const deriveCold = performance.now() - start
  start = performance.now()
  const metrics = computeMetrics(graph)
  const metricsCold = performance.now() - start
  const heapAfter = process.memoryUsage().heapUsed
  const derive = timed(runs, () => deriveGraph(model))
  const all = timed(runs, () => computeMetrics(graph))
  const graphml = timed(runs, () => toGraphml(graph))
  const json = timed(runs, () => JSON.stringify(toCytoscapeJson(graph)))
  const csv = timed(runs, () => nodesCsv(graph) + edgesCsv(graph))
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    components: metrics.network.components.length,
    deriveCold,
    deriveMedian: derive.median,
    metricsCold,
    metricsMedian: all.median,
    graphmlMedian: graphml.median,
    graphmlBytes: Buffer.byteLength(toGraphml(graph)),
    jsonMedian: json.median,
    csvMedian: csv.median,
    heapDeltaMb: (heapAfter - baseHeap) / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

async function layout(d: Dataset, name: string) {
  cytoscape.use(fcose)
  const graph = deriveGraph(loadDataset(d))
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toCytoscapeJson(graph).elements as unknown as cytoscape.ElementDefinition[] })
  const start = performance.now()
  await new Promise<void>((resolve) => {
    const l = cy.layout(layoutOptions[name])
    l.one('layoutstop', () => resolve())
    l.run()
  })
  const ms = performance.now() - start
  cy.destroy()
  return { ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }
}

// ---- parent: orchestration and table -------------------------------------------------------

function runChild<T>(task: object, timeoutMs: number): Promise<T | 'timeout' | { error: string }> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', JSON.stringify(task)], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve('timeout')
    }, timeoutMs)
    child.once('message', (m) => {
      clearTimeout(timer)
      resolve(m as T)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ error: `exit ${code}` })
    })
  })
}

function printTable(headers: string[], rows: (string | number)[][]) {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(1)) : c)))
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(line(headers))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of cells) console.log(line(r))
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      runs: { type: 'string', default: '5' },
      'layout-timeout': { type: 'string', default: '60' },
      layouts: { type: 'string', default: Object.keys(layoutOptions).join(',') },
      datasets: { type: 'string', default: datasets.map((d) => d.name).join(',') },
      'no-layouts': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })

  if (values.child) {
    const task = JSON.parse(values.child) as { kind: 'analyse'; dataset: Dataset; runs: number } | { kind: 'layout'; dataset: Dataset; layout: string }
    const result = task.kind === 'analyse' ? analyse(task.dataset, task.runs) : await layout(task.dataset, task.layout)
    process.send!(result, () => process.exit(0))
    return
  }

  const runs = Number(values.runs)
  const chosen = datasets.filter((d) => values.datasets.split(',').includes(d.name))
  console.log(`bench:graph — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${runs} runs (median), times in ms`)
  const analysis: Record<string, unknown> = {}
  const rows: (string | number)[][] = []
  for (const d of chosen) {
    const r = await runChild<ReturnType<typeof analyse>>({ kind: 'analyse', dataset: d, runs }, 600_000)
    analysis[d.name] = r
    if (typeof r !== 'object' || 'error' in r) {
      rows.push([d.name, String(r)])
      continue
    }
    rows.push([d.name, r.nodes, r.edges, r.deriveCold, r.deriveMedian, r.metricsCold, r.metricsMedian, r.graphmlMedian, r.jsonMedian, r.csvMedian, r.heapDeltaMb, r.peakRssMb])
  }
  console.log('\nAnalysis (derive target < 100 ms, metrics target < 1000 ms at 2,000 / 8,000)')
  printTable(['dataset', 'nodes', 'edges', 'derive 1st', 'derive', 'metrics 1st', 'metrics', 'graphml', 'cy.json', 'csv', 'heap Δ MB', 'peak RSS MB'], rows)

  const layoutResults: Record<string, Record<string, unknown>> = {}
  if (!values['no-layouts']) {
    const names = values.layouts.split(',').filter((n) => n in layoutOptions)
    const timeoutMs = Number(values['layout-timeout']) * 1000
    const layoutRows: string[][] = []
    for (const d of chosen) {
      const row = [d.name]
      layoutResults[d.name] = {}
      for (const name of names) {
        const r = await runChild<Awaited<ReturnType<typeof layout>>>({ kind: 'layout', dataset: d, layout: name }, timeoutMs)
        layoutResults[d.name][name] = r
        row.push(r === 'timeout' ? `> ${timeoutMs / 1000} s` : 'error' in r ? r.error : r.ms.toFixed(0))
      }
      layoutRows.push(row)
    }
    console.log(`\nHeadless Cytoscape.js layouts (ms; fcose target < 5000 ms at 2,000 / 8,000; stopped after ${timeoutMs / 1000} s)`)
    printTable(['dataset', ...names], layoutRows)
  }
  if (values.json) console.log(JSON.stringify({ analysis, layouts: layoutResults }, null, 2))
}

await main()
