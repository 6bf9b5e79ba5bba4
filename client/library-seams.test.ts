/**
 * Pins every seam of library-seams.ts against the installed libraries: the private field or
 * method is there and behaves as the seam relies on. When one of these fails after an upgrade,
 * the named seam (and only it) needs a look. Runs in Node: tldraw's Editor is checked on its
 * prototype, without constructing one (that needs a DOM).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import cytoscape from 'cytoscape'
import * as encoding from 'lib0/encoding'
import {
  CameraRecordType,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  DocumentRecordType,
  Editor,
  InstancePageStateRecordType,
  PageRecordType,
  PointerRecordType,
  TLDOCUMENT_ID,
  TLINSTANCE_ID,
  TLPOINTER_ID,
  type IndexKey,
  type TLPageId,
} from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  flushStoreHistory,
  loadFcose,
  presenceWithoutUser,
  redirectedEditorMethods,
  redirectEditorUndo,
  sendOwnAwarenessOnly,
  storedUnder,
} from './library-seams'

const newStore = () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
const pageId = 'page:page' as TLPageId

describe('Yjs: storedUnder (Item.parent / parentSub)', () => {
  it('names the map and key a nested Y.Map is stored under; null for a top-level type', () => {
    const doc = new Y.Doc()
    const actors = doc.getMap<Y.Map<unknown>>('actors')
    const record = new Y.Map<unknown>()
    actors.set('a-1', record)
    expect(storedUnder(record)).toEqual({ parent: actors, key: 'a-1' })
    expect(storedUnder(actors)).toBeNull()
  })

  it('lets a changed field be traced to its record from afterTransaction (the record map is what changed)', () => {
    const doc = new Y.Doc()
    const actors = doc.getMap<Y.Map<unknown>>('actors')
    actors.set('a-1', new Y.Map())
    const traced: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      tr.changed.forEach((_keys, type) => traced.push(storedUnder(type)))
    })
    actors.get('a-1')!.set('name', '社協')
    expect(traced).toEqual([{ parent: actors, key: 'a-1' }])
  })
})

describe('tldraw: flushStoreHistory (Store._flushHistory)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('delivers changes that tldraw would only deliver at the next animation frame', async () => {
    // tldraw delivers synchronously under NODE_ENV=test unless told to use frames like a browser.
    vi.stubGlobal('__FORCE_RAF_IN_TESTS__', true)
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 5))
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id))
    const store = newStore()
    const delivered: string[][] = []
    store.listen(({ changes }) => delivered.push(Object.keys(changes.added)), { source: 'user', scope: 'document' })
    store.put([PageRecordType.create({ id: pageId, name: 'p', index: 'a1' as IndexKey })])
    expect(delivered).toEqual([])
    flushStoreHistory(store)
    expect(delivered).toEqual([[pageId]])
    // …once: the frame that follows has nothing left to deliver.
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(delivered).toEqual([[pageId]])
  })
})

describe('tldraw: presenceWithoutUser (getDefaultUserPresence with a placeholder user)', () => {
  it('reads cursor, page, camera and selection from the store records alone', () => {
    const store = newStore()
    store.put([
      DocumentRecordType.create({ id: TLDOCUMENT_ID }),
      PageRecordType.create({ id: pageId, name: 'p', index: 'a1' as IndexKey }),
      // The instance record type is built per schema (with the styles of its shapes).
      store.schema.types.instance.create({ id: TLINSTANCE_ID, currentPageId: pageId }),
      InstancePageStateRecordType.create({ id: InstancePageStateRecordType.createId(pageId), pageId }),
      CameraRecordType.create({ id: CameraRecordType.createId(pageId), x: 5, y: 6, z: 2 }),
      PointerRecordType.create({ id: TLPOINTER_ID, x: 12, y: 34 }),
    ])
    expect(presenceWithoutUser(store)).toMatchObject({
      currentPageId: pageId,
      cursor: { x: 12, y: 34 },
      camera: { x: 5, y: 6, z: 2 },
      selectedShapeIds: [],
      userName: '',
    })
  })

  it('is null while the store has no instance (no board mounted)', () => {
    expect(presenceWithoutUser(newStore())).toBeNull()
  })
})

describe('tldraw: redirectEditorUndo (Editor undo methods shadowed on the instance)', () => {
  it('finds every redirected method as a plain, replaceable method of Editor.prototype', () => {
    for (const name of redirectedEditorMethods) {
      const descriptor = Object.getOwnPropertyDescriptor(Editor.prototype, name)
      expect(typeof descriptor?.value, name).toBe('function')
      expect(descriptor?.configurable, name).toBe(true)
    }
  })

  it('tldraw UI reads the undo and redo buttons state from editor.getCanUndo / getCanRedo', () => {
    const ui = join(fileURLToPath(new URL('../node_modules/tldraw/dist-esm/lib/ui', import.meta.url)))
    const sources = (readdirSync(ui, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => readFileSync(join(ui, file), 'utf8'))
      .join('\n')
    expect(sources).toContain('editor.getCanUndo()')
    expect(sources).toContain('editor.getCanRedo()')
  })

  it('sends undo, redo, their state and history marks to the target, and restores the prototype methods', () => {
    const marks: (string | undefined)[] = []
    // An object that inherits Editor's methods (no constructor: it needs a DOM), with a
    // markHistoryStoppingPoint that does not need the editor's history.
    const base = Object.create(Editor.prototype, {
      markHistoryStoppingPoint: { value: (name?: string) => (marks.push(name), 'mark-id'), configurable: true, writable: true },
    })
    const editor = Object.create(base) as Editor
    const calls: string[] = []
    const target = {
      canUndo: { get: () => true },
      canRedo: { get: () => false },
      undo: () => void calls.push('undo'),
      redo: () => void calls.push('redo'),
      stopCapturing: () => void calls.push('stop'),
    }
    const restore = redirectEditorUndo(editor, target)
    expect(editor.getCanUndo()).toBe(true)
    expect(editor.getCanRedo()).toBe(false)
    expect(editor.undo()).toBe(editor)
    expect(editor.redo()).toBe(editor)
    expect(editor.markHistoryStoppingPoint('move')).toBe('mark-id')
    expect(calls).toEqual(['undo', 'redo', 'stop'])
    expect(marks).toEqual(['move'])
    restore()
    for (const name of ['getCanUndo', 'getCanRedo', 'undo', 'redo'] as const) expect(editor[name]).toBe(Editor.prototype[name])
    expect(Object.getOwnPropertyNames(editor)).toEqual([])
  })
})

describe('y-websocket: sendOwnAwarenessOnly (WebsocketProvider._awarenessUpdateHandler)', () => {
  /** Just enough of a WebSocket for the provider: opens at once, records what is sent. */
  class FakeSocket {
    static readonly OPEN = 1
    readonly OPEN = 1
    static last: FakeSocket | null = null
    readyState = 0
    binaryType = 'blob'
    sent: Uint8Array[] = []
    onopen: (() => void) | null = null
    onclose: ((event: { code: number; reason: string }) => void) | null = null
    onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
    onerror: (() => void) | null = null
    constructor() {
      FakeSocket.last = this
      queueMicrotask(() => {
        this.readyState = 1
        this.onopen?.()
      })
    }
    send(data: Uint8Array) {
      this.sent.push(data)
    }
    close() {
      this.readyState = 3
      this.onclose?.({ code: 1000, reason: '' })
    }
    /** Awareness messages sent (message type 1 of the y-websocket protocol). */
    awarenessSent() {
      return this.sent.filter((m) => m[0] === 1).length
    }
    /** The server relays a peer's awareness state, as the provider receives it. */
    receivePeerAwareness() {
      const peer = new Awareness(new Y.Doc())
      peer.setLocalState({ user: { name: 'peer' } })
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(peer, [peer.clientID]))
      this.onmessage?.({ data: encoding.toUint8Array(encoder).buffer as ArrayBuffer })
      peer.destroy()
    }
  }

  const open = async () => {
    const provider = new WebsocketProvider('ws://test.invalid', 'room', new Y.Doc(), {
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      disableBc: true,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    const socket = FakeSocket.last!
    expect(provider.wsconnected).toBe(true)
    return { provider, socket }
  }
  const handlerOf = (provider: WebsocketProvider) => (provider as unknown as { _awarenessUpdateHandler: unknown })._awarenessUpdateHandler

  it('the stock provider still sends the awareness it receives back to the server (the reason for this seam)', async () => {
    const { provider, socket } = await open()
    expect(typeof handlerOf(provider)).toBe('function')
    const before = socket.awarenessSent()
    socket.receivePeerAwareness()
    expect(socket.awarenessSent()).toBe(before + 1)
    provider.destroy()
  })

  it('with the seam, sends this client’s awareness changes only', async () => {
    const { provider, socket } = await open()
    sendOwnAwarenessOnly(provider)
    const before = socket.awarenessSent()
    socket.receivePeerAwareness()
    expect(socket.awarenessSent()).toBe(before)
    provider.awareness.setLocalStateField('user', { name: 'me' })
    expect(socket.awarenessSent()).toBe(before + 1)
    provider.destroy()
  })

  it('destroy() unsubscribes whatever the field holds (so the replaced handler is not left behind)', async () => {
    const { provider } = await open()
    const calls: unknown[] = []
    const spy = (change: unknown) => void calls.push(change)
    const internals = provider as unknown as { _awarenessUpdateHandler: typeof spy }
    provider.awareness.off('update', internals._awarenessUpdateHandler)
    provider.awareness.on('update', spy)
    internals._awarenessUpdateHandler = spy
    provider.awareness.setLocalStateField('n', 1)
    expect(calls).toHaveLength(1)
    provider.destroy()
    provider.awareness.setLocalStateField('n', 2)
    expect(calls).toHaveLength(1)
  })
})

describe('cytoscape-fcose: loadFcose (an untyped module’s default export)', () => {
  it('gives the extension that, registered, runs the fcose layout the graph view uses', async () => {
    const fcose = await loadFcose()
    expect(typeof fcose).toBe('function')
    cytoscape.use(fcose)
    const cy = cytoscape({
      headless: true,
      elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }],
    })
    const stopped = new Promise<void>((resolve) => cy.one('layoutstop', () => resolve()))
    cy.layout({ name: 'fcose', animate: false, randomize: true } as cytoscape.LayoutOptions).run()
    await stopped
    expect(cy.getElementById('a').position()).not.toEqual(cy.getElementById('b').position())
    cy.destroy()
  })
})
