import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { HomePage } from './home/HomePage'
import type { Lang } from '../shared/i18n/catalog'
import { appText, I18nContext, loadLang, saveLang, useCatalog, type I18n } from './i18n'
import { RoomPage } from './room/RoomPage'
import { resolveRoomToken } from './room/storage'

// Loaded with its route only, so that its print CSS (@page) never reaches the other pages.
const PrintPage = lazy(() => import('./print/PrintPage').then((m) => ({ default: m.PrintPage })))

/** `/r/:roomId` → the room id, anything else → null. */
export function roomIdFromPath(pathname: string): string | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname)
  return match ? decodeURIComponent(match[1]) : null
}

/** `/r/:roomId/print` (the A4 documents, client/print) → the room id, anything else → null. */
export function printRoomIdFromPath(pathname: string): string | null {
  const match = /^\/r\/([^/]+)\/print\/?$/.exec(pathname)
  return match ? decodeURIComponent(match[1]) : null
}

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang)
  const setLang = useCallback((next: Lang) => {
    saveLang(next)
    setLangState(next)
  }, [])
  const i18n = useMemo<I18n>(() => ({ lang, setLang }), [lang, setLang])

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const pathname = window.location.pathname
  const roomId = roomIdFromPath(pathname)
  const printRoomId = printRoomIdFromPath(pathname)
  // The tab's token for the room, as the room page resolves it (a #k= fragment works here too).
  const [printToken] = useState(() => (printRoomId ? resolveRoomToken(printRoomId, window.location.hash) : null))
  let page
  if (roomId) page = <RoomPage roomId={roomId} />
  else if (printRoomId) {
    page = (
      <Suspense fallback={null}>
        <PrintPage roomId={printRoomId} token={printToken} />
      </Suspense>
    )
  }
  else if (pathname === '/' || pathname === '/index.html') page = <HomePage />
  else page = <NotFound />

  return <I18nContext.Provider value={i18n}>{page}</I18nContext.Provider>
}

function NotFound() {
  const text = useCatalog(appText)
  return (
    <main className="page narrow">
      <p>{text.notFound}</p>
      <a href="/">{text.backHome}</a>
    </main>
  )
}
