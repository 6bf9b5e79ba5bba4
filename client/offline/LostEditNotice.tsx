/**
 * Under the room header: "your offline change … was overwritten by …", once per lost edit,
 * until dismissed (lost-edits.ts finds them). Without it a rename made offline could vanish
 * silently under a colleague's concurrent one.
 */
import { useEffect, useState } from 'react'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { modelText } from '../model/labels'
import type { RoomConnection } from '../session/connection'
import { offlineText } from './labels'
import { LostEditTracker, type LostEdit } from './lost-edits'

const MAX_VALUE_CHARS = 60

/** Model field → its column heading in the lists (client/model/labels.ts). */
const fieldLabels: Record<string, keyof typeof modelText.ja> = {
  name: 'name',
  level: 'level',
  fields: 'fields',
  formal: 'formality',
  contact: 'contact',
  note: 'note',
  label: 'label',
  ageBand: 'ageBand',
  household: 'household',
  issues: 'issues',
  from: 'from',
  to: 'to',
  type: 'type',
  direction: 'direction',
  strength: 'strength',
  status: 'status',
}
const kindLabels = { actor: 'actors', person: 'persons', relation: 'relations' } as const

export function LostEditNotice({ connection }: { connection: RoomConnection }) {
  const [lost, setLost] = useState<(LostEdit & { key: number })[]>([])
  const T = useCatalog(offlineText)
  const L = useCatalog(modelText)

  useEffect(() => {
    let next = 0
    const tracker = new LostEditTracker(connection.doc, (edits) => setLost((shown) => [...shown, ...edits.map((e) => ({ ...e, key: next++ }))]))
    // Apart from the server while the browser is offline (an open websocket may then stay
    // "connected", passing nothing) and until the sync exchange after reconnecting is done.
    const follow = () => {
      const state = connection.getState()
      tracker.setApart(!state.browserOnline || state.socket !== 'connected' || !state.synced)
    }
    follow()
    const unsubscribe = connection.subscribe(follow)
    return () => {
      unsubscribe()
      tracker.dispose()
    }
  }, [connection])

  if (lost.length === 0) return null
  const show = (value: unknown): string => {
    if (value === undefined || value === null || value === '') return T.empty
    if (typeof value === 'boolean') return value ? T.yes : T.no
    const text = Array.isArray(value) ? value.map(String).join(T.listSeparator) : String(value)
    return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text
  }
  const where = (edit: LostEdit): string => {
    const field = fieldLabels[edit.field] ? L[fieldLabels[edit.field]] : edit.field
    // For a rename the merged name is the colleague's, already in the sentence.
    if (edit.recordName && edit.field !== 'name') return fill(T.lostEditNamed, { name: edit.recordName, field })
    return fill(T.lostEditWhere, { record: L[kindLabels[edit.kind]], field })
  }
  return (
    <>
      {lost.map((edit) => (
        <div key={edit.key} className="banner lost-edit" role="alert" data-testid="lost-edit" data-record-id={edit.recordId} data-field={edit.field}>
          <span>{fill(T.lostEdit, { mine: show(edit.mine), theirs: show(edit.theirs), where: where(edit) })}</span>
          <button type="button" onClick={() => setLost((shown) => shown.filter((e) => e.key !== edit.key))}>
            {T.dismiss}
          </button>
        </div>
      ))}
    </>
  )
}
