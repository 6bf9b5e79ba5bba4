import { inLang, type Lang } from '../i18n/catalog.ts'
import type { MapModel } from '../model/schema.ts'
import { escapeXml, svgFontFamily } from '../quadrant/svg.ts'
import { ecomapText } from './labels.ts'
import { layoutEcomap, type Box, type CardLayout, type EcomapLayout, type EcomapOptions, type Point, type TextLine } from './layout.ts'
import { cardStyles, tieColors, tieStyle, tint, type CardStyle, type TieStyle } from './style.ts'

/**
 * The eco-map as one SVG element (no XML declaration, so it can sit inside an HTML page as
 * well as in a file): no CSS, no web fonts, no outside references, presentation attributes
 * only. Its text is real text, so a PDF printed from it carries the names as text.
 */

export interface EcomapSvgOptions extends EcomapOptions {
  /** Prefix of the element ids (arrow markers), unique on the page. Default 'ecomap'. */
  idPrefix?: string
}

export function ecomapSvg(model: MapModel, options: EcomapSvgOptions = {}): string {
  return renderEcomap(layoutEcomap(model, options), options.lang ?? 'ja', options.idPrefix ?? 'ecomap')
}

const n = (v: number) => String(Math.round(v * 10) / 10)

const markerColors = Object.values(tieColors)

function markerId(prefix: string, color: string): string {
  return `${prefix}-arrow-${Math.max(0, markerColors.indexOf(color as (typeof markerColors)[number]))}`
}

function text(t: TextLine, fill: string, extra = ''): string {
  if (!t.text) return ''
  return `<text x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}"${t.bold ? ' font-weight="bold"' : ''} fill="${fill}"${extra}>${escapeXml(t.text)}</text>`
}

function rect(box: Box, style: CardStyle, fill: string, extra = ''): string {
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
  return `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${style.radius}" fill="${fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"${dash}${extra}/>`
}

/** A zig-zag between two points, straight for a few units at each end so arrowheads sit right. */
function zigzag(a: Point, b: Point): string {
  const len = Math.hypot(b.x - a.x, b.y - a.y)
  if (len < 24) return `M${n(a.x)},${n(a.y)} L${n(b.x)},${n(b.y)}`
  const ux = (b.x - a.x) / len
  const uy = (b.y - a.y) / len
  const steps = Math.max(2, Math.floor((len - 12) / 6))
  const step = (len - 12) / steps
  const points = [`M${n(a.x)},${n(a.y)}`, `L${n(a.x + ux * 6)},${n(a.y + uy * 6)}`]
  for (let k = 1; k < steps; k++) {
    const side = k % 2 === 1 ? 3.5 : -3.5
    const d = 6 + k * step
    points.push(`L${n(a.x + ux * d - uy * side)},${n(a.y + uy * d + ux * side)}`)
  }
  points.push(`L${n(b.x - ux * 6)},${n(b.y - uy * 6)}`, `L${n(b.x)},${n(b.y)}`)
  return points.join(' ')
}

function tiePath(a: Point, b: Point, style: TieStyle, prefix: string, heads: { start: boolean; end: boolean }, extra = ''): string {
  const d = style.zigzag ? zigzag(a, b) : `M${n(a.x)},${n(a.y)} L${n(b.x)},${n(b.y)}`
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
  const marker = `url(#${markerId(prefix, style.color)})`
  const markers = `${heads.start ? ` marker-start="${marker}"` : ''}${heads.end ? ` marker-end="${marker}"` : ''}`
  return `<path d="${d}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dash} stroke-linecap="round" stroke-linejoin="round"${markers}${extra}/>`
}

function card(c: CardLayout): string {
  const attrs = ` data-id="${escapeXml(c.id)}" data-kind="${c.kind}"`
  if (c.kind === 'person') {
    const [role, sub] = c.lines
    return `<g${attrs}>${rect(c, cardStyles.person, cardStyles.person.fill!)}${text(role, '#1d2430')}${sub ? text(sub, cardStyles.person.stroke) : ''}</g>`
  }
  const style = cardStyles[c.style === 'informal' ? 'informal' : 'formal']
  const inset = c.style === 'informal' ? 12 : 4
  const parts = [
    `<g${attrs}>`,
    rect(c, style, tint(c.color)),
    `<rect x="${n(c.x + 4)}" y="${n(c.y + inset)}" width="6" height="${n(c.h - 2 * inset)}" rx="2" fill="${c.color}"/>`,
  ]
  if (c.badge && c.badge.text.text) {
    parts.push(`<rect x="${n(c.badge.x)}" y="${n(c.badge.y)}" width="${n(c.badge.w)}" height="${n(c.badge.h)}" rx="3" fill="#2b313b"/>`, text(c.badge.text, '#ffffff'))
  }
  for (const l of c.lines) parts.push(text(l, '#1d2430'))
  parts.push('</g>')
  return parts.join('')
}

export function renderEcomap(layout: EcomapLayout, lang: Lang, prefix = 'ecomap'): string {
  const T = inLang(ecomapText, lang)
  const { width, height, household, legend } = layout
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(svgFontFamily)}" role="img" aria-label="${escapeXml(T.title)}">`,
    `<title>${escapeXml(T.title)}</title>`,
    '<defs>',
    ...markerColors.map(
      (color) =>
        `<marker id="${markerId(prefix, color)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0.5 L10,5 L0,9.5 z" fill="${color}"/></marker>`,
    ),
    '</defs>',
    `<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    household
      ? `<g data-part="household">${rect(household.box, cardStyles.household, cardStyles.household.fill!)}${text(household.label, cardStyles.household.stroke)}${household.note ? text(household.note, '#5b6472') : ''}</g>`
      : '',
    '<g data-part="ties">',
    ...layout.ties.map((t) => tiePath(t.start, t.end, t.style, prefix, { start: t.arrowStart, end: t.arrowEnd }, ` data-id="${escapeXml(t.id)}"`)),
    '</g>',
    '<g data-part="cards">',
    ...layout.cards.map(card),
    '</g>',
    '<g data-part="tie-labels">',
    ...layout.ties.flatMap((t) =>
      t.label
        ? [
            `<rect x="${n(t.label.box.x)}" y="${n(t.label.box.y)}" width="${n(t.label.box.w)}" height="${n(t.label.box.h)}" rx="2" fill="#ffffff" fill-opacity="0.9"/>`,
            text(t.label, t.style.color === tieColors.plain ? '#333333' : t.style.color),
          ]
        : [],
    ),
    '</g>',
    `<g data-part="legend">`,
    `<line x1="${ruleEnds(legend.box).x1}" y1="${n(legend.box.y)}" x2="${ruleEnds(legend.box).x2}" y2="${n(legend.box.y)}" stroke="#d6dbe3" stroke-width="1"/>`,
    text(legend.heading, '#1d2430'),
  ]
  for (const { item, sample, text: label } of legend.entries) {
    if (item.kind === 'tie') {
      const y = sample.y + sample.h / 2
      out.push(tiePath({ x: sample.x, y }, { x: sample.x + sample.w, y }, tieStyle(item.tie), prefix, { start: false, end: true }))
    } else {
      const style = cardStyles[item.card]
      out.push(rect(sample, style, style.fill ?? tint('#e07b39')))
    }
    out.push(text(label, '#1d2430'))
  }
  for (const note of legend.notes) out.push(text(note, '#5b6472'))
  out.push('</g>', '</svg>')
  return out.join('')
}

function ruleEnds(box: Box): { x1: string; x2: string } {
  return { x1: n(box.x + 8), x2: n(box.x + box.w - 8) }
}
