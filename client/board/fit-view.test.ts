import { describe, expect, it } from 'vitest'
import { fittedCamera, panelInsets } from './fit-view'

const rect = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h })

describe('panelInsets', () => {
  const board = rect(0, 100, 1140, 780)

  it("takes tldraw's panels from the sides they narrow the board least from", () => {
    const insets = panelInsets(board, [
      rect(0, 100, 300, 40), // menus, top left
      rect(960, 110, 170, 300), // style panel, top right: tall, so from the right
      rect(340, 820, 420, 60), // toolbar, bottom
      rect(0, 845, 90, 35), // zoom, bottom left
    ])
    expect(insets).toEqual({ top: 40, right: 180, bottom: 60, left: 0 })
  })

  it('ignores panels beside the board (a side panel next to it, not over it)', () => {
    expect(panelInsets(board, [rect(1140, 100, 300, 780)])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 })
  })

  it('counts a side panel that overlays the board', () => {
    expect(panelInsets(board, [rect(840, 100, 300, 780)]).right).toBe(300)
  })
})

describe('fittedCamera', () => {
  const toScreen = (cam: { x: number; y: number; z: number }, p: { x: number; y: number }) => ({ x: (p.x + cam.x) * cam.z, y: (p.y + cam.y) * cam.z })

  it('puts the content inside the free area, centred, with the margin', () => {
    const bounds = { x: -500, y: -300, w: 2000, h: 1000 }
    const insets = { top: 40, right: 180, bottom: 60, left: 0 }
    const cam = fittedCamera(bounds, { w: 1140, h: 780 }, insets, { margin: 20 })
    const tl = toScreen(cam, { x: bounds.x, y: bounds.y })
    const br = toScreen(cam, { x: bounds.x + bounds.w, y: bounds.y + bounds.h })
    expect(tl.x).toBeGreaterThanOrEqual(insets.left + 20 - 0.01)
    expect(tl.y).toBeGreaterThanOrEqual(insets.top + 20 - 0.01)
    expect(br.x).toBeLessThanOrEqual(1140 - insets.right - 20 + 0.01)
    expect(br.y).toBeLessThanOrEqual(780 - insets.bottom - 20 + 0.01)
    // Fills the free width (the content is wider than tall here).
    expect(br.x - tl.x).toBeCloseTo(1140 - 180 - 40)
  })

  it('does not blow a small map up beyond 100 %', () => {
    const cam = fittedCamera({ x: 0, y: 0, w: 200, h: 100 }, { w: 1140, h: 780 }, { top: 0, right: 0, bottom: 0, left: 0 })
    expect(cam.z).toBe(1)
  })
})
