import { metricExplanationCatalog, type MetricName } from '../i18n/analysis.ts'

export type { MetricName }

/**
 * One plain Japanese sentence per metric. The sentences in both languages are in
 * shared/i18n/analysis.ts (metricExplanationCatalog).
 */
// Cutover: client still reads this; remove after client uses the catalog (metricExplanationCatalog).
export const metricExplanations: Readonly<Record<MetricName, string>> = metricExplanationCatalog.ja
