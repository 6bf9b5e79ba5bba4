import * as Y from 'yjs'
import type { ZodError } from 'zod'
import { bilingual } from '../i18n/message.ts'
import { readModel } from '../model/doc.ts'
import { applyImport, exportModel, parseImport, type ExportedModel, type ImportReport } from '../model/transfer.ts'
import { groupsMap, practicesMap, readQuadrant, settingsMap, votesMap } from '../quadrant/doc.ts'
import { practiceCardSchema, quadrantGroupSchema, quadrantIssueMessage, quadrantSettingsSchema, voteEntrySchema, type QuadrantData } from '../quadrant/schema.ts'
import type { RecordInfo } from '../history/records.ts'
import { readPlan } from '../plan/doc.ts'
import type { PlanData } from '../plan/schema.ts'
import type { RoomKind } from '../rooms.ts'
import { exportPlan, parsePlan, type PlanImportReport } from './plan.ts'

/**
 * The whole room as one file (`GET/PUT /api/rooms/:id/room.json`): the map's model, the
 * four-quadrant diagram (groups, cards, votes, settings), the 支援プラン (plan.ts) and an index
 * of the room's history.
 * A room can be backed up or moved with it; the model part is the lists' JSON export, so the
 * sample files and model exports are accepted too.
 */
export const roomFileFormat = 'jusou-room@1'

export interface RoomFile {
  format: typeof roomFileFormat
  exportedAt: string
  title: string
  kind: RoomKind
  /** false: written without persons; holds nothing that describes them. */
  personsIncluded: boolean
  model: ExportedModel
  quadrant: QuadrantData
  /**
   * The 支援プラン and 役割分担; without persons no 本人の意向, no person as key person or partner.
   * Its closure is informative: an upload never closes or reopens a case.
   */
  plan: PlanData
  /** The room's restorable versions when it was exported (ids, times, counts; not their content). */
  versions: { id: string; createdAt: string; reason: string }[]
  /** The room's meeting records (title, date, attendees by 所属; each copy is …/records/:rid/room.json). */
  records: RecordInfo[]
}

export function exportRoomFile(
  doc: Y.Doc,
  room: { title: string; kind: RoomKind },
  options: { includePersons: boolean; versions?: RoomFile['versions']; records?: RecordInfo[] },
): RoomFile {
  return {
    format: roomFileFormat,
    exportedAt: new Date().toISOString(),
    title: room.title,
    kind: room.kind,
    personsIncluded: options.includePersons,
    model: exportModel(doc, { includePersons: options.includePersons, roomKind: room.kind }),
    // Practice cards name departments and agencies, never persons: the same with or without them.
    quadrant: readQuadrant(doc).data,
    plan: exportPlan(doc, options.includePersons),
    versions: options.versions ?? [],
    records: options.records ?? [],
  }
}

export interface RoomImportReport extends ImportReport {
  quadrant: {
    accepted: { groups: number; practices: number; votes: number }
    rejected: { kind: 'group' | 'practice' | 'vote' | 'settings'; id: string; message: string; messageEn: string }[]
  } | null
  /** null: the file has no plan (a sample file, a model export), and the room's plan stays as it is. */
  plan: PlanImportReport | null
}

export interface ParsedRoomFile {
  apply: (doc: Y.Doc, origin?: unknown) => void
  report: RoomImportReport
}

/**
 * Validates a room file, a model export or a sample file, record by record (a bad record is
 * reported, the rest imported). Throws ImportFormatError when it is not a map at all.
 * `apply` replaces the room's model, and its quadrant and plan when the file has them, in one
 * transaction.
 */
