/**
 * Text as outlines: the exported SVG and PDF draw every character as a path from Noto Sans JP
 * (@fontsource/noto-sans-jp, shipped with the app), so that they read the same on a PC with no
 * Japanese font. The font comes in ~120 subsets by unicode range (unicode.json says which file
 * holds which characters); only the subsets a picture needs are loaded, from wherever `load`
 * reads them (the app's own origin in the browser, node_modules in the tests).
 */
import * as opentype from 'opentype.js'

/** Path commands in font units, y up (as the font has them). */
export type Cmd = ['M', number, number] | ['L', number, number] | ['Q', number, number, number, number] | ['C', number, number, number, number, number, number] | ['Z']

export interface GlyphOutline {
  /** Unique per subset file and glyph: pictures define each glyph once and reuse it. */
  key: string
  /** Advance in em. */
  advance: number
  /** Outline scaled so that 1 em = 1000 units, y up. */
  cmds: Cmd[]
}

export interface PlacedGlyph {
  glyph: GlyphOutline
  /** From the start of the run, in px at the run's size. */
  x: number
}

interface Subset {
  file: string
  ranges: [number, number][]
  font?: opentype.Font
}

export const EM_UNITS = 1000

/**
 * The subsets from fontsource's unicode.json ({"[12]": "U+4e00-4e0f,…", "latin": …}): which
 * file holds which code points.
 */
export function parseSubsets(unicode: Record<string, string>): Subset[] {
  return Object.entries(unicode).map(([name, list]) => ({
    file: `noto-sans-jp-${name.replace(/^\[(\d+)\]$/, '$1')}-400-normal.woff`,
    ranges: list.split(',').flatMap((r): [number, number][] => {
      const range = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(r.trim())
      if (!range) return []
      const a = parseInt(range[1], 16)
      return [[a, range[2] ? parseInt(range[2], 16) : a]]
    }),
  }))
}

// opentype.js is ESM in the browser build and CommonJS under node: take parse from either.
const parseFont = (opentype as unknown as { parse?: typeof opentype.parse; default?: { parse: typeof opentype.parse } }).parse ??
  (opentype as unknown as { default: { parse: typeof opentype.parse } }).default.parse

/** Zero-width characters (breakable() puts ZWSP between words): no glyph, no advance. */
const INVISIBLE = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'])

export class FontBook {
  private readonly subsets: Subset[]
  private readonly loading = new Map<string, Promise<void>>()
  private readonly outlines = new Map<string, GlyphOutline>()
  /** Files fetched so far (for the tests and the file-size report). */
  readonly loaded: string[] = []

  constructor(
    unicode: Record<string, string>,
    private readonly load: (file: string) => Promise<ArrayBuffer>,
  ) {
    this.subsets = parseSubsets(unicode)
    if (this.subsets.length === 0) throw new Error('no font subsets in unicode.json')
  }

  private subsetsFor(cp: number): Subset[] {
    return this.subsets.filter((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b))
  }

  /** Loads every subset that the texts need. */
  async prepare(texts: Iterable<string>): Promise<void> {
    const need = new Set<Subset>()
    // '?' stands in for a character no subset has.
    for (const s of this.subsetsFor(0x3f)) need.add(s)
    for (const text of texts) {
      for (const ch of text) {
        const found = this.subsetsFor(ch.codePointAt(0)!)
        if (found.length > 0 && !found.some((s) => need.has(s))) need.add(found[0])
      }
    }
    await Promise.all([...need].map((s) => this.loadSubset(s)))
  }

  private loadSubset(s: Subset): Promise<void> {
    let p = this.loading.get(s.file)
    if (!p) {
      p = this.load(s.file).then((buffer) => {
        s.font = parseFont(buffer)
        this.loaded.push(s.file)
      })
      this.loading.set(s.file, p)
    }
    return p
  }

  private glyphFor(ch: string): GlyphOutline | null {
    if (INVISIBLE.has(ch)) return null
    const cp = ch.codePointAt(0)!
    const subset = this.subsetsFor(cp).find((s) => s.font?.hasChar(ch)) ?? this.subsetsFor(0x3f).find((s) => s.font)
    if (!subset?.font) throw new Error(`font subset for U+${cp.toString(16)} not loaded: call prepare() first`)
    const font = subset.font
    const glyph = font.charToGlyph(subset.font.hasChar(ch) ? ch : '?')
    const key = `${subset.file}:${glyph.index}`
    let outline = this.outlines.get(key)
    if (!outline) {
      const k = EM_UNITS / font.unitsPerEm
      const r = (v: number | undefined) => Math.round((v ?? 0) * k)
      const cmds: Cmd[] = glyph.path.commands.map((c): Cmd => {
        switch (c.type) {
          case 'M':
          case 'L':
            return [c.type, r(c.x), r(c.y)]
          case 'Q':
            return ['Q', r(c.x1), r(c.y1), r(c.x), r(c.y)]
          case 'C':
            return ['C', r(c.x1), r(c.y1), r(c.x2), r(c.y2), r(c.x), r(c.y)]
          default:
            return ['Z']
        }
      })
      outline = { key, advance: (glyph.advanceWidth ?? font.unitsPerEm) / font.unitsPerEm, cmds }
      this.outlines.set(key, outline)
    }
    return outline
  }

  /** The glyphs of one line of text at `size` px, with their offsets. */
  layout(text: string, size: number): PlacedGlyph[] {
    const out: PlacedGlyph[] = []
    let x = 0
    for (const ch of text) {
      const glyph = this.glyphFor(ch)
      if (!glyph) continue
      out.push({ glyph, x })
      x += glyph.advance * size
    }
    return out
  }

  /** Width of one line of text at `size` px. */
  width(text: string, size: number): number {
    let w = 0
    for (const ch of text) w += (this.glyphFor(ch)?.advance ?? 0) * size
    return w
  }
}
