import type { Lang } from './catalog.ts'

/**
 * The one way dates are written for people, in every view and document: 2026年4月1日,
 * 1 April 2026. A calendar date (YYYY-MM-DD) is that day wherever the reader is; a moment (ISO,
 * e.g. a closure's) is shown as the reader's local day. Anything else is shown as it is.
 */
export function formatDate(date: string, lang: Lang): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const moment = day ? null : new Date(date)
  if (!day && (!moment || Number.isNaN(moment.getTime()))) return date
  const at = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : moment!
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { year: 'numeric', month: 'long', day: 'numeric', ...(day ? { timeZone: 'UTC' } : {}) }).format(at)
}
