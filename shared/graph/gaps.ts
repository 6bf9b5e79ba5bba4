import { fields, type Field } from '../model/vocabulary.ts'
import type { GraphElements, GraphNode } from './derive.ts'

/**
 * 狭間 (gap) detection for case maps: which persons no formal agency actually reaches.
 *
 * Only ties between the person and a *formal* actor count (any type, any direction): family,
 * neighbours and other informal supports matter, but the gap is needs that no scheme or agency
 * covers (docs/domain.md §1 The program, §7.4 狭間). Each person gets one situation:
 *  - 'no-formal-tie'  : no tie to any formal agency, in any status            → 狭間
 *  - 'not-in-place'   : formal ties exist only as planned / missing           → 狭間
 *  - 'fragile'        : existing formal ties, but all weak or stressful       → 要注意 (not 狭間)
 *  - 'connected'      : at least one existing formal tie of normal or strong strength
 * 'fragile' is reported separately because a weak outreach tie (訪問しても会えていない) is
 * a tie that exists; calling it a gap would hide the work already done, while not showing it
 * would hide the risk.
 */

export type GapSituation = 'no-formal-tie' | 'not-in-place' | 'fragile' | 'connected'

export interface PersonGap {
  id: string
  label: string
  situation: GapSituation
  /** true for 'no-formal-tie' and 'not-in-place'. */
  hazama: boolean
  /** Formal ties by status. */
  formalTies: { existing: number; planned: number; missing: number }
  /**
   * Fields of the formal agencies that are planned or missing for this person and that no
   * existing formal tie covers yet: what the plan still has to put in place.
   */
  uncoveredFields: Field[]
}

export function findGaps(graph: GraphElements): PersonGap[] {
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]))
  const persons = graph.nodes.filter((n) => n.kind === 'person')
  const ties = new Map<string, { agency: GraphNode; status: string; strength: string }[]>()
  for (const p of persons) ties.set(p.id, [])
  for (const e of graph.edges) {
    for (const [personId, otherId] of [
      [e.source, e.target],
      [e.target, e.source],
    ]) {
      const list = ties.get(personId)
      const other = nodes.get(otherId)
      if (list && other?.kind === 'actor' && other.formal) list.push({ agency: other, status: e.status, strength: e.strength })
    }
  }

  return persons.map((p) => {
    const list = ties.get(p.id)!
    const existing = list.filter((t) => t.status === 'existing')
    const solid = existing.filter((t) => t.strength === 'strong' || t.strength === 'normal')
    const situation: GapSituation =
      list.length === 0 ? 'no-formal-tie' : existing.length === 0 ? 'not-in-place' : solid.length === 0 ? 'fragile' : 'connected'
    const covered = new Set(existing.flatMap((t) => t.agency.fields ?? []))
    const uncovered = new Set<Field>()
    for (const t of list) if (t.status !== 'existing') for (const f of t.agency.fields ?? []) if (!covered.has(f)) uncovered.add(f)
    return {
      id: p.id,
      label: p.label,
      situation,
      hazama: situation === 'no-formal-tie' || situation === 'not-in-place',
      formalTies: {
        existing: existing.length,
        planned: list.filter((t) => t.status === 'planned').length,
        missing: list.filter((t) => t.status === 'missing').length,
      },
      uncoveredFields: fields.filter((f) => uncovered.has(f)),
    }
  })
}
