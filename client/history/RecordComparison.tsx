/**
 * One comparison of the meeting records dialog, as a readable list: ties that moved forward
 * (green, 「前進」) and ties lost (red, 「後退」), agencies, persons and ties added or removed,
 * and the map's figures before → after. The words are made in records-summary.ts.
 */
import { useMemo } from 'react'
import { fill } from '../../shared/i18n/catalog'
import type { RecordDiffResponse } from '../../shared/history/records'
import { useCatalog, useI18n } from '../i18n'
import { recordsText } from './records-labels'
import { comparisonSections, figureRows, nameResolver, nothingChanged, type NameSource } from './records-summary'

export interface RecordComparisonProps {
  heading: string
  diff: RecordDiffResponse
  names: NameSource
  onClose: () => void
}

export function RecordComparison({ heading, diff, names, onClose }: RecordComparisonProps) {
  const { lang } = useI18n()
  const L = useCatalog(recordsText)
  const name = useMemo(() => nameResolver(diff, names, lang), [diff, names, lang])
  const sections = useMemo(() => comparisonSections(diff, name, lang), [diff, name, lang])
  const figures = useMemo(() => figureRows(diff, name, lang), [diff, name, lang])

  return (
    <section className="records-comparison" aria-label={heading} data-testid="records-comparison">
      <div className="records-comparison-top">
        <h3>{heading}</h3>
        <button type="button" className="link-button" onClick={onClose} data-testid="records-comparison-close">
          {L.closeComparison}
        </button>
      </div>
      {!diff.personsIncluded && <p className="hint">{L.personsLeftOut}</p>}
      {nothingChanged(diff) && <p data-testid="records-no-changes">{L.noChanges}</p>}
      {sections.map((s) => (
        <div key={s.key} className={`records-section tone-${s.tone}`} data-testid={`records-section-${s.key}`}>
          <h4>{fill(L.sectionHeading, { heading: s.heading, n: s.items.length })}</h4>
          <ul>
            {s.items.map((item, i) => (
              <li key={i}>
                {s.tone !== 'neutral' && <span className={`records-badge tone-${s.tone}`}>{s.tone === 'progress' ? L.progressBadge : L.lossBadge}</span>}
                {item}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="records-section records-figures" data-testid="records-figures">
        <h4>{L.figuresHeading}</h4>
        <ul>
          {figures.map((f) => (
            <li key={f.key} data-testid={`records-figure-${f.key}`} data-trend={f.trend ?? undefined}>
              {f.text}
              {f.trend && f.trend !== 'same' && <span className={`records-trend trend-${f.trend}`}>{f.trendText}</span>}
              {f.details.map((d) => (
                <span key={d} className="records-figure-detail">
                  {d}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
