import { useState } from 'react'
import type * as Y from 'yjs'
import { fill } from '../../shared/i18n/catalog'
import type { Closure } from '../../shared/plan/schema'
import { useCatalog, useI18n } from '../i18n'
import { planText } from './labels'
import { closureDate, overdueBanner, reasonPreview } from './logic'
import { usePlan, useToday } from './usePlan'
import './plan.css'

/**
 * The room shell's banners of a case room, on every tab and for every link: tasks past their
 * due date (with a way to the plan tab), and a closed case (the whole room is read-only).
 */
export function OverdueBanner({ doc, onOpenPlan, planShown }: { doc: Y.Doc; onOpenPlan: () => void; planShown: boolean }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const { data } = usePlan(doc)
  const today = useToday()
  // A closed case's open tasks are history, not a call to act.
  const text = data.closure ? null : overdueBanner(data.tasks, today, lang)
  if (!text) return null
  return (
    <div className="banner plan-overdue-banner" role="status" data-testid="plan-overdue-banner">
      <span>{text}</span>
      {!planShown && (
        <button type="button" onClick={onOpenPlan} data-testid="plan-overdue-open">
          {L.overdueOpen}
        </button>
      )}
    </div>
  )
}

/** A long reason is cut to a line, with a button to read it all (reasonPreview). */
export function ClosedCaseBanner({ closure }: { closure: Closure | null }) {
  const { lang } = useI18n()
  const L = useCatalog(planText)
  const [expanded, setExpanded] = useState(false)
  if (!closure) return null
  const preview = reasonPreview(closure.reason)
  const reason = expanded || !preview.clamped ? closure.reason : preview.text
  return (
    <div className={expanded ? 'banner plan-closed-banner expanded' : 'banner plan-closed-banner'} data-testid="plan-closed-banner-box">
      <p role="status" data-testid="plan-closed-banner">
        {fill(L.closedBanner, { date: closureDate(closure.closedAt, lang), reason })}
      </p>
      {preview.clamped && (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} data-testid="plan-closed-reason-toggle">
          {expanded ? L.reasonLess : L.reasonMore}
        </button>
      )}
    </div>
  )
}
