/**
 * The board's side panel: the inspector of the selected card or arrow, adding agencies (the
 * catalogue palette) and persons, and the legend of the eco-map conventions (panel/).
 *
 * Every edit is a model op with MODEL_ORIGIN (so it is on this user's undo stack) and reaches
 * everyone live; the card or arrow re-renders from the model. View-only participants see the
 * same fields, disabled.
 */
import { useCatalog } from '../i18n'
import { boardText } from './board-labels'
import type { BoardController } from './controller'
import { AddSection } from './panel/AddSection'
import { Inspector } from './panel/Inspector'
import { Legend } from './panel/Legend'
import './panel/panel.css'

export type { BoardController } from './controller'

export function BoardPanel({ controller }: { controller: BoardController }) {
  const B = useCatalog(boardText)
  return (
    <section className="board-panel" aria-label={B.panelLabel} data-testid="board-panel">
      <Inspector controller={controller} />
      {controller.canEdit && <AddSection controller={controller} />}
      <Legend />
    </section>
  )
}
