import { useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react'
import { getUserPreferences, setUserPreferences } from 'tldraw'
import {
  closeCodeMessages,
  closeCodes,
  type ClientConfigResponse,
  type Role,
  type RoomInfoResponse,
  roomKindLabels,
} from '../../shared/rooms'
import { ApiError, errorMessage, getClientConfig, getRoomInfo } from '../server-api'
import { Board } from '../board/Board'
import { BoardPanel, type BoardController } from '../board/BoardPanel'
import { MODEL_ORIGIN } from '../board/origins'
import { licenseDecision } from '../board/license'
import { setLocalUser } from '../board/presence'
import { pick, useI18n, type MessageKey } from '../i18n'
import { LangSwitch } from '../LangSwitch'
import { connectionLabel, RoomConnection, type ConnectionLabel } from '../session/connection'
import { ParticipantList, useParticipants } from './Participants'
import { orgsPresent } from './roster'
import { ModelLists } from '../model/ModelLists'
import { Palette } from '../model/Palette'
import { Transfer } from '../model/Transfer'
import { QuadrantView } from '../quadrant/QuadrantView'
import { GraphView } from '../graph/GraphView'
import { selectedRecordOnBoard, selectRecordOnBoard } from '../board/selection'
import { participantLabel } from '../session/participant'
import {
  cachedRoomInfo,
  cacheRoomInfo,
  loadProfile,
  resolveRoomToken,
  saveProfile,
  tokenFromHash,
  type Profile,
} from './storage'

const CONFIG_KEY = 'jusou-config'
const DEFAULT_CONFIG: ClientConfigResponse = { tldrawLicenseKey: null, maxMessageBytes: 1024 * 1024 }

const roleText: Record<Role, MessageKey> = {
  facilitate: 'roleFacilitate',
  edit: 'roleEdit',
  view: 'roleView',
}

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; info: RoomInfoResponse; config: ClientConfigResponse; fromCache: boolean }

async function loadConfig(): Promise<ClientConfigResponse> {
  try {
    const config = await getClientConfig()
    try {
      localStorage.setItem(CONFIG_KEY, JSON.stringify(config))
    } catch {
      // not remembered; fine
    }
    return config
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError) {
      try {
        const cached = localStorage.getItem(CONFIG_KEY)
        if (cached) return JSON.parse(cached) as ClientConfigResponse
      } catch {
        // fall through
      }
      return DEFAULT_CONFIG
    }
    throw error
  }
}

function useRoom(roomId: string, token: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    if (!token) return
    let cancelled = false
    ;(async () => {
      const configPromise = loadConfig()
      try {
        const info = await getRoomInfo(roomId, token)
        cacheRoomInfo(info, token)
        const config = await configPromise
        if (!cancelled) setLoaded({ state: 'ready', info, config, fromCache: false })
      } catch (error) {
        // Offline: open the room as it was last time; edits go to the offline copy.
        const cached = error instanceof ApiError && error.isNetworkError ? cachedRoomInfo(roomId, token) : null
        if (cached) {
          const config = await configPromise.catch(() => DEFAULT_CONFIG)
          if (!cancelled) setLoaded({ state: 'ready', info: cached, config, fromCache: true })
        } else if (!cancelled) {
          setLoaded({ state: 'error', error })
        }
      }
    })()
    return () => {
      cancelled = true
    }
  }, [roomId, token])
  return loaded
}

