/**
 * The board as a projection of the room's model: keeps the tldraw board a faithful drawing of
 * the model (shared/model), and turns what users do on the board into model ops.
 *
 * The model (Y.Maps 'actors', 'persons', 'relations') is the single source of truth. The board
 * holds, per record, one shape with a DETERMINISTIC id derived from the record id:
 *   actor  a-xyz  → card   `shape:actor-a-xyz`   (props: actorId, w, h; content read live)
 *   person p-xyz  → card   `shape:person-p-xyz`  (inside the household frame `shape:household`
 *                                                 when person.household is true)
 *   relation r-xyz → arrow `shape:rel-r-xyz`, bound to its two cards with
 *                    `binding:rel-r-xyz-start|end`, styled from the relation (relation-style.ts),
 *                    meta.relationId = r-xyz.
 * Two clients creating the same card or arrow at once therefore write the same key of the
 * 'tldraw' Y.Map and converge (last writer wins on position) instead of duplicating it.
 *
 * The parts: jobs.ts (when: at once for this user's change, a repair pass later for anything
 * else), model-to-board.ts (what a pass writes), placement.ts (where new cards go),
 * board-to-model.ts (gestures → model ops), templates.ts (the room's frames).
 *
 * A view-only participant runs none of this: the board shows what the document holds.
 */
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import type { CollectionKind } from '../../../shared/model/doc'
import type { ModelValidationError } from '../../../shared/model/ops'
import type { Lang } from '../../../shared/i18n/catalog'
import type { RoomKind } from '../../../shared/rooms'
import { MODEL_ORIGIN, RECONCILE_ORIGIN } from '../origins'
import { BINDING_ORIGIN, getTldrawMap, REMOTE_FOLLOWUP_ORIGIN, type YjsStoreBinding } from '../yjs-store-binding'
import { startBoardToModel, type BoardToModel } from './board-to-model'
import { createSyncContext, isIdle } from './context'
import { createJobPump, GRACE_MS, transactionEffect } from './jobs'
import { runJobPass } from './model-to-board'
import { createRoomTemplate } from './templates'

export { GRACE_MS } from './jobs'
export { relationIdOf } from './shapes'

export interface ModelBoardSyncOptions {
  editor: Editor
  doc: Y.Doc
  binding: YjsStoreBinding
  roomKind: RoomKind
  readOnly: boolean
  /** The 'tldraw' map was empty when this client bound the board: create the room's template. */
  freshRoom: boolean
  /** True once the room has synced with the server (or is known to be offline). */
  isSettled: () => boolean
  graceMs?: number
  /** A board gesture's model change was refused by the schema: tell the participant. */
  onRefused?: (error: ModelValidationError) => void
  /** A board gesture's model change was made (clears a refusal shown before). */
  onAccepted?: () => void
  /** This participant's language (names of copied cards); Japanese unless told. */
  lang?: () => Lang
}

export interface ModelBoardSync {
  dispose(): void
}

// The message key only: a validation message may quote what the participant typed.
const warnRefused = (error: ModelValidationError) => console.warn('board → model change refused:', error.key)

export function startModelBoardSync(options: ModelBoardSyncOptions): ModelBoardSync {
  const { editor, doc, binding, roomKind, readOnly, freshRoom, isSettled } = options
  if (readOnly) return { dispose() {} }

  const ctx = createSyncContext(editor, doc, binding)
  const kindOfMap = new Map<unknown, CollectionKind>(Object.entries(ctx.maps).map(([k, m]) => [m, k as CollectionKind]))
  const tldrawMap = getTldrawMap(doc)
  // Board writes that never call for a repair: this projection's own and tldraw's follow-ups.
  const ownOrigins = new Set<unknown>([BINDING_ORIGIN, RECONCILE_ORIGIN, REMOTE_FOLLOWUP_ORIGIN])
  let boardToModel: BoardToModel | null = null

  const pump = createJobPump({
    runPass: (job) => runJobPass(ctx, job),
    // The repair waits until the room has synced, the pointer is up and gestures are processed.
    readyForRepair: () => isSettled() && isIdle(editor) && !boardToModel?.hasPending(),
    graceMs: options.graceMs ?? GRACE_MS,
  })

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (ctx.disposed) return
    const { scope, model, boardRemoval } = transactionEffect(tr, kindOfMap, tldrawMap)
    // This user's own model change: drawn at once, as part of their action.
    if (model && tr.origin === MODEL_ORIGIN && tr.local) pump.reconcile(scope, true)
    else if (model || (boardRemoval && !ownOrigins.has(tr.origin))) pump.scheduleRepair()
  }
  doc.on('afterTransaction', onAfterTransaction)

  boardToModel = startBoardToModel(ctx, { onRefused: options.onRefused ?? warnRefused, onAccepted: options.onAccepted, lang: options.lang })

  if (freshRoom) createRoomTemplate(ctx, roomKind)
  pump.scheduleRepair()

  return {
    dispose() {
      ctx.disposed = true
      boardToModel?.dispose()
      doc.off('afterTransaction', onAfterTransaction)
      pump.dispose()
    },
  }
}
