import type { Lang } from '../i18n/catalog.ts'
import { bilingual, message, messageIn, type Message } from '../i18n/message.ts'
import { personalInfoCatalog } from '../i18n/validation.ts'

/**
 * Does a person's label (or a note) look like personal information: a name, an address, a
 * phone number or an e-mail address? Case maps record people by role and age band only
 * (本人, 母, 長男 + 年代), but a text field cannot stop anyone from typing 「山田太郎」. This
 * heuristic lets the UI and the import report warn. It never rejects: a false alarm must not
 * block a workshop, and a real name must not pass silently.
 *
 * Conservative on purpose: role words (母, 大家, 民生委員, お母さん, 近所の奥さん…) must not
 * warn, so names are recognised only from a list of common surnames, or as a kanji word followed
 * by an honorific that is not itself a role (翔太くん, 花子さん). Names not on the list
 * (東海林太郎) or written in kana or Latin letters are missed; addresses and numbers are
 * recognised by their shape (〇〇町1-2-3, 3丁目, 東京都新宿区, 090-1234-5678).
 */

export type PersonalInfoKind = 'name' | 'address' | 'phone' | 'email'

export interface PersonalInfoMatch {
  kind: PersonalInfoKind
  /** The part of the (NFKC-normalised) text that looks like it. */
  text: string
}

const HAN = '\\p{Script=Han}〇○'
const isHan = (c: string | undefined) => c !== undefined && new RegExp(`[${HAN}]`, 'u').test(c)
const isKatakana = (c: string | undefined) => c !== undefined && /[\u30A1-\u30FA\u30FC]/.test(c)

/** The most common Japanese surnames (two or three characters: one-character ones such as 林 or 森 are ordinary words too). */
const surnames = `佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邉 渡邊 渡部 山本 中村 小林 加藤 吉田 山田 佐々木 松本 井上 木村 斎藤 斉藤 齋藤
清水 山崎 池田 橋本 阿部 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井
金子 岡本 藤原 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宮本 内田 高木 安藤 島田
谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 杉山 増田 小山 菅原 久保 松井 岩崎 桜井 木下 野口 松尾 菊地 菊池 野村 新井
山内 西田 吉川 中西 佐野 小池 浅野 大西 北村 荒木 松岡 水野 小松 小島 川口 原口 樋口 大橋 本田 市川 秋山 望月 永井 服部
平田 片山 辻 関口 大久保 久保田 吉村 岩田 土屋 小西 宮田 熊谷 松下 川村 飯田 稲垣 星野 安田 中田 大島 石原 黒田 藤川
山口 宮崎 千葉 石川 長野 福島 岡山 松本 上野 中野 平野 大塚 福井`
  .split(/\s+/)
  .filter((s) => s.length >= 2)

/**
 * Surnames that are also place names (prefectures, cities, wards): 「千葉の叔父」 names a place,
 * so these count as names only with an honorific (千葉さん).
 */
const placeSurnames = new Set(['山口', '宮崎', '千葉', '石川', '長野', '福島', '岡山', '松本', '上野', '中野', '平野', '大塚', '福井'])

/** Longest first, so that 佐々木 is not read as 佐々 + 木, 長谷川 not as 長谷 + 川. */
const surnameList = [...new Set(surnames)].sort((a, b) => b.length - a.length)

const honorific = /^\s?(さん|さま|様|君|くん|ちゃん|氏|殿|先生)/

/**
 * A given name is one or two kanji (a third only as in 健太郎, 龍之介, 由美子). The first kanji
 * must not start a place or an institution: 山田町, 田中医院, 鈴木内科 are not people.
 */
const notGivenNameStart = new Set([...'市区町村郡県都府道駅線通店社院園校局科会所館間部署課係医病歯眼商薬工建産内外駐'])
const thirdKanji = new Set([...'郎朗介助衛門美子江代恵'])

