// The part of opentype.js 2 the exports use (the package ships no types).
declare module 'opentype.js' {
  export interface PathCommand {
    type: 'M' | 'L' | 'C' | 'Q' | 'Z'
    x?: number
    y?: number
    x1?: number
    y1?: number
    x2?: number
    y2?: number
  }
  export interface Path {
    commands: PathCommand[]
  }
  export interface Glyph {
    index: number
    advanceWidth?: number
    /** The outline in font units, y up. */
    path: Path
  }
  export interface Font {
    unitsPerEm: number
    ascender: number
    descender: number
    hasChar(c: string): boolean
    charToGlyph(c: string): Glyph
  }
  export function parse(buffer: ArrayBuffer): Font
}
