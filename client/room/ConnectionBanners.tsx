import { useSyncExternalStore } from 'react'
import { closeCodeCatalog, closeCodeKey } from '../../shared/i18n/rooms'
import { closeCodes } from '../../shared/rooms'
import { appText, useCatalog, type AppTextKey } from '../i18n'
import { connectionLabel, type ConnectionLabel, type RoomConnection } from '../session/connection'

const statusText: Record<ConnectionLabel, AppTextKey> = {
  connecting: 'statusConnecting',
  connected: 'statusConnected',
  reconnecting: 'statusReconnecting',
  offline: 'statusOffline',
  closed: 'statusClosed',
}

/** The connection's state in the room header: connecting, connected (and synced), offline… */
export function ConnectionStatus({ connection }: { connection: RoomConnection }) {
  const text = useCatalog(appText)
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)
  return (
    <span
      className={`status status-${label}`}
      data-testid="connection-status"
      data-status={label}
      data-synced={state.synced ? 'true' : 'false'}
      role="status"
      title={label === 'offline' ? text.offlineNote : undefined}
    >
      <span className="status-dot" aria-hidden="true" />
      <span>
        {text[statusText[label]]}
        {label === 'connected' && state.synced && (
          <span className="synced">
            {text.separator}
            {text.statusSynced}
          </span>
        )}
      </span>
    </span>
  )
}

/** Under the header: working offline, or why the server closed the connection. */
export function ClosedBanner({ connection }: { connection: RoomConnection }) {
  const text = useCatalog(appText)
  const closeText = useCatalog(closeCodeCatalog)
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)
  if (label === 'offline') {
    return <p className="banner offline">{text.offlineNote}</p>
  }
  if (!state.closed) return null
  const key = closeCodeKey(state.closed.code)
  // A wrong or revoked link cannot start working by retrying; a full room or a too-large
  // message might, so those get a button.
  const permanent = [closeCodes.missingToken, closeCodes.forbidden, closeCodes.roomNotFound].includes(
    state.closed.code as 4401 | 4403 | 4404,
  )
  return (
    <div className="banner error" role="alert" data-testid="connection-closed" data-code={state.closed.code}>
      <span>{key ? closeText[key] : text.unexpectedError}</span>
      {!permanent && (
        <button type="button" onClick={() => connection.reconnect()}>
          {text.reconnect}
        </button>
      )}
    </div>
  )
}
