/**
 * What a node's label looks like on the graph: a long name shortened with an ellipsis (the full
 * name is in the hover tooltip and the selection details), the line breaks the user typed kept,
 * and break opportunities between Japanese words so that cytoscape, which wraps only at white
 * space, can wrap a name written without spaces (支援センター breaks before センター, not in it).
 */

/** About three lines of 10 Japanese characters at the label's maximum width. */
export const MAX_LABEL_CHARS = 30
export const MAX_LABEL_LINES = 3
const ELLIPSIS = '…'
const ZWSP = '\u200b'

/** The label as drawn: at most MAX_LABEL_LINES lines and MAX_LABEL_CHARS characters, else cut with '…'. */
export function shortLabel(full: string): string {
  const lines = full
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
  const out: string[] = []
  let used = 0
  let cut = false
  for (const line of lines) {
    if (out.length === MAX_LABEL_LINES) {
      cut = true
      break
    }
    const chars = [...line]
    const room = MAX_LABEL_CHARS - used
    if (chars.length > room) {
      // Keep at least two characters of a cut line; otherwise the ellipsis ends the line before.
      if (room >= 3) out.push(chars.slice(0, room - 1).join('').trimEnd())
      cut = true
      break
    }
    out.push(line)
    used += chars.length
  }
  if (cut && out.length > 0) out[out.length - 1] += ELLIPSIS
  return out.join('\n')
}

// Hiragana, katakana, CJK ideographs, CJK punctuation, full-width forms.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u
const HIRAGANA = /^[\u3041-\u309f]$/u
const KANJI = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u
const KANJI_OR_KATAKANA = /^[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u
// No line starts with these (Japanese line-breaking rules, the common part) …
const NO_START = /[、。，．）」』】〕〉》・ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ!?！？:：;；)\]]/u
// … and none ends with these.
const NO_END = /[（「『【〔〈《([]/u
/** A word longer than this would not fit on one line (text-max-width): it may break inside. */
const LONG_WORD = 10

/** Splits a line into words; the browser's dictionary knows Japanese words (支援|センター). */
export type WordSplitter = ((line: string) => string[]) | null

const defaultSplitter: WordSplitter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? (() => {
        const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })
        return (line: string) => [...segmenter.segment(line)].map((s) => s.segment)
      })()
    : null

const last = (s: string) => [...s].at(-1) ?? ''
const first = (s: string) => [...s][0] ?? ''

/** Whether a line may break between the characters a and b. */
function mayBreak(a: string, b: string): boolean {
  // Cytoscape breaks at white space by itself.
  if (/\s/u.test(a) || /\s/u.test(b)) return false
  if (!CJK.test(a) && !CJK.test(b)) return false
  return !NO_START.test(b) && !NO_END.test(a)
}

/**
 * The dictionary's words, rejoined where a break would read badly: a one-kanji suffix stays with
 * its word (協議|会, 保健|師, 福祉|課), and a run of hiragana stays whole (ひ|き|こ|も|り).
 */
function words(line: string, split: WordSplitter): string[] {
  if (!split) return [...line]
  const out: string[] = []
  for (const w of split(line)) {
    const prev = out.at(-1)
    const suffix = [...w].length === 1 && KANJI.test(w) && prev !== undefined && KANJI_OR_KATAKANA.test(last(prev))
    const kana = prev !== undefined && HIRAGANA.test(last(prev)) && HIRAGANA.test(first(w))
    if (suffix || kana) out[out.length - 1] = prev + w
    else out.push(w)
  }
  return out
}

/**
 * `text` with a zero-width space wherever a line may break: between Japanese words (between
 * characters where the browser has no word dictionary, and inside a word too long for a line),
 * never before 」 or ー nor after （.
 */
export function breakable(text: string, split: WordSplitter = defaultSplitter): string {
  return text
    .split('\n')
    .map((line) => {
      let out = ''
      for (const w of words(line, split)) {
        const chars = [...w]
        if (out && mayBreak(last(out), chars[0] ?? '')) out += ZWSP
        if (chars.length <= LONG_WORD) out += w
        else chars.forEach((c, i) => (out += (i > 0 && mayBreak(chars[i - 1], c) ? ZWSP : '') + c))
      }
      return out
    })
    .join('\n')
}
