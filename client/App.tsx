import { useCallback, useEffect, useMemo, useState } from 'react'
import { HomePage } from './home/HomePage'
import { I18nContext, loadLang, messages, saveLang, type I18n, type Lang } from './i18n'
import { RoomPage } from './room/RoomPage'

/** `/r/:roomId` → the room id, anything else → null. */
export function roomIdFromPath(pathname: string): string | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname)
  return match ? decodeURIComponent(match[1]) : null
}

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang)
  const setLang = useCallback((next: Lang) => {
    saveLang(next)
    setLangState(next)
  }, [])
  const i18n = useMemo<I18n>(() => ({ lang, setLang, t: (key) => messages[lang][key] }), [lang, setLang])

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const pathname = window.location.pathname
  const roomId = roomIdFromPath(pathname)
  let page
  if (roomId) page = <RoomPage roomId={roomId} />
  else if (pathname === '/' || pathname === '/index.html') page = <HomePage />
  else page = <NotFound />

  return <I18nContext.Provider value={i18n}>{page}</I18nContext.Provider>
}

function NotFound() {
  return (
    <I18nContext.Consumer>
      {({ t }) => (
        <main className="page narrow">
          <p>{t('notFound')}</p>
          <a href="/">{t('backHome')}</a>
        </main>
      )}
    </I18nContext.Consumer>
  )
}
