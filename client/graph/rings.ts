/**
 * Ring layouts computed here rather than by cytoscape's `concentric`: we choose the rings
 * (persons in the middle, then 地域 out to 国; or the household's direct supports first) and
 * size every ring so that Japanese labels (about 140 px wide) do not overlap. Inside a ring,
 * nodes sit near the already placed nodes they are tied to, which keeps ties short and
 * crossings few.
 */
import type { GraphElements, GraphNode } from '../../shared/graph/derive'
import { fields, type Level } from '../../shared/model/vocabulary'

export type Point = { x: number; y: number }

/** Inner to outer: the community is the centre of the support system, the state the edge. */
const levelOrder: Level[] = ['地域', '市区町村（委託・法人・事業所）', '市区町村（庁内）', '都道府県', '国']

export function levelRings(graph: GraphElements): string[][] {
  const rings: string[][] = [graph.nodes.filter((n) => n.kind === 'person').map((n) => n.id)]
  for (const level of levelOrder) rings.push(graph.nodes.filter((n) => n.kind === 'actor' && n.level === level).map((n) => n.id))
  rings.push(graph.nodes.filter((n) => n.kind === 'actor' && !n.level).map((n) => n.id))
  return rings.filter((r) => r.length > 0)
}

/** Persons; the actors tied to a person; the actors two steps away; everyone else. */
export function householdRings(graph: GraphElements): string[][] {
  const adjacent = new Map<string, Set<string>>()
  for (const e of graph.edges) {
    ;(adjacent.get(e.source) ?? adjacent.set(e.source, new Set()).get(e.source)!).add(e.target)
    ;(adjacent.get(e.target) ?? adjacent.set(e.target, new Set()).get(e.target)!).add(e.source)
  }
  const placed = new Set<string>()
  const rings: string[][] = []
  let current = graph.nodes.filter((n) => n.kind === 'person').map((n) => n.id)
  for (let step = 0; step < 3 && current.length > 0; step++) {
    rings.push(current)
    for (const id of current) placed.add(id)
    const next = new Set<string>()
    for (const id of current) for (const w of adjacent.get(id) ?? []) if (!placed.has(w)) next.add(w)
    current = [...next]
  }
  const rest = graph.nodes.filter((n) => !placed.has(n.id) && !current.includes(n.id)).map((n) => n.id)
  if (current.length > 0) rings.push(current)
  if (rest.length > 0) rings.push(rest)
  return rings
}

export function ringPositions(graph: GraphElements, rings: string[][], sizes: Map<string, number>): Map<string, Point> {
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]))
  const fieldIndex = (id: string) => {
    const f = nodes.get(id)?.field
    return f ? fields.indexOf(f) : fields.length
  }
  const adjacent = new Map<string, string[]>()
  for (const e of graph.edges) {
    ;(adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source)!).push(e.target)
    ;(adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target)!).push(e.source)
  }
  const out = new Map<string, Point>()
  const angle = new Map<string, number>()
  let radius = 0
  rings.forEach((ring, i) => {
    const slot = Math.max(170, Math.max(...ring.map((id) => sizes.get(id) ?? 44)) + 120)
    const needed = ring.length === 1 && i === 0 ? 0 : (ring.length * slot) / (2 * Math.PI)
    radius = i === 0 ? needed : Math.max(radius + 220, needed)
    // Preferred angle: the circular mean of the tied nodes already placed.
    const preferred = ring.map((id) => {
      let sx = 0
      let sy = 0
      for (const w of adjacent.get(id) ?? []) {
        const a = angle.get(w)
        if (a === undefined) continue
        sx += Math.cos(a)
        sy += Math.sin(a)
      }
      return { id, a: sx === 0 && sy === 0 ? null : Math.atan2(sy, sx) }
    })
    const withAngle = preferred.filter((p) => p.a !== null).sort((p, q) => p.a! - q.a!)
    const without = preferred.filter((p) => p.a === null).sort((p, q) => fieldIndex(p.id) - fieldIndex(q.id) || p.id.localeCompare(q.id))
    const ordered = [...withAngle, ...without]
    const start = withAngle.length > 0 ? withAngle[0].a! : -Math.PI / 2 + i * 0.35
    ordered.forEach((p, k) => {
      const a = start + (2 * Math.PI * k) / ordered.length
      angle.set(p.id, a)
      out.set(p.id, { x: radius * Math.cos(a), y: radius * Math.sin(a) })
    })
  })
  return out
}

/**
 * Grouped by field: one block per first field (the compound parent drawn around it), members
 * in a small grid, blocks packed in rows in the vocabulary's order; persons form their own
 * block first. Deterministic, so the groups never overlap (fcose with compound nodes did).
 */
export function fieldGroupPositions(graph: GraphElements): Map<string, Point> {
  const cellW = 190
  const cellH = 120
  const groupGap = 70
  const groups: string[][] = []
  const persons = graph.nodes.filter((n) => n.kind === 'person').map((n) => n.id)
  if (persons.length > 0) groups.push(persons)
  for (const f of fields) {
    const members = graph.nodes.filter((n) => n.kind === 'actor' && n.field === f)
    if (members.length > 0) groups.push(members.sort((a, b) => levelOrder.indexOf(a.level!) - levelOrder.indexOf(b.level!) || a.label.localeCompare(b.label, 'ja')).map((n) => n.id))
  }
  const noField = graph.nodes.filter((n) => n.kind === 'actor' && !n.field).map((n) => n.id)
  if (noField.length > 0) groups.push(noField)

  const blocks = groups.map((ids) => {
    const cols = Math.ceil(Math.sqrt(ids.length))
    const rows = Math.ceil(ids.length / cols)
    return { ids, cols, w: cols * cellW, h: rows * cellH }
  })
  const area = blocks.reduce((s, b) => s + (b.w + groupGap) * (b.h + groupGap), 0)
  const targetWidth = Math.max(...blocks.map((b) => b.w), Math.sqrt(area) * 1.5)
  const out = new Map<string, Point>()
  let x = 0
  let y = 0
  let rowHeight = 0
  for (const b of blocks) {
    if (x > 0 && x + b.w > targetWidth) {
      x = 0
      y += rowHeight + groupGap
      rowHeight = 0
    }
    b.ids.forEach((id, i) => {
      out.set(id, { x: x + (i % b.cols) * cellW + cellW / 2, y: y + Math.floor(i / b.cols) * cellH + cellH / 2 })
    })
    x += b.w + groupGap
    rowHeight = Math.max(rowHeight, b.h)
  }
  return out
}
