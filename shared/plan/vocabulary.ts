/**
 * The vocabulary of the 支援プラン (docs/domain.md §10). Stored values are the Japanese terms
 * users speak, like the map's vocabulary; their labels in each language are in
 * shared/i18n/plan.ts, keyed by the stored value.
 */

/** 役割分担: where a task stands. 見直し: the meeting agreed to rethink it. */
export const taskStatuses = ['未着手', '実施中', '完了', '見直し'] as const
export type TaskStatus = (typeof taskStatuses)[number]

/** The four steps of outreach, in order (出会う → つながる → ほぐす → 継続する). */
export const outreachStages = ['出会う', 'つながる', 'ほぐす', '継続する'] as const
export type OutreachStage = (typeof outreachStages)[number]

/** The two wheels of support. */
export const supportKinds = ['課題解決型', '伴走型'] as const
export type SupportKind = (typeof supportKinds)[number]

/**
 * 本人同意. With consent the case belongs to a 重層的支援会議 (where the plan is agreed);
 * without it only to a 支援会議 under 守秘義務 (社会福祉法 §106-6).
 */
export const consents = ['あり', 'なし'] as const
export type Consent = (typeof consents)[number]

/** keyPerson value for "there is no key person" — a barrier the sources name. */
export const NO_KEY_PERSON = 'none'
