import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
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
  type TldrawOptions,
  type TLShapeId,
  type TLUiActionItem,
  type TLUiOverrides,
} from 'tldraw'
import 'tldraw/tldraw.css'
import { fill } from '../../shared/i18n/catalog'
import type { RoomKind } from '../../shared/rooms'
import { appText, useCatalog, useI18n } from '../i18n'
import { redirectEditorUndo } from '../library-seams'
import { ConfirmDialog } from '../model/ConfirmDialog'
import { RefusalNotice } from '../model/RefusalNotice'
import { useModelChange } from '../model/useModelChange'
import { connectionLabel, type RoomConnection } from '../session/connection'
import { assetUrls, maxAssetBytes } from './assets'
import { boardText } from './board-labels'
import { boardLang, tldrawTranslations } from './board-lang'
import { PhotoIntake } from './photo-intake'
import { MAX_IMAGE_DIMENSION } from './photos'
import type { BoardController } from './BoardPanel'
import { ActorCardShapeUtil, PersonCardShapeUtil } from './card-shapes'
import { deletionOf, deletionSentences, needsConfirmation, type DeletionSummary } from './delete-confirm'
import { fitBoard, fitOnceWhenLoaded } from './fit-view'
import { keepLayerOrder } from './layer-order'
import { startModelBoardSync } from './sync'
import { setModelDocFor } from './model-records'
import { bindPresence } from './presence'
import { RelationArrowShapeUtil } from './relation-arrow'
import { keepTemplateFrameNames, TemplateFrameShapeUtil } from './template-frame'
import { BoardUndo } from './undo'
import { bindStoreToYjs, getTldrawMap, type YjsStoreBinding } from './yjs-store-binding'
import { getSchemaMap, schemaStatus, storedSchema } from './board-schema'
import './board.css'

// Closed networks: no embed definitions, so a pasted YouTube/Figma/... link becomes a plain
// bookmark card instead of an iframe to an outside host. (The page's CSP blocks such frames
// anyway; this keeps the board from showing broken frames.)
// Actor and person cards show records of the room's model (card-shapes.tsx); relation arrows
// are tldraw arrows whose label is drawn from the relation, per participant (relation-arrow.tsx);
// template frames show their default name in the participant's language (template-frame.tsx).
const shapeUtils = [
  EmbedShapeUtil.configure({ embedDefinitions: [] }),
  ActorCardShapeUtil,
  PersonCardShapeUtil,
  RelationArrowShapeUtil,
  TemplateFrameShapeUtil,
]
const storeShapeUtils = [...defaultShapeUtils, ActorCardShapeUtil, PersonCardShapeUtil]

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
  roomKind: RoomKind
  /** The mounted board's editor and model, for the side panel (null when unmounted). */
  onController?: (controller: BoardController | null) => void
}

/** tldraw actions that put the board (with its persons) into a file, the clipboard or print. */
const personExportActions = ['export-as-svg', 'export-as-png', 'export-all-as-svg', 'export-all-as-png', 'copy-as-svg', 'copy-as-png', 'copy-as-json', 'print']

