/**
 * The analysis panel's weighted and structural sections: support and influence (ties weighted
 * by strength, stressful ties apart), グループ (Louvain communities, optional node colouring)
 * and core / periphery (k-core). Split from AnalysisPanel.tsx, which composes the panel.
 */
import type { GraphElements } from '../../shared/graph/derive'
import type { GraphMetrics } from '../../shared/graph/metrics'
import { analysisPanelCatalog, metricExplanationCatalog } from '../../shared/i18n/analysis'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { relationTypeCatalog } from '../../shared/i18n/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { Explain, fmt } from './Explain'
import { communityColor } from './communityColors'
import { graphText } from './labels'

/** How many nodes the support section names, strongest or most influential first. */
const TOP_INFLUENCE = 5

export function StructureSections(props: {
  metrics: GraphMetrics
  graph: GraphElements
  names: Map<string, string>
  nameList: (ids: string[]) => string
  byCommunity: boolean
  onByCommunity: (on: boolean) => void
}) {
  const { metrics, graph, names, nameList, byCommunity, onByCommunity } = props
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const explain = useCatalog(metricExplanationCatalog)
  const A = useCatalog(analysisPanelCatalog)
  const net = metrics.network
  const topBy = (key: 'eigenvector' | 'supportStrength') =>
    [...metrics.nodes]
      .filter(([, m]) => m[key] > 0)
      .sort((x, y) => y[1][key] - x[1][key] || (x[0] < y[0] ? -1 : 1))
      .slice(0, TOP_INFLUENCE)
      .map(([id]) => id)
  const influential = topBy('eigenvector')
  const strongest = topBy('supportStrength')
  const typeOf = new Map(graph.edges.map((e) => [e.id, e.type]))

  return (
    <>
      <section aria-labelledby="graph-support-heading" data-testid="graph-support">
        <h3 id="graph-support-heading">{A.support}</h3>
        <p className="graph-basis">{A.supportBasis}</p>
        <dl className="graph-figures stacked">
          <dt>{A.eigenvector}</dt>
          <dd data-testid="graph-influence">
            {influential.length === 0 ? L.noneFound : fill(A.topInfluence, { names: nameList(influential) })}
            <Explain text={explain.eigenvector} />
          </dd>
          <dt>{A.supportStrength}</dt>
          <dd data-testid="graph-support-strength">
            {strongest.length === 0 ? L.noneFound : fill(A.topSupport, { names: nameList(strongest) })}
            <Explain text={explain.supportStrength} />
          </dd>
          <dt>{A.stressfulTies}</dt>
          <dd data-testid="graph-stressful">
            {net.stressfulTies.length === 0
              ? L.noneFound
              : net.stressfulTies
                  .map((t) =>
                    fill(A.stressfulTie, { a: names.get(t.a) ?? t.a, b: names.get(t.b) ?? t.b, type: labelOf(relationTypeCatalog, lang, typeOf.get(t.id) ?? '') }),
                  )
                  .join(L.listSeparator)}
            <Explain text={explain.stressfulTies} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="graph-communities-heading" data-testid="graph-communities">
        <h3 id="graph-communities-heading">{A.communities}</h3>
        <Explain text={explain.communities} />
        <label className="graph-check">
          <input type="checkbox" data-testid="graph-color-by-community" checked={byCommunity} onChange={(e) => onByCommunity(e.target.checked)} />
          {A.colorByCommunity}
        </label>
        {byCommunity && <p className="hint">{A.colorByCommunityNote}</p>}
        {net.communities.length === 0 ? (
          <p className="hint">{A.communitiesNone}</p>
        ) : (
          <>
            <ul className="graph-community-list" data-testid="graph-community-list">
              {net.communities.map((members, i) => (
                <li key={members[0]} data-community={i}>
                  <span className="graph-swatch" style={{ background: communityColor(i) }} aria-hidden="true" />
                  {fill(A.communityMembers, { group: fill(A.community, { n: i + 1 }), names: nameList(members) })}
                </li>
              ))}
            </ul>
            <p className="graph-explain" data-testid="graph-modularity">
              {fill(A.modularity, { value: fmt(net.modularity) })} {explain.modularity}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="graph-kcore-heading" data-testid="graph-kcore">
        <h3 id="graph-kcore-heading">{A.kcore}</h3>
        <Explain text={explain.kcore} />
        {net.core.length === 0 ? (
          <p className="hint" data-testid="graph-core">{A.noCore}</p>
        ) : (
          <dl className="graph-figures stacked">
            <dt>{fill(A.core, { k: net.maxCore })}</dt>
            <dd data-testid="graph-core">{nameList(net.core)}</dd>
            <dt>{A.periphery}</dt>
            <dd data-testid="graph-periphery">{nameList(net.periphery)}</dd>
          </dl>
        )}
      </section>
    </>
  )
}
