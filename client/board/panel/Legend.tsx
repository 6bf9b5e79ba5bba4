import { useCatalog } from '../../i18n'
import { boardText } from '../board-labels'

function LineSample({ color, width, dash, wobble }: { color: string; width: number; dash?: string; wobble?: boolean }) {
  const d = wobble ? 'M2 9 C 8 4, 12 14, 18 8 S 28 4, 34 10 S 44 13, 52 8' : 'M2 9 L52 9'
  return (
    <svg className="legend-line" viewBox="0 0 64 18" aria-hidden="true">
      <path d={d} stroke={color} strokeWidth={width} strokeDasharray={dash} fill="none" strokeLinecap="round" />
      <path d="M52 4 L62 9 L52 14 z" fill={color} />
    </svg>
  )
}

/** The eco-map conventions of the cards and ties (as card-shapes.tsx and relation-style.ts draw them). */
export function Legend() {
  const B = useCatalog(boardText)
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
        <li>
          <LineSample color="#1d1d1d" width={5} />
          {B.legendStrong}
        </li>
        <li>
          <LineSample color="#1d1d1d" width={2.5} />
          {B.legendNormal}
        </li>
        <li>
          <LineSample color="#1d1d1d" width={1.5} dash="1 4" />
          {B.legendWeak}
        </li>
        <li>
          <LineSample color="#e03131" width={3} wobble />
          {B.legendStressful}
        </li>
        <li>
          <LineSample color="#4465e9" width={2.5} dash="7 5" />
          {B.legendPlanned}
        </li>
        <li>
          <LineSample color="#e16919" width={2.5} dash="1 5" />
          {B.legendMissing}
        </li>
      </ul>
      <p className="hint">{B.legendDirection}</p>
      <p className="hint">{B.legendHowTo}</p>
    </details>
  )
}
