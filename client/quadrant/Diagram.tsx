import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type RefObject } from 'react'
import { classify, type Classification } from '../../shared/quadrant/classify'
import { referencePractices } from '../../shared/quadrant/reference'
import type { PracticeCard } from '../../shared/quadrant/schema'
import type { GapFlag } from '../../shared/quadrant/summary'
import { quadrantIds, type QuadrantId } from '../../shared/quadrant/vocabulary'
import { fill, inLang, type Lang } from '../../shared/i18n/catalog'
import { quadrantAxisCatalog, quadrantTextCatalog } from '../../shared/i18n/quadrant'
import { useCatalog, useI18n } from '../i18n'
import { fromClient, keyboardStep, positionStyle, tint, type Point } from './geometry'
import { quadrantName, quadrantShort, quadrantText, refGroupMark } from './labels'
import { cardText, referenceText } from './referenceText'

export interface BoardCard {
  card: PracticeCard
  color: string
  groupName: string
  /** Counted votes (after the limit rule). */
  votes: number
  /** This participant's stored votes on the card. */
  mine: number
  /** Where the card is drawn: its stored position, or the local one while it is dragged. */
  at: Point
  dragging: boolean
}

/** Colours of the three strengths of the reference deck (not group colours). */
export const refGroupColors = { '1': '#b5447a', '2': '#1b7f6b', '3': '#8a6d1c' } as const

export function classificationText(c: Classification, lang: Lang): string {
  if (c.kind === 'quadrant') return quadrantName(c.quadrant, lang)
  return fill(inLang(quadrantText, lang).onAxisNear, { quadrants: c.neighbours.map((q) => quadrantShort(q, lang)).join(' / ') })
}

interface DiagramProps {
  cards: BoardCard[]
  gaps: GapFlag[]
  canEdit: boolean
  canVote: boolean
  showReference: boolean
  /** A card is being dragged or moved: `final` once it is dropped. */
  onMove: (id: string, to: Point, final: boolean) => void
  onEdit: (id: string) => void
  onVote: (id: string, delta: 1 | -1) => void
}

/**
 * The diagram: axes and quadrant names as a fixed background nobody can move, the cards on top.
 * Cards are absolutely positioned by their normalised coordinates, so every screen size shows
 * the same diagram; dragging uses pointer events (mouse, pen and touch alike).
 */
export function Diagram({ cards, gaps, canEdit, canVote, showReference, onMove, onEdit, onVote }: DiagramProps) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const axis = useCatalog(quadrantAxisCatalog)
  const plotRef = useRef<HTMLDivElement>(null)
  const gapOf = new Map<QuadrantId, GapFlag>(gaps.map((g) => [g.quadrant, g]))

  return (
    <div className="qv-diagram" data-testid="quadrant-diagram">
      <div className="qv-axis-label qv-axis-top" data-testid="axis-top">
        {axis.yPositive}
      </div>
      <div className="qv-plot" ref={plotRef} role="region" aria-label={L.diagramLabel} data-testid="quadrant-plot">
        {/* Background: quadrants, gap marks, axes. Not interactive, not editable. */}
        <div className="qv-background" aria-hidden="true">
          {quadrantIds.map((q) => {
            const gap = gapOf.get(q)
            return (
              <div key={q} className={`qv-quadrant qv-${q}${gap ? ` qv-gap-${gap.kind}` : ''}`} data-gap={gap?.kind ?? ''}>
                <span className="qv-quadrant-name">{quadrantShort(q, lang)}</span>
                {gap && <span className={`qv-gap-badge ${gap.kind}`}>{gap.kind === 'empty' ? L.empty : L.thin}</span>}
              </div>
            )
          })}
          <div className="qv-axis-x" />
          <div className="qv-axis-y" />
          <svg className="qv-arrow qv-arrow-left" viewBox="0 0 10 10" width="12" height="12">
            <path d="M10,0 L0,5 L10,10 z" />
          </svg>
          <svg className="qv-arrow qv-arrow-right" viewBox="0 0 10 10" width="12" height="12">
            <path d="M0,0 L10,5 L0,10 z" />
          </svg>
          <svg className="qv-arrow qv-arrow-up" viewBox="0 0 10 10" width="12" height="12">
            <path d="M0,10 L5,0 L10,10 z" />
          </svg>
          <svg className="qv-arrow qv-arrow-down" viewBox="0 0 10 10" width="12" height="12">
            <path d="M0,0 L5,10 L10,0 z" />
          </svg>
          <span className="qv-axis-label qv-axis-left" data-testid="axis-left">
            {axis.xNegative}
          </span>
          <span className="qv-axis-label qv-axis-right" data-testid="axis-right">
            {axis.xPositive}
          </span>
        </div>

        {showReference && (
          <div className="qv-reference-layer" aria-hidden="true" data-testid="reference-overlay">
            {referencePractices.map((r) => (
              <div
                key={r.no}
                className="qv-ref-note"
                style={{ ...positionStyle(r), borderColor: refGroupColors[r.group] } as CSSProperties}
                title={referenceText(r, lang)}
              >
                <span className="qv-ref-no" style={{ background: refGroupColors[r.group] }}>
                  {r.no}
                </span>
                <span className="qv-ref-mark" style={{ color: refGroupColors[r.group] }}>
                  {refGroupMark[r.group]}
                </span>
                {referenceText(r, lang)}
              </div>
            ))}
          </div>
        )}

        {cards.map((c) => (
          <Note
            key={c.card.id}
            item={c}
            plotRef={plotRef}
            canEdit={canEdit}
            canVote={canVote}
            onMove={onMove}
            onEdit={onEdit}
            onVote={onVote}
          />
        ))}
      </div>
      <div className="qv-axis-label qv-axis-bottom" data-testid="axis-bottom">
        {axis.yNegative}
      </div>
    </div>
  )
}

