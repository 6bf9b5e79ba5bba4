/**
 * The participant's language as tldraw shape utils see it.
 *
 * Board.tsx copies `useI18n().lang` into this atom. Shape utils read it instead of the React
 * context because:
 * - tldraw renders a shape's component inside its own tracking (useStateTracking) and keeps the
 *   results of getGeometry / getText in computed caches: reading an atom there makes tldraw
 *   re-render the shape and re-measure it when the language changes, which a React context
 *   cannot do for the non-React methods (geometry, text, SVG export);
 * - exports and copy-as-image render shapes into a separate React root (tldraw's
 *   exportToSvg), outside our I18nContext provider: a context would fall back to Japanese
 *   there, the atom does not.
 * One board is mounted per tab, and the language is the tab's, so one atom is enough.
 */
import { atom, useValue } from 'tldraw'
import type { Lang } from '../../shared/i18n/catalog'

export const boardLang = atom<Lang>('board language', 'ja')

/** The board's language in a React component drawn by tldraw (re-renders when it changes). */
export function useBoardLang(): Lang {
  return useValue(boardLang)
}

/**
 * Our corrections to tldraw's bundled translations (@tldraw/assets), given to <Tldraw> as
 * `overrides.translations`. tldraw's Japanese calls following a colleague's view 追跡
 * ("tracking", as of a suspect): in a case conference a facilitator asks everyone to look at
 * what they are showing, so the board says 画面に合わせる. Also the two strings tldraw 5.1's
 * ja.json lacks, which would otherwise show in English.
 */
export const tldrawTranslations: Record<string, Record<string, string>> = {
  ja: {
    'people-menu.follow': 'この人の画面に合わせる',
    'people-menu.following': 'この人の画面に合わせています',
    'people-menu.leading': 'あなたの画面に合わせています',
    'action.stop-following': '画面合わせをやめる',
    'page-menu.max-pages-reached': 'これ以上ページを追加できません',
    'page-menu.resize': 'ページ一覧の大きさを変える',
  },
  en: {
    'people-menu.follow': 'Follow their view',
    'people-menu.following': 'Following their view',
    'action.stop-following': 'Stop following',
  },
}
