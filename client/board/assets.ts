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

/**
 * The largest image or video file the board takes, in bytes. Assets travel inside the room's
 * Yjs document as data: URLs (base64, a third larger) and must fit one websocket message of at
 * most `maxMessageBytes` (the server's MAX_MESSAGE_BYTES, 2 MB by default) with the record
 * around them; larger images are downscaled first (photos.ts).
 */
export function maxAssetBytes(maxMessageBytes: number): number {
  return Math.max(64 * 1024, Math.floor(maxMessageBytes * 0.7))
}
