import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addRecord } from '../../shared/model/ops'
import { closureMap, readPlan, tasksMap } from '../../shared/plan/doc'
import { addTask, updatePlanInfo } from '../../shared/plan/ops'
import { MODEL_ORIGIN } from '../board/origins'
import { BoardUndo } from '../board/undo'
import { coverPlan } from './quadrantUndo'

/** The room's undo as RoomPage sets it up once the board is mounted: covering the plan too. */
function room() {
  const doc = new Y.Doc()
  addRecord(doc, 'actor', { id: 'a-hoken', name: '保健センター', level: '市区町村（庁内）', fields: ['保健・医療'], formal: true })
  const undo = new BoardUndo(doc)
  coverPlan(undo.manager, doc)
  return { doc, undo }
}

describe('undo of plan edits (the room’s undo covers the plan maps)', () => {
  it('takes back this user’s plan field and task, last first, and redo puts them back', () => {
    const { doc, undo } = room()
    updatePlanInfo(doc, { direction: '長男の社会参加を支える' }, MODEL_ORIGIN)
    undo.stopCapturing()
    addTask(doc, { what: '受診同行', owner: 'a-hoken' }, MODEL_ORIGIN)
    undo.undo()
    expect(tasksMap(doc).size).toBe(0)
    expect(readPlan(doc).data.info.direction).toBe('長男の社会参加を支える')
    undo.undo()
    expect(readPlan(doc).data.info.direction).toBeUndefined()
    undo.redo()
    expect(readPlan(doc).data.info.direction).toBe('長男の社会参加を支える')
  })

  it('never takes back a colleague’s edit', () => {
    const { doc, undo } = room()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    updatePlanInfo(peer, { goals: '同僚の目標' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote')
    undo.undo()
    expect(readPlan(doc).data.info.goals).toBe('同僚の目標')
    expect(undo.manager.canUndo()).toBe(false)
  })

  it('never takes back the closure, even written in this user’s own origin', () => {
    const { doc, undo } = room()
    updatePlanInfo(doc, { direction: '見守りを続ける' }, MODEL_ORIGIN)
    undo.stopCapturing()
    // The origin the undo tracks: only the scope keeps the closure off the stack.
    doc.transact(() => closureMap(doc).set('reason', '転居'), MODEL_ORIGIN)
    undo.undo()
    expect(closureMap(doc).get('reason')).toBe('転居')
    expect(readPlan(doc).data.info.direction).toBeUndefined()
  })

  it('without coverPlan a plan edit is not on the stack (what the wiring fixes)', () => {
    const doc = new Y.Doc()
    const undo = new BoardUndo(doc)
    updatePlanInfo(doc, { goals: '目標' }, MODEL_ORIGIN)
    expect(undo.manager.canUndo()).toBe(false)
  })
})
