import { useCallback, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { classify } from '../../shared/quadrant/classify'
import { practicesCsv } from '../../shared/quadrant/csv'
import { groupsMap } from '../../shared/quadrant/doc'
import {
  addPractice,
  addReferencePractices,
  clearVotes,
  createGroup,
  deleteGroup,
  deletePractice,
  movePractice,
  QuadrantValidationError,
  setVoteLimit,
  unvote,
  updateGroup,
  updatePractice,
  vote,
} from '../../shared/quadrant/ops'
import { summarize } from '../../shared/quadrant/summary'
import { diagramSvg } from '../../shared/quadrant/svg'
import { orphanGroupColor } from '../../shared/quadrant/vocabulary'
import { fill } from '../../shared/i18n/catalog'
import { quadrantTextCatalog } from '../../shared/i18n/quadrant'
import { useCatalog, useI18n } from '../i18n'
import { RefusalNotice } from '../model/RefusalNotice'
import { useModel } from '../model/useModel'
import { useModelChange } from '../model/useModelChange'
import { BoardSelect, useBoardChoice } from './BoardChoice'
import { AddCardForm, EditDialog, type CardFields, type Placement } from './CardForm'
import { classificationText, Diagram, type BoardCard } from './Diagram'
import { downloadBlob, downloadText, safeFileName, svgToPng } from '../downloads'
import { GroupsPanel, VotingSettings } from './Facilitation'
import { quadrantCentres, safeVoterId, spread, type Point } from './geometry'
import { quadrantText } from './labels'
import { ReferencePanel } from './ReferencePanel'
import { cardText } from './referenceText'
import { PlenaryLegend, SummaryPanel } from './SummaryPanel'
import { useDragOverrides } from './useDragOverrides'
import { useQuadrant } from './useQuadrant'
import './quadrant.css'

export interface QuadrantViewProps {
  /** The room's Y.Doc (RoomConnection.doc). */
  doc: Y.Doc
  /** false for the view-only link: everything is shown, nothing can be changed. */
  canEdit: boolean
  /** Role 'facilitate': groups, vote limit, reference deck. */
  isFacilitator: boolean
  /** The participant's 表示名 and 所属 (client/room/storage.ts), prefilled on new cards. */
  profile: { name: string; org: string }
  /** Stable id of this participant for votes (e.g. tldraw's user id, getUserPreferences().id). */
  voterId: string
  roomTitle: string
  /** Departments expected to take part (e.g. 所属 of the participants); those with no card are listed. */
  expectedOrgs?: string[]
  /** Transaction origin of this user's edits: the room passes the lists' one, so its undo covers them. */
  origin?: unknown
  /** Called before each change this user starts, so that it is an undo step of its own. */
  onUndoStep?: () => void
  /** With it, the chosen group board is remembered for this room across reloads. */
  roomId?: string
  /** Read-only because of a view link (the notice says so), not because the case is closed. */
  viewLink?: boolean
}

/** The group board used when a room has none yet: a fixed id, so two first cards make one group. */
const DEFAULT_GROUP_ID = 'g-default'

/**
 * The formal/informal four-quadrant diagram (docs/domain.md §3) as a live, shared view of the
 * room's Y.Doc: each group's board, the plenary overlay, the live summary with 空白／手薄 flags,
 * dot voting and export. All changes go through shared/quadrant/ops.ts.
 */
export function QuadrantView(props: QuadrantViewProps) {
  const { doc, canEdit, isFacilitator, profile, voterId, roomTitle, expectedOrgs, origin, onUndoStep, roomId, viewLink = !canEdit } = props
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const orphanGroup = useCatalog(quadrantTextCatalog).orphanGroup
  const { data, problems } = useQuadrant(doc)
  const { model } = useModel(doc)
  const voter = safeVoterId(voterId)

  const { plenary, groupId, choose } = useBoardChoice(roomId, data.groups)
  const [showReference, setShowReference] = useState(false)
  const [excludeReference, setExcludeReference] = useState(false)
  const [exportError, setExportError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  const scopeGroup = plenary ? undefined : (groupId ?? undefined)

  // ---- what is shown ----
  const summary = useMemo(
    () => summarize(data, { groupId: scopeGroup, expectedOrgs, excludeReference }),
    [data, scopeGroup, expectedOrgs, excludeReference],
  )
  // Departments are missing when they have placed nothing on any board (not just this one).
  const missingOrgs = useMemo(
    () => (expectedOrgs && expectedOrgs.length > 0 ? summarize(data, { expectedOrgs, excludeReference: true }).missingOrgs : null),
    [data, expectedOrgs],
  )
  const groupsById = useMemo(() => new Map(data.groups.map((g) => [g.id, g])), [data.groups])
  const myVotes = useMemo(() => {
    const mine = new Map<string, number>()
    for (const v of data.votes) if (v.voterId === voter) mine.set(v.cardId, v.count)
    return mine
  }, [data.votes, voter])
  const limit = data.settings.voteLimit
  const remaining = summary.votes.perVoter.get(voter)?.remaining ?? limit

  // ---- changes ----
  // Every change goes through `attempt`: a refusal (a vote over the limit, a card the schema
  // refuses) is shown in the notice instead of thrown, and replaces an export failure shown there.
  // Each change is an undo step of its own, except a drag's writes after its first.
  const continuesDrag = useRef(false)
  const { error, attempt, clearError } = useModelChange(
    () => {
      setExportError(null)
      if (!continuesDrag.current) onUndoStep?.()
    },
    // A vote over the limit is a QuadrantValidationError too (VoteLimitError).
    (err) => (err instanceof QuadrantValidationError ? err.messageIn(lang) : null),
  )

  // Positions of cards this participant is dragging, drawn before the document has them.
  const drag = useDragOverrides(data, (id, to, final, first) => {
    continuesDrag.current = !first
    try {
      return (
        attempt(() => {
          const stored = movePractice(doc, id, to.x, to.y, origin)
          if (final) setAnnouncement(fill(L.moved, { quadrant: classificationText(classify(stored.x, stored.y), lang) }))
        }) === null
      )
    } finally {
      continuesDrag.current = false
    }
  })

  const cards: BoardCard[] = data.practices
    .filter((p) => scopeGroup === undefined || p.groupId === scopeGroup)
    .map((card) => {
      const group = groupsById.get(card.groupId)
      return {
        card,
        color: group?.color ?? orphanGroupColor,
        groupName: group?.name ?? orphanGroup,
        votes: summary.votes.perCard.get(card.id) ?? 0,
        mine: myVotes.get(card.id) ?? 0,
        at: drag.at(card.id) ?? { x: card.x, y: card.y },
        dragging: drag.isDragging(card.id),
      }
    })

  /** The board new cards go on; creates the first group, named in this participant's language, when the room has none. */
  const ensureGroup = (): string => {
    if (groupId) return groupId
    if (!groupsMap(doc).has(DEFAULT_GROUP_ID)) {
      createGroup(doc, { id: DEFAULT_GROUP_ID, name: fill(L.groupNumbered, { n: 1 }) }, origin)
    }
    return DEFAULT_GROUP_ID
  }

  const onAdd = (fields: CardFields, place: Placement): string | null =>
    attempt(() => {
      const target = plenary && groupsById.has(fields.groupId) ? fields.groupId : ensureGroup()
      const onBoard = data.practices.filter((p) => p.groupId === target).length
      const at = place === 'center' ? spread({ x: 0, y: 0 }, onBoard, 0.012) : spread(quadrantCentres[place], onBoard, 0.3)
      addPractice(
        doc,
        {
          text: fields.text,
          authorOrg: fields.authorOrg,
          authorName: fields.authorName,
          x: at.x,
          y: at.y,
          groupId: target,
          refGroup: fields.refGroup || undefined,
          actorIds: fields.actorIds.length > 0 ? fields.actorIds : undefined,
        },
        origin,
      )
      setAnnouncement(L.added)
    })

  const onMove = (id: string, to: Point, final: boolean) => {
    if (canEdit) drag.move(id, to, final)
  }

  const onVote = (id: string, delta: 1 | -1) => {
    if (!canEdit) return
    attempt(() => {
      if (delta === 1) vote(doc, voter, id, origin)
      else unvote(doc, voter, id, origin)
    })
  }

  const editedCard = editing ? data.practices.find((p) => p.id === editing) : undefined
  const closeEditor = useCallback(() => {
    const id = editing
    setEditing(null)
    // Back to the card, for keyboard users.
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus())
  }, [editing])

  const focusCard = (id: string) => {
    const card = data.practices.find((p) => p.id === id)
    if (card && scopeGroup !== undefined && card.groupId !== scopeGroup) choose(card.groupId)
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`)?.focus())
  }

  // ---- export ----
  const boardName = plenary ? L.plenaryFileSuffix : (groupsById.get(groupId ?? '')?.name ?? '')
  const fileBase = [roomTitle, L.fileBase, boardName].filter(Boolean).join('_')
  const svgTitle = [roomTitle, plenary ? L.plenary : boardName].filter(Boolean).join(' – ')
  const svgSize = { width: 1600, height: 1200 }
  // The picture reads in the participant's language, reference cards nobody edited included;
  // the CSV keeps the cards' stored text (it is data), its headings and quadrants translated.
  const makeSvg = () => {
    const shown = lang === 'ja' ? data : { ...data, practices: data.practices.map((p) => ({ ...p, text: cardText(p, lang) })) }
    return diagramSvg(shown, { groupId: scopeGroup, title: svgTitle || undefined, lang, ...svgSize })
  }
  const exportSvg = () => downloadText(makeSvg(), 'image/svg+xml;charset=utf-8', safeFileName(fileBase, { fallback: 'quadrant', ext: 'svg' }))
  const exportCsv = () => downloadText(practicesCsv(data, { groupId: scopeGroup, lang }), 'text/csv;charset=utf-8', safeFileName(fileBase, { fallback: 'quadrant', ext: 'csv' }))
  const exportPng = async () => {
    setExporting(true)
    try {
      const png = await svgToPng(makeSvg(), svgSize.width, svgSize.height)
      downloadBlob(png, safeFileName(fileBase, { fallback: 'quadrant', ext: 'png' }))
    } catch {
      setExportError(L.exportFailed)
    } finally {
      setExporting(false)
    }
  }

  const canVote = canEdit && (limit > 0 || myVotes.size > 0)

  return (
    <div className="quadrant-view qv-root" data-testid="quadrant-view" data-board={plenary ? 'plenary' : (groupId ?? '')}>
      <div className="qv-main">
        <div className="qv-toolbar">
          <h2 className="qv-title">{L.heading}</h2>
          <BoardSelect groups={data.groups} plenary={plenary} groupId={groupId} onChoose={choose} />
          <label className="qv-inline-label">
            <input type="checkbox" checked={showReference} onChange={(e) => setShowReference(e.target.checked)} data-testid="toggle-reference" />
            {L.showReference}
          </label>
          {canEdit && (
            <span className={`qv-remaining${remaining === 0 ? ' none' : ''}`} data-testid="votes-remaining" data-remaining={remaining}>
              {limit === 0 ? L.votingClosed : fill(L.remaining, { remaining, limit })}
            </span>
          )}
          <span className="qv-export" role="group" aria-label={L.exportHeading}>
            <button type="button" onClick={exportSvg} data-testid="export-svg">
              {L.exportSvg}
            </button>
            <button type="button" onClick={() => void exportPng()} disabled={exporting} data-testid="export-png">
              {L.exportPng}
            </button>
            <button type="button" onClick={exportCsv} data-testid="export-csv">
              {L.exportCsv}
            </button>
          </span>
        </div>
        {!canEdit && viewLink && <p className="qv-notice">{L.readOnly}</p>}
        {plenary && <PlenaryLegend summary={summary} />}
        {!plenary && data.groups.length === 0 && <p className="qv-hint">{L.noGroups}</p>}
        <RefusalNotice
          message={exportError ?? error}
          testId="quadrant-error"
          dismissLabel="×"
          onDismiss={() => {
            clearError()
            setExportError(null)
          }}
        />
        <Diagram
          cards={cards}
          gaps={summary.gaps}
          canEdit={canEdit}
          canVote={canVote}
          showReference={showReference}
          onMove={onMove}
          onEdit={(id) => canEdit && setEditing(id)}
          onVote={onVote}
        />
        {canEdit && <p className="qv-hint">{L.keyboardHint}</p>}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>

      <aside className="qv-side" aria-label={L.summaryHeading}>
        {canEdit && (
          <AddCardForm
            profile={profile}
            actors={model.actors}
            groups={plenary ? data.groups : null}
            groupId={groupId ?? DEFAULT_GROUP_ID}
            onAdd={onAdd}
          />
        )}
        <SummaryPanel summary={summary} missingOrgs={missingOrgs} plenary={plenary} onFocusCard={focusCard} />
        <label className="qv-inline-label qv-section-tail">
          <input type="checkbox" checked={excludeReference} onChange={(e) => setExcludeReference(e.target.checked)} />
          {L.excludeReference}
        </label>

        <ReferencePanel
          showList={showReference}
          targetGroup={plenary && groupId ? (groupsById.get(groupId)?.name ?? null) : null}
          onAdd={
            isFacilitator && canEdit
              ? () =>
                  attempt(() => {
                    const added = addReferencePractices(doc, groupId ?? ensureGroup(), { authorName: profile.name }, origin)
                    setAnnouncement(added.length === 0 ? L.addReferenceNone : fill(L.addReferenceDone, { count: added.length }))
                  })
              : undefined
          }
        />

        {isFacilitator && canEdit && (
          <>
            <GroupsPanel
              groups={data.groups}
              cardCount={(id) => data.practices.filter((p) => p.groupId === id).length}
              onCreate={(name, color) =>
                attempt(() => {
                  const g = createGroup(doc, { name, color }, origin)
                  choose(g.id)
                })
              }
              onUpdate={(id, patch) => attempt(() => void updateGroup(doc, id, patch, origin))}
              onDelete={(id, to) => attempt(() => deleteGroup(doc, id, { moveCardsTo: to }, origin))}
            />
            <VotingSettings
              voteLimit={limit}
              onLimit={(n) => attempt(() => void setVoteLimit(doc, n, origin))}
              onClear={() => attempt(() => clearVotes(doc, origin))}
            />
          </>
        )}

        {problems.length > 0 && (
          <section className="qv-section qv-problems" aria-labelledby="qv-problems-heading">
            <h3 id="qv-problems-heading">{L.problemsHeading}</h3>
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.kind}-${p.id}-${i}`}>{lang === 'en' ? p.messageEn : p.message}</li>
              ))}
            </ul>
          </section>
        )}
      </aside>

      {editedCard && (
        <EditDialog
          card={editedCard}
          actors={model.actors}
          groups={data.groups}
          onClose={closeEditor}
          onDelete={() => {
            attempt(() => deletePractice(doc, editedCard.id, origin))
            setEditing(null)
          }}
          onSave={(f) =>
            attempt(() => {
              updatePractice(
                doc,
                editedCard.id,
                {
                  text: f.text,
                  authorOrg: f.authorOrg,
                  authorName: f.authorName,
                  refGroup: f.refGroup || undefined,
                  actorIds: f.actorIds.length > 0 ? f.actorIds : undefined,
                  ...(f.groupId !== editedCard.groupId ? { groupId: f.groupId } : {}),
                },
                origin,
              )
              setAnnouncement(L.saved)
            })
          }
        />
      )}
    </div>
  )
}
