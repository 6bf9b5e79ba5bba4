/**
 * The header's 「会議の記録」 button, for every link, and its dialog (client/history/
 * RecordsDialog.tsx). The dialog's default attendees are the 所属 of the participants in the
 * room now, read from the roster here (room/ owns awareness; history/ does not import room/).
 */
import { useMemo, useState } from 'react'
import type { Role } from '../../shared/rooms'
import { useCatalog } from '../i18n'
import { RecordsDialog } from '../history/RecordsDialog'
import { recordsText } from '../history/records-labels'
import type { RoomConnection } from '../session/connection'
import { useParticipants } from './Participants'
import { orgsPresent } from './roster'

export function MeetingRecordsButton({ roomId, token, role, connection }: { roomId: string; token: string; role: Role; connection: RoomConnection }) {
  const L = useCatalog(recordsText)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title={L.openTitle} aria-haspopup="dialog" data-testid="records-open">
        {L.open}
      </button>
      {open && <Dialog roomId={roomId} token={token} role={role} connection={connection} onClose={() => setOpen(false)} />}
    </>
  )
}

function Dialog(props: { roomId: string; token: string; role: Role; connection: RoomConnection; onClose: () => void }) {
  const participants = useParticipants(props.connection.awareness)
  const orgs = useMemo(() => orgsPresent(participants), [participants])
  return <RecordsDialog roomId={props.roomId} token={props.token} role={props.role} doc={props.connection.doc} orgsPresent={orgs} onClose={props.onClose} />
}
