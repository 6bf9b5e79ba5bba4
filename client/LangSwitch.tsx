import { useI18n } from './i18n'

/** Switches our UI and tldraw's menus between Japanese and English; the choice is remembered. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      title={t('langSwitchTitle')}
      onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
    >
      {t('langSwitch')}
    </button>
  )
}