export function Board({ connection, readOnly, licenseKey, maxMessageBytes, roomKind, onController }: BoardProps) {
  const { lang } = useI18n()
  const text = useCatalog(appText)
  const B = useCatalog(boardText)
  // Shapes drawn by tldraw read the language from this atom (board-lang.ts says why); set
  // before the browser paints, so cards never show the previous language.
  useLayoutEffect(() => {
    boardLang.set(lang)
  }, [lang])
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  const label = connectionLabel(state)

  // One store per mounted board. `collaboration` tells tldraw to show its offline indicator and
  // to enter readonly mode for view-only participants.
  const [collab] = useState(() => ({
    mode: atom<'readonly' | 'readwrite'>('collaboration mode', readOnly ? 'readonly' : 'readwrite'),
    status: atom<'online' | 'offline'>('collaboration status', 'offline'),
  }))
  const [store] = useState(() => {
    const created = createTLStore({
      shapeUtils: storeShapeUtils,
      bindingUtils: defaultBindingUtils,
      assetUtils: defaultAssetUtils,
      collaboration: { mode: collab.mode, status: collab.status },
    })
    // Cards find their records through the store they are drawn in.
    setModelDocFor(created, connection.doc)
    return created
  })

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
  const [bound, setBound] = useState<{ binding: YjsStoreBinding; undo: BoardUndo | null } | null>(null)
  // A board stored by a newer version of the app (another participant already reloaded after
  // an upgrade): this tab must neither show a half-readable board nor write old records into it.
  const [newerSchema, setNewerSchema] = useState(false)
  useEffect(() => {
    const map = getSchemaMap(connection.doc)
    const check = () => setNewerSchema(schemaStatus(store, storedSchema(connection.doc)).kind === 'newer')
    check()
    map.observe(check)
    return () => map.unobserve(check)
  }, [connection, store])
  // Whether this client found the room's board empty: it then lays out the room's template.
  const freshRoom = useRef<boolean | null>(null)
  useEffect(() => {
    if (!ready || newerSchema) return
    freshRoom.current ??= getTldrawMap(connection.doc).size === 0
    const binding = bindStoreToYjs({
      store,
      doc: connection.doc,
      readOnly,
      defaultPageName: text.defaultPageName,
      // Ids and the kind of error only: a validation message can quote a record's text.
      onInvalidRecords: (ids, error) => console.warn('Skipped board records this version cannot read:', ids, error instanceof Error ? error.name : typeof error),
    })
    const unbindPresence = bindPresence({ store, awareness: connection.awareness })
    const undo = readOnly ? null : new BoardUndo(connection.doc, () => binding.flush())
    // The binding is created here, with the Y.Doc it syncs; the render needs it as state.
    // oxlint-disable-next-line react/set-state-in-effect
    setBound({ binding, undo })
    return () => {
      unbindPresence()
      undo?.destroy()
      binding.dispose()
      // `bound` is replaced by the next run, without unmounting tldraw in between.
    }
    // `text` only names the first page of a fresh room; a language switch must not rebind.
    // oxlint-disable-next-line react-hooks/exhaustive-deps, react/exhaustive-effect-dependencies
  }, [ready, newerSchema, store, connection, readOnly])

  // The editor, once tldraw has mounted it.
  const [editor, setEditor] = useState<Editor | null>(null)
  // A board gesture whose model change the schema refused, shown over the board until the next
  // one goes through or it is dismissed (lists and quadrant show theirs the same way).
  const refusal = useModelChange()
  const refusalRef = useRef(refusal)
  // Undo and redo of this user's own changes, board and model together (undo.ts).
  const undoRef = useRef<BoardUndo | null>(null)
  // Callbacks handed to tldraw and the sync read the latest values; they never re-bind.
  useLayoutEffect(() => {
    refusalRef.current = refusal
    undoRef.current = bound?.undo ?? null
  })

  // Asking before a deletion that takes more than one card, or a card and its ties
  // (delete-confirm.ts). Every way to delete on the board comes through `askBeforeDeleting`:
  // - tldraw's `delete` action, overridden below: the Delete and Backspace keys (tldraw's
  //   shortcuts run actions), the context menu, the main menu and the quick-actions button;
  // - cutting: Ctrl+X does not run the `cut` action (tldraw handles the browser's native `cut`
  //   event itself, useNativeClipboardEvents), so the `cut` action is not the hook. Both the
  //   native cut and the menu's go through `onBeforeCopyToClipboard` with operation 'cut',
  //   which may return false to copy and delete nothing: the one place that catches both;
  // - the inspector's delete button (controller.deleteSelection).
  // Not `sideEffects.registerBeforeDeleteHandler`: it is synchronous (it cannot wait for an
  // answer) and also sees the sync's own deletions (repairs, copies, a colleague's undo).
  // View-only participants cannot delete (tldraw hides these actions in read-only mode), and
  // are never asked.
  const [pendingDelete, setPendingDelete] = useState<{ summary: DeletionSummary; proceed: () => void } | null>(null)
  const readOnlyRef = useRef(readOnly)
  const docRef = useRef(connection.doc)
  useLayoutEffect(() => {
    readOnlyRef.current = readOnly
    docRef.current = connection.doc
  })
  const askBeforeDeleting = useCallback((target: Editor, ids: readonly TLShapeId[], proceed: () => void) => {
    if (readOnlyRef.current) return
    const summary = deletionOf(target, docRef.current, ids)
    if (needsConfirmation(summary)) setPendingDelete({ summary, proceed })
    else proceed()
  }, [])
  // tldraw's own cut action, and the selection a confirmed cut may go ahead with.
  const cutAction = useRef<TLUiActionItem | null>(null)
  const confirmedCut = useRef<string | null>(null)
  const [options] = useState<Partial<TldrawOptions>>(() => ({
    onBeforeCopyToClipboard({ editor: target, operation }) {
      if (operation !== 'cut' || readOnlyRef.current) return
      const ids = target.getSelectedShapeIds()
      const key = [...ids].sort().join(' ')
      const confirmed = confirmedCut.current === key
      confirmedCut.current = null
      if (confirmed || !needsConfirmation(deletionOf(target, docRef.current, ids))) return
      askBeforeDeleting(target, ids, () => {
        confirmedCut.current = key
        cutAction.current?.onSelect('dialog')
      })
      return false
    },
  }))

  useEffect(() => {
    if (!editor || !bound) return
    const sync = startModelBoardSync({
      editor,
      doc: connection.doc,
      binding: bound.binding,
      roomKind,
      readOnly,
      freshRoom: freshRoom.current === true,
      isSettled: () => {
        const now = connection.getState()
        const nowLabel = connectionLabel(now)
        return now.synced || nowLabel === 'offline' || nowLabel === 'closed'
      },
      onRefused: (error) => refusalRef.current.report(error),
      onAccepted: () => refusalRef.current.clearError(),
      lang: () => boardLang.get(),
    })
    // tldraw's undo, redo and history marks go to this user's BoardUndo.
    const restoreUndo = bound.undo ? redirectEditorUndo(editor, bound.undo) : () => {}
    const deleteSelection = () => {
      const ids = editor.getSelectedShapeIds()
      askBeforeDeleting(editor, ids, () => {
        bound.undo?.stopCapturing()
        editor.deleteShapes(ids)
      })
    }
    onController?.({ editor, doc: connection.doc, canEdit: !readOnly, roomKind, undo: bound.undo, deleteSelection })
    return () => {
      onController?.(null)
      restoreUndo()
      sync.dispose()
    }
  }, [editor, bound, connection, roomKind, readOnly, onController, askBeforeDeleting])

  const overrides = useMemo<TLUiOverrides>(
    () => ({
      // 画面に合わせる instead of tldraw's 追跡, and its missing Japanese strings (board-lang.ts).
      translations: tldrawTranslations,
      actions(target, actions) {
        cutAction.current = actions.cut ?? null
        const next: typeof actions = {
          ...actions,
          undo: { ...actions.undo, onSelect: () => undoRef.current?.undo() },
          redo: { ...actions.redo, onSelect: () => undoRef.current?.redo() },
        }
        // 全体表示 fits the map into the part of the board no panel covers (fit-view.ts).
        const zoomToFit = actions['zoom-to-fit']
        if (zoomToFit) next['zoom-to-fit'] = { ...zoomToFit, onSelect: () => void fitBoard(target, { animate: true }) }
        const remove = actions.delete
        if (remove && !readOnly) {
          next.delete = {
            ...remove,
            onSelect(source) {
              const ids = target.getSelectedShapeIds()
              // (tldraw's action does nothing, or only leaves another tool, in these cases.)
              if (!target.isIn('select') || ids.length === 0) return remove.onSelect(source)
              askBeforeDeleting(target, ids, () => remove.onSelect(source))
            },
          }
        }
        // A view link is for observers and projectors: the board's images carry the persons,
        // and downloads with persons need an edit or facilitate link. tldraw hides actions that
        // are not readonlyOk in read-only mode.
        if (readOnly) {
          for (const id of personExportActions) if (next[id]) next[id] = { ...next[id], readonlyOk: false }
        }
        return next
      },
    }),
    [readOnly, askBeforeDeleting],
  )

  if (newerSchema) {
    return (
      <div className="board-placeholder" role="alert" data-testid="board-newer-version">
        {text.boardNewerVersion}
      </div>
    )
  }

  if (!bound) {
    return (
      <div className="board-placeholder" data-testid="board-loading">
        {text.boardLoading}
      </div>
    )
  }

  const onMount = (mounted: Editor) => {
    mounted.registerExternalAssetHandler('url', bookmarkWithoutFetching)
    const stopFrameNames = keepTemplateFrameNames(mounted)
    const stopLayerOrder = keepLayerOrder(mounted)
    // A joiner sees the whole map, then keeps their own view.
    const stopFit = fitOnceWhenLoaded(mounted)
    if (import.meta.env.DEV) (window as unknown as { editor?: Editor }).editor = mounted
    setEditor(mounted)
    return () => {
      stopFrameNames()
      stopLayerOrder()
      stopFit()
      setEditor(null)
    }
  }

  return (
    <div className="board" data-testid="board">
      {refusal.error && (
        <div className="board-refusal">
          <RefusalNotice
            message={fill(B.gestureRefused, { reason: refusal.error })}
            testId="board-error"
            onDismiss={refusal.clearError}
            dismissLabel={B.dismissRefusal}
          />
        </div>
      )}
      <Tldraw
        store={store}
        licenseKey={licenseKey ?? undefined}
        assetUrls={assetUrls}
        shapeUtils={shapeUtils}
        overlayUtils={overlayUtils}
        overrides={overrides}
        options={options}
        locale={lang}
        onMount={onMount}
        maxAssetSize={maxAssetBytes(maxMessageBytes)}
        maxImageDimension={MAX_IMAGE_DIMENSION}
      >
        {/* Pasted and dropped images are fitted to the limit, refusals in Japanese (photo-intake.tsx). */}
        <PhotoIntake maxAssetBytes={maxAssetBytes(maxMessageBytes)} />
      </Tldraw>
      {pendingDelete && (
        <ConfirmDialog
          title={B.deleteConfirmTitle}
          confirmLabel={B.deleteConfirm}
          cancelLabel={B.deleteCancel}
          testId="delete-confirm"
          onCancel={() => setPendingDelete(null)}
          onConfirm={() => {
            setPendingDelete(null)
            pendingDelete.proceed()
          }}
        >
          {deletionSentences(pendingDelete.summary, lang).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          <p className="hint">{B.deleteFromMap}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
