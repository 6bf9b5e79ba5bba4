import { defineCatalog, inLang } from '../shared/i18n/catalog'
import { useI18n } from './i18n'

/** Each language's own name for itself: the switch is read by someone who wants that language. */
export const langSwitchText = defineCatalog(
  'langSwitch',
  { label: '日本語', title: '日本語に切り替え' },
  { label: 'English', title: 'Switch to English' },
)

/** Switches our UI and tldraw's menus between Japanese and English; the choice is remembered. */
export function LangSwitch() {
  const { lang, setLang } = useI18n()
  const target = lang === 'ja' ? 'en' : 'ja'
  const text = inLang(langSwitchText, target)
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" lang={target} title={text.title} onClick={() => setLang(target)}>
      {text.label}
    </button>
  )
}
