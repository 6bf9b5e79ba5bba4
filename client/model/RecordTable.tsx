import type { ReactNode } from 'react'

/**
 * One list of the 一覧（表） tab: heading with count, an accessible table (labelled by its
 * heading, header cells with scope) and a row that says so when the list is empty.
 */
export function RecordTable(props: {
  /** id of the heading; the table is labelled by it. */
  headingId: string
  title: string
  count: number
  columns: string[]
  testId: string
  emptyText: string
  /** Shown between heading and table (e.g. the privacy note for persons). */
  hint?: ReactNode
  children: ReactNode
}) {
  const { headingId, title, count, columns, testId, emptyText, hint, children } = props
  return (
    <>
      <h3 id={headingId}>
        {title} <span className="count">{count}</span>
      </h3>
      {hint}
      <table className="model-table" aria-labelledby={headingId} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {count === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {emptyText}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  )
}
