/**
 * Who is in the room, from awareness: names, 所属 and colours — never cursors.
 *
 * Why a module of its own: in a plenary of 200, awareness changes 20 times a second (every
 * cursor tick), but the roster only changes when someone joins, leaves or edits their profile.
 * Views that show the roster (the participant list, the quadrant's "departments that placed
 * nothing yet") must re-render on roster changes only. Pure, so it is tested without a browser.
 */

export interface Participant {
  clientId: number
  name: string
  org: string
  color: string
  isSelf: boolean
  /** Joined on a view link (an observer, a projector): present, but not an attendee. */
  viewer?: boolean
}

export interface OrgGroup {
  /** 所属 as entered; '' for participants who left it empty. */
  org: string
  members: Participant[]
}

interface UserLike {
  name?: unknown
  org?: unknown
  color?: unknown
  viewer?: unknown
}

const collator = new Intl.Collator('ja', { numeric: true })

/** Participants with a name, yourself first, then in Japanese collation order. */
export function rosterFrom(states: Map<number, unknown>, selfId: number): Participant[] {
  const list: Participant[] = []
  for (const [clientId, state] of states) {
    const user = (state as { user?: UserLike } | null)?.user
    if (!user || typeof user.name !== 'string' || !user.name) continue
    list.push({
      clientId,
      name: user.name,
      org: typeof user.org === 'string' ? user.org : '',
      color: typeof user.color === 'string' ? user.color : '#888',
      isSelf: clientId === selfId,
      ...(user.viewer === true ? { viewer: true } : {}),
    })
  }
  return list.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || collator.compare(a.name, b.name) || a.clientId - b.clientId,
  )
}

/** True when both lists show the same people with the same names, 所属 and colours. */
export function sameRoster(a: readonly Participant[], b: readonly Participant[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x.clientId !== y.clientId || x.name !== y.name || x.org !== y.org || x.color !== y.color || x.isSelf !== y.isSelf || x.viewer !== y.viewer) {
      return false
    }
  }
  return true
}

/** Participants by 所属, largest group first; the group with no 所属 comes last. */
export function groupByOrg(list: readonly Participant[]): OrgGroup[] {
  const groups = new Map<string, Participant[]>()
  for (const p of list) {
    const members = groups.get(p.org)
    if (members) members.push(p)
    else groups.set(p.org, [p])
  }
  return [...groups]
    .map(([org, members]) => ({ org, members }))
    .sort(
      (a, b) =>
        Number(a.org === '') - Number(b.org === '') ||
        b.members.length - a.members.length ||
        collator.compare(a.org, b.org),
    )
}

/**
 * Distinct 所属 present in the room, in roster order: a meeting record's attendees, the
 * quadrant's departments expected to place cards. View links are left out: they attend nothing.
 */
export function orgsPresent(list: readonly Participant[]): string[] {
  return [...new Set(list.filter((p) => !p.viewer).map((p) => p.org).filter(Boolean))]
}
