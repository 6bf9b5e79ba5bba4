import { referencePractices } from '../../shared/quadrant/reference'
import { refGroups } from '../../shared/quadrant/vocabulary'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog, useI18n } from '../i18n'
import { refGroupColors } from './Diagram'
import { quadrantText, refGroupMark, refGroupName } from './labels'
import { referenceText } from './referenceText'

/**
 * The reference deck (shared/quadrant/reference.ts): how many practices each reference group
 * has, the full list while the overlay is shown, and for the facilitator the button that puts
 * the deck on a board.
 */
export function ReferencePanel({
  showList,
  onAdd,
  targetGroup,
}: {
  showList: boolean
  /** Only for a facilitator who can edit. */
  onAdd?: () => void
  /** The name of the group whose board the deck goes on, when it is not the one shown. */
  targetGroup: string | null
}) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  return (
    <section className="qv-section" aria-labelledby="qv-ref-heading">
      <h3 id="qv-ref-heading">{L.referenceHeading}</h3>
      <ul className="qv-counts">
        {refGroups.map((g) => (
          <li key={g}>
            <span className="qv-dot" style={{ background: refGroupColors[g] }} aria-hidden="true" />
            <span className="qv-count-label">
              {refGroupMark[g]} {refGroupName(g, lang)}
            </span>
            <span className="qv-count">{referencePractices.filter((r) => r.group === g).length}</span>
          </li>
        ))}
      </ul>
      {showList && (
        <ol className="qv-ref-list">
          {referencePractices.map((r) => (
            <li key={r.no} value={r.no}>
              <span style={{ color: refGroupColors[r.group] }}>{refGroupMark[r.group]}</span> {referenceText(r, lang)}
            </li>
          ))}
        </ol>
      )}
      {onAdd && (
        <button type="button" className="qv-wrap" data-testid="add-reference" onClick={onAdd}>
          {targetGroup === null ? L.addReference : fill(L.addReferenceTo, { group: targetGroup })}
        </button>
      )}
    </section>
  )
}
