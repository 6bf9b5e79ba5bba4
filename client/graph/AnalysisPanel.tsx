import { useMemo, useRef, useState } from 'react'
import type { GraphElements, GraphNode } from '../../shared/graph/derive'
import type { GraphMetrics } from '../../shared/graph/metrics'
import { analysisPanelCatalog, gapSituationCatalog, metricExplanationCatalog } from '../../shared/i18n/analysis'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { fieldCatalog, levelCatalog } from '../../shared/i18n/vocabulary'
import { fieldColors } from '../../shared/model/vocabulary'
import type { RoomKind } from '../../shared/rooms'
import { useCatalog, useI18n } from '../i18n'
import { graphText } from './labels'
import { AfterPlan } from './AfterPlan'
import { communityColor } from './communityColors'
import { nodeLabel } from './elements'
import { Explain, fmt } from './Explain'
import { StructureSections } from './StructureSections'
import './analysis.css'

/**
 * Figures of the whole graph (never the filtered view), each with its one plain sentence
 * from metricExplanationCatalog shown as text: a workshop reads the sentence, not a tooltip.
 * Lists say what they hold: persons are never listed as 機関 (cut points are shown apart by
 * kind), and the isolated agencies say that planned and missing ties are not counted, with a
 * way to the 計画が実現した後 figures.
 */

type SortKey = 'name' | 'degree' | 'in' | 'out' | 'support' | 'eigenvector' | 'betweenness' | 'closeness'

