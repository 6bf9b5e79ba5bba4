/**
 * The inspector: the fields of the one selected card or arrow, or why there are none. It
 * follows the selection by record (not by shape), so an edit by a colleague re-renders it.
 */
import { useEffect, type ReactNode } from 'react'
import { useValue, type Editor } from 'tldraw'
import { fill } from '../../../shared/i18n/catalog'
import { useCatalog } from '../../i18n'
import { RefusalNotice } from '../../model/RefusalNotice'
import { useModelChange } from '../../model/useModelChange'
import { boardText } from '../board-labels'
import { cardRecordRef, isCardShape } from '../card-shapes'
import type { BoardController } from '../controller'
import type { CardKind } from '../relation-style'
import { relationIdOf } from '../sync'
import { ActorForm } from './ActorForm'
import { PersonForm } from './PersonForm'
import { RelationForm } from './RelationForm'

type Target = { kind: 'none' } | { kind: 'many'; count: number } | { kind: 'other' } | { kind: CardKind | 'relation'; id: string }

/** The selection as a string, so that useValue re-renders only when it changes. */
function targetKey(editor: Editor): string {
  const ids = editor.getSelectedShapeIds()
  if (ids.length === 0) return 'none'
  if (ids.length > 1) return `many:${ids.length}`
  const shape = editor.getShape(ids[0])
  if (isCardShape(shape)) {
    const ref = cardRecordRef(shape)
    return `${ref.kind}:${ref.id}`
  }
  const rid = relationIdOf(shape)
  return rid ? `relation:${rid}` : 'other'
}

function parseTarget(key: string): Target {
  const [kind, rest] = [key.slice(0, key.indexOf(':') < 0 ? key.length : key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  if (kind === 'none' || kind === 'other') return { kind }
  if (kind === 'many') return { kind, count: Number(rest) }
  return { kind: kind as CardKind | 'relation', id: rest }
}

export function Inspector({ controller }: { controller: BoardController }) {
  const B = useCatalog(boardText)
  const { editor } = controller
  const key = useValue('inspector target', () => targetKey(editor), [editor])
  const target = parseTarget(key)
  // One model edit: a new undo step, and a refusal shown instead of thrown.
  const { error, run: edit, clearError } = useModelChange(() => controller.undo?.stopCapturing())
  // A refusal belongs to the card it was about: forget it when the selection changes (only
  // then: clearError is a new function at every render).
  // oxlint-disable-next-line react-hooks/exhaustive-deps, react/exhaustive-effect-dependencies
  useEffect(() => clearError(), [key])
  // Asks first when the card has ties (Board.tsx, delete-confirm.ts).
  const remove = () => controller.deleteSelection()

  let body: ReactNode
  if (target.kind === 'none') body = <p className="hint">{B.inspectorEmpty}</p>
  else if (target.kind === 'many') body = <p className="hint">{fill(B.inspectorMany, { count: target.count })}</p>
  else if (target.kind === 'other') body = <p className="hint">{B.inspectorOther}</p>
  else if (target.kind === 'actor') body = <ActorForm id={target.id} controller={controller} edit={edit} />
  else if (target.kind === 'person') body = <PersonForm id={target.id} controller={controller} edit={edit} />
  else body = <RelationForm id={target.id} controller={controller} edit={edit} />

  const isItem = target.kind === 'actor' || target.kind === 'person' || target.kind === 'relation'
  return (
    <section className="inspector" aria-labelledby="inspector-heading" data-testid="inspector" data-target={key}>
      <h2 id="inspector-heading">{B.inspectorHeading}</h2>
      {!controller.canEdit && isItem && <p className="hint">{B.inspectorReadOnly}</p>}
      <RefusalNotice message={error} testId="inspector-error" />
      {body}
      {controller.canEdit && isItem && (
        <button
          type="button"
          className="link-button danger"
          onClick={remove}
          title={B.deleteSelectedHint}
          aria-description={B.deleteSelectedHint}
          data-testid="inspector-delete"
        >
          {B.deleteSelected}
        </button>
      )}
    </section>
  )
}
