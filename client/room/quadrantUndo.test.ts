import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addRecord } from '../../shared/model/ops'
import { practicesMap, readQuadrant } from '../../shared/quadrant/doc'
import { addPractice, createGroup, movePractice, setVoteLimit, vote } from '../../shared/quadrant/ops'
import { MODEL_ORIGIN } from '../board/origins'
import { BoardUndo } from '../board/undo'
import { coverQuadrant } from './quadrantUndo'

const card = { text: '見守り訪問で気になる世帯を把握する', authorName: '佐藤', authorOrg: '社協', x: -0.5, y: 0.5 }

/** The room's undo as RoomPage sets it up: the board's manager, covering the quadrant too. */
function room() {
  const doc = new Y.Doc()
  const undo = new BoardUndo(doc)
  coverQuadrant(undo.manager, doc)
  const group = createGroup(doc, { name: '1班' }, MODEL_ORIGIN)
  undo.stopCapturing()
  return { doc, undo, group }
}

describe('undo of quadrant edits (the room’s undo covers the quadrant maps)', () => {
  it('takes back a card this user added, and redo puts it back', () => {
    const { doc, undo, group } = room()
    const added = addPractice(doc, { ...card, groupId: group.id }, MODEL_ORIGIN)
    expect(practicesMap(doc).has(added.id)).toBe(true)
    undo.undo()
    expect(practicesMap(doc).has(added.id)).toBe(false)
    undo.redo()
    expect(readQuadrant(doc).data.practices.map((p) => p.text)).toEqual([card.text])
  })

  it('takes back a move step by step, and a vote and a setting', () => {
    const { doc, undo, group } = room()
    const added = addPractice(doc, { ...card, groupId: group.id }, MODEL_ORIGIN)
    undo.stopCapturing()
    movePractice(doc, added.id, 0.5, 0.5, MODEL_ORIGIN)
    undo.stopCapturing()
    setVoteLimit(doc, 5, MODEL_ORIGIN)
    undo.stopCapturing()
    vote(doc, 'voter-1', added.id, MODEL_ORIGIN)
    undo.stopCapturing()

    undo.undo()
    expect(readQuadrant(doc).data.votes).toEqual([])
    undo.undo()
    expect(readQuadrant(doc).data.settings.voteLimit).not.toBe(5)
    undo.undo()
    expect(readQuadrant(doc).data.practices[0]).toMatchObject({ x: -0.5, y: 0.5 })
  })

  it('is one stack with the model: the last change goes first, wherever it was made', () => {
    const { doc, undo, group } = room()
    addPractice(doc, { ...card, groupId: group.id }, MODEL_ORIGIN)
    undo.stopCapturing()
    addRecord(doc, 'actor', { name: '地域包括支援センター', level: '市区町村（庁内）', fields: ['高齢'], formal: true }, MODEL_ORIGIN)
    undo.undo()
    expect(doc.getMap('actor').size).toBe(0)
    expect(practicesMap(doc).size).toBe(1)
    undo.undo()
    expect(practicesMap(doc).size).toBe(0)
  })

  it('never takes back a colleague’s card', () => {
    const { doc, undo, group } = room()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const theirs = addPractice(peer, { ...card, groupId: group.id, text: '同僚のカード' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote')
    undo.undo() // takes back the group this user created, not the colleague's card
    expect(practicesMap(doc).has(theirs.id)).toBe(true)
  })

  it('without coverQuadrant a quadrant edit is not on the stack (what the wiring fixes)', () => {
    const doc = new Y.Doc()
    const undo = new BoardUndo(doc)
    const group = createGroup(doc, { name: '1班' }, MODEL_ORIGIN)
    addPractice(doc, { ...card, groupId: group.id }, MODEL_ORIGIN)
    undo.undo()
    expect(practicesMap(doc).size).toBe(1)
    expect(undo.manager.canUndo()).toBe(false)
  })
})
