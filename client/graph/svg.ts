/**
 * SVG of the graph as currently drawn, built from cytoscape's node positions and element data
 * (no plugin, no outside font): labels stay real <text> in Japanese, so the file can be edited
 * in Illustrator / Inkscape / PowerPoint and searched.
 */
import type { Core, NodeSingular } from 'cytoscape'
import { FONT_FAMILY } from './elements'

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function f(n: number): string {
  return (Math.round(n * 10) / 10).toString()
}

function shapeSvg(shape: string, x: number, y: number, size: number, fill: string, stroke: string, dashed: boolean): string {
  const h = size / 2
  const common = `fill="${esc(fill)}" stroke="${esc(stroke)}" stroke-width="2"${dashed ? ' stroke-dasharray="4 3"' : ''}`
  if (shape === 'ellipse') return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(h)}" ${common}/>`
  if (shape === 'diamond') return `<polygon points="${f(x)},${f(y - h)} ${f(x + h)},${f(y)} ${f(x)},${f(y + h)} ${f(x - h)},${f(y)}" ${common}/>`
  return `<rect x="${f(x - h)}" y="${f(y - h)}" width="${f(size)}" height="${f(size)}" rx="${f(size / 6)}" ${common}/>`
}

/** The point at distance `r` from `to` towards `from`: where a line meets the node's edge. */
function clip(from: { x: number; y: number }, to: { x: number; y: number }, r: number) {
  const dx = from.x - to.x
  const dy = from.y - to.y
  const len = Math.hypot(dx, dy) || 1
  return { x: to.x + (dx / len) * r, y: to.y + (dy / len) * r }
}

function zigzag(a: { x: number; y: number }, b: { x: number; y: number }): string {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy) || 1
  const nx = -dy / len
  const ny = dx / len
  const pts = [a]
  const k = 8
  for (let i = 1; i < k; i++) {
    const t = 0.15 + (0.7 * i) / k
    const s = i % 2 ? 6 : -6
    pts.push({ x: a.x + dx * t + nx * s, y: a.y + dy * t + ny * s })
  }
  pts.push(b)
  return pts.map((p) => `${f(p.x)},${f(p.y)}`).join(' ')
}

export function graphToSvg(cy: Core, title: string): string {
  const visible = cy.elements(':visible')
  const bb = visible.boundingBox({ includeLabels: true })
  const pad = 30
  const x0 = (Number.isFinite(bb.x1) ? bb.x1 : 0) - pad
  const y0 = (Number.isFinite(bb.y1) ? bb.y1 : 0) - pad - 24
  const w = Math.max(200, (Number.isFinite(bb.w) ? bb.w : 0) + pad * 2)
  const h = Math.max(120, (Number.isFinite(bb.h) ? bb.h : 0) + pad * 2 + 24)
  const parts: string[] = []
  parts.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(w)}" height="${f(h)}" viewBox="${f(x0)} ${f(y0)} ${f(w)} ${f(h)}" font-family="${esc(FONT_FAMILY)}">`,
    `<title>${esc(title)}</title>`,
    `<defs>`,
    ...['#5f6b7a', '#d0021b', '#8a8f98'].map(
      (c, i) =>
        `<marker id="arrow${i}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
    ),
    `</defs>`,
    `<rect x="${f(x0)}" y="${f(y0)}" width="${f(w)}" height="${f(h)}" fill="#ffffff"/>`,
    `<text x="${f(x0 + 12)}" y="${f(y0 + 22)}" font-size="16" font-weight="700" fill="#1d2430">${esc(title)}</text>`,
  )

  // Field groups (compound parents) first, under everything else.
  cy.nodes(':parent:visible').forEach((p) => {
    const b = p.boundingBox({ includeLabels: false })
    parts.push(
      `<g class="group"><rect x="${f(b.x1)}" y="${f(b.y1)}" width="${f(b.w)}" height="${f(b.h)}" rx="10" fill="#eef2f6" fill-opacity="0.6" stroke="#b7c2cf"/>`,
      `<text x="${f(b.x1 + b.w / 2)}" y="${f(b.y1 - 6)}" font-size="16" text-anchor="middle" fill="#475264">${esc(String(p.data('label')))}</text></g>`,
    )
  })

  const markerFor = (color: string) => (color === '#d0021b' ? 'arrow1' : color === '#8a8f98' ? 'arrow2' : 'arrow0')
  cy.edges(':visible').forEach((e) => {
    const s = e.source() as NodeSingular
    const t = e.target() as NodeSingular
    const sp = s.position()
    const tp = t.position()
    const a = clip(tp, sp, Number(s.data('size')) / 2 + 2)
    const b = clip(sp, tp, Number(t.data('size')) / 2 + 2)
    const color = e.hasClass('family') && e.data('color') === '#5f6b7a' ? '#8a8f98' : String(e.data('color'))
    const status = String(e.data('status'))
    const dash = status === 'planned' ? ' stroke-dasharray="8 5"' : status === 'missing' ? ' stroke-dasharray="2 5" stroke-linecap="round"' : ''
    const markers =
      (e.data('targetArrow') === 'triangle' ? ` marker-end="url(#${markerFor(color)})"` : '') +
      (e.data('sourceArrow') === 'triangle' ? ` marker-start="url(#${markerFor(color)})"` : '')
    const width = f(Number(e.data('width')))
    const shape = e.hasClass('stressful')
      ? `<polyline points="${zigzag(a, b)}" fill="none" stroke="${color}" stroke-width="${width}"${dash}${markers}/>`
      : `<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" stroke="${color}" stroke-width="${width}"${dash}${markers}/>`
    const mx = (a.x + b.x) / 2
    const my = (a.y + b.y) / 2
    parts.push(
      `<g class="edge" data-id="${esc(e.id())}">${shape}`,
      `<text x="${f(mx)}" y="${f(my - 4)}" font-size="11" text-anchor="middle" fill="#3b4556" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(String(e.data('label')))}</text></g>`,
    )
  })

  cy.nodes(':childless:visible').forEach((n) => {
    const p = n.position()
    const size = Number(n.data('size'))
    const informal = n.hasClass('informal')
    parts.push(
      `<g class="node" data-id="${esc(n.id())}">`,
      shapeSvg(String(n.data('shape')), p.x, p.y, size, String(n.data('color')), informal ? '#1d2430' : '#ffffff', informal),
      `<text x="${f(p.x)}" y="${f(p.y + size / 2 + 17)}" font-size="14" font-weight="600" text-anchor="middle" fill="#1d2430" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(String(n.data('label')))}</text>`,
      `</g>`,
    )
  })
  parts.push('</svg>')
  return parts.join('\n')
}
