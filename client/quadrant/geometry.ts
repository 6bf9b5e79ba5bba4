/**
 * Small pure helpers of the diagram: normalised coordinates ↔ screen, keyboard steps, colours.
 * Normalised: x −1 インフォーマル … +1 フォーマル, y −1 課題解決と予防 … +1 発見と把握 (schema.ts).
 */

export interface Point {
  x: number
  y: number
}

export const clampUnit = (v: number) => Math.min(1, Math.max(-1, v))

/**
 * CSS custom properties --x/--y (percent of the plot) of a normalised position; the stylesheet
 * turns them into left/top, kept far enough from the edges that the whole note stays visible.
 */
export function positionStyle(p: Point): Record<'--x' | '--y', string> {
  return { '--x': `${((clampUnit(p.x) + 1) / 2) * 100}%`, '--y': `${((1 - clampUnit(p.y)) / 2) * 100}%` }
}

/** Normalised position of a screen point inside the plot rectangle, clamped to the diagram. */
export function fromClient(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }): Point {
  const x = ((clientX - rect.left) / Math.max(1, rect.width)) * 2 - 1
  const y = 1 - ((clientY - rect.top) / Math.max(1, rect.height)) * 2
  return { x: clampUnit(x), y: clampUnit(y) }
}

/** Arrow keys move a card by 5 % of the axis, with Shift by 20 %. */
export function keyboardStep(key: string, shift: boolean): Point | null {
  const step = shift ? 0.2 : 0.05
  switch (key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 }
    case 'ArrowRight':
      return { x: step, y: 0 }
    case 'ArrowUp':
      return { x: 0, y: step }
    case 'ArrowDown':
      return { x: 0, y: -step }
    default:
      return null
  }
}

/** A light tint of a #rrggbb colour for the note's paper (as in shared/quadrant/svg.ts). */
export function tint(hex: string, amount = 0.82): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return '#f2f2f2'
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(1)}${channel(2)}`
}

/**
 * Voter ids must match the schema's id pattern. The room page passes a stable per-browser id
 * (tldraw's user id, already in that alphabet); anything else is turned into one, stably.
 */
export function safeVoterId(raw: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(raw)) return raw
  let h = 0x811c9dc5
  for (let i = 0; i < raw.length; i++) {
    h ^= raw.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return `v-${(h >>> 0).toString(36)}`
}

/** Positions for cards added to a quadrant: spread a little so that new cards do not hide each other. */
export const quadrantCentres = {
  'informal-discovery': { x: -0.5, y: 0.5 },
  'formal-discovery': { x: 0.5, y: 0.5 },
  'informal-solving': { x: -0.5, y: -0.5 },
  'formal-solving': { x: 0.5, y: -0.5 },
} as const

export function spread(base: Point, index: number, radius: number): Point {
  if (index === 0) return base
  const angle = index * 2.399963 // golden angle: no two cards on the same spot
  const r = radius * Math.sqrt((index % 12) / 12 + 0.08)
  return { x: clampUnit(base.x + r * Math.cos(angle)), y: clampUnit(base.y + r * Math.sin(angle)) }
}
