import fs from 'node:fs'
import path from 'node:path'
import cytoscape from 'cytoscape'
import type { ElementDefinition } from 'cytoscape'
import { describe, expect, it } from 'vitest'
import { deriveGraph } from '../../shared/graph/derive'
import { compareModels } from '../../shared/history/diff'
import type { Lang } from '../../shared/i18n/catalog'
import type { MapModel, Relation } from '../../shared/model/schema'
import { parseImport } from '../../shared/model/transfer'
import { figureChanges, ghostEdgeId, ghostNodeId, overlayPlan, summaryCounts, type OverlayPlan } from './compareOverlay'
import { recordModel } from './compare-api'
import { diffElements } from './elementDiff'
import { defaultFilters, filterGraph, toElements, type GraphFilters } from './elements'
import { graphText } from './labels'
import { baseElements, ghostPositions, hideOverlay, syncOverlay } from './overlaySync'

const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))

/** The case sample as imported: ties numbered r-1 … r-22 in file order (r-9: ケアマネ → 母, planned). */
const caseModel = (): MapModel => parseImport(sample, { roomKind: 'case' }).model

function tie(model: MapModel, id: string): Relation {
  return model.relations.find((r) => r.id === id)!
}

function elementsOf(model: MapModel, filters: GraphFilters = defaultFilters, lang: Lang = 'ja'): ElementDefinition[] {
  return toElements(filterGraph(deriveGraph(model), filters), { sizes: new Map(), layout: 'fcose', selected: null, articulation: new Set(), lang })
}

/** The overlay GraphView draws for record `before` and the map `after`. */
function plan(before: MapModel, after: MapModel, { filters = defaultFilters, focused = false, lang = 'ja' as Lang } = {}): OverlayPlan {
  return overlayPlan({
    comparison: compareModels(before, after, { roomKind: 'case' }),
    current: elementsOf(after, filters, lang),
    record: filterGraph(deriveGraph(before), filters),
    focused,
    text: graphText[lang],
    lang,
  })
}

const ghostIds = (p: OverlayPlan) => p.ghosts.map((g) => g.data.id)

