import type { Actor, MapModel, Person, Relation } from '../model/schema.ts'
import { ageBands, fields, levels, relationTypes, type Direction, type Field, type Level, type Status, type Strength } from '../model/vocabulary.ts'

/**
 * A seeded, plausible large network for the bench and the performance tests: a 都道府県-wide
 * resource map far bigger than any real workshop. Shape, not content, is what matters:
 * mostly municipal agencies and community groups, a few hubs (社協, 地域包括, 推進員) that
 * everyone is tied to, ties mostly inside a field and fewer across fields (縦割り), and a
 * share of planned and missing ties.
 */

export interface SyntheticOptions {
  actors?: number
  relations?: number
  persons?: number
  hubs?: number
  seed?: number
}

/** mulberry32: small, fast, good enough for test data, same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function weighted<T>(rand: () => number, table: [T, number][]): T {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let x = rand() * total
  for (const [value, w] of table) if ((x -= w) < 0) return value
  return table[table.length - 1][0]
}

const levelWeights: [Level, number][] = [
  [levels[0], 1],
  [levels[1], 5],
  [levels[2], 15],
  [levels[3], 45],
  [levels[4], 34],
]

export function syntheticModel(options: SyntheticOptions = {}): MapModel {
  const { actors: actorCount = 2000, relations: relationCount = 8000, persons: personCount = 0, hubs = 12, seed = 20240401 } = options
  const rand = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]

  const actors: Actor[] = []
  const byField = new Map<Field, number[]>(fields.map((f) => [f, []]))
  for (let i = 0; i < actorCount; i++) {
    const level = i < hubs ? levels[3] : weighted(rand, levelWeights)
    const extra = weighted(rand, [
      [0, 75],
      [1, 20],
      [2, 5],
    ])
    const own = new Set<Field>([i < hubs ? '地域福祉（社協）' : pick(fields)])
    while (own.size < 1 + extra) own.add(pick(fields))
    const actorFields = [...own]
    actors.push({
      id: `a-${String(i).padStart(5, '0')}`,
      name: i < hubs ? `拠点${i + 1}` : `機関${i + 1}`,
      level,
      fields: actorFields,
      formal: level === '地域' ? rand() < 0.2 : rand() < 0.95,
    })
    for (const f of actorFields) byField.get(f)!.push(i)
  }

  const relations: Relation[] = []
  const status = (): Status => weighted(rand, [['existing', 75], ['planned', 15], ['missing', 10]] as [Status, number][])
  const strength = (): Strength => weighted(rand, [['normal', 55], ['strong', 20], ['weak', 20], ['stressful', 5]] as [Strength, number][])
  const direction = (): Direction => weighted(rand, [['forward', 60], ['both', 20], ['none', 15], ['backward', 5]] as [Direction, number][])
  const types = relationTypes.filter((t) => t !== '家族関係' && t !== '支援提供' && t !== '見守り')
  for (let r = 0; r < relationCount; r++) {
    const from = Math.floor(rand() * actorCount)
    let to: number
    const mode = rand()
    if (mode < 0.3 && hubs > 0) to = Math.floor(rand() * hubs)
    else if (mode < 0.8) to = pick(byField.get(pick(actors[from].fields))!)
    else to = Math.floor(rand() * actorCount)
    if (to === from) to = (from + 1 + Math.floor(rand() * (actorCount - 1))) % actorCount
    relations.push({
      id: `r-${String(r).padStart(5, '0')}`,
      from: actors[from].id,
      to: actors[to].id,
      type: pick(types),
      direction: direction(),
      strength: strength(),
      status: status(),
    })
  }

  const persons: Person[] = []
  for (let p = 0; p < personCount; p++) {
    const id = `p-${String(p).padStart(5, '0')}`
    persons.push({ id, label: pick(['本人', '母', '父', '長男', '長女']), ageBand: pick(ageBands), household: rand() < 0.8, issues: [] })
    const ties = Math.floor(rand() * 4)
    for (let t = 0; t < ties; t++) {
      relations.push({
        id: `rp-${String(p).padStart(5, '0')}-${t}`,
        from: actors[Math.floor(rand() * actorCount)].id,
        to: id,
        type: '支援提供',
        direction: 'forward',
        strength: strength(),
        status: status(),
      })
    }
  }
  return { info: { kind: 'community', issues: [] }, actors, persons, relations }
}
