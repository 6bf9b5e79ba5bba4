/** 凡例: what the shapes, dashes and colours of the graph mean (drawn like the canvas draws them). */
import { useCatalog } from '../i18n'
import { graphText } from './labels'

export function Legend() {
  const L = useCatalog(graphText)
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