export function RoomPage({ roomId }: { roomId: string }) {
  const { t, lang } = useI18n()
  const [token] = useState(() => resolveRoomToken(roomId, window.location.hash))
  const loaded = useRoom(roomId, token)
  const [profile, setProfile] = useState<Profile | null>(loadProfile)
  const [editingProfile, setEditingProfile] = useState(false)

  // Opening another link of the same room in this tab only changes the fragment, which does
  // not reload the page: reload so that the new link's role applies.
  useEffect(() => {
    const onHashChange = () => {
      const next = tokenFromHash(window.location.hash)
      if (next && next !== token) window.location.reload()
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [token])

  useEffect(() => {
    if (loaded.state === 'ready') document.title = `${loaded.info.title} – ${t('appName')}`
  }, [loaded, t])

  if (!token) {
    return (
      <SimplePage>
        <p className="error" role="alert" data-testid="room-error">
          {t('noToken')}
        </p>
        <a href="/">{t('backHome')}</a>
      </SimplePage>
    )
  }
  if (loaded.state === 'loading') {
    return (
      <SimplePage>
        <p>{t('loadingRoom')}</p>
      </SimplePage>
    )
  }
  if (loaded.state === 'error') {
    return (
      <SimplePage>
        <p className="error" role="alert" data-testid="room-error">
          {errorMessage(loaded.error, lang)}
        </p>
        <a href="/">{t('backHome')}</a>
      </SimplePage>
    )
  }
  const saveAndClose = (p: Profile) => {
    saveProfile(p)
    setProfile(p)
    setEditingProfile(false)
  }
  if (!profile) {
    return (
      <SimplePage title={loaded.info.title}>
        <ProfileForm initial={null} onSubmit={saveAndClose} />
      </SimplePage>
    )
  }
  return (
    <>
      <Room
        info={loaded.info}
        config={loaded.config}
        fromCache={loaded.fromCache}
        token={token}
        profile={profile}
        onEditProfile={() => setEditingProfile(true)}
      />
      {editingProfile && (
        // Over the room, so that the board and its connection stay as they are.
        <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={t('profileHeading')}>
          <ProfileForm initial={profile} onSubmit={saveAndClose} onCancel={() => setEditingProfile(false)} />
        </div>
      )}
    </>
  )
}

function SimplePage({ title, children }: { title?: string; children: React.ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="page">
      <header className="topbar">
        <a className="app-name" href="/">
          {t('appName')}
        </a>
        <LangSwitch />
      </header>
      <main className="narrow">
        {title && <h1 className="room-title">{title}</h1>}
        {children}
      </main>
    </div>
  )
}

function ProfileForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: Profile | null
  onSubmit: (profile: Profile) => void
  onCancel?: () => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(initial?.name ?? '')
  const [org, setOrg] = useState(initial?.org ?? '')
  const [error, setError] = useState(false)
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim() || !org.trim()) {
      setError(true)
      return
    }
    onSubmit({ name: name.trim(), org: org.trim() })
  }
  return (
    <section className="card profile-card">
      <h2>{t('profileHeading')}</h2>
      <p className="hint">{t('profileIntro')}</p>
      <form onSubmit={submit} data-testid="profile-form">
        <label className="field">
          <span>{t('profileName')}</span>
          <input name="name" value={name} maxLength={40} autoFocus placeholder={t('profileNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('profileOrg')}</span>
          <input name="org" value={org} maxLength={80} placeholder={t('profileOrgPlaceholder')} onChange={(e) => setOrg(e.target.value)} />
        </label>
        {error && (
          <p className="error" role="alert">
            {t('profileRequired')}
          </p>
        )}
        <div className="form-buttons">
          <button type="submit" className="primary">
            {initial ? t('profileSave') : t('profileSubmit')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}

interface RoomProps {
  info: RoomInfoResponse
  config: ClientConfigResponse
  fromCache: boolean
  token: string
  profile: Profile
  onEditProfile: () => void
}

type RoomView = 'board' | 'lists' | 'quadrant' | 'graph'
const roomViews: { id: RoomView; label: MessageKey }[] = [
  { id: 'board', label: 'tabBoard' },
  { id: 'lists', label: 'tabLists' },
  { id: 'quadrant', label: 'tabQuadrant' },
  { id: 'graph', label: 'tabGraph' },
]

function Room({ info, config, fromCache, token, profile, onEditProfile }: RoomProps) {
  const { t, lang } = useI18n()
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  const [view, setView] = useState<RoomView>('board')
  const [boardController, setBoardController] = useState<BoardController | null>(null)
  // The card selected on the board is the node selected in the graph, and the other way round.
  const [selectedRecordId, setSelectedRecordId] = useState<string | null>(null)
  const showView = (next: RoomView) => {
    if (next === 'graph' && boardController) setSelectedRecordId(selectedRecordOnBoard(boardController.editor))
    setView(next)
  }
  const selectFromGraph = (recordId: string | null) => {
    setSelectedRecordId(recordId)
    if (boardController) selectRecordOnBoard(boardController.editor, recordId)
  }

  useEffect(() => {
    const conn = new RoomConnection(info.roomId, token)
    setConnection(conn)
    return () => {
      conn.destroy()
      setConnection(null)
    }
  }, [info.roomId, token])

  // tldraw's menus follow the user preference locale (in tldraw 5.1 the <Tldraw locale> prop
  // only reaches its loading screen), so keep the preference in step with our language switch.
  useEffect(() => {
    const prefs = getUserPreferences()
    if (prefs.locale !== lang) setUserPreferences({ ...prefs, locale: lang })
  }, [lang])

  // Who we are, for peers (awareness) and for tldraw (its people menu and attribution).
  useEffect(() => {
    if (!connection) return
    const prefs = getUserPreferences()
    const label = participantLabel(profile.name, profile.org)
    if (prefs.name !== label) setUserPreferences({ ...prefs, name: label })
    setLocalUser(connection.awareness, {
      id: prefs.id,
      name: profile.name,
      org: profile.org,
      color: prefs.color ?? '#7B66DC',
    })
  }, [connection, profile])

  const readOnly = info.role === 'view'
  const decision = licenseDecision(config.tldrawLicenseKey, window.location)

  return (
    <div className="room" data-testid="room">
      <header className="room-header">
        <div className="room-heading">
          <a className="app-name small" href="/">
            {t('appName')}
          </a>
          <h1 className="room-title" data-testid="room-title" title={info.title}>
            {info.title}
          </h1>
          <span className="tag">{pick(roomKindLabels[info.kind], lang)}</span>
          <span className={`tag role-${info.role}`} data-testid="room-role">
            {t('roleLabel')}
            {t(roleText[info.role])}
          </span>
        </div>
        <div className="room-tools">
          {connection && <ConnectionStatus connection={connection} />}
          <button type="button" className="link-button" onClick={onEditProfile}>
            {t('profileEdit')}
          </button>
          <LangSwitch />
        </div>
      </header>
      {fromCache && <p className="banner">{t('offlineRoomInfo')}</p>}
      {readOnly && <p className="banner">{t('readOnlyNotice')}</p>}
      {connection && <ClosedBanner connection={connection} />}
      <nav className="room-tabs" role="tablist" aria-label={t('viewsLabel')}>
        {roomViews.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls={`panel-${v.id}`}
            data-testid={`tab-${v.id}`}
            onClick={() => showView(v.id)}
          >
            {t(v.label)}
          </button>
        ))}
      </nav>
      <div className="room-body">
        {/* The board stays mounted while another view is shown: unmounting tldraw mid-load
            breaks it, and re-binding a large board on every tab switch would be slow. */}
        <div className="room-board" role="tabpanel" id="panel-board" aria-labelledby="tab-board" hidden={view !== 'board'}>
          {!connection ? null : decision === 'missing-license' ? (
            <div className="license-missing" role="alert" data-testid="license-missing">
              <h2>{t('licenseMissingHeading')}</h2>
              <p>{t('licenseMissingBody')}</p>
            </div>
          ) : (
            <Board
              key={info.roomId}
              connection={connection}
              readOnly={readOnly}
              licenseKey={config.tldrawLicenseKey}
              maxMessageBytes={config.maxMessageBytes}
              roomKind={info.kind}
              onController={setBoardController}
            />
          )}
        </div>
        {connection && view === 'lists' && (
          <div className="room-panel" role="tabpanel" id="panel-lists" aria-labelledby="tab-lists">
            <ModelLists doc={connection.doc} canEdit={!readOnly} roomKind={info.kind} origin={MODEL_ORIGIN} />
            <Palette doc={connection.doc} canEdit={!readOnly} origin={MODEL_ORIGIN} />
            <Transfer doc={connection.doc} canEdit={!readOnly} canExportPersons={!readOnly} roomKind={info.kind} roomTitle={info.title} origin={MODEL_ORIGIN} />
          </div>
        )}
        {connection && view === 'quadrant' && (
          <div className="room-panel room-panel-full" role="tabpanel" id="panel-quadrant" aria-labelledby="tab-quadrant">
            <QuadrantTab connection={connection} info={info} profile={profile} />
          </div>
        )}
        {connection && view === 'graph' && (
          <div className="room-panel room-panel-full" role="tabpanel" id="panel-graph" aria-labelledby="tab-graph">
            <GraphView
              doc={connection.doc}
              roomId={info.roomId}
              roomKind={info.kind}
              roomTitle={info.title}
              selectedRecordId={selectedRecordId}
              onSelect={selectFromGraph}
              canExportPersons={!readOnly}
            />
          </div>
        )}
        <aside className="room-side">
          {view === 'board' && boardController && <BoardPanel controller={boardController} />}
          {connection && <ParticipantList awareness={connection.awareness} />}
        </aside>
      </div>
    </div>
  )
}

function QuadrantTab({ connection, info, profile }: { connection: RoomConnection; info: RoomInfoResponse; profile: Profile }) {
  const participants = useParticipants(connection.awareness)
  // Departments present in the room: the summary lists those that have placed nothing yet.
  const expectedOrgs = useMemo(() => orgsPresent(participants), [participants])
  return (
    <QuadrantView
      doc={connection.doc}
      canEdit={info.role !== 'view'}
      isFacilitator={info.role === 'facilitate'}
      profile={profile}
      voterId={getUserPreferences().id}
      roomTitle={info.title}
      expectedOrgs={expectedOrgs}
      roomId={info.roomId}
    />
  )
}

const statusText: Record<ConnectionLabel, MessageKey> = {
  connecting: 'statusConnecting',
  connected: 'statusConnected',
  reconnecting: 'statusReconnecting',
  offline: 'statusOffline',
  closed: 'statusClosed',
}

function ConnectionStatus({ connection }: { connection: RoomConnection }) {
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

function ClosedBanner({ connection }: { connection: RoomConnection }) {
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
