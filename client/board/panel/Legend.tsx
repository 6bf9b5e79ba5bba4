import { describeTie, legendText } from '../../../shared/legend/labels'
import { tieLegend, tieLegendKeys, tieSamplePath, tieStyle, type TieStyle } from '../../../shared/legend/legend'
import { useCatalog } from '../../i18n'
import { boardText } from '../board-labels'

/** A tie's sample, drawn with the stroke the board's arrow gets (shared/legend/legend.ts). */
export function LineSample({ style }: { style: TieStyle }) {
  return (
    <svg className="legend-line" viewBox="0 0 64 18" aria-hidden="true" data-color={style.color} data-dash={style.dash ?? ''}>
      <path d={tieSamplePath(style, 54, 18, 'board')} stroke={style.color} strokeWidth={style.width} strokeDasharray={style.dash ?? undefined} fill="none" strokeLinecap={style.lineCap} />
      <path d="M52 4 L62 9 L52 14 z" fill={style.color} />
    </svg>
  )
}

/** The eco-map conventions of the cards (card-shapes.tsx) and of the ties: the one legend every view shares. */
export function Legend() {
  const B = useCatalog(boardText)
  const T = useCatalog(legendText)
  return (
    <details className="board-legend" data-testid="board-legend" open>
      <summary>{B.legendHeading}</summary>
      <h3>{B.legendCards}</h3>
      <ul>
        <li>
          <span className="legend-card formal" aria-hidden="true" />
          {B.legendFormal}
        </li>
        <li>
          <span className="legend-card informal" aria-hidden="true" />
          {B.legendInformal}
        </li>
        <li>
          <span className="legend-card stripe" aria-hidden="true" />
          {B.legendColour}
        </li>
        <li>
          <span className="legend-card person" aria-hidden="true" />
          {B.legendPerson}
        </li>
      </ul>
      <h3>{B.legendLines}</h3>
      <ul>
        {tieLegendKeys.map((key) => (
          <li key={key} data-tie={key}>
            <LineSample style={tieStyle(tieLegend[key])} />
            {describeTie(key, T, 'board')}
          </li>
        ))}
      </ul>
      <p className="hint">{B.legendDirection}</p>
      <p className="hint">{B.legendHowTo}</p>
    </details>
  )
}
