import { fill, inLang, type Catalog, type Lang } from './catalog.ts'

/**
 * A catalog sentence that is made before anyone knows who will read it (a validation error
 * thrown deep in shared/, a problem found while reading a Y.Doc), carried with its key and
 * placeholders until the reader's language is known.
 *
 * A placeholder may itself be a message (the field name in 「名称: 入力してください」 is
 * translated too) or a `{ ja, en }` pair; strings and numbers are the user's own data and are
 * shown as they are.
 */
export type MessageParam = string | number | Bilingual | Message
export type MessageParams = Readonly<Record<string, MessageParam>>

/** One text in both languages. */
export interface Bilingual {
  readonly ja: string
  readonly en: string
}

export interface Message<K extends string = string> {
  readonly catalog: Catalog<K>
  readonly key: K
  readonly params: MessageParams
}

export function message<K extends string>(catalog: Catalog<K>, key: NoInfer<K>, params: MessageParams = {}): Message<K> {
  return { catalog, key, params }
}

function isMessage(value: Bilingual | Message): value is Message {
  return 'catalog' in value
}

/** The message in one language, its placeholders filled (nested messages in the same language). */
export function messageIn(m: Message, lang: Lang): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(m.params)) {
    params[name] = typeof value === 'object' ? (isMessage(value) ? messageIn(value, lang) : value[lang]) : value
  }
  return fill((inLang(m.catalog, lang) as Record<string, string>)[m.key], params)
}

/** The message in both languages, for objects that carry plain text (problems, API bodies). */
export function bilingual(m: Message): Bilingual {
  return { ja: messageIn(m, 'ja'), en: messageIn(m, 'en') }
}

/** An error whose text comes from a catalog: `.message` is Japanese, `messageIn('en')` English. */
export class CatalogError<K extends string = string> extends Error {
  readonly key: K
  readonly params: MessageParams
  readonly catalog: Catalog<K>

  constructor(m: Message<K>) {
    super(messageIn(m, 'ja'))
    this.key = m.key
    this.params = m.params
    this.catalog = m.catalog
  }

  get messageEn(): string {
    return this.messageIn('en')
  }

  messageIn(lang: Lang): string {
    return messageIn(this, lang)
  }
}
