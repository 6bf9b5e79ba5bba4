import { useEffect } from 'react'
import { getUserPreferences, setUserPreferences } from 'tldraw'
import { setLocalUser } from '../board/presence'
import type { Lang } from '../../shared/i18n/catalog'
import type { RoomConnection } from '../session/connection'
import { participantLabel } from '../session/participant'
import type { Profile } from './storage'

/**
 * tldraw's menus follow the user preference locale (in tldraw 5.1 the <Tldraw locale> prop
 * only reaches its loading screen), so keep the preference in step with our language switch.
 */
export function useTldrawLocale(lang: Lang): void {
  useEffect(() => {
    const prefs = getUserPreferences()
    if (prefs.locale !== lang) setUserPreferences({ ...prefs, locale: lang })
  }, [lang])
}

/**
 * Who we are, for peers (awareness) and for tldraw (its people menu and attribution). On a view
 * link we say so (`viewer`), so that peers do not count us among a meeting's attendees; the
 * server leaves view links out of the attendees it fills in itself, whatever they say.
 */
export function useLocalUser(connection: RoomConnection | null, profile: Profile, lang: Lang, viewer = false): void {
  useEffect(() => {
    if (!connection) return
    const prefs = getUserPreferences()
    const label = participantLabel(profile.name, profile.org, lang)
    if (prefs.name !== label) setUserPreferences({ ...prefs, name: label })
    const user = { id: prefs.id, name: profile.name, org: profile.org, color: prefs.color ?? '#7B66DC', ...(viewer ? { viewer: true } : {}) }
    setLocalUser(connection.awareness, user)
  }, [connection, profile, lang, viewer])
}

/** Stable id of this participant (tldraw's user id), e.g. for quadrant votes. */
export const localUserId = (): string => getUserPreferences().id
