/**
 * The room page: the gate (link, room info, profile) and the room's tab shell (board, lists,
 * quadrant, graph, and the 支援プラン of a case room). A closed case makes the whole room
 * read-only, for every link. Loading is in useRoom.ts, the profile form in ProfileForm.tsx, the
 * connection's status and banners in ConnectionBanners.tsx, tldraw preferences in preferences.ts.
 */
import { useEffect, useMemo, useState } from 'react'
import { roomKindCatalog } from '../../shared/i18n/rooms'
import { type ClientConfigResponse, type Role, type RoomInfoResponse } from '../../shared/rooms'
import { errorMessage } from '../server-api'
import { Board } from '../board/Board'
import { BoardPanel, type BoardController } from '../board/BoardPanel'
import { MODEL_ORIGIN } from '../board/origins'
import { licenseDecision } from '../board/license'
import { appText, useCatalog, useI18n, type AppTextKey } from '../i18n'
import { LangSwitch } from '../LangSwitch'
import { RoomConnection } from '../session/connection'
import { ClosedBanner, ConnectionStatus } from './ConnectionBanners'
import { LostEditNotice } from '../offline/LostEditNotice'
import { ParticipantList, useParticipants } from './Participants'
import { localUserId, useLocalUser, useTldrawLocale } from './preferences'
import { ProfileForm } from './ProfileForm'
import { RoomTabs } from './RoomTabs'
import { usePanelOpen } from '../panel-state'
import { coverPlan, coverQuadrant } from './quadrantUndo'
import { orgsPresent } from './roster'
import { tabFromSearch, withoutTab } from '../return-tab'
import { useRoom } from './useRoom'
import { ModelLists } from '../model/ModelLists'
import { Palette } from '../model/Palette'
import { Transfer } from '../model/Transfer'
import { QuadrantView } from '../quadrant/QuadrantView'
import { GraphView } from '../graph/GraphView'
import { ClosedCaseBanner, OverdueBanner } from '../plan/PlanBanners'
import { PlanView } from '../plan/PlanView'
import { useClosure } from '../plan/usePlan'
import { HistoryDialog } from '../history/HistoryDialog'
import { historyText } from '../history/labels'
import { MeetingRecordsButton } from './MeetingRecords'
import { selectedRecordOnBoard, selectRecordOnBoard } from '../board/selection'
import { loadProfile, resolveRoomToken, saveProfile, tokenFromHash, type Profile } from './storage'

const roleText: Record<Role, AppTextKey> = {
  facilitate: 'roleFacilitate',
  edit: 'roleEdit',
  view: 'roleView',
}

export function RoomPage({ roomId }: { roomId: string }) {
  const { lang } = useI18n()
  const text = useCatalog(appText)
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
    document.title = loaded.state === 'ready' ? `${loaded.info.title} – ${text.appName}` : text.appName
  }, [loaded, text])

  if (!token) {
    return (
      <SimplePage>
        <p className="error" role="alert" data-testid="room-error">
          {text.noToken}
        </p>
        <a href="/">{text.backHome}</a>
      </SimplePage>
    )
  }
  if (loaded.state === 'loading') {
    return (
      <SimplePage>
        <p>{text.loadingRoom}</p>
      </SimplePage>
    )
  }
  if (loaded.state === 'error') {
    return (
      <SimplePage>
        <p className="error" role="alert" data-testid="room-error">
          {errorMessage(loaded.error, lang)}
        </p>
        <a href="/">{text.backHome}</a>
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
        <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label={text.profileHeading}>
          <ProfileForm initial={profile} onSubmit={saveAndClose} onCancel={() => setEditingProfile(false)} />
        </div>
      )}
    </>
  )
}

