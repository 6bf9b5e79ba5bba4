/**
 * The tab of the room a page was left from, carried by a link so that coming back opens it
 * again: the print page's 「ルームに戻る」 returns to the 支援プラン tab it was opened from, not
 * to the board. `/r/<id>?tab=plan` (the room page reads it once, then takes it off the address).
 */
export const roomTabs = ['board', 'lists', 'quadrant', 'graph', 'plan'] as const
export type RoomTab = (typeof roomTabs)[number]

export function isRoomTab(value: unknown): value is RoomTab {
  return typeof value === 'string' && (roomTabs as readonly string[]).includes(value)
}

/** The tab a room address asks for; null for none or an unknown one. */
export function tabFromSearch(search: string): RoomTab | null {
  const tab = new URLSearchParams(search).get('tab')
  return isRoomTab(tab) ? tab : null
}

/** The room's address opening `tab` (the board needs no parameter: it is where a room opens). */
export function roomPath(roomId: string, tab: RoomTab | null | undefined): string {
  const base = `/r/${encodeURIComponent(roomId)}`
  return tab && tab !== 'board' ? `${base}?tab=${tab}` : base
}

/** The same address without `tab` (kept: every other parameter and the #k= fragment). */
export function withoutTab(href: string): string {
  const url = new URL(href)
  url.searchParams.delete('tab')
  return `${url.pathname}${url.search}${url.hash}`
}
