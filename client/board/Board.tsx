import { useEffect, useState, useSyncExternalStore } from 'react'
import {
  AssetRecordType,
  CollaboratorCursorOverlayUtil,
  EmbedShapeUtil,
  Tldraw,
  atom,
  createTLStore,
  defaultAssetUtils,
  defaultBindingUtils,
  defaultShapeUtils,
  getHashForString,
  type Editor,
  type TLAsset,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { useI18n } from '../i18n'
import { connectionLabel, type RoomConnection } from '../room/connection'
import { assetUrls } from './assets'
import { bindPresence } from './presence'
import { bindStoreToYjs, getTldrawMap } from './yjs-store-binding'

// Closed networks: no embed definitions, so a pasted YouTube/Figma/... link becomes a plain
// bookmark card instead of an iframe to an outside host. (The page's CSP blocks such frames
// anyway; this keeps the board from showing broken frames.)
const shapeUtils = [EmbedShapeUtil.configure({ embedDefinitions: [] })]

// Cursor labels are `名前（所属）`, longer than tldraw's usual first names: give them room
// before they are truncated with an ellipsis.
const overlayUtils = [CollaboratorCursorOverlayUtil.configure({ nameMaxWidth: 260 })]

/**
 * Bookmark for a pasted URL without fetching the page. tldraw's default handler downloads the
 * URL to read its title and preview image: a request to an outside host, which closed
 * networks must not make (and cannot complete).
 */
async function bookmarkWithoutFetching({ url }: { url: string }): Promise<TLAsset> {
  return {
    id: AssetRecordType.createId(getHashForString(url)),
    typeName: 'asset',
    type: 'bookmark',
    props: { src: url, title: url, description: '', image: '', favicon: '' },
    meta: {},
  }
}

export interface BoardProps {
  connection: RoomConnection
  readOnly: boolean
  licenseKey: string | null
  maxMessageBytes: number
}

export function Board({ connection, readOnly, licenseKey, maxMessageBytes }: BoardProps) {
  const { t, lang } = useI18n()
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)

  // One store per mounted board. `collaboration` tells tldraw to show its offline indicator and
  // to enter readonly mode for view-only participants.
  const [collab] = useState(() => ({
    mode: atom<'readonly' | 'readwrite'>('collaboration mode', readOnly ? 'readonly' : 'readwrite'),
    status: atom<'online' | 'offline'>('collaboration status', 'offline'),
  }))
  const [store] = useState(() =>
    createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      assetUtils: defaultAssetUtils,
      collaboration: { mode: collab.mode, status: collab.status },
    }),
  )

  useEffect(() => {
    collab.mode.set(readOnly ? 'readonly' : 'readwrite')
  }, [collab, readOnly])
  useEffect(() => {
    collab.status.set(label === 'connected' ? 'online' : 'offline')
  }, [collab, label])

  // Wait until we know what the room contains before showing the board: after the first sync
  // with the server, or from the offline copy when it has content or the server is out of
  // reach. Otherwise a fresh device would briefly show (and write) an empty default page.
  const hasLocalContent = state.localLoaded && getTldrawMap(connection.doc).size > 0
  const ready = state.synced || hasLocalContent || (state.localLoaded && (label === 'offline' || label === 'closed'))
  const [bound, setBound] = useState(false)
  useEffect(() => {
    if (!ready) return
    const binding = bindStoreToYjs({
      store,
      doc: connection.doc,
      readOnly,
      defaultPageName: t('defaultPageName'),
      onInvalidRecords: (ids, error) => console.warn('Skipped board records this version cannot read:', ids, error),
    })
    const unbindPresence = bindPresence({ store, awareness: connection.awareness })
    setBound(true)
    return () => {
      unbindPresence()
      binding.dispose()
    }
    // `t` only names the first page of a fresh room; a language switch must not rebind.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, store, connection, readOnly])

  if (!bound) {
    return (
      <div className="board-placeholder" data-testid="board-loading">
        {t('boardLoading')}
      </div>
    )
  }

  const onMount = (editor: Editor) => {
    editor.registerExternalAssetHandler('url', bookmarkWithoutFetching)
    if (import.meta.env.DEV) (window as unknown as { editor?: Editor }).editor = editor
  }

  return (
    <div className="board" data-testid="board">
      <Tldraw
        store={store}
        licenseKey={licenseKey ?? undefined}
        assetUrls={assetUrls}
        shapeUtils={shapeUtils}
        overlayUtils={overlayUtils}
        locale={lang}
        onMount={onMount}
        maxAssetSize={Math.max(64 * 1024, Math.floor(maxMessageBytes * 0.7))}
        maxImageDimension={2048}
      />
    </div>
  )
}
