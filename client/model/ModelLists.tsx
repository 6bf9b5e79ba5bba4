import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import { removeRecord, updateInfo } from '../../shared/model/ops'
import type { MapModel } from '../../shared/model/schema'
import { useCatalog, useI18n } from '../i18n'
import { ActorsTable } from './ActorsTable'
import { TagsCell, TextCell } from './cells'
import { modelText } from './labels'
import { PersonsTable } from './PersonsTable'
import { RefusalNotice } from './RefusalNotice'
import { RelationsTable } from './RelationsTable'
import { useModel } from './useModel'
import { useModelChange } from './useModelChange'
import './model.css'

export interface ModelViewProps {
  doc: Y.Doc
  canEdit: boolean
  roomKind: RoomKind
  /** Transaction origin of this user's edits, so that their undo covers them. */
  origin?: unknown
  /** Read-only because of a view link (the notice says so), not because the case is closed. */
  viewLink?: boolean
}

/** What each table of the lists gets: the model to show, and how to change it. */
export interface ListTableProps {
  doc: Y.Doc
  canEdit: boolean
  origin?: unknown
  model: MapModel
  /** Runs a change; a refusal is shown once, at the top of the lists. */
  run: (change: () => void) => boolean
}

/**
 * The map without the board: actors, persons and ties as editable tables. For keyboard and
 * screen-reader users, and for rooms where the board cannot be mounted.
 */
export function ModelLists({ doc, canEdit, roomKind, origin, viewLink = !canEdit }: ModelViewProps) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const { model, problems } = useModel(doc)
  const { error, run } = useModelChange()
  const showPersons = roomKind !== 'community'
  const table: ListTableProps = { doc, canEdit, origin, model, run }

  const ties = useMemo(() => {
    const counts = new Map<string, number>()
    for (const r of model.relations) for (const end of [r.from, r.to]) counts.set(end, (counts.get(end) ?? 0) + 1)
    return counts
  }, [model.relations])

  return (
    <section className="model-lists" aria-labelledby="model-lists-heading" data-testid="model-lists">
      <h2 id="model-lists-heading">{L.listsHeading}</h2>
      <p className="hint">{L.listsIntro}</p>
      {!canEdit && viewLink && <p className="notice">{L.readOnly}</p>}
      <RefusalNotice message={error} testId="model-error" />

      <div className="map-info">
        <label className="field map-summary">
          <span>{roomKind === 'community' ? L.mapSummaryCommunity : L.mapSummaryCase}</span>
          <TextCell
            value={model.info.summary}
            label={roomKind === 'community' ? L.mapSummaryCommunity : L.mapSummaryCase}
            disabled={!canEdit}
            multiline
            testId="map-summary"
            onCommit={(summary) => run(() => updateInfo(doc, { summary }, origin))}
          />
          <small className="hint">{roomKind === 'community' ? L.mapSummaryHintCommunity : L.mapSummaryHintCase}</small>
        </label>
        <label className="field">
          <span>{L.mapIssues}</span>
          <TagsCell
            value={model.info.issues}
            label={L.mapIssues}
            disabled={!canEdit}
            onCommit={(issues) => run(() => updateInfo(doc, { issues }, origin))}
          />
          <small className="hint">{roomKind === 'community' ? L.mapIssuesHintCommunity : L.mapIssuesHintCase}</small>
        </label>
      </div>

      <ActorsTable {...table} ties={ties} />
      {showPersons && <PersonsTable {...table} ties={ties} />}
      <RelationsTable {...table} />

      {problems.length > 0 && (
        <section className="problems" aria-labelledby="problems-heading" data-testid="model-problems">
          <h3 id="problems-heading">{L.problemsHeading}</h3>
          <p className="hint">{L.problemsIntro}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.kind}-${p.id}-${i}`}>
                <code>{p.id ?? p.kind}</code>: {lang === 'en' ? p.messageEn : p.message}
                {canEdit && p.id && p.kind !== 'info' && (
                  <button type="button" className="link-button" onClick={() => removeRecord(doc, p.kind as 'actor', p.id!, origin)}>
                    {L.remove}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
