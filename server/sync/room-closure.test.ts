import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closureMap, readClosure } from '../../shared/plan/doc.ts'
import { createLogger } from '../log.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { tempDataDir } from '../../test/support/server-process.ts'
import { clockGapPair } from '../../test/support/hostile-frames.ts'
import type { RoomConnection } from './connection.ts'
import { messageAuth, messageSync, syncStep1 } from './protocol.ts'
import { Room } from './room.ts'
import { CaseClosedError } from './room-closure.ts'

type Role = 'facilitate' | 'edit' | 'view'
let ids = 0

/** A participant without a socket: its own Y.Doc, and what the room sent it. */
function participant(room: Room, role: Role) {
  const sent: Uint8Array[] = []
  const conn: RoomConnection = {
    id: ids++,
    canEdit: role !== 'view',
    canFacilitate: role === 'facilitate',
    awarenessIds: new Set(),
    awarenessStale: false,
    isOpen: true,
    bufferedAmount: 0,
    send: (m) => void sent.push(m),
    close: () => {},
  }
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  room.join(conn)
  sent.length = 0
  /** Makes a change in the participant's doc and sends it, as its provider would. */
  const edit = (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(doc)
    change(doc)
    room.applyClientUpdate(conn, Y.encodeStateAsUpdate(doc, before))
  }
  const denials = () => sent.filter((m) => m[0] === messageAuth).map((m) => decoding.readVarString(decoding.createDecoder(m.subarray(2))))
  const syncRequests = () => sent.filter((m) => m[0] === messageSync && m[1] === syncStep1)
  return { conn, doc, sent, edit, denials, syncRequests }
}