/** Kanji words before さん／ちゃん… that are roles, not names: お母さん, 大家さん, 民生委員さん. */
const roleExact = new Set(['子', '赤', '隣', '皆', '彼', '客', '神', '仏', '王', '姫', '坊', '奥', '孫', '嫁', '婿', '甥', '姪', '友'])
const roleEndings = [
  ...'母父兄姉弟妹娘孫嫁婿夫妻奥人員者長師士生家主方屋官医婦手女男婆爺坊嬢輩御所間様',
  '息子', '双子', '里子', '養子', '長子', '末子', '実子', '弟子', '旦那', '主人', '先輩', '後輩',
]

const prefectures =
  '北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県'

const DASH = '-‐‑‒–—―−ー'
const KANJI_DIGIT = '〇一二三四五六七八九十'

const addressPatterns: RegExp[] = [
  // 住所地特例 (a care-insurance rule) and 住所不定 (no fixed abode) describe a situation, not an address.
  /(?:住所(?!不定|地)|所在地|〒|郵便番号)[^、。,)]{0,20}/,
  new RegExp(`[\\d${KANJI_DIGIT}]+\\s*丁目`),
  /\d+\s*番地/,
  /\d+\s*番\s*\d+\s*号?/,
  /\d+\s*号室/,
  // 〇〇町1-2-3, 本町2-5: a place word followed by block numbers.
  new RegExp(`[${HAN}]\\s*\\d{1,4}(?:[${DASH}]\\d{1,4}){1,3}`, 'u'),
  // 1-2-3 on its own (phone numbers are told apart below).
  new RegExp(`(?<![\\d${DASH}])\\d{1,4}[${DASH}]\\d{1,4}[${DASH}]\\d{1,4}(?![\\d${DASH}])`),
  // 都道府県市区町村 + a number: 〇〇町1, A市3
  /[都道府県市区町村郡](?:大字|字)?\s*\d/,
  // 東京都新宿区, 石川県金沢市
  new RegExp(`(?:${prefectures})\\s*[${HAN}ヶケ]{1,6}?[市区町村郡]`, 'u'),
  // 横浜市中区, 〇〇市△△町
  new RegExp(`[${HAN}]{1,4}市[${HAN}]{1,4}[区町]`, 'u'),
  // Postal code 123-4567 (not part of a longer number).
  new RegExp(`(?<![\\d${DASH}])\\d{3}[${DASH}]\\d{4}(?![\\d${DASH}])`),
]

const phoneKeyword = /電話番号|携帯番号|(?:電話|TEL|Tel|tel|携帯|℡|FAX|Fax|fax)\s*[:=]?\s*\d/
const phoneCandidate = new RegExp(`\\+?\\d[\\d${DASH}()\\s]{7,}\\d`, 'g')
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/
const nameKeyword = /(?:氏名|本名|実名|フルネーム|名前\s*[:=])[^、。,)]{0,20}/

/** Every kind of personal information the text seems to contain, each with the part that triggered it. */
export function findPersonalInfo(input: string): PersonalInfoMatch[] {
  const text = input.normalize('NFKC')
  const found: PersonalInfoMatch[] = []
  const add = (kind: PersonalInfoKind, part: string) => {
    if (!found.some((m) => m.kind === kind)) found.push({ kind, text: part.trim() })
  }

  const mail = email.exec(text)
  if (mail) add('email', mail[0])

  // Phones first: 03-1234-5678 must not also be read as a block number or a postal code.
  let rest = text
  for (const m of text.matchAll(phoneCandidate)) {
    const digits = m[0].replace(/\D/g, '')
    if ((digits.startsWith('0') && digits.length >= 10 && digits.length <= 11) || (m[0].startsWith('+') && digits.length >= 10)) {
      add('phone', m[0])
      rest = rest.replace(m[0], ' ')
    }
  }
  const keyword = phoneKeyword.exec(text)
  if (keyword) add('phone', keyword[0])

  const stripped = rest.replace(/市区町村|市町村/g, ' ')
  for (const pattern of addressPatterns) {
    const m = pattern.exec(stripped)
    if (m) {
      add('address', m[0])
      break
    }
  }

  const named = nameKeyword.exec(text) ?? findName(text)
  if (named) add('name', typeof named === 'string' ? named : named[0])

  const order: PersonalInfoKind[] = ['name', 'address', 'phone', 'email']
  return found.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
}