interface NoteProps {
  item: BoardCard
  plotRef: RefObject<HTMLDivElement | null>
  canEdit: boolean
  canVote: boolean
  onMove: DiagramProps['onMove']
  onEdit: DiagramProps['onEdit']
  onVote: DiagramProps['onVote']
}

interface DragState {
  pointerId: number
  /** Pointer offset from the note's centre, so the note does not jump under the pointer. */
  dx: number
  dy: number
  startX: number
  startY: number
  moved: boolean
  plot: DOMRect
  last: Point
}

function Note({ item, plotRef, canEdit, canVote, onMove, onEdit, onVote }: NoteProps) {
  const { lang } = useI18n()
  const L = useCatalog(quadrantText)
  const shared = useCatalog(quadrantTextCatalog)
  const { card, color, votes, mine, at } = item
  const drag = useRef<DragState | null>(null)
  const c = classify(at.x, at.y)

  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    if (!canEdit || e.button !== 0 || !plotRef.current) return
    if ((e.target as Element).closest('button, a, input, textarea, select')) return
    const box = e.currentTarget.getBoundingClientRect()
    drag.current = {
      pointerId: e.pointerId,
      dx: e.clientX - (box.left + box.width / 2),
      dy: e.clientY - (box.top + box.height / 2),
      startX: e.clientX,
      startY: e.clientY,
      moved: false,
      plot: plotRef.current.getBoundingClientRect(),
      last: at,
    }
    e.currentTarget.setPointerCapture(e.pointerId)
    e.currentTarget.focus({ preventScroll: true })
    e.preventDefault()
  }
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || e.pointerId !== d.pointerId) return
    if (!d.moved && Math.hypot(e.clientX - d.startX, e.clientY - d.startY) < 4) return
    d.moved = true
    d.last = fromClient(e.clientX - d.dx, e.clientY - d.dy, d.plot)
    onMove(card.id, d.last, false)
  }
  const endDrag = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current
    if (!d || e.pointerId !== d.pointerId) return
    drag.current = null
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
    if (d.moved) onMove(card.id, d.last, true)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || !canEdit) return
    const step = keyboardStep(e.key, e.shiftKey)
    if (step) {
      e.preventDefault()
      onMove(card.id, { x: at.x + step.x, y: at.y + step.y }, true)
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault()
      onEdit(card.id)
    }
  }

  const refNo = card.referenceNo
  const text = cardText(card, lang)
  const footer = refNo !== undefined ? fill(L.referenceShort, { no: refNo }) : [card.authorOrg, card.authorName].filter(Boolean).join(L.authorSeparator)
  const votesText = fill(mine > 0 ? L.votesMine : L.votes, { votes, mine })
  const ariaLabel = [
    text,
    refNo !== undefined ? fill(shared.referenceFooter, { no: refNo }) : footer,
    item.groupName,
    classificationText(c, lang),
    votesText,
  ].join(L.partSeparator)

  return (
    <article
      className={`qv-note${canEdit ? ' editable' : ''}${item.dragging ? ' dragging' : ''}`}
      style={{ ...positionStyle(at), background: tint(color), borderColor: color } as CSSProperties}
      tabIndex={0}
      aria-roledescription={L.card}
      aria-label={ariaLabel}
      data-testid="quadrant-card"
      data-card-id={card.id}
      data-quadrant={c.kind === 'quadrant' ? c.quadrant : 'on-axis'}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      onDoubleClick={canEdit ? () => onEdit(card.id) : undefined}
    >
      <div className="qv-note-bar" style={{ background: color }} />
      <p className="qv-note-text">{text}</p>
      <div className="qv-note-footer">
        <span className="qv-note-author">
          {card.refGroup && (
            <span className="qv-note-ref" style={{ color: refGroupColors[card.refGroup] }}>
              {refGroupMark[card.refGroup]}
            </span>
          )}
          {footer}
        </span>
        <span className="qv-note-actions">
          {votes > 0 && (
            <span
              className={`qv-votes${mine > 0 ? ' mine' : ''}`}
              style={{ background: color }}
              data-testid="card-votes"
              title={votesText}
            >
              {votes}
            </span>
          )}
          {canVote && mine > 0 && (
            <button type="button" className="qv-mini" aria-label={L.unvote} title={L.unvote} onClick={() => onVote(card.id, -1)}>
              −
            </button>
          )}
          {canVote && (
            <button
              type="button"
              className="qv-mini"
              aria-label={L.vote}
              title={mine > 0 ? fill(L.voteMine, { mine }) : L.vote}
              data-testid="card-vote"
              onClick={() => onVote(card.id, 1)}
            >
              {L.voteMark}
            </button>
          )}
          {canEdit && (
            <button type="button" className="qv-mini" aria-label={L.edit} title={L.edit} onClick={() => onEdit(card.id)}>
              ✎
            </button>
          )}
        </span>
      </div>
    </article>
  )
}
