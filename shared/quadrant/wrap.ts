/**
 * Line wrapping for Japanese text on sticky notes, without a browser to measure it: SVG has no
 * automatic wrapping, and the export must look the same wherever it is rendered. Widths are in
 * em: full-width characters are 1, others about 0.55 (close enough for Noto Sans CJK and
 * Hiragino). Japanese breaks between any two characters; Latin words are kept whole when they
 * fit; the basic 禁則 rules are followed so that 、。」 never start a line and 「（ never end one.
 */

const noLineStart = new Set([...'、。，．,.)）」』】〕〉》］｝!！?？:：;；ー・…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜'])
const noLineEnd = new Set([...'（「『【〔〈《［｛('])

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    cp >= 0x20000
  )
}

export function textWidth(text: string): number {
  let width = 0
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 1 : 0.55
  return width
}

/** Units that may not be split: a Latin word or number, a space, or one other character. */
function tokens(line: string): string[] {
  return line.match(/[A-Za-z0-9@#$%&*+\-=_/'"]+|\s|[\s\S]/gu) ?? []
}

function splitLong(token: string, maxWidth: number): string[] {
  const parts: string[] = []
  let part = ''
  for (const ch of token) {
    if (part && textWidth(part + ch) > maxWidth) {
      parts.push(part)
      part = ''
    }
    part += ch
  }
  if (part) parts.push(part)
  return parts
}

/** Wraps `text` into lines at most `maxWidth` em wide, keeping at most `maxLines`; a cut text ends in "…". */
export function wrapText(text: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Tokens, not characters, so that carrying a character down never splits a Latin word.
    let line: string[] = []
    const flush = (parts: string[]) => lines.push(parts.join('').trimEnd())
    const units = tokens(paragraph).flatMap((t) => (textWidth(t) > maxWidth ? splitLong(t, maxWidth) : [t]))
    for (const unit of units) {
      const space = /^\s$/u.test(unit)
      if (line.length === 0 && space) continue
      if (line.length > 0 && textWidth(line.join('') + unit) > maxWidth) {
        // 追い出し: a mark that may not start a line takes the last character down with it;
        // an opening bracket at the end of the line moves down with what it opens.
        let carry = noLineStart.has(unit) || noLineEnd.has(line.at(-1)!) ? 1 : 0
        // "ー」" and the like: what would then start the new line may not start one either.
        while (carry > 0 && carry < line.length - 1 && noLineStart.has(line[line.length - carry])) carry++
        if (carry > 0 && carry < line.length) {
          flush(line.slice(0, -carry))
          line = line.slice(-carry)
        } else {
          flush(line)
          line = []
        }
        if (space) continue
      }
      line.push(unit)
    }
    flush(line)
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop()
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]
  while (last && textWidth(last + '…') > maxWidth) last = [...last].slice(0, -1).join('')
  kept[maxLines - 1] = last + '…'
  return kept
}