/** A surname from the list with an honorific or a given name, or a kanji word with an honorific that is not a role. */
function findName(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    // A surname starts a word: 「小中村」 does not contain the surname 中村.
    if (isHan(text[i - 1])) continue
    const surname = surnameList.find((s) => text.startsWith(s, i))
    if (!surname) continue
    const after = text.slice(i + surname.length)
    const hon = honorific.exec(after)
    if (hon) return surname + hon[0]
    if (placeSurnames.has(surname)) continue
    const given = givenName(after)
    if (given !== null) return surname + given
    // The surname alone (山田, 山田の母, 山田（本人）): anything but more kanji or katakana follows.
    // Katakana is left out because 鈴木クリニック is a clinic.
    if (!isHan(after[0]) && !isKatakana(after[0])) return surname
  }
  return honorificName(text)
}

function givenName(after: string): string | null {
  const m = /^\s?/.exec(after)!
  const start = m[0].length
  const chars = [...after.slice(start, start + 4)]
  if (!isHan(chars[0]) || notGivenNameStart.has(chars[0])) return null
  for (const length of [3, 2, 1]) {
    const part = chars.slice(0, length)
    if (part.length < length || !part.every(isHan)) continue
    if (length === 3 && !thirdKanji.has(part[2])) continue
    const next = chars[length]
    if (!isHan(next) && !isKatakana(next)) return after.slice(0, start) + part.join('')
  }
  return null
}

/** 翔太くん, 花子さん: kanji before an honorific, unless they are a role (お母さん, 大家さん, 民生委員さん). */
function honorificName(text: string): string | null {
  const re = new RegExp(`([${HAN}]{1,4})(さん|さま|様|君|くん|ちゃん)`, 'gu')
  for (const m of text.matchAll(re)) {
    const word = m[1]
    const before = text[m.index - 1]
    // お／ご before the word makes it a polite role: お子さん, ご本人様, ご主人.
    if (before === 'お' || before === 'ご' || before === '御') continue
    if (roleExact.has(word) || roleEndings.some((e) => word.endsWith(e))) continue
    return m[0]
  }
  return null
}

export type PersonalInfoField = 'label' | 'note' | 'summary'

const kindKey = { name: 'kindName', address: 'kindAddress', phone: 'kindPhone', email: 'kindEmail' } as const
const fieldKey = { label: 'fieldLabel', note: 'fieldNote', summary: 'fieldSummary' } as const

/**
 * What to tell the person who typed it (personalInfoCatalog), or null when nothing looks like
 * personal information.
 */
export function personalInfoMessage(text: string | undefined, field: PersonalInfoField): Message | null {
  if (!text) return null
  const matches = findPersonalInfo(text)
  if (matches.length === 0) return null
  const kinds = matches.map((m) => bilingual(message(personalInfoCatalog, kindKey[m.kind])))
  return message(personalInfoCatalog, 'warning', {
    field: message(personalInfoCatalog, fieldKey[field]),
    // The user's own text, quoted as each language quotes.
    found: { ja: matches.map((m) => `「${m.text}」`).join(''), en: matches.map((m) => `“${m.text}”`).join(', ') },
    kinds: { ja: kinds.map((k) => k.ja).join('・'), en: kinds.map((k) => k.en).join(' / ') },
    how: message(personalInfoCatalog, field === 'label' ? 'howLabel' : 'howOther'),
  })
}

/** The warning as a sentence (Japanese unless told), or null when nothing looks like personal information. */
export function personalInfoWarning(text: string | undefined, field: PersonalInfoField, lang: Lang = 'ja'): string | null {
  const warning = personalInfoMessage(text, field)
  return warning && messageIn(warning, lang)
}
