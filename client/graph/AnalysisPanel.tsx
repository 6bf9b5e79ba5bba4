import { useMemo, useState } from 'react'
import type { GraphElements } from '../../shared/graph/derive'
import { metricExplanations, type GraphMetrics } from '../../shared/graph/metrics'
import { fieldColors } from '../../shared/model/vocabulary'
import type { RoomKind } from '../../shared/rooms'
import type { GraphLabels } from './labels'

/**
 * Figures of the whole graph (never the filtered view), each with its one Japanese sentence
 * from metricExplanations shown as text: a workshop reads the sentence, not a tooltip.
 */

type SortKey = 'name' | 'degree' | 'in' | 'out' | 'betweenness' | 'closeness'

function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–'
}

function Explain({ text }: { text: string }) {
  return <p className="graph-explain">{text}</p>
}

export function AnalysisPanel(props: {
  graph: GraphElements
  metrics: GraphMetrics
  kind: RoomKind
  L: GraphLabels
  selected: string | null
  onSelect: (id: string | null) => void
}) {
  const { graph, metrics, kind, L, selected, onSelect } = props
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.label])), [graph])
  const nodeById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph])
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'betweenness', desc: true })
  const net = metrics.network
  const nameList = (ids: string[]) => (ids.length === 0 ? L.noneFound : ids.map((id) => names.get(id) ?? id).join('、'))

  const rows = useMemo(() => {
    const list = graph.nodes.map((n) => ({ node: n, m: metrics.nodes.get(n.id) }))
    const value = (r: (typeof list)[number]): number | string => {
      const m = r.m
      switch (sort.key) {
        case 'name':
          return r.node.label
        case 'degree':
          return m?.degree.total ?? 0
        case 'in':
          return m?.degree.in ?? 0
        case 'out':
          return m?.degree.out ?? 0
        case 'betweenness':
          return m?.betweenness ?? 0
        case 'closeness':
          return m?.closeness ?? 0
      }
    }
    return list.sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      const c = typeof va === 'string' ? va.localeCompare(String(vb), 'ja') : va - (vb as number)
      return (sort.desc ? -c : c) || a.node.label.localeCompare(b.node.label, 'ja')
    })
  }, [graph, metrics, sort])

  const header = (key: SortKey, text: string, title?: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="graph-sort"
        title={title}
        data-sort={key}
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}
      >
        {text}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  )

  const sel = selected ? nodeById.get(selected) : undefined
  const selM = selected ? metrics.nodes.get(selected) : undefined
  const fm = metrics.fieldMatrix
  const index = new Map(fm.fields.map((f, i) => [f, i]))
  const gaps = metrics.gaps
  const hazama = gaps.filter((g) => g.hazama)
  const fragile = gaps.filter((g) => g.situation === 'fragile')

  return (
    <div className="graph-analysis" data-testid="graph-analysis">
      <section className="graph-selection" data-testid="graph-selection" aria-labelledby="graph-selection-heading">
        <h3 id="graph-selection-heading">{L.selected}</h3>
        {sel && selM ? (
          <>
            <p className="graph-selected-name" data-testid="graph-selected-name">
              <strong>{sel.label}</strong>
              {sel.kind === 'person' ? `（${L.personMark}）` : sel.level ? `（${sel.level}${sel.fields?.length ? '・' + sel.fields.join('／') : ''}）` : ''}
            </p>
            <dl className="graph-figures">
              <dt>{L.degree}</dt>
              <dd>
                {selM.degree.total}（{L.inDegree} {selM.degree.in} ／ {L.outDegree} {selM.degree.out}）
              </dd>
              <dt>{L.betweenness}</dt>
              <dd>{fmt(selM.betweenness)}</dd>
              <dt>{L.closeness}</dt>
              <dd>{fmt(selM.closeness)}</dd>
            </dl>
            {selM.articulationPoint && <p className="graph-warn">{L.articulationYes}</p>}
            <button type="button" className="link-button" onClick={() => onSelect(null)}>
              {L.clearSelection}
            </button>
          </>
        ) : (
          <p className="hint">{L.noSelection}</p>
        )}
      </section>

      {kind === 'case' && (
        <section className="graph-gaps" aria-labelledby="graph-hazama-heading">
          <h3 id="graph-hazama-heading">{L.hazama}</h3>
          <Explain text={metricExplanations.hazama} />
          <ul data-testid="hazama-list" className="graph-gap-list">
            {hazama.map((g) => (
              <li key={g.id} data-person-id={g.id}>
                <button type="button" className="link-button" onClick={() => onSelect(g.id)}>
                  {g.label}
                </button>
                ：{g.situation === 'no-formal-tie' ? L.noFormalTie : L.notInPlace}
                {g.uncoveredFields.length > 0 && `（${L.uncoveredFields}：${g.uncoveredFields.join('、')}）`}
              </li>
            ))}
            {hazama.length === 0 && <li className="none">{L.hazamaNone}</li>}
          </ul>
          <h4>{L.fragile}</h4>
          <Explain text={metricExplanations.fragile} />
          <ul data-testid="fragile-list" className="graph-gap-list">
            {fragile.map((g) => (
              <li key={g.id} data-person-id={g.id}>
                <button type="button" className="link-button" onClick={() => onSelect(g.id)}>
                  {g.label}
                </button>
                {g.uncoveredFields.length > 0 && `（${L.uncoveredFields}：${g.uncoveredFields.join('、')}）`}
              </li>
            ))}
            {fragile.length === 0 && <li className="none">{L.fragileNone}</li>}
          </ul>
        </section>
      )}

      <section aria-labelledby="graph-network-heading" data-testid="graph-network">
        <h3 id="graph-network-heading">{L.network}</h3>
        <p className="graph-basis">
          {L.metricsBasis}。{metricExplanations.countedTies}
        </p>
        <dl className="graph-figures wide">
          <dt>{L.nodeCount}</dt>
          <dd>{net.nodeCount}</dd>
          <dt>{L.tieCount}</dt>
          <dd>{net.tieCount}</dd>
          <dt>{L.density}</dt>
          <dd data-testid="graph-density">
            {fmt(net.density)}
            <Explain text={metricExplanations.density} />
          </dd>
          <dt>{L.components}</dt>
          <dd data-testid="graph-components">
            {net.components.length}
            <Explain text={metricExplanations.components} />
          </dd>
          <dt>{L.isolated}</dt>
          <dd data-testid="graph-isolated">
            {nameList(net.isolatedActors)}
            <Explain text={metricExplanations.isolated} />
          </dd>
          <dt>{L.articulationPoints}</dt>
          <dd data-testid="graph-articulation">
            {nameList(net.articulationPoints)}
            <Explain text={metricExplanations.articulationPoints} />
          </dd>
          <dt>{L.bridges}</dt>
          <dd data-testid="graph-bridges">
            {net.bridges.length === 0
              ? L.noneFound
              : net.bridges.map((b) => `${names.get(b.a) ?? b.a} – ${names.get(b.b) ?? b.b}`).join('、')}
            <Explain text={metricExplanations.bridges} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="graph-table-heading">
        <h3 id="graph-table-heading">{L.actorsTable}</h3>
        <p className="hint">{L.sortHint}</p>
        <table className="graph-table" data-testid="graph-metrics-table">
          <thead>
            <tr>
              {header('name', L.name)}
              {header('degree', L.degree, metricExplanations.degree)}
              {header('in', L.inDegree, metricExplanations.inDegree)}
              {header('out', L.outDegree, metricExplanations.outDegree)}
              {header('betweenness', L.betweenness, metricExplanations.betweenness)}
              {header('closeness', L.closeness, metricExplanations.closeness)}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, m }) => (
              <tr
                key={node.id}
                data-record-id={node.id}
                className={node.id === selected ? 'chosen' : undefined}
                onClick={() => onSelect(node.id)}
              >
                <th scope="row">
                  <span className="graph-swatch" style={{ background: node.color }} aria-hidden="true" />
                  {node.label}
                  {node.kind === 'person' && <span className="graph-person-mark">（{L.personMark}）</span>}
                </th>
                <td>{m?.degree.total ?? 0}</td>
                <td>{m?.degree.in ?? 0}</td>
                <td>{m?.degree.out ?? 0}</td>
                <td>{fmt(m?.betweenness ?? 0)}</td>
                <td>{fmt(m?.closeness ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="graph-explanations" open>
          <summary>{L.explanations}</summary>
          <dl>
            <dt>{L.degree}</dt>
            <dd>{metricExplanations.degree}</dd>
            <dt>{L.inDegree}</dt>
            <dd>{metricExplanations.inDegree}</dd>
            <dt>{L.outDegree}</dt>
            <dd>{metricExplanations.outDegree}</dd>
            <dt>{L.betweenness}</dt>
            <dd>{metricExplanations.betweenness}</dd>
            <dt>{L.closeness}</dt>
            <dd>{metricExplanations.closeness}</dd>
          </dl>
        </details>
      </section>

      <section aria-labelledby="graph-matrix-heading">
        <h3 id="graph-matrix-heading">{L.fieldMatrix}</h3>
        <Explain text={metricExplanations.fieldMatrix} />
        {fm.present.length === 0 ? (
          <p className="hint">{L.fieldMatrixEmpty}</p>
        ) : (
          <div className="graph-matrix-wrap">
            <table className="graph-matrix" data-testid="field-matrix">
              <thead>
                <tr>
                  <th />
                  {fm.present.map((f) => (
                    <th key={f} scope="col" className="graph-matrix-col">
                      <span style={{ borderColor: fieldColors[f] }}>{f}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fm.present.map((r) => (
                  <tr key={r}>
                    <th scope="row">
                      <span style={{ borderColor: fieldColors[r] }}>{r}</span>
                    </th>
                    {fm.present.map((c) => {
                      const v = fm.counts[index.get(r)!][index.get(c)!]
                      const zero = v === 0 && r !== c
                      return (
                        <td key={c} className={zero ? 'zero' : r === c ? 'diag' : undefined} title={zero ? '分野がつながっていない' : undefined}>
                          {v}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h4>{L.unconnected}</h4>
        <Explain text={metricExplanations.unconnectedFieldPairs} />
        <ul className="graph-unconnected" data-testid="unconnected-fields">
          {fm.unconnectedPairs.map(([a, b]) => (
            <li key={`${a}|${b}`}>
              {a} × {b}：分野がつながっていない
            </li>
          ))}
          {fm.unconnectedPairs.length === 0 && <li className="none">{L.noneFound}</li>}
        </ul>
      </section>
    </div>
  )
}
