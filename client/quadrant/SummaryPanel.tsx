import type { GapFlag, QuadrantSummary } from '../../shared/quadrant/summary'
import { orphanGroupColor, quadrantIds, refGroups } from '../../shared/quadrant/vocabulary'
import { fill, type Lang } from '../../shared/i18n/catalog'
import { quadrantTextCatalog } from '../../shared/i18n/quadrant'
import { useCatalog, useI18n } from '../i18n'
import { refGroupColors } from './Diagram'
import { quadrantName, quadrantText, refGroupMark, refGroupName } from './labels'
import { cardText } from './referenceText'

interface SummaryPanelProps {
  /** The board shown (one group, or all groups in the plenary). */
  summary: QuadrantSummary
  /** Departments expected (e.g. from the participant list) that have no card anywhere yet; null: none expected. */
  missingOrgs: string[] | null
  plenary: boolean
  onFocusCard: (id: string) => void
}

/** The summary's sentence about an empty or thin quadrant (shared/quadrant/summary.ts). */
export function gapMessage(gap: GapFlag, lang: Lang): string {
  return lang === 'en' ? gap.messageEn : gap.message
}

/**
 * What the group looks at while it places cards: recomputed from the document on every change,
 * so everyone in the room sees the same numbers a moment after any card moves.
 */
export function SummaryPanel({ summary, missingOrgs, plenary, onFocusCard }: SummaryPanelProps) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const orphanGroup = useCatalog(quadrantTextCatalog).orphanGroup
  const gapOf = new Map(summary.gaps.map((g) => [g.quadrant, g]))
  const voted = [...summary.classification.keys()]
    .map((card) => ({ card, votes: summary.votes.perCard.get(card.id) ?? 0 }))
    .filter((v) => v.votes > 0)
    .sort((a, b) => b.votes - a.votes || (a.card.createdAt < b.card.createdAt ? -1 : 1))
    .slice(0, 5)

  return (
    <section className="qv-section qv-summary" aria-labelledby="qv-summary-heading" data-testid="quadrant-summary">
      <h3 id="qv-summary-heading">
        {L.summaryHeading} <span className="qv-muted">{fill(L.total, { count: summary.total })}</span>
      </h3>

      <table className="qv-table">
        <caption>{L.perQuadrant}</caption>
        <thead>
          <tr>
            <th scope="col">{L.quadrantCol}</th>
            <th scope="col" className="num">
              {L.cardsCol}
            </th>
            <th scope="col" className="num">
              {L.votesCol}
            </th>
          </tr>
        </thead>
        <tbody>
          {quadrantIds.map((q) => {
            const gap = gapOf.get(q)
            return (
              <tr
                key={q}
                className={gap ? `qv-row-${gap.kind}` : undefined}
                data-testid={`summary-${q}`}
                data-count={summary.quadrants[q].cards.length}
                data-gap={gap?.kind ?? ''}
              >
                <th scope="row">
                  {quadrantName(q, lang)}
                  {gap && <span className={`qv-gap-badge inline ${gap.kind}`}>{gap.kind === 'empty' ? L.empty : L.thin}</span>}
                </th>
                <td className="num">{summary.quadrants[q].cards.length}</td>
                <td className="num">{summary.quadrants[q].votes}</td>
              </tr>
            )
          })}
          <tr data-testid="summary-on-axis" data-count={summary.onAxis.length}>
            <th scope="row" className="qv-muted">
              {L.onAxis}
            </th>
            <td className="num">{summary.onAxis.length}</td>
            <td className="num" />
          </tr>
        </tbody>
      </table>
      {summary.gaps.length > 0 && (
        <ul className="qv-gaps" data-testid="summary-gaps">
          {summary.gaps.map((g) => (
            <li key={g.quadrant} className={g.kind}>
              <strong>{g.kind === 'empty' ? L.empty : L.thin}</strong> {gapMessage(g, lang)}
            </li>
          ))}
        </ul>
      )}

      {missingOrgs !== null && (
        <>
          <h4>{L.missingOrgs}</h4>
          {missingOrgs.length === 0 ? (
            <p className="qv-muted">{L.missingOrgsNone}</p>
          ) : (
            <ul className="qv-chips" data-testid="summary-missing-orgs">
              {missingOrgs.map((org) => (
                <li key={org} className="qv-chip warn">
                  {org}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h4>{L.perOrg}</h4>
      {summary.byOrg.length === 0 ? (
        <p className="qv-muted">{L.none}</p>
      ) : (
        <CountList rows={summary.byOrg.map((o) => ({ key: o.org, label: o.org, count: o.cards.length }))} testId="summary-orgs" />
      )}

      {plenary && (
        <>
          <h4>{L.perGroup}</h4>
          {summary.byGroup.length === 0 ? (
            <p className="qv-muted">{L.none}</p>
          ) : (
            <CountList
              rows={summary.byGroup.map((g) => ({
                key: g.groupId,
                label: g.group?.name ?? orphanGroup,
                count: g.cards.length,
                color: g.group?.color ?? orphanGroupColor,
              }))}
              testId="summary-groups"
            />
          )}
        </>
      )}

      <h4>{L.perRefGroup}</h4>
      <CountList
        rows={[
          ...refGroups.map((g) => ({
            key: g,
            label: `${refGroupMark[g]} ${refGroupName(g, lang)}`,
            count: summary.byRefGroup[g].length,
            color: refGroupColors[g],
          })),
          { key: 'none', label: L.refGroupNoneRow, count: summary.byRefGroup.none.length },
        ]}
        testId="summary-refgroups"
      />

      <h4>{L.topVoted}</h4>
      {voted.length === 0 ? (
        <p className="qv-muted">{L.noVotes}</p>
      ) : (
        <ol className="qv-top" data-testid="summary-top-voted">
          {voted.map(({ card, votes }) => (
            <li key={card.id}>
              <button type="button" className="qv-linklike" onClick={() => onFocusCard(card.id)}>
                {shortText(cardText(card, lang))}
              </button>
              <span className="qv-count">{fill(L.votes, { votes })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function shortText(text: string): string {
  const chars = [...text]
  return chars.length > 40 ? chars.slice(0, 39).join('') + '…' : text
}

function CountList({ rows, testId }: { rows: { key: string; label: string; count: number; color?: string }[]; testId: string }) {
  return (
    <ul className="qv-counts" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key} data-count={r.count}>
          {r.color && <span className="qv-dot" style={{ background: r.color }} aria-hidden="true" />}
          <span className="qv-count-label">{r.label}</span>
          <span className="qv-count">{r.count}</span>
        </li>
      ))}
    </ul>
  )
}

/** Above the plenary's diagram: each group's colour, name and number of cards. */
export function PlenaryLegend({ summary }: { summary: QuadrantSummary }) {
  const L = useCatalog(quadrantText)
  const orphanGroup = useCatalog(quadrantTextCatalog).orphanGroup
  return (
    <p className="qv-legend" data-testid="plenary-legend">
      {L.plenaryNote}{' '}
      {summary.byGroup.map((g) => (
        <span key={g.groupId} className="qv-legend-item">
          <span className="qv-dot" style={{ background: g.group?.color ?? orphanGroupColor }} aria-hidden="true" />
          {fill(L.legendItem, { group: g.group?.name ?? orphanGroup, count: g.cards.length })}
        </span>
      ))}
    </p>
  )
}
