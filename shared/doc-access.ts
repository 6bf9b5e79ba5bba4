import { planMapNames } from './plan/doc.ts'
import { quadrantMapNames } from './quadrant/doc.ts'

/**
 * Root maps of a room's Y.Doc that only a facilitate link may change. The server refuses an
 * edit link's update that writes inside them (server/sync/update-guard.ts); the client shows
 * their controls to the facilitator only.
 */
export const facilitatorOnlyRoots: ReadonlySet<string> = new Set([quadrantMapNames.settings])

/**
 * Root maps that only the server writes (after an HTTP call a facilitator makes): the case's
 * closure. A client's write inside them is undone by the server, whatever its link.
 */
export const serverOnlyRoots: ReadonlySet<string> = new Set([planMapNames.closure])
