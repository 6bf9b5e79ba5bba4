import { quadrantMapNames } from './quadrant/doc.ts'

/**
 * Root maps of a room's Y.Doc that only a facilitate link may change. The server refuses an
 * edit link's update that writes inside them (server/sync/update-guard.ts); the client shows
 * their controls to the facilitator only.
 */
export const facilitatorOnlyRoots: ReadonlySet<string> = new Set([quadrantMapNames.settings])
