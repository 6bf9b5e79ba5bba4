/**
 * A picture as a list of simple drawing items in px (y down), drawn the same way into SVG
 * (svgRender.ts) and PDF (pdf.ts): one layout, two file formats that cannot disagree.
 */

/** The white outline's stroke under labels, in em (3 px at 14 px, as the canvas's outline). */
export const HALO_EM = 0.21

export interface Paint {
  fill?: string | null
  fillOpacity?: number
  stroke?: string | null
  strokeWidth?: number
  /** stroke-dasharray in px, e.g. '7 5'. */
  dash?: string | null
  lineCap?: 'butt' | 'round'
}

export type PathCmd = ['M', number, number] | ['L', number, number] | ['Q', number, number, number, number] | ['C', number, number, number, number, number, number] | ['Z']

export type Item =
  | ({ kind: 'rect'; x: number; y: number; w: number; h: number; rx?: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | ({ kind: 'poly'; points: [number, number][]; closed: boolean } & Paint)
  | ({ kind: 'path'; cmds: PathCmd[] } & Paint)
  | TextItem
  | { kind: 'group'; className: string; id?: string; title?: string; items: Item[]; /** data-* attributes in the SVG. */ data?: Record<string, string> }

export interface TextItem {
  kind: 'text'
  text: string
  /** Start, middle or end of the line, per `anchor`. */
  x: number
  /** Baseline. */
  y: number
  size: number
  fill: string
  anchor?: 'start' | 'middle' | 'end'
  bold?: boolean
  /** A white outline under the text, so that it reads over lines. */
  halo?: boolean
}

export interface Picture {
  width: number
  height: number
  title: string
  items: Item[]
}

/** Every text drawn, for loading the font subsets before rendering. */
export function pictureTexts(items: Item[], out: string[] = []): string[] {
  for (const item of items) {
    if (item.kind === 'text') out.push(item.text)
    else if (item.kind === 'group') pictureTexts(item.items, out)
  }
  return out
}

/** A rectangle as a path, its corners rounded by `rx` (cubic arcs, as PDF has no arcs). */
export function rectPath(x: number, y: number, w: number, h: number, rx = 0): PathCmd[] {
  const r = Math.max(0, Math.min(rx, w / 2, h / 2))
  if (r === 0) return [['M', x, y], ['L', x + w, y], ['L', x + w, y + h], ['L', x, y + h], ['Z']]
  const k = r * 0.5523
  return [
    ['M', x + r, y],
    ['L', x + w - r, y],
    ['C', x + w - r + k, y, x + w, y + r - k, x + w, y + r],
    ['L', x + w, y + h - r],
    ['C', x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h],
    ['L', x + r, y + h],
    ['C', x + r - k, y + h, x, y + h - r + k, x, y + h - r],
    ['L', x, y + r],
    ['C', x, y + r - k, x + r - k, y, x + r, y],
    ['Z'],
  ]
}

export function circlePath(cx: number, cy: number, r: number): PathCmd[] {
  const k = r * 0.5523
  return [
    ['M', cx + r, cy],
    ['C', cx + r, cy + k, cx + k, cy + r, cx, cy + r],
    ['C', cx - k, cy + r, cx - r, cy + k, cx - r, cy],
    ['C', cx - r, cy - k, cx - k, cy - r, cx, cy - r],
    ['C', cx + k, cy - r, cx + r, cy - k, cx + r, cy],
    ['Z'],
  ]
}