describe('記録と比較: which element gets which overlay (compareOverlay.ts)', () => {
  it('fades everything and adds no ghost when nothing changed', () => {
    const p = plan(caseModel(), caseModel())
    expect(new Set(p.classes.values())).toEqual(new Set(['cmp-same']))
    expect(p.classes.size).toBe(sample.actors.length + sample.persons.length + sample.relations.length)
    expect(p.ghosts).toEqual([])
    expect(p.labels.size).toBe(0)
  })

  it('marks an agency and a tie added since the record, and leaves the others faded', () => {
    const before = caseModel()
    const after = caseModel()
    after.actors.push({ ...after.actors[0], id: 'a-new', name: '社会福祉協議会 地区担当' })
    after.relations.push({ ...tie(after, 'r-4'), id: 'r-new', from: 'a-new', to: 'p-son' })
    const p = plan(before, after)
    expect(p.classes.get('a-new')).toBe('cmp-added')
    expect(p.classes.get('r-new')).toBe('cmp-added')
    expect(p.classes.get('a-minsei')).toBe('cmp-same')
    expect(p.classes.get('r-4')).toBe('cmp-same')
    expect(p.ghosts).toEqual([])
  })

  it('marks 予定 → 既存 as progress, with the ▲進展 badge before the tie type', () => {
    const after = caseModel()
    tie(after, 'r-9').status = 'existing'
    const p = plan(caseModel(), after)
    expect(p.classes.get('r-9')).toBe('cmp-progress')
    expect(p.labels.get('r-9')).toBe('▲進展 支援提供')
    expect(plan(caseModel(), after, { lang: 'en' }).labels.get('r-9')).toBe('▲Progress Provides support')
  })

  it('marks 既存 → 不足 as lost, a changed strength as changed (not faded)', () => {
    const after = caseModel()
    tie(after, 'r-5').status = 'missing'
    tie(after, 'r-3').strength = 'strong'
    const p = plan(caseModel(), after)
    expect(p.classes.get('r-5')).toBe('cmp-loss')
    expect(p.labels.get('r-5')).toBe('▼失われた 支援提供')
    expect(p.classes.get('r-3')).toBe('cmp-changed')
    expect(p.labels.has('r-3')).toBe(false)
  })

  it('draws a removed tie as a ghost between the cards it joined', () => {
    const after = caseModel()
    after.relations = after.relations.filter((r) => r.id !== 'r-6')
    const p = plan(caseModel(), after)
    expect(p.ghosts).toHaveLength(1)
    expect(p.ghosts[0]).toMatchObject({
      group: 'edges',
      data: { id: ghostEdgeId('r-6'), source: 'a-csw', target: 'a-houkatsu', label: '✕ つなぎ', ghostOf: 'r-6' },
      classes: 'cmp-ghost',
    })
    // The ghost never takes the id of a tie of the map.
    expect(p.classes.has(ghostEdgeId('r-6'))).toBe(false)
  })

  it('draws a removed agency as a grey ghost with its old name, and its ties to it', () => {
    const after = caseModel()
    after.actors = after.actors.filter((a) => a.id !== 'a-caremgr')
    after.relations = after.relations.filter((r) => r.from !== 'a-caremgr' && r.to !== 'a-caremgr')
    const p = plan(caseModel(), after)
    const name = sample.actors.find((a: { id: string }) => a.id === 'a-caremgr').name
    expect(p.ghosts[0]).toMatchObject({ group: 'nodes', data: { id: ghostNodeId('a-caremgr'), label: `${name}（削除）`, ghostOf: 'a-caremgr' } })
    expect(p.ghosts[0].classes).toContain('cmp-ghost')
    const edges = p.ghosts.filter((g) => g.group === 'edges')
    expect(edges.map((e) => [e.data.source, e.data.target]).sort()).toEqual([
      ['a-houkatsu', ghostNodeId('a-caremgr')],
      [ghostNodeId('a-caremgr'), 'p-mother'],
    ])
  })

  it('follows the filters: a removed person is not drawn while persons are hidden', () => {
    const after = caseModel()
    after.persons = after.persons.filter((x) => x.id !== 'p-son')
    after.relations = after.relations.filter((r) => r.from !== 'p-son' && r.to !== 'p-son')
    expect(ghostIds(plan(caseModel(), after))).toContain(ghostNodeId('p-son'))
    const hidden = plan(caseModel(), after, { filters: { ...defaultFilters, showPersons: false } })
    expect(hidden.ghosts).toEqual([])
  })

  it('with the ego focus on, draws a removed card only when the record tied it to a drawn one', () => {
    const after = caseModel()
    after.actors = after.actors.filter((a) => a.id !== 'a-caremgr' && a.id !== 'a-jutaku')
    after.relations = after.relations.filter((r) => ![r.from, r.to].some((x) => x === 'a-caremgr' || x === 'a-jutaku'))
    // Only the 包括 and what it is tied to are drawn (as egoGraph leaves it): ケアマネ was tied to it, 住宅 was not.
    const keep = new Set(['a-houkatsu', 'a-csw', 'p-mother'])
    const p = overlayPlan({
      comparison: compareModels(caseModel(), after, { roomKind: 'case' }),
      current: elementsOf(after).filter((e) => (e.group === 'nodes' ? keep.has(e.data.id!) : keep.has(e.data.source) && keep.has(e.data.target))),
      record: deriveGraph(caseModel()),
      focused: true,
      text: graphText.ja,
      lang: 'ja',
    })
    expect(ghostIds(p).filter((id) => id!.startsWith('cmp-node:'))).toEqual([ghostNodeId('a-caremgr')])
  })
})

describe('記録と比較: the summary line and the figures', () => {
  it('counts new ties, progress and lost ties, then only the other changes there are', () => {
    const before = caseModel()
    const after = caseModel()
    tie(after, 'r-9').status = 'existing'
    after.relations = after.relations.filter((r) => r.id !== 'r-6' && r.id !== 'r-11')
    after.actors.push({ ...after.actors[0], id: 'a-new', name: '新しい機関' })
    const counts = summaryCounts(compareModels(before, after))
    expect(counts).toEqual([
      { key: 'compareNewTies', n: 0 },
      { key: 'compareProgress', n: 1 },
      // r-6 was existing: lost. r-11 was planned: removed, not lost.
      { key: 'compareLost', n: 1 },
      { key: 'compareActorsAdded', n: 1 },
      { key: 'compareTiesRemoved', n: 1 },
    ])
  })

  it('gives 孤立 / 狭間 / 要の機関 / 密度 before → after, 狭間 only where persons are compared on a case map', () => {
    const after = caseModel()
    tie(after, 'r-9').status = 'existing'
    const { figures } = compareModels(caseModel(), after, { roomKind: 'case' })
    const rows = figureChanges(figures, { roomKind: 'case', personsCompared: true })
    expect(rows.map((r) => r.key)).toEqual(['compareIsolated', 'compareGap', 'compareCutPoints', 'compareDensity'])
    expect(rows[3]).toEqual({ key: 'compareDensity', before: figures.before.density.toFixed(2), after: figures.after.density.toFixed(2) })
    expect(rows[3].after).not.toBe(rows[3].before)
    expect(figureChanges(figures, { roomKind: 'case', personsCompared: false }).map((r) => r.key)).not.toContain('compareGap')
    expect(figureChanges(figures, { roomKind: 'community', personsCompared: true }).map((r) => r.key)).not.toContain('compareGap')
  })

  it('reads a record of an empty map as an empty model, and leaves a bad record out', () => {
    expect(recordModel({ actors: [], persons: [], relations: [] }, 'case').actors).toEqual([])
    const m = recordModel({ actors: [sample.actors[0], { id: 'bad' }], relations: [] }, 'case')
    expect(m.actors.map((a) => a.id)).toEqual([sample.actors[0].id])
  })
})