describe('a closed case', () => {
  let storage: SqliteStorage
  let room: Room
  beforeEach(async () => {
    storage = new SqliteStorage(tempDataDir('jusou-closure-'))
    room = await Room.load('r', storage, { compactAfterUpdates: 1e9, compactAfterBytes: 1e12, awarenessTickMs: 0, awarenessSkipBytes: 1e9, disconnectBytes: 1e9, versionIntervalMs: 0 }, createLogger(true))
  })
  afterEach(async () => {
    await room.close()
    storage.close()
  })

  it('takes no change from any link, and tells each sender once without closing it', () => {
    room.doc.getMap('tasks').set('t-1', '受診同行')
    const closure = room.closeCase('支援の見通しがついたため')
    expect(closure).toEqual({ closedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: '支援の見通しがついたため' })
    expect(room.closeCase('二度目')).toBeNull()
    for (const role of ['facilitate', 'edit', 'view'] as const) {
      const p = participant(room, role)
      p.edit((doc) => doc.getMap('tasks').set('t-1', `${role} の変更`))
      p.edit((doc) => doc.getMap('tasks').delete('t-1'))
      expect(room.doc.getMap('tasks').toJSON(), role).toEqual({ 't-1': '受診同行' })
      expect(p.denials(), role).toHaveLength(1)
      expect(p.denials()[0], role).toMatch(role === 'view' ? /read-only/ : /case is closed/)
    }
    expect(readClosure(room.doc)?.reason).toBe('支援の見通しがついたため')
  })

  it('undoes a client’s own write of the closure, a facilitator’s included', () => {
    for (const role of ['facilitate', 'edit'] as const) {
      const p = participant(room, role)
      p.edit((doc) => {
        closureMap(doc).set('closedAt', '2026-12-01T10:00:00.000Z')
        closureMap(doc).set('reason', '勝手に終結')
        doc.getMap('tasks').set(`t-${role}`, '訪問')
      })
      expect(closureMap(room.doc).size, role).toBe(0)
      expect(room.closed).toBe(false)
      // The rest of the update stands: only the server-only root is put back.
      expect(room.doc.getMap('tasks').get(`t-${role}`)).toBe('訪問')
      // The closure is the server's, not a facilitator's setting: both links are told so.
      expect(p.denials(), role).toEqual(['only the server writes the case closure'])
    }
    // Nor can a client reopen a closed case by deleting the closure: that update is dropped.
    room.closeCase('終結')
    const p = participant(room, 'facilitate')
    p.edit((doc) => closureMap(doc).clear())
    expect(readClosure(room.doc)?.reason).toBe('終結')
  })

  it('tells an edit link that writes the facilitator’s settings whose they are', () => {
    const p = participant(room, 'edit')
    p.edit((doc) => doc.getMap('quadrantSettings').set('voteLimit', 9))
    expect(room.doc.getMap('quadrantSettings').has('voteLimit')).toBe(false)
    expect(p.denials()).toEqual(['only the facilitator may change these settings'])
  })

  // An update whose clock starts past what the room has is held by Yjs; the innocent-looking
  // update that fills the gap then integrates both, restricted write included.
  it.each([
    ['edit', 'planClosure', 'only the server writes the case closure'],
    ['facilitate', 'planClosure', 'only the server writes the case closure'],
    ['edit', 'quadrantSettings', 'only the facilitator may change these settings'],
  ] as const)('undoes the %s link’s write to %s sent ahead of the update that completes it', (role, root, told) => {
    room.doc.getMap('quadrantSettings').set('voteLimit', 3)
    const p = participant(room, role)
    const { first, second } = clockGapPair(
      p.doc,
      (doc) => doc.getMap('tasks').set('t-1', '訪問'),
      (doc) => {
        // New keys only: overwriting a key the room has would also delete its item, which the
        // room applies at once and undoes then, without the gap.
        if (root === 'planClosure') {
          doc.getMap(root).set('closedAt', '2026-12-01T10:00:00.000Z')
          doc.getMap(root).set('reason', '勝手に終結')
        } else doc.getMap(root).set('votingOpen', true)
      },
    )
    room.applyClientUpdate(p.conn, second)
    expect(room.doc.getMap('tasks').has('t-1')).toBe(false)
    room.applyClientUpdate(p.conn, first)
    expect(room.doc.getMap('tasks').get('t-1')).toBe('訪問')
    expect(closureMap(room.doc).size).toBe(0)
    expect(room.closed).toBe(false)
    expect(room.doc.getMap('quadrantSettings').toJSON()).toEqual({ voteLimit: 3 })
    expect(p.denials()).toEqual([told])
  })

  it('after reopening, asks the clients whose changes were dropped to send them again', () => {
    room.closeCase('終結')
    const dropped = participant(room, 'edit')
    const idle = participant(room, 'edit')
    dropped.edit((doc) => doc.getMap('tasks').set('t-late', '終結と同時の入力'))
    expect(room.doc.getMap('tasks').has('t-late')).toBe(false)
    expect(room.reopenCase()).toBe(true)
    expect(room.reopenCase()).toBe(false)
    expect(dropped.syncRequests()).toHaveLength(1)
    expect(idle.syncRequests()).toHaveLength(0)
    // The stock provider answers a sync step 1 with what the room lacks; that now applies.
    const request = decoding.createDecoder(dropped.syncRequests()[0].subarray(2))
    room.applyClientUpdate(dropped.conn, Y.encodeStateAsUpdate(dropped.doc, decoding.readVarUint8Array(request)))
    expect(room.doc.getMap('tasks').get('t-late')).toBe('終結と同時の入力')
    dropped.edit((doc) => doc.getMap('tasks').set('t-next', '再開後の入力'))
    expect(room.doc.getMap('tasks').get('t-next')).toBe('再開後の入力')
    // Closed again, a new refusal is told again.
    room.closeCase('再び終結')
    dropped.edit((doc) => doc.getMap('tasks').set('t-3', 'x'))
    expect(dropped.denials().filter((d) => /case is closed/.test(d))).toHaveLength(2)
  })

  it('refuses a restore and a replacement, and writes no version for them', async () => {
    const version = Y.encodeStateAsUpdate(room.doc)
    room.doc.getMap('tasks').set('t-1', '訪問')
    room.closeCase('終結')
    await expect(room.restore(version)).rejects.toBeInstanceOf(CaseClosedError)
    await expect(room.replaceContent((doc) => doc.getMap('tasks').clear())).rejects.toBeInstanceOf(CaseClosedError)
    expect(room.doc.getMap('tasks').get('t-1')).toBe('訪問')
    expect(await storage.versions.list('r')).toEqual([])
  })

  it('goes out to every participant and is stored, as the server’s own change', async () => {
    const a = participant(room, 'facilitate')
    const b = participant(room, 'view')
    room.closeCase('終結')
    await room.whenPersisted()
    for (const p of [a, b]) {
      for (const sent of p.sent.filter((m) => m[0] === messageSync)) Y.applyUpdate(p.doc, decoding.readVarUint8Array(decoding.createDecoder(sent.subarray(2))))
      expect(readClosure(p.doc)?.reason).toBe('終結')
    }
    const stored = new Y.Doc()
    const { snapshot, updates } = await storage.load('r')
    if (snapshot) Y.applyUpdate(stored, snapshot)
    for (const u of updates) Y.applyUpdate(stored, u)
    expect(readClosure(stored)?.reason).toBe('終結')
  })
})