function SimplePage({ title, children }: { title?: string; children: React.ReactNode }) {
  const text = useCatalog(appText)
  return (
    <div className="page">
      <header className="topbar">
        <a className="app-name" href="/">
          {text.appName}
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

interface RoomProps {
  info: RoomInfoResponse
  config: ClientConfigResponse
  fromCache: boolean
  token: string
  profile: Profile
  onEditProfile: () => void
}

type RoomView = 'board' | 'lists' | 'quadrant' | 'graph' | 'plan'
const roomViews: { id: RoomView; label: AppTextKey }[] = [
  { id: 'board', label: 'tabBoard' },
  { id: 'lists', label: 'tabLists' },
  { id: 'quadrant', label: 'tabQuadrant' },
  { id: 'graph', label: 'tabGraph' },
  { id: 'plan', label: 'tabPlan' },
]

function Room({ info, config, fromCache, token, profile, onEditProfile }: RoomProps) {
  const { lang } = useI18n()
  const text = useCatalog(appText)
  const kindText = useCatalog(roomKindCatalog)
  const historyL = useCatalog(historyText)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [connection, setConnection] = useState<RoomConnection | null>(null)
  // Back from a page opened from a tab (the print page's 「ルームに戻る」): that tab again (client/return-tab.ts).
  const [view, setView] = useState<RoomView>(() => {
    const tab = tabFromSearch(window.location.search)
    return tab && (tab !== 'plan' || info.kind === 'case') ? tab : 'board'
  })
  useEffect(() => {
    if (tabFromSearch(window.location.search)) window.history.replaceState(window.history.state, '', withoutTab(window.location.href))
  }, [])
  const [sideOpen, setSideOpen] = usePanelOpen('room-side')
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
    // oxlint-disable-next-line react/set-state-in-effect -- the connection (a WebSocket) is an external resource opened and closed with this effect, not in render; the state hands it to the views once open
    setConnection(conn)
    return () => {
      conn.destroy()
      setConnection(null)
    }
  }, [info.roomId, token])

  useTldrawLocale(lang)
  useLocalUser(connection, profile, lang, info.role === 'view')

  // Quadrant and plan edits are on the same undo stack as the board's and the lists'
  // (quadrantUndo.ts). A closed case has no undo (the board is read-only); reopening makes a
  // new one, which this covers again.
  useEffect(() => {
    if (!connection || !boardController?.undo) return
    coverQuadrant(boardController.undo.manager, connection.doc)
    coverPlan(boardController.undo.manager, connection.doc)
  }, [connection, boardController])

  const viewOnly = info.role === 'view'
  // 終結 (written by the server, live): nobody edits a closed case, whatever their link.
  const closure = useClosure(connection?.doc ?? null)
  const readOnly = viewOnly || closure !== null
  const hasPlan = info.kind === 'case'
  const decision = licenseDecision(config.tldrawLicenseKey, window.location)

  return (
    <div className="room" data-testid="room">
      <header className="room-header">
        <div className="room-heading">
          <a className="app-name small" href="/">
            {text.appName}
          </a>
          <h1 className="room-title" data-testid="room-title" title={info.title}>
            {info.title}
          </h1>
          <span className="tag">{kindText[info.kind]}</span>
          <span className={`tag role-${info.role}`} data-testid="room-role">
            {text.roleLabel}
            {text[roleText[info.role]]}
          </span>
        </div>
        <div className="room-tools">
          {connection && <ConnectionStatus connection={connection} />}
          {info.role === 'facilitate' && (
            <button type="button" onClick={() => setHistoryOpen(true)} title={historyL.openTitle} aria-haspopup="dialog" data-testid="history-open">
              {historyL.open}
            </button>
          )}
          {connection && <MeetingRecordsButton roomId={info.roomId} token={token} role={info.role} connection={connection} />}
          <button type="button" className="link-button" onClick={onEditProfile}>
            {text.profileEdit}
          </button>
          <LangSwitch />
        </div>
      </header>
      {fromCache && <p className="banner">{text.offlineRoomInfo}</p>}
      {viewOnly && <p className="banner">{text.readOnlyNotice}</p>}
      <ClosedCaseBanner closure={closure} />
      {connection && hasPlan && <OverdueBanner doc={connection.doc} planShown={view === 'plan'} onOpenPlan={() => showView('plan')} />}
      {connection && <ClosedBanner connection={connection} />}
      {connection && <LostEditNotice connection={connection} />}
      <RoomTabs
        tabs={roomViews.filter((v) => v.id !== 'plan' || hasPlan).map((v) => ({ id: v.id, label: text[v.label] }))}
        current={view}
        onSelect={showView}
        label={text.viewsLabel}
        side={{ open: sideOpen, onToggle: () => setSideOpen((o) => !o), showText: text.sidePanelShow, hideText: text.sidePanelHide, title: text.sidePanelTitle }}
      />
      <div className="room-body">
        {/* The board stays mounted while another view is shown: unmounting tldraw mid-load
            breaks it, and re-binding a large board on every tab switch would be slow. */}
        <div className="room-board" role="tabpanel" id="panel-board" aria-labelledby="tab-board" hidden={view !== 'board'}>
          {!connection ? null : decision === 'missing-license' ? (
            <div className="license-missing" role="alert" data-testid="license-missing">
              <h2>{text.licenseMissingHeading}</h2>
              <p>{text.licenseMissingBody}</p>
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
            <ModelLists doc={connection.doc} canEdit={!readOnly} viewLink={viewOnly} roomKind={info.kind} origin={MODEL_ORIGIN} />
            <Palette doc={connection.doc} canEdit={!readOnly} origin={MODEL_ORIGIN} />
            <Transfer doc={connection.doc} canEdit={!readOnly} canExportPersons={!viewOnly} roomKind={info.kind} roomTitle={info.title} origin={MODEL_ORIGIN} />
          </div>
        )}
        {connection && view === 'quadrant' && (
          <div className="room-panel room-panel-full" role="tabpanel" id="panel-quadrant" aria-labelledby="tab-quadrant">
            <QuadrantTab connection={connection} info={info} canEdit={!readOnly} profile={profile} onUndoStep={() => boardController?.undo?.stopCapturing()} />
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
              canExportPersons={!viewOnly}
              token={token}
            />
          </div>
        )}
        {connection && hasPlan && view === 'plan' && (
          <div className="room-panel" role="tabpanel" id="panel-plan" aria-labelledby="tab-plan">
            <PlanView
              doc={connection.doc}
              roomId={info.roomId}
              roomTitle={info.title}
              token={token}
              role={info.role}
              canEdit={!readOnly}
              origin={MODEL_ORIGIN}
              onUndoStep={() => boardController?.undo?.stopCapturing()}
            />
          </div>
        )}
        <aside className="room-side" id="room-side" aria-label={text.sidePanelLabel} hidden={!sideOpen}>
          {view === 'board' && boardController && <BoardPanel controller={boardController} />}
          {connection && <ParticipantList awareness={connection.awareness} />}
        </aside>
      </div>
      {historyOpen && info.role === 'facilitate' && <HistoryDialog roomId={info.roomId} token={token} onClose={() => setHistoryOpen(false)} />}
    </div>
  )
}

function QuadrantTab(props: { connection: RoomConnection; info: RoomInfoResponse; canEdit: boolean; profile: Profile; onUndoStep: () => void }) {
  const { connection, info, canEdit, profile, onUndoStep } = props
  const participants = useParticipants(connection.awareness)
  // Departments present in the room: the summary lists those that have placed nothing yet.
  const expectedOrgs = useMemo(() => orgsPresent(participants), [participants])
  return (
    <QuadrantView
      doc={connection.doc}
      canEdit={canEdit}
      isFacilitator={info.role === 'facilitate'}
      profile={profile}
      voterId={localUserId()}
      origin={MODEL_ORIGIN}
      onUndoStep={onUndoStep}
      roomTitle={info.title}
      expectedOrgs={expectedOrgs}
      roomId={info.roomId}
      viewLink={info.role === 'view'}
    />
  )
}
