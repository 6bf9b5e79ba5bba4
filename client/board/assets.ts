/**
 * tldraw's fonts, icons and translations, bundled by vite into dist/ and served from our own
 * origin. Without this, tldraw loads them from cdn.tldraw.com, which closed town-hall networks
 * cannot reach (the UI would show no icons and English only).
 *
 * Defined at module level because <Tldraw assetUrls> must be referentially stable.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
// tldraw fetch()es translations/en.json before any other language. That file is tiny ("{}"),
// so vite would inline it as a data: URL, and fetching data: URLs is refused by a Content
// Security Policy whose connect-src is limited to our origin. Keep it a real file.
import enTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline'

const bundled = getAssetUrlsByImport()

export const assetUrls = {
  ...bundled,
  translations: { ...bundled.translations, en: enTranslationUrl },
}
