import { useMemo } from 'react'
import { personalInfoWarning, type PersonalInfoField } from '../../shared/model/personal-info'
import { useI18n } from '../i18n'
import './model.css'

/**
 * The warning under a person's label or note when it looks like a name, an address, a phone
 * number or an e-mail address (shared/model/personal-info.ts). It only warns: the text stays
 * as typed, and everyone who sees the record sees the warning, so the facilitator can ask
 * for it to be rewritten. The field points at it with aria-describedby={personalInfoNoticeId(…)}.
 */
export function PersonalInfoNotice({ text, field, recordId }: { text: string | undefined; field: PersonalInfoField; recordId: string }) {
  const { lang } = useI18n()
  const message = useMemo(() => personalInfoWarning(text, field, lang), [text, field, lang])
  if (!message) return null
  return (
    <p className="personal-info-warning" id={noticeId(field, recordId)} role="status" data-testid="personal-info-warning" data-field={field}>
      {message}
    </p>
  )
}

/** The id to pass to the field's aria-describedby, or undefined when there is nothing to say. */
export function personalInfoNoticeId(text: string | undefined, field: PersonalInfoField, recordId: string): string | undefined {
  return personalInfoWarning(text, field) ? noticeId(field, recordId) : undefined
}

const noticeId = (field: PersonalInfoField, recordId: string) => `personal-info-${field}-${recordId}`
