/**
 * A Picture as a standalone SVG document. Text is drawn as glyph outlines (fontBook.ts): each
 * glyph is defined once in <defs> and placed with <use>, which keeps the file small; the words
 * themselves stay in the file as <title> of the picture and of each card and tie, for search
 * and screen readers.
 */
import { escapeXml } from '../../../shared/quadrant/svg'
import { EM_UNITS, type FontBook, type GlyphOutline } from './fontBook'
import { HALO_EM, type Item, type Paint, type PathCmd, type Picture, type TextItem } from './picture'

const f = (n: number) => String(Math.round(n * 10) / 10)

function paintAttrs(p: Paint): string {
  let s = ` fill="${p.fill ?? 'none'}"`
  if (p.fillOpacity !== undefined && p.fillOpacity < 1) s += ` fill-opacity="${p.fillOpacity}"`
  if (p.stroke) {
    s += ` stroke="${p.stroke}" stroke-width="${f(p.strokeWidth ?? 1)}"`
    if (p.dash) s += ` stroke-dasharray="${p.dash}"`
    if (p.lineCap === 'round') s += ' stroke-linecap="round"'
    s += ' stroke-linejoin="round"'
  }
  return s
}

function pathData(cmds: PathCmd[], fmt: (n: number) => string = f): string {
  return cmds.map((c) => c[0] + c.slice(1).map((v) => fmt(v as number)).join(' ')).join('')
}

export function renderSvg(picture: Picture, fonts: FontBook): string {
  const glyphIds = new Map<GlyphOutline, string>()
  const defs: string[] = []
  const glyphId = (g: GlyphOutline) => {
    let id = glyphIds.get(g)
    if (!id) {
      id = `g${glyphIds.size}`
      glyphIds.set(g, id)
      // Glyphs without ink (spaces) need no definition, only their advance.
      if (g.cmds.length > 0) defs.push(`<path id="${id}" d="${pathData(g.cmds, String)}"/>`)
    }
    return g.cmds.length > 0 ? id : null
  }

  function text(t: TextItem): string {
    const width = fonts.width(t.text, t.size)
    const x0 = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x
    const s = t.size / EM_UNITS
    const uses = fonts
      .layout(t.text, t.size)
      .map((p) => {
        const id = glyphId(p.glyph)
        return id ? `<use xlink:href="#${id}" x="${Math.round(p.x / s)}"/>` : ''
      })
      .join('')
    if (!uses) return ''
    const transform = `matrix(${+s.toFixed(5)} 0 0 ${-s.toFixed(5)} ${f(x0)} ${f(t.y)})`
    const weight = t.bold ? ` stroke="${t.fill}" stroke-width="${Math.round(0.035 * EM_UNITS)}" stroke-linejoin="round"` : ''
    // All of a line's halo first, then its letters: a letter's halo never covers its neighbour.
    const halo = t.halo ? `<g fill="#ffffff" stroke="#ffffff" stroke-width="${HALO_EM * EM_UNITS}" stroke-linejoin="round">${uses}</g>` : ''
    return `<g class="text" transform="${transform}">${halo}<g fill="${t.fill}"${weight}>${uses}</g></g>`
  }

  function item(it: Item): string {
    switch (it.kind) {
      case 'rect':
        return `<rect x="${f(it.x)}" y="${f(it.y)}" width="${f(it.w)}" height="${f(it.h)}"${it.rx ? ` rx="${f(it.rx)}"` : ''}${paintAttrs(it)}/>`
      case 'circle':
        return `<circle cx="${f(it.cx)}" cy="${f(it.cy)}" r="${f(it.r)}"${paintAttrs(it)}/>`
      case 'poly':
        return `<${it.closed ? 'polygon' : 'polyline'} points="${it.points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}"${paintAttrs(it)}/>`
      case 'path':
        return `<path d="${pathData(it.cmds)}"${paintAttrs(it)}/>`
      case 'text':
        return text(it)
      case 'group':
        return [
          `<g class="${escapeXml(it.className)}"${it.id ? ` data-id="${escapeXml(it.id)}"` : ''}${Object.entries(it.data ?? {})
            .map(([k, v]) => ` data-${k}="${escapeXml(v)}"`)
            .join('')}>`,
          ...it.items.map(item),
          it.title ? `<title>${escapeXml(it.title)}</title>` : '',
          '</g>',
        ].join('')
    }
  }

  const body = picture.items.map(item).join('\n')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${f(picture.width)}" height="${f(picture.height)}" viewBox="0 0 ${f(picture.width)} ${f(picture.height)}">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    `<rect width="${f(picture.width)}" height="${f(picture.height)}" fill="#ffffff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n')
}
