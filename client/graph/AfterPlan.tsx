import type { GraphMetrics } from '../../shared/graph/metrics'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { graphText } from './labels'

/**
 * The network as it will be once the support plan's planned ties exist, beside the network of
 * today: the figures that say whether the plan closes the gaps the group found (who stops being
 * isolated, whether a single agency is still the only link between parts of the network).
 */
export function AfterPlan({ now, afterPlan, nameOf }: { now: GraphMetrics; afterPlan: GraphMetrics; nameOf: (id: string) => string }) {
  const L = useCatalog(graphText)
  const a = now.network
  const b = afterPlan.network
  const plannedTies = b.tieCount - a.tieCount
  const connected = a.isolatedActors.filter((id) => !b.isolatedActors.includes(id))
  const rows: [string, string | number, string | number][] = [
    [L.tieCount, a.tieCount, b.tieCount],
    [L.density, a.density.toFixed(2), b.density.toFixed(2)],
    [L.components, a.components.length, b.components.length],
    [L.isolatedCount, a.isolatedActors.length, b.isolatedActors.length],
    [L.cutPointCount, a.articulationPoints.length, b.articulationPoints.length],
  ]
  return (
    <section aria-labelledby="graph-after-plan-heading" data-testid="graph-after-plan">
      <h3 id="graph-after-plan-heading">{L.afterPlan}</h3>
      <p className="graph-basis">{L.afterPlanIntro}</p>
      {plannedTies === 0 ? (
        <p className="graph-explain">{L.planAddsNothing}</p>
      ) : (
        <>
          <table className="graph-after-plan">
            <thead>
              <tr>
                <th scope="col">{L.figure}</th>
                <th scope="col">{L.now}</th>
                <th scope="col">{L.planned}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, before, after]) => (
                <tr key={label} className={String(before) === String(after) ? undefined : 'changed'}>
                  <th scope="row">{label}</th>
                  <td>{before}</td>
                  <td>{after}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {connected.length > 0 && (
            <p className="graph-explain" data-testid="graph-after-plan-connected">
              {fill(L.noLongerIsolated, { names: connected.map(nameOf).join(L.listSeparator) })}
            </p>
          )}
        </>
      )}
    </section>
  )
}