export function AnalysisPanel(props: {
  graph: GraphElements
  metrics: GraphMetrics
  /** The same figures with planned ties counted too (the network once the plan is in place). */
  afterPlan: GraphMetrics
  kind: RoomKind
  selected: string | null
  onSelect: (id: string | null) => void
  /** Nodes coloured by グループ (community) instead of by field. */
  byCommunity: boolean
  onByCommunity: (on: boolean) => void
}) {
  const { graph, metrics, kind, selected, onSelect, byCommunity, onByCommunity } = props
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const explain = useCatalog(metricExplanationCatalog)
  const A = useCatalog(analysisPanelCatalog)
  const afterPlanRef = useRef<HTMLDivElement>(null)
  // Names as shown: an agency's as written, a person's role in the participant's language.
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, nodeLabel(n, lang)])), [graph, lang])
  const nodeById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph])
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'betweenness', desc: true })
  const net = metrics.network
  const nameOf = (n: GraphNode) => names.get(n.id) ?? n.label
  const nameList = (ids: string[]) => (ids.length === 0 ? L.noneFound : ids.map((id) => names.get(id) ?? id).join(L.listSeparator))
  const fieldName = (f: string) => labelOf(fieldCatalog, lang, f)
  const fieldList = (list: readonly string[]) => list.map(fieldName).join(L.listSeparator)
  const actorFacts = (n: GraphNode) => {
    const level = labelOf(levelCatalog, lang, n.level ?? '')
    return n.fields?.length ? fill(L.levelAndFields, { level, fields: n.fields.map(fieldName).join(L.fieldSeparator) }) : level
  }

  const rows = useMemo(() => {
    const shownName = (n: GraphNode) => names.get(n.id) ?? n.label
    const list = graph.nodes.map((n) => ({ node: n, m: metrics.nodes.get(n.id) }))
    const value = (r: (typeof list)[number]): number | string => {
      const m = r.m
      switch (sort.key) {
        case 'name':
          return shownName(r.node)
        case 'degree':
          return m?.degree.total ?? 0
        case 'in':
          return m?.degree.in ?? 0
        case 'out':
          return m?.degree.out ?? 0
        case 'support':
          return m?.supportStrength ?? 0
        case 'eigenvector':
          return m?.eigenvector ?? 0
        case 'betweenness':
          return m?.betweenness ?? 0
        case 'closeness':
          return m?.closeness ?? 0
      }
    }
    return list.sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      const c = typeof va === 'string' ? va.localeCompare(String(vb), lang) : va - (vb as number)
      return (sort.desc ? -c : c) || shownName(a.node).localeCompare(shownName(b.node), lang)
    })
  }, [graph, metrics, sort, names, lang])

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
  const cutActors = net.articulationPoints.filter((id) => nodeById.get(id)?.kind !== 'person')
  const cutPersons = net.articulationPoints.filter((id) => nodeById.get(id)?.kind === 'person')
  // Isolated agencies by what the plan holds for them: a planned tie is on its way, a missing one is not.
  const isolatedPlanned = net.isolatedActors.filter((id) => (metrics.nodes.get(id)?.degree.byStatus.planned ?? 0) > 0)
  const isolatedMissing = net.isolatedActors.filter(
    (id) => !isolatedPlanned.includes(id) && (metrics.nodes.get(id)?.degree.byStatus.missing ?? 0) > 0,
  )
  const showAfterPlan = () => {
    const target = afterPlanRef.current
    if (!target) return
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    target.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' })
    target.focus({ preventScroll: true })
  }

  return (
    <div className="graph-analysis" data-testid="graph-analysis">
      <section className="graph-selection" data-testid="graph-selection" aria-labelledby="graph-selection-heading">
        <h3 id="graph-selection-heading">{L.selected}</h3>
        {sel && selM ? (
          <>
            <p className="graph-selected-name" data-testid="graph-selected-name">
              <strong>{nameOf(sel)}</strong>
              {sel.kind === 'person' ? L.personMark : sel.level ? fill(L.actorFacts, { facts: actorFacts(sel) }) : ''}
            </p>
            <dl className="graph-figures">
              <dt>{L.degree}</dt>
              <dd>{fill(L.degreeDetail, { total: selM.degree.total, in: selM.degree.in, out: selM.degree.out })}</dd>
              <dt>{L.betweenness}</dt>
              <dd>{fmt(selM.betweenness)}</dd>
              <dt>{L.closeness}</dt>
              <dd>{fmt(selM.closeness)}</dd>
              <dt>{A.supportStrength}</dt>
              <dd data-testid="graph-selected-support">{selM.supportStrength}</dd>
              <dt>{A.eigenvector}</dt>
              <dd data-testid="graph-selected-eigenvector">{fmt(selM.eigenvector)}</dd>
              <dt>{A.coreNumber}</dt>
              <dd>
                {net.core.includes(sel.id)
                  ? fill(A.coreNumberWhere, { k: selM.core, where: A.inCore })
                  : net.periphery.includes(sel.id)
                    ? fill(A.coreNumberWhere, { k: selM.core, where: A.inPeriphery })
                    : selM.core}
              </dd>
              <dt>{A.communityOf}</dt>
              <dd>
                {selM.community >= 0 ? (
                  <>
                    <span className="graph-swatch" style={{ background: communityColor(selM.community) }} aria-hidden="true" />
                    {fill(A.community, { n: selM.community + 1 })}
                  </>
                ) : (
                  A.communityNone
                )}
              </dd>
            </dl>
            {selM.stressfulTies > 0 && <p className="graph-warn">{fill(A.stressfulCount, { n: selM.stressfulTies })}</p>}
            {selM.articulationPoint && <p className="graph-warn">{sel.kind === 'person' ? A.articulationPersonYes : L.articulationYes}</p>}
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
          <Explain text={explain.hazama} />
          <ul data-testid="hazama-list" className="graph-gap-list">
            {hazama.map((g) => (
              <li key={g.id} data-person-id={g.id}>
                <button type="button" className="link-button" onClick={() => onSelect(g.id)}>
                  {names.get(g.id) ?? g.label}
                </button>
                {fill(L.gapSituation, { situation: labelOf(gapSituationCatalog, lang, g.situation) })}
                {g.uncoveredFields.length > 0 && fill(L.uncoveredFields, { fields: fieldList(g.uncoveredFields) })}
              </li>
            ))}
            {hazama.length === 0 && <li className="none">{L.hazamaNone}</li>}
          </ul>
          <h4>{L.fragile}</h4>
          <Explain text={explain.fragile} />
          <ul data-testid="fragile-list" className="graph-gap-list">
            {fragile.map((g) => (
              <li key={g.id} data-person-id={g.id}>
                <button type="button" className="link-button" onClick={() => onSelect(g.id)}>
                  {names.get(g.id) ?? g.label}
                </button>
                {g.uncoveredFields.length > 0 && fill(L.uncoveredFields, { fields: fieldList(g.uncoveredFields) })}
              </li>
            ))}
            {fragile.length === 0 && <li className="none">{L.fragileNone}</li>}
          </ul>
        </section>
      )}

      <section aria-labelledby="graph-network-heading" data-testid="graph-network">
        <h3 id="graph-network-heading">{L.network}</h3>
        <p className="graph-basis">{fill(L.metricsBasis, { countedTies: explain.countedTies })}</p>
        <dl className="graph-figures wide">
          <dt>{L.nodeCount}</dt>
          <dd>{net.nodeCount}</dd>
          <dt>{L.tieCount}</dt>
          <dd>{net.tieCount}</dd>
          <dt>{L.density}</dt>
          <dd data-testid="graph-density">
            {fmt(net.density)}
            <Explain text={explain.density} />
          </dd>
          <dt>{L.components}</dt>
          <dd data-testid="graph-components">
            {net.components.length}
            <Explain text={explain.components} />
          </dd>
          <dt>{L.isolated}</dt>
          <dd data-testid="graph-isolated">
            <span data-testid="graph-isolated-names">{nameList(net.isolatedActors)}</span>
            <p className="graph-basis" data-testid="graph-isolated-basis">
              <span className="graph-basis-line">{A.isolatedNotCounted}</span>
              {isolatedPlanned.length > 0 && <span className="graph-basis-line">{fill(A.isolatedWithPlanned, { names: nameList(isolatedPlanned) })}</span>}
              {isolatedMissing.length > 0 && <span className="graph-basis-line">{fill(A.isolatedMissingOnly, { names: nameList(isolatedMissing) })}</span>}
            </p>
            <Explain text={explain.isolated} />
            <button type="button" className="link-button graph-after-plan-link" data-testid="graph-show-after-plan" onClick={showAfterPlan}>
              {A.showAfterPlan}
            </button>
          </dd>
          <dt>{A.articulationActors}</dt>
          <dd data-testid="graph-articulation">
            {nameList(cutActors)}
            <Explain text={explain.articulationPoints} />
          </dd>
          {cutPersons.length > 0 && (
            <>
              <dt>{A.articulationPersons}</dt>
              <dd data-testid="graph-articulation-persons">
                {nameList(cutPersons)}
                <Explain text={explain.articulationPersons} />
              </dd>
            </>
          )}
          <dt>{L.bridges}</dt>
          <dd data-testid="graph-bridges">
            {net.bridges.length === 0
              ? L.noneFound
              : net.bridges.map((b) => `${names.get(b.a) ?? b.a} – ${names.get(b.b) ?? b.b}`).join(L.listSeparator)}
            <Explain text={explain.bridges} />
          </dd>
        </dl>
      </section>

      <StructureSections metrics={metrics} graph={graph} names={names} nameList={nameList} byCommunity={byCommunity} onByCommunity={onByCommunity} />

      <div ref={afterPlanRef} tabIndex={-1} className="graph-after-plan-target">
        <AfterPlan now={metrics} afterPlan={props.afterPlan} nameOf={(id) => names.get(id) ?? id} />
      </div>

      <section aria-labelledby="graph-table-heading">
        <h3 id="graph-table-heading">{L.actorsTable}</h3>
        <p className="hint">{L.sortHint}</p>
        <table className="graph-table" data-testid="graph-metrics-table">
          <thead>
            <tr>
              {header('name', L.name)}
              {header('degree', L.degree, explain.degree)}
              {header('in', L.inDegree, explain.inDegree)}
              {header('out', L.outDegree, explain.outDegree)}
              {header('support', A.supportStrengthShort, explain.supportStrength)}
              {header('eigenvector', A.eigenvectorShort, explain.eigenvector)}
              {header('betweenness', L.betweenness, explain.betweenness)}
              {header('closeness', L.closeness, explain.closeness)}
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
                  {nameOf(node)}
                  {node.kind === 'person' && <span className="graph-person-mark">{L.personMark}</span>}
                </th>
                <td>{m?.degree.total ?? 0}</td>
                <td>{m?.degree.in ?? 0}</td>
                <td>{m?.degree.out ?? 0}</td>
                <td>{m?.supportStrength ?? 0}</td>
                <td>{fmt(m?.eigenvector ?? 0)}</td>
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
            <dd>{explain.degree}</dd>
            <dt>{L.inDegree}</dt>
            <dd>{explain.inDegree}</dd>
            <dt>{L.outDegree}</dt>
            <dd>{explain.outDegree}</dd>
            <dt>{A.supportStrengthShort}</dt>
            <dd>{explain.supportStrength}</dd>
            <dt>{A.eigenvectorShort}</dt>
            <dd>{explain.eigenvector}</dd>
            <dt>{L.betweenness}</dt>
            <dd>{explain.betweenness}</dd>
            <dt>{L.closeness}</dt>
            <dd>{explain.closeness}</dd>
          </dl>
        </details>
      </section>

      <section aria-labelledby="graph-matrix-heading">
        <h3 id="graph-matrix-heading">{L.fieldMatrix}</h3>
        <Explain text={explain.fieldMatrix} />
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
                      <span style={{ borderColor: fieldColors[f] }}>{fieldName(f)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fm.present.map((r) => (
                  <tr key={r}>
                    <th scope="row">
                      <span style={{ borderColor: fieldColors[r] }}>{fieldName(r)}</span>
                    </th>
                    {fm.present.map((c) => {
                      const v = fm.counts[index.get(r)!][index.get(c)!]
                      const zero = v === 0 && r !== c
                      return (
                        <td key={c} className={zero ? 'zero' : r === c ? 'diag' : undefined} title={zero ? L.fieldsNotTied : undefined}>
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
        <Explain text={explain.unconnectedFieldPairs} />
        <ul className="graph-unconnected" data-testid="unconnected-fields">
          {fm.unconnectedPairs.map(([a, b]) => (
            <li key={`${a}|${b}`}>
              {fill(L.unconnectedPair, { a: fieldName(a), b: fieldName(b) })}
            </li>
          ))}
          {fm.unconnectedPairs.length === 0 && <li className="none">{L.noneFound}</li>}
        </ul>
      </section>
    </div>
  )
}
