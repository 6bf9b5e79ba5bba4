import { Hono } from 'hono'
import { inLang, isLang } from '../../shared/i18n/catalog.ts'
import { readModel } from '../../shared/model/doc.ts'
import { DEFAULT_TIME_ZONE } from '../../shared/plan/doc.ts'
import { exportPlan } from '../../shared/room-file/plan.ts'
import { planXlsxCatalog } from '../export/plan-labels.ts'
import { planWorkbook } from '../export/plan-xlsx.ts'
import type { RoomDirectory } from '../storage/doc-store.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { roomAccess, type RoomAccessEnv } from './access.ts'
import { attachment } from './content-disposition.ts'
import { catalogApiError } from './errors.ts'
import { includePersonsOr } from './persons-query.ts'

export interface PlanExportDeps {
  directory: RoomDirectory
  rooms: RoomManager
  /** The meetings' calendar (config TZ): the day tasks become overdue, the day of a closure. */
  timeZone?: string
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The 役割分担 as an Excel workbook, under /api (README "HTTP API"):
 *   GET /rooms/:roomId/plan/tasks.xlsx[?persons=0][&lang=en]
 * Persons follow every download's rule (persons-query.ts): a view link must ask for persons=0;
 * without persons, no person's label and no 本人の意向 are written.
 */
export function createPlanExport({ directory, rooms, timeZone = DEFAULT_TIME_ZONE }: PlanExportDeps): Hono<RoomAccessEnv> {
  const app = new Hono<RoomAccessEnv>()

  app.get('/rooms/:roomId/plan/tasks.xlsx', roomAccess(directory), async (c) => {
    const access = c.get('access')
    const includePersons = includePersonsOr(c, access)
    if (includePersons instanceof Response) return includePersons
    const lang = c.req.query('lang') ?? 'ja'
    if (!isLang(lang)) return catalogApiError(c, 400, 'INVALID_QUERY', 'invalidLangQuery')
    const { plan, model } = await rooms.read(access.room.id, (doc) => ({ plan: exportPlan(doc, includePersons), model: readModel(doc).model }))
    const book = planWorkbook(plan, includePersons ? model : { ...model, persons: [] }, { includePersons, lang, timeZone })
    const data = new Uint8Array(await book.xlsx.writeBuffer())
    const words = inLang(planXlsxCatalog, lang)
    const suffix = includePersons ? words.fileSuffix : words.fileSuffixNoPersons
    const ascii = `${access.room.id}-plan-tasks${includePersons ? '' : '-no-persons'}.xlsx`
    return c.body(data, 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(ascii, `${access.room.title}-${suffix}.xlsx`),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  return app
}
