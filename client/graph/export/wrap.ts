/**
 * Line wrapping for the exported pictures, as the canvas wraps: the label's own line breaks are
 * kept, and a line longer than the maximum width breaks where labelText.breakable() allows
 * (between Japanese words, at spaces, never before 」 or ー), measured with the export's font.
 */
import { breakable } from '../labelText'

const ZWSP = '\u200b'

/** Pieces that may not be split further: each ends where a line may break. */
function pieces(line: string): string[] {
  return line
    .split(ZWSP)
    .flatMap((p) => p.match(/\S+\s*|\s+/gu) ?? [])
    .filter((p) => p.length > 0)
}

/** `text` in lines at most `maxWidth` wide (a word wider than that is cut between characters). */
export function wrapLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = []
  for (const line of breakable(text).split('\n')) {
    let current = ''
    const push = () => {
      out.push(current.trimEnd())
      current = ''
    }
    for (const piece of pieces(line)) {
      if (current && measure((current + piece).trimEnd()) > maxWidth) push()
      if (measure(piece.trimEnd()) <= maxWidth) {
        current += piece
        continue
      }
      for (const ch of piece) {
        if (current && measure(current + ch) > maxWidth) push()
        current += ch
      }
    }
    push()
  }
  while (out.length > 1 && out.at(-1) === '') out.pop()
  return out
}
