// Over 450 lines until issue #11 splits it: the drag-override state machine becomes a hook and its `attempt` goes to useModelChange.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
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
  VoteLimitError,
} from '../../shared/quadrant/ops'
import { referencePractices } from '../../shared/quadrant/reference'
import { summarize } from '../../shared/quadrant/summary'
import { diagramSvg } from '../../shared/quadrant/svg'
import { orphanGroupColor, refGroups } from '../../shared/quadrant/vocabulary'
import { useI18n } from '../i18n'
import { useModel } from '../model/useModel'
import { AddCardForm, EditDialog, type CardFields, type Placement } from './CardForm'
import { classificationText, Diagram, refGroupColors, type BoardCard } from './Diagram'
import { downloadBlob, downloadText, safeFileName, svgToPng } from './exporting'
import { GroupsPanel, VotingSettings } from './Facilitation'
import { quadrantCentres, safeVoterId, spread, type Point } from './geometry'
import { labels, refGroupMark, refGroupName } from './labels'
import { SummaryPanel } from './SummaryPanel'
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
  /** Transaction origin of this user's edits, for a Y.UndoManager. */
  origin?: unknown
  /** With it, the chosen group board is remembered for this room across reloads. */
  roomId?: string
}

/** The group board used when a room has none yet: a fixed id, so two first cards make one group. */
const DEFAULT_GROUP_ID = 'g-default'
const PLENARY = '__plenary__'
/** While dragging, peers see the card move at about this rate; the drop is always written. */
const DRAG_WRITE_MS = 120

function loadChoice(roomId: string | undefined): string | null {
  if (!roomId) return null
  try {
    return localStorage.getItem(`jusou-quadrant-board-${roomId}`)
  } catch {
    return null
  }
}
function saveChoice(roomId: string | undefined, value: string): void {
  if (!roomId) return
  try {
    localStorage.setItem(`jusou-quadrant-board-${roomId}`, value)
  } catch {
    // not remembered; fine
  }
}

/**
 * The formal/informal four-quadrant diagram (DOMAIN.md §3) as a live, shared view of the room's
 * Y.Doc: each group's board, the plenary overlay, the live summary with 空白／手薄 flags, dot
 * voting and export. All changes go through shared/quadrant/ops.ts.
 */
