import { useMemo, useState } from 'react'
import { fill, labelOf } from '../../shared/i18n/catalog'
import { fieldCatalog, levelBadgeCatalog } from '../../shared/i18n/vocabulary'
import { agencyCatalogue, catalogueEntryName, searchCatalogue, type CatalogueEntry } from '../../shared/model/catalogue'
import { addRecord } from '../../shared/model/ops'
import { fieldColors } from '../../shared/model/vocabulary'
import { useCatalog, useI18n } from '../i18n'
import { modelText } from './labels'
import { RefusalNotice } from './RefusalNotice'
import { useModel } from './useModel'
import { useModelChange } from './useModelChange'
import type { ModelViewProps } from './ModelLists'

/**
 * The agency catalogue: search typical agencies by name or field and add them to the map
 * in one click. A new agency not in the catalogue is created in the list view's form.
 */
export function Palette({ doc, canEdit, origin, onAdded }: Omit<ModelViewProps, 'roomKind'> & { onAdded?: (actorId: string) => void }) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const [query, setQuery] = useState('')
  const { error, run } = useModelChange()
  const { model } = useModel(doc)
  const results = useMemo(() => searchCatalogue(query, agencyCatalogue), [query])
  const onMap = useMemo(() => new Set(model.actors.map((a) => a.name)), [model.actors])

  const add = (entry: CatalogueEntry) =>
    run(() => {
      const actor = addRecord(doc, 'actor', { ...entry }, origin)
      onAdded?.(actor.id)
    })

  return (
    <section className="palette" aria-labelledby="palette-heading" data-testid="palette">
      <h3 id="palette-heading">{L.paletteHeading}</h3>
      <input
        type="search"
        aria-label={L.paletteSearch}
        placeholder={L.paletteSearch}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <RefusalNotice message={error} testId="palette-error" />
      <ul className="palette-list">
        {results.map((entry) => {
          // The entry's name in the participant's language; the Japanese name is what is stored.
          const name = catalogueEntryName(entry, lang)
          return (
            <li key={entry.name}>
              <span className="field-dot" style={{ background: fieldColors[entry.fields[0]] }} aria-hidden="true" />
              <span className={entry.formal ? 'palette-name formal' : 'palette-name informal'}>{name}</span>
              <span className="badge">{labelOf(levelBadgeCatalog, lang, entry.level)}</span>
              <span className="palette-fields">{entry.fields.map((f) => labelOf(fieldCatalog, lang, f)).join(L.paletteFieldSeparator)}</span>
              {canEdit && (
                <button type="button" className="link-button" onClick={() => add(entry)} aria-label={fill(L.paletteAddNamed, { name })}>
                  {onMap.has(entry.name) ? L.paletteAddAgain : L.paletteAdd}
                </button>
              )}
            </li>
          )
        })}
        {results.length === 0 && <li className="empty">{L.paletteEmpty}</li>}
      </ul>
    </section>
  )
}
