import { useSyncExternalStore } from 'react'
import { closeCodeMessages, closeCodes } from '../../shared/rooms'
import { pick, useI18n, type MessageKey } from '../i18n'
import { connectionLabel, type ConnectionLabel, type RoomConnection } from '../session/connection'

const statusText: Record<ConnectionLabel, MessageKey> = {
  connecting: 'statusConnecting',
  connected: 'statusConnected',
  reconnecting: 'statusReconnecting',
  offline: 'statusOffline',
  closed: 'statusClosed',
}

/** The connection's state in the room header: connecting, connected (and synced), offline… */
export function ConnectionStatus({ connection }: { connection: RoomConnection }) {
  const { t } = useI18n()
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)
  return (
    <span
      className={`status status-${label}`}
      data-testid="connection-status"
      data-status={label}
      data-synced={state.synced ? 'true' : 'false'}
      role="status"
      title={label === 'offline' ? t('offlineNote') : undefined}
    >
      <span className="status-dot" aria-hidden="true" />
      <span>
        {t(statusText[label])}
        {label === 'connected' && state.synced && <span className="synced">・{t('statusSynced')}</span>}
      </span>
    </span>
  )
}

/** Under the header: working offline, or why the server closed the connection. */
export function ClosedBanner({ connection }: { connection: RoomConnection }) {
  const { t, lang } = useI18n()
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)
  if (label === 'offline') {
    return <p className="banner offline">{t('offlineNote')}</p>
  }
  if (!state.closed) return null
  const explanation = closeCodeMessages[state.closed.code]
  // A wrong or revoked link cannot start working by retrying; a full room or a too-large
  // message might, so those get a button.
  const permanent = [closeCodes.missingToken, closeCodes.forbidden, closeCodes.roomNotFound].includes(
    state.closed.code as 4401 | 4403 | 4404,
  )
  return (
    <div className="banner error" role="alert" data-testid="connection-closed" data-code={state.closed.code}>
      <span>{explanation ? pick(explanation, lang) : t('unexpectedError')}</span>
      {!permanent && (
        <button type="button" onClick={() => connection.reconnect()}>
          {t('reconnect')}
        </button>
      )}
    </div>
  )
}