export function QuadrantView({ doc, canEdit, isFacilitator, profile, voterId, roomTitle, expectedOrgs, origin, roomId }: QuadrantViewProps) {
  const { lang } = useI18n()
  const L = labels(lang)
  const { data, problems } = useQuadrant(doc)
  const { model } = useModel(doc)
  const voter = safeVoterId(voterId)

  const [choice, setChoice] = useState<string | null>(() => loadChoice(roomId))
  /** The participant's own group: stays chosen while they look at the plenary. */
  const [myGroup, setMyGroup] = useState<string | null>(() => loadChoice(roomId))
  const [showReference, setShowReference] = useState(false)
  const [excludeReference, setExcludeReference] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)

  const plenary = choice === PLENARY
  const known = (id: string | null) => id !== null && data.groups.some((g) => g.id === id)
  const groupId = known(choice) ? choice! : known(myGroup) ? myGroup! : (data.groups[0]?.id ?? null)
  const scopeGroup = plenary ? undefined : (groupId ?? undefined)
  const choose = (value: string) => {
    setChoice(value)
    if (value !== PLENARY) setMyGroup(value)
    saveChoice(roomId, value)
  }

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

  // Positions of cards this participant is dragging, drawn before the document has them.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Point>>(new Map())
  const dragging = useRef(new Set<string>())
  const lastWrite = useRef(new Map<string, number>())
  useEffect(() => {
    // The document caught up: keep only the cards still under the pointer.
    setOverrides((prev) => {
      if (prev.size === 0) return prev
      const next = new Map([...prev].filter(([id]) => dragging.current.has(id)))
      return next.size === prev.size ? prev : next
    })
  }, [data])

  const cards: BoardCard[] = data.practices
    .filter((p) => scopeGroup === undefined || p.groupId === scopeGroup)
    .map((card) => {
      const group = groupsById.get(card.groupId)
      return {
        card,
        color: group?.color ?? orphanGroupColor,
        groupName: group?.name ?? L.orphanGroup,
        votes: summary.votes.perCard.get(card.id) ?? 0,
        mine: myVotes.get(card.id) ?? 0,
        at: overrides.get(card.id) ?? { x: card.x, y: card.y },
        dragging: dragging.current.has(card.id),
      }
    })

  // ---- changes ----
  const attempt = useCallback(
    (change: () => void): string | null => {
      try {
        change()
        setError(null)
        return null
      } catch (err) {
        const message =
          err instanceof VoteLimitError ? L.voteLimitError(err.limit, err.used) : err instanceof QuadrantValidationError ? err.message : null
        if (message === null) throw err
        setError(message)
        return message
      }
    },
    [L],
  )

  /** The board new cards go on; creates the first group when the room has none. */
  const ensureGroup = (): string => {
    if (groupId) return groupId
    if (!groupsMap(doc).has(DEFAULT_GROUP_ID)) {
      createGroup(doc, { id: DEFAULT_GROUP_ID, name: labels('ja').defaultGroupName }, origin)
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
    if (!canEdit) return
    if (final) dragging.current.delete(id)
    else dragging.current.add(id)
    setOverrides((prev) => new Map(prev).set(id, to))
    const now = performance.now()
    if (!final && now - (lastWrite.current.get(id) ?? 0) < DRAG_WRITE_MS) return
    lastWrite.current.set(id, now)
    const problem = attempt(() => {
      const stored = movePractice(doc, id, to.x, to.y, origin)
      if (final) setAnnouncement(L.moved(classificationText(classify(stored.x, stored.y), lang)))
    })
    if (final) {
      // If nothing changed in the document (dropped where the last write put it), no update
      // will come to clear the local position: clear it here.
      setTimeout(() => {
        if (!dragging.current.has(id)) setOverrides((prev) => (prev.has(id) ? new Map([...prev].filter(([k]) => k !== id)) : prev))
      }, 400)
    }
    if (problem) dragging.current.delete(id)
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
  const makeSvg = () => diagramSvg(data, { groupId: scopeGroup, title: svgTitle || undefined, ...svgSize })
  const exportSvg = () => downloadText(makeSvg(), 'image/svg+xml;charset=utf-8', safeFileName(fileBase, 'svg'))
  const exportCsv = () => downloadText(practicesCsv(data, { groupId: scopeGroup }), 'text/csv;charset=utf-8', safeFileName(fileBase, 'csv'))
  const exportPng = async () => {
    setExporting(true)
    try {
      const png = await svgToPng(makeSvg(), svgSize.width, svgSize.height)
      downloadBlob(png, safeFileName(fileBase, 'png'))
    } catch {
      setError(L.exportFailed)
    } finally {
      setExporting(false)
    }
  }

  const canVote = canEdit && (limit > 0 || myVotes.size > 0)
  const boardValue = plenary ? PLENARY : (groupId ?? '')

  return (
    <div className="quadrant-view qv-root" data-testid="quadrant-view" data-board={plenary ? 'plenary' : (groupId ?? '')}>
      <div className="qv-main">
        <div className="qv-toolbar">
          <h2 className="qv-title">{L.heading}</h2>
          <label className="qv-inline-label">
            {L.board}
            <select value={boardValue} onChange={(e) => choose(e.target.value)} data-testid="quadrant-board-select">
              {data.groups.length === 0 && <option value="">{L.defaultGroupName}</option>}
              {data.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              <option value={PLENARY}>{L.plenary}</option>
            </select>
          </label>
          <label className="qv-inline-label">
            <input type="checkbox" checked={showReference} onChange={(e) => setShowReference(e.target.checked)} data-testid="toggle-reference" />
            {L.showReference}
          </label>
          {canEdit && (
            <span className={`qv-remaining${remaining === 0 ? ' none' : ''}`} data-testid="votes-remaining" data-remaining={remaining}>
              {limit === 0 ? L.votingClosed : L.remaining(remaining, limit)}
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
        {!canEdit && <p className="qv-notice">{L.readOnly}</p>}
        {plenary && (
          <p className="qv-legend" data-testid="plenary-legend">
            {L.plenaryNote}{' '}
            {summary.byGroup.map((g) => (
              <span key={g.groupId} className="qv-legend-item">
                <span className="qv-dot" style={{ background: g.group?.color ?? orphanGroupColor }} aria-hidden="true" />
                {g.group?.name ?? L.orphanGroup}（{g.cards.length}）
              </span>
            ))}
          </p>
        )}
        {!plenary && data.groups.length === 0 && <p className="qv-hint">{L.noGroups}</p>}
        {error && (
          <p className="qv-error" role="alert" data-testid="quadrant-error">
            {error}
            <button type="button" className="qv-mini" aria-label="×" onClick={() => setError(null)}>
              ×
            </button>
          </p>
        )}
        <Diagram
          lang={lang}
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
            lang={lang}
            profile={profile}
            actors={model.actors}
            groups={plenary ? data.groups : null}
            groupId={groupId ?? DEFAULT_GROUP_ID}
            onAdd={onAdd}
          />
        )}
        <SummaryPanel lang={lang} summary={summary} missingOrgs={missingOrgs} plenary={plenary} onFocusCard={focusCard} />
        <label className="qv-inline-label qv-section-tail">
          <input type="checkbox" checked={excludeReference} onChange={(e) => setExcludeReference(e.target.checked)} />
          {L.excludeReference}
        </label>

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
          {showReference && (
            <ol className="qv-ref-list">
              {referencePractices.map((r) => (
                <li key={r.no} value={r.no}>
                  <span style={{ color: refGroupColors[r.group] }}>{refGroupMark[r.group]}</span> {r.text}
                </li>
              ))}
            </ol>
          )}
          {isFacilitator && canEdit && (
            <button
              type="button"
              className="qv-wrap"
              data-testid="add-reference"
              onClick={() =>
                attempt(() => {
                  const added = addReferencePractices(doc, groupId ?? ensureGroup(), { authorName: profile.name }, origin)
                  setAnnouncement(L.addReferenceDone(added.length))
                  setError(null)
                })
              }
            >
              {L.addReference}
              {plenary && groupId ? `（${groupsById.get(groupId)?.name}）` : ''}
            </button>
          )}
        </section>

        {isFacilitator && canEdit && (
          <>
            <GroupsPanel
              lang={lang}
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
              lang={lang}
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
                <li key={`${p.kind}-${p.id}-${i}`}>{p.message}</li>
              ))}
            </ul>
          </section>
        )}
      </aside>

      {editedCard && (
        <EditDialog
          lang={lang}
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
