import { addRecord } from '../../../shared/model/ops'
import { useCatalog } from '../../i18n'
import { NewActorForm } from '../../model/NewActorForm'
import { Palette } from '../../model/Palette'
import { RefusalNotice } from '../../model/RefusalNotice'
import { useModelChange } from '../../model/useModelChange'
import { boardText } from '../board-labels'
import type { BoardController } from '../controller'
import { MODEL_ORIGIN } from '../origins'
import { cardShapeId, type CardKind } from '../relation-style'

/** Adding agencies (catalogue palette, new agency form) and persons; each new card is selected. */
export function AddSection({ controller }: { controller: BoardController }) {
  const B = useCatalog(boardText)
  const { doc, editor } = controller
  // Each addition is its own undo step; a refusal is shown instead of thrown.
  const { error, run: attempt } = useModelChange(() => controller.undo?.stopCapturing())
  const allowPersons = controller.roomKind !== 'community'

  const select = (kind: CardKind, id: string) => {
    const shapeId = cardShapeId(kind, id)
    if (!editor.getShape(shapeId)) return
    editor.setCurrentTool('select')
    editor.select(shapeId)
  }

  return (
    <details className="board-add" open>
      <summary>{B.addHeading}</summary>
      {/* A click in the palette starts a new undo step before the palette adds the agency. */}
      <div onClickCapture={() => controller.undo?.stopCapturing()}>
        <Palette doc={doc} canEdit={controller.canEdit} origin={MODEL_ORIGIN} onAdded={(id) => select('actor', id)} />
      </div>
      <NewActorForm
        className="board-new-actor"
        formLabel={B.newActorHeading}
        heading={<h3>{B.newActorHeading}</h3>}
        nameLabel={B.newActorName}
        submitLabel={B.newActorAdd}
        onAdd={(actor) =>
          attempt(() => {
            const added = addRecord(doc, 'actor', actor, MODEL_ORIGIN)
            select('actor', added.id)
          })
        }
      />
      {allowPersons && (
        <div className="board-add-person">
          <button
            type="button"
            data-testid="add-person"
            onClick={() =>
              attempt(() => {
                const person = addRecord(doc, 'person', { label: '本人', ageBand: '不明', household: true, issues: [] }, MODEL_ORIGIN)
                select('person', person.id)
              })
            }
          >
            {B.addPerson}
          </button>
          <small className="hint">{B.addPersonHint}</small>
        </div>
      )}
      <RefusalNotice message={error} testId="board-add-error" />
    </details>
  )
}
