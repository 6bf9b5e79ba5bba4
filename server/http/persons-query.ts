import type { Context } from 'hono'
import { canEdit } from '../rooms/room-access.ts'
import type { GrantedAccess } from './access.ts'
import { catalogApiError } from './errors.ts'

/**
 * The `?persons=` rule of every download (docs/domain.md §8.4, §8.5): undefined / 1 / true
 * include persons, 0 / false leave them out; files with persons need an edit or facilitate
 * link, so a view link must ask for persons=0 and is refused (403) otherwise rather than
 * silently given less than it asked for. Returns the choice, or the error response.
 */
export function includePersonsOr(c: Context, access: GrantedAccess): boolean | Response {
  const value = c.req.query('persons')
  const include = value === undefined || value === '1' || value === 'true' ? true : value === '0' || value === 'false' ? false : null
  if (include === null) return catalogApiError(c, 400, 'INVALID_QUERY', 'invalidPersonsQuery')
  if (include && !canEdit(access.role)) return catalogApiError(c, 403, 'PERSONS_NEED_EDIT_LINK', 'personsNeedEditLink')
  return include
}