export function parseRoomFile(input: unknown, roomKind: RoomKind): ParsedRoomFile {
  const file = isRoomFile(input) ? input : null
  const modelInput = file ? file.model : input
  const { model, report } = parseImport(modelInput, { roomKind })
  const quadrant = file ? parseQuadrant(file.quadrant) : null
  // A file written without persons says nothing about them: the room's persons, their ties and
  // the household's summary and tags stay, instead of being wiped by what the file leaves out.
  const withoutPersons = (modelInput as { personsIncluded?: unknown } | null)?.personsIncluded === false
  const ids = { actors: new Set(model.actors.map((a) => a.id)), persons: new Set(model.persons.map((p) => p.id)) }
  const plan = file && 'plan' in file ? parsePlan(file.plan, ids, withoutPersons) : null
  return {
    report: { ...report, quadrant: quadrant?.report ?? null, plan: plan?.report ?? null },
    apply(doc, origin) {
      doc.transact(() => {
        const before = withoutPersons ? readModel(doc).model : null
        // Read while the room's persons are still there, so their ids are still valid partners.
        const planBefore = plan && withoutPersons ? readPlan(doc).data : null
        applyImport(doc, model, { replace: true })
        if (before) {
          const personIds = new Set(before.persons.map((p) => p.id))
          const nodeIds = new Set([...model.actors.map((a) => a.id), ...personIds])
          const ties = before.relations.filter((r) => (personIds.has(r.from) || personIds.has(r.to)) && nodeIds.has(r.from) && nodeIds.has(r.to))
          applyImport(doc, { info: { issues: before.info.issues, summary: before.info.summary }, actors: [], persons: before.persons, relations: ties }, { replace: false })
        }
        if (quadrant) quadrant.apply(doc)
        if (plan) plan.apply(doc, planBefore)
      }, origin)
    },
  }
}

function isRoomFile(input: unknown): input is RoomFile {
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === roomFileFormat
}

function parseQuadrant(input: unknown): { apply: (doc: Y.Doc) => void; report: NonNullable<RoomImportReport['quadrant']> } {
  const src = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const list = (key: string) => (Array.isArray(src[key]) ? (src[key] as unknown[]) : [])
  const rejected: NonNullable<RoomImportReport['quadrant']>['rejected'] = []
  const take = <T>(kind: 'group' | 'practice' | 'vote', schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, raw: unknown[], idOf: (v: unknown) => string) =>
    raw.flatMap((value) => {
      const parsed = schema.safeParse(value)
      if (parsed.success) return [parsed.data]
      rejected.push({ kind, id: idOf(value), ...toText(bilingual(quadrantIssueMessage(parsed.error))) })
      return []
    })
  const idOf = (v: unknown) => String((v as { id?: unknown })?.id ?? '')
  const groups = take('group', quadrantGroupSchema, list('groups'), idOf)
  const practices = take('practice', practiceCardSchema, list('practices'), idOf)
  const practiceIds = new Set(practices.map((p) => p.id))
  const votes = take('vote', voteEntrySchema, list('votes'), (v) => String((v as { cardId?: unknown })?.cardId ?? '')).filter((v) => practiceIds.has(v.cardId))
  const settings = quadrantSettingsSchema.safeParse(src.settings ?? {})
  if (!settings.success) rejected.push({ kind: 'settings', id: 'settings', ...toText(bilingual(quadrantIssueMessage(settings.error))) })
  return {
    report: { accepted: { groups: groups.length, practices: practices.length, votes: votes.length }, rejected },
    apply(doc) {
      for (const map of [groupsMap(doc), practicesMap(doc), votesMap(doc)] as Y.Map<unknown>[]) map.clear()
      for (const { id, ...fields } of groups) groupsMap(doc).set(id, recordMap(fields))
      // A card whose group is not in the file joins no group: readQuadrant shows it as グループなし.
      for (const { id, ...fields } of practices) practicesMap(doc).set(id, recordMap(fields))
      for (const v of votes) {
        let perVoter = votesMap(doc).get(v.voterId)
        if (!perVoter) votesMap(doc).set(v.voterId, (perVoter = new Y.Map<number>()))
        perVoter.set(v.cardId, v.count)
      }
      if (settings.success) {
        const target = settingsMap(doc)
        target.clear()
        for (const [key, value] of Object.entries(settings.data)) if (value !== undefined) target.set(key, value)
      }
    },
  }
}

function recordMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value)
  return map
}

const toText = (text: { ja: string; en: string }) => ({ message: text.ja, messageEn: text.en })