describe('記録と比較 on a headless cytoscape (overlaySync.ts)', () => {
  function setUp(before: MapModel, after: MapModel) {
    const cy = cytoscape({ headless: true, styleEnabled: true })
    const elements = elementsOf(after)
    cy.add(elements)
    const p = plan(before, after)
    syncOverlay(cy, p)
    return { cy, elements, p }
  }

  it('lays classes and ghosts over the map that the element diffing never sees', () => {
    const after = caseModel()
    tie(after, 'r-9').status = 'existing'
    after.actors = after.actors.filter((a) => a.id !== 'a-kenri')
    after.relations = after.relations.filter((r) => r.from !== 'a-kenri' && r.to !== 'a-kenri')
    const { cy, elements } = setUp(caseModel(), after)
    expect(cy.getElementById('r-9').hasClass('cmp-progress')).toBe(true)
    expect(cy.getElementById('r-9').data('cmpLabel')).toBe('▲進展 支援提供')
    expect(cy.getElementById('a-minsei').hasClass('cmp-same')).toBe(true)
    const ghost = cy.getElementById(ghostNodeId('a-kenri'))
    expect(ghost.nonempty() && ghost.hasClass('cmp-ghost')).toBe(true)
    expect(ghost.grabbable()).toBe(false)
    expect(cy.getElementById(ghostEdgeId('r-22')).nonempty()).toBe(true)
    // The map's own diff finds nothing to do: no ghost to remove, no class to reset.
    const diff = diffElements(baseElements(cy), elements)
    expect([diff.removeEdges, diff.removeNodes, diff.addNodes, diff.addEdges, diff.update].every((x) => x.length === 0)).toBe(true)
    // 比較しない: the overlay goes, the map stays.
    syncOverlay(cy, null)
    expect(cy.elements('.cmp-ghost').length).toBe(0)
    expect(cy.elements().filter((el) => el.classes().some((c) => c.startsWith('cmp-'))).length).toBe(0)
    expect(cy.getElementById('r-9').data('cmpLabel')).toBeUndefined()
    expect(cy.elements().length).toBe(elements.length)
  })

  it('takes the overlay off for an image export and puts it back', () => {
    const after = caseModel()
    tie(after, 'r-5').status = 'missing'
    after.relations = after.relations.filter((r) => r.id !== 'r-6')
    const { cy } = setUp(caseModel(), after)
    const restore = hideOverlay(cy)
    expect(cy.getElementById(ghostEdgeId('r-6')).visible()).toBe(false)
    expect(cy.getElementById('r-5').hasClass('cmp-loss')).toBe(false)
    expect(cy.getElementById('r-5').data('cmpLabel')).toBeUndefined()
    restore()
    expect(cy.getElementById(ghostEdgeId('r-6')).visible()).toBe(true)
    expect(cy.getElementById('r-5').hasClass('cmp-loss')).toBe(true)
    expect(cy.getElementById('r-5').data('cmpLabel')).toBe('▼失われた 支援提供')
  })

  it('places a ghost beside the cards it was tied to, and one tied to nothing under the map', () => {
    const peers = new Map([
      ['g1', ['a']],
      ['g2', ['g1']],
      ['g3', []],
    ])
    const known = (id: string) => (id === 'a' ? { x: 0, y: 0 } : undefined)
    const at = ghostPositions(['g2', 'g1', 'g3'], peers, known, { x1: -300, y2: 200 })
    expect(Math.hypot(at.get('g1')!.x, at.get('g1')!.y)).toBeCloseTo(110)
    const g1 = at.get('g1')!
    expect(Math.hypot(at.get('g2')!.x - g1.x, at.get('g2')!.y - g1.y)).toBeCloseTo(110)
    expect(at.get('g3')).toEqual({ x: -300, y: 340 })
  })
})
