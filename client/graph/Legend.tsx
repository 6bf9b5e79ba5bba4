/**
 * 凡例: what the shapes, dashes and colours of the graph mean. The ties are the one legend every
 * view shares (shared/legend/legend.ts: the same samples and words as the board's legend); the
 * marks only the graph draws (family ties, cut points, 記録と比較) are listed when drawn.
 */
import type { GraphElements } from '../../shared/graph/derive'
import { describeTie, legendText } from '../../shared/legend/labels'
import { familyTie, graphTieStyle, tieLegend, tieLegendKeys, tieSamplePath, tieStyle, type TieStyle } from '../../shared/legend/legend'
import { useCatalog } from '../i18n'
import { graphText } from './labels'
import { ADDED_COLOR, GHOST_BORDER, GHOST_FILL, LOST_COLOR, SAME_OPACITY } from './overlayStyle'

/** The graph's own marks that the drawn graph has: the legend lists only these. */
export interface GraphMarks {
  family: boolean
  cut: boolean
}

export function graphMarks(graph: Pick<GraphElements, 'nodes' | 'edges'>, cutPoints: readonly string[]): GraphMarks {
  const cuts = new Set(cutPoints)
  return { family: graph.edges.some((e) => e.type === familyTie.type), cut: graph.nodes.some((n) => cuts.has(n.id)) }
}

function TieSample({ style }: { style: TieStyle }) {
  return (
    <svg width="40" height="14" aria-hidden="true" data-color={style.color} data-dash={style.dash ?? ''}>
      <path d={tieSamplePath(style, 40, 14)} fill="none" stroke={style.color} strokeWidth={style.width} strokeDasharray={style.dash ?? undefined} strokeLinecap={style.lineCap} strokeLinejoin="round" />
    </svg>
  )
}

/** `comparing`: a record is compared (記録と比較), and its overlay is explained too. */
export function Legend({ comparing = false, marks = { family: false, cut: false } }: { comparing?: boolean; marks?: GraphMarks }) {
  const L = useCatalog(graphText)
  const T = useCatalog(legendText)
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
        {marks.cut && (
          <li data-mark="cut">
            <svg width="16" height="14" aria-hidden="true">
              <rect x="1" y="1" width="14" height="12" rx="3" fill="#6b7a8c" stroke="#1d2430" strokeWidth="1.2" />
              <rect x="3.2" y="3.2" width="9.6" height="7.6" rx="2" fill="none" stroke="#1d2430" strokeWidth="1.2" />
            </svg>
            {T.cutPoint}
          </li>
        )}
        {tieLegendKeys.map((key) => (
          <li key={key} data-tie={key}>
            <TieSample style={tieStyle(tieLegend[key])} />
            {describeTie(key, T)}
          </li>
        ))}
        {marks.family && (
          <li data-tie="family">
            <TieSample style={graphTieStyle({ ...tieLegend.existing, type: familyTie.type })} />
            {describeTie('family', T)}
          </li>
        )}
        <li>{L.legendArrow}</li>
      </ul>
      {comparing && (
        <ul className="graph-legend-compare" data-testid="graph-legend-compare">
          <li>
            <strong>{L.legendCompare}</strong>
          </li>
          <li>
            {line(ADDED_COLOR, undefined, 5)}
            {L.legendCompareAdded}
          </li>
          <li>
            <svg width="34" height="12" aria-hidden="true">
              <line x1="1" y1="6" x2="33" y2="6" stroke={ADDED_COLOR} strokeOpacity="0.25" strokeWidth="10" strokeLinecap="round" />
              <line x1="1" y1="6" x2="33" y2="6" stroke={ADDED_COLOR} strokeWidth="2.5" strokeLinecap="round" />
            </svg>
            {L.legendCompareProgress}
          </li>
          <li>
            {line(LOST_COLOR)}
            {L.legendCompareLoss}
          </li>
          <li>
            <span style={{ opacity: 0.65, display: 'inline-flex' }}>{line(LOST_COLOR, '7 4')}</span>
            {L.legendCompareRemoved}
          </li>
          <li>
            <svg width="16" height="14" aria-hidden="true">
              <rect x="2" y="2" width="12" height="10" rx="3" fill="#6b7a8c" stroke={ADDED_COLOR} strokeWidth="2.5" />
            </svg>
            {L.legendCompareNodeAdded}
          </li>
          <li>
            <svg width="16" height="14" aria-hidden="true">
              <rect x="1.5" y="1.5" width="13" height="11" rx="3" fill={GHOST_FILL} stroke={GHOST_BORDER} strokeDasharray="2.5 2" />
            </svg>
            {L.legendCompareNodeRemoved}
          </li>
          <li>
            <svg width="16" height="14" aria-hidden="true" opacity={SAME_OPACITY}>
              <rect x="1" y="1" width="14" height="12" rx="3" fill="#6b7a8c" />
            </svg>
            {L.legendCompareSame}
          </li>
        </ul>
      )}
    </div>
  )
}
