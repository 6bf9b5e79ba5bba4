// Connection state and participant labels are read by both room/ and board/, so they live in session/.
import { fill, inLang, type Lang } from '../../shared/i18n/catalog'
import { appText } from '../i18n'

/** The label a participant sees next to a cursor and in tldraw's people menu: 名前（所属）, in their own language's punctuation. */
export function participantLabel(name: string, org: string, lang: Lang): string {
  return org ? name + fill(inLang(appText, lang).orgInParens, { org }) : name
}
