/**
 * 絞り込み: the ego focus and the filters by field, level, formality, tie type and status. They
 * change only what is drawn; the analysis beside it is of the whole graph.
 */
import { useMemo } from 'react'
import type { GraphElements } from '../../shared/graph/derive'
import { labelOf } from '../../shared/i18n/catalog'
import { fieldCatalog, levelCatalog, relationTypeCatalog, statusCatalog } from '../../shared/i18n/vocabulary'
import { fieldColors, fields, levels, relationTypes, statuses, type Field, type Level, type RelationType, type Status } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import type { Formality, GraphFilters } from './elements'
import { graphText } from './labels'

interface Props {
  /** The whole graph: only the fields, levels and tie types present on the map are offered. */
  graph: GraphElements
  filters: GraphFilters
  onFilters: (update: (filters: GraphFilters) => GraphFilters) => void
  egoSteps: number
  onEgoSteps: (steps: number) => void
  /** The ego focus needs a selected node. */
  hasSelection: boolean
}

const toggle = <T,>(list: T[], value: T): T[] => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value])

export function FilterPanel({ graph, filters, onFilters, egoSteps, onEgoSteps, hasSelection }: Props) {
  const { lang } = useI18n()
  const L = useCatalog(graphText)
  const setFilter = <K extends keyof GraphFilters>(key: K, value: GraphFilters[K]) => onFilters((f) => ({ ...f, [key]: value }))
  const presentFields = useMemo(() => fields.filter((f) => graph.nodes.some((n) => n.fields?.includes(f))), [graph])
  const presentLevels = useMemo(() => levels.filter((l) => graph.nodes.some((n) => n.level === l)), [graph])
  const presentTypes = useMemo(() => relationTypes.filter((t) => graph.edges.some((e) => e.type === t)), [graph])

  return (
    <details className="graph-filters" data-testid="graph-filters">
      <summary>{L.filters}</summary>
      <p className="hint">{L.filterNote}</p>
      <fieldset>
        <legend>{L.ego}</legend>
        {[
          [0, L.egoAll],
          [1, L.egoOne],
          [2, L.egoTwo],
        ].map(([steps, text]) => (
          <label key={steps} className="graph-check">
            <input type="radio" name="graph-ego" checked={egoSteps === steps} onChange={() => onEgoSteps(steps as number)} data-testid={`graph-ego-${steps}`} />
            {text}
          </label>
        ))}
        {egoSteps > 0 && !hasSelection && <span className="hint">{L.egoNeedsSelection}</span>}
      </fieldset>
      <fieldset>
        <legend>{L.filterFields}</legend>
        {presentFields.map((f) => (
          <label key={f} className="graph-check">
            <input type="checkbox" checked={!filters.hiddenFields.includes(f)} onChange={() => setFilter('hiddenFields', toggle<Field>(filters.hiddenFields, f))} />
            <span className="graph-swatch" style={{ background: fieldColors[f] }} aria-hidden="true" />
            {labelOf(fieldCatalog, lang, f)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{L.filterLevels}</legend>
        {presentLevels.map((l) => (
          <label key={l} className="graph-check">
            <input type="checkbox" checked={!filters.hiddenLevels.includes(l)} onChange={() => setFilter('hiddenLevels', toggle<Level>(filters.hiddenLevels, l))} />
            {labelOf(levelCatalog, lang, l)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{L.filterFormality}</legend>
        {(['all', 'formal', 'informal'] as Formality[]).map((v) => (
          <label key={v} className="graph-check">
            <input type="radio" name="graph-formality" checked={filters.formality === v} onChange={() => setFilter('formality', v)} />
            {v === 'all' ? L.formalityAll : v === 'formal' ? L.formal : L.informal}
          </label>
        ))}
        <label className="graph-check">
          <input type="checkbox" checked={filters.showPersons} onChange={(e) => setFilter('showPersons', e.target.checked)} />
          {L.showPersons}
        </label>
      </fieldset>
      <fieldset>
        <legend>{L.filterTypes}</legend>
        {presentTypes.map((t) => (
          <label key={t} className="graph-check">
            <input type="checkbox" checked={!filters.hiddenTypes.includes(t)} onChange={() => setFilter('hiddenTypes', toggle<RelationType>(filters.hiddenTypes, t))} />
            {labelOf(relationTypeCatalog, lang, t)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{L.filterStatuses}</legend>
        {statuses.map((s) => (
          <label key={s} className="graph-check">
            <input type="checkbox" checked={!filters.hiddenStatuses.includes(s)} onChange={() => setFilter('hiddenStatuses', toggle<Status>(filters.hiddenStatuses, s))} />
            {labelOf(statusCatalog, lang, s)}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
