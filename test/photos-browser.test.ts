/**
 * Photos and other files on the board, in Chromium, with the server's default limits
 * (MAX_MESSAGE_BYTES 2 MB, so images up to 1.4 MB):
 * - a 4032×3024 phone-size photo pasted on the board and a 2.16 MB PNG dropped on it both
 *   appear, downscaled to 2048 px at most and under the limit, for the colleague too;
 * - a file the board cannot take gets a Japanese message (no English toast).
 * tldraw's people menu says 画面に合わせる, not 追跡.
 * Screenshots: /tmp/offline-shots/.
 */
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CreateRoomResponse } from '../shared/rooms'
import { browserSuite, enterRoom } from './browser-helpers'

const SHOTS = '/tmp/offline-shots'
const ALICE = { name: '山田', org: '福祉総務課' }
const BOB = { name: '佐藤', org: '地域包括支援センター' }
// maxAssetBytes(2 MB), client/board/assets.ts
const LIMIT = Math.floor(2 * 1024 * 1024 * 0.7)

type Made = { size: number; type: string }

/**
 * Makes an image file in the page (window.__made), like a phone photo (smooth gradients and
 * shapes with sensor-like noise) or a screenshot full of fine detail (noise), and reports it.
 */
async function makeImage(page: Page, kind: 'photo' | 'noisy-png', w: number, h: number): Promise<Made> {
  return page.evaluate(
    async (spec) => {
      const { width, height } = spec
      const photo = spec.kind === 'photo'
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      const ctx = canvas.getContext('2d')!
      const image = ctx.createImageData(width, height)
      const d = image.data
      let seed = 12345
      const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4
          if (photo) {
            const n = (rand() - 0.5) * 24
            d[i] = 120 + 90 * Math.sin(x / 300) + n
            d[i + 1] = 110 + 80 * Math.cos(y / 240) + n
            d[i + 2] = 140 + 60 * Math.sin((x + y) / 500) + n
          } else {
            d[i] = rand() * 255
            d[i + 1] = rand() * 255
            d[i + 2] = rand() * 255
          }
          d[i + 3] = 255
        }
      }
      ctx.putImageData(image, 0, 0)
      if (photo) {
        for (let k = 0; k < 40; k++) {
          ctx.fillStyle = `hsl(${k * 37}, 60%, 55%)`
          ctx.beginPath()
          ctx.arc(rand() * width, rand() * height, 60 + rand() * 300, 0, Math.PI * 2)
          ctx.fill()
        }
      }
      const type = photo ? 'image/jpeg' : 'image/png'
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.95))
      const file = new File([blob], photo ? 'IMG_0001.jpg' : 'screenshot.png', { type })
      ;(window as unknown as { __made: File }).__made = file
      return { size: file.size, type: file.type }
    },
    { kind, width: w, height: h } as { kind: 'photo' | 'noisy-png'; width: number; height: number },
  )
}

/** Pastes window.__made as a file copied from the desktop would be pasted. */
async function pasteMade(page: Page) {
  await page.locator('.tl-canvas').click({ position: { x: 300, y: 300 } })
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.items.add((window as unknown as { __made: File }).__made)
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
}

/** Drops window.__made (or the given text file) on the board. */
async function dropMade(page: Page, other?: { name: string; type: string; text: string }) {
  const box = (await page.locator('.tl-canvas').boundingBox())!
  await page.evaluate(
    ({ x, y, file }) => {
      const data = new DataTransfer()
      data.items.add(file ? new File([file.text], file.name, { type: file.type }) : (window as unknown as { __made: File }).__made)
      const target = document.querySelector('.tl-canvas')!
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }))
      }
    },
    { x: box.x + box.width * 0.6, y: box.y + box.height * 0.5, file: other },
  )
}

/** The board's images once stored (data: URLs), with their pixel sizes. */
function storedImages(page: Page) {
  return page.evaluate(async () => {
    const out: { width: number; height: number; bytes: number }[] = []
    for (const img of document.querySelectorAll<HTMLImageElement>('.tl-shape[data-shape-type=image] img.tl-image')) {
      if (!img.src.startsWith('data:image/')) continue
      const probe = new Image()
      probe.src = img.src
      await probe.decode()
      out.push({ width: probe.naturalWidth, height: probe.naturalHeight, bytes: Math.floor(((img.src.length - img.src.indexOf(',') - 1) * 3) / 4) })
    }
    return out
  })
}

const toastTexts = (page: Page) => page.locator('.tlui-toast__main').allTextContents()

describe('browser: photos on the board', () => {
  const { newPage, createRoom, requests, pageErrors } = browserSuite({ viewport: { width: 1440, height: 900 } })
  let room: CreateRoomResponse

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    room = await createRoom('北部圏域 資源マップ', 'community')
  })

  it('downscales a pasted 4032×3024 photo and a dropped 2.16 MB PNG so that they fit, for everyone', async () => {
    const a = await newPage()
    const b = await newPage()
    await enterRoom(a, room.links.edit, ALICE, { board: true })
    await enterRoom(b, room.links.edit, BOB, { board: true })

    const photo = await makeImage(a, 'photo', 4032, 3024)
    console.log(`photo: 4032×3024 ${photo.type}, ${(photo.size / 1024 / 1024).toFixed(2)} MB (limit ${(LIMIT / 1024 / 1024).toFixed(2)} MB)`)
    expect(photo.size).toBeGreaterThan(LIMIT)
    await pasteMade(a)
    await expect.poll(async () => (await storedImages(a)).length, { timeout: 20_000 }).toBe(1)

    // A noisy PNG of about 2.16 MB (size depends on the encoder: find the dimensions).
    let side = 760
    let png = await makeImage(a, 'noisy-png', side, side)
    side = Math.round(side * Math.sqrt((2.16 * 1024 * 1024) / png.size))
    png = await makeImage(a, 'noisy-png', side, side)
    console.log(`png: ${side}×${side}, ${(png.size / 1024 / 1024).toFixed(2)} MB`)
    expect(png.size).toBeGreaterThan(2.1 * 1024 * 1024)
    expect(png.size).toBeLessThan(2.25 * 1024 * 1024)
    await dropMade(a)
    await expect.poll(async () => (await storedImages(a)).length, { timeout: 20_000 }).toBe(2)

    const stored = await storedImages(a)
    console.log(`stored: ${JSON.stringify(stored)}`)
    for (const image of stored) {
      expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(2048)
      expect(image.bytes).toBeLessThanOrEqual(LIMIT)
    }
    expect(stored.map((s) => `${s.width}×${s.height}`).sort()).toEqual([`${side}×${side}`, '2048×1536'].sort())
    // The colleague gets both (they went through the room's websocket).
    await expect.poll(async () => (await storedImages(b)).length, { timeout: 15_000 }).toBe(2)
    const toasts = (await toastTexts(a)).join(' | ')
    console.log(`toasts: ${toasts}`)
    expect(toasts).toContain('画像を縮小して追加しました')
    expect(toasts).not.toMatch(/[A-Za-z]{4,} (is|size|too)/)
    await a.screenshot({ path: `${SHOTS}/photos-added.png` })
    await b.screenshot({ path: `${SHOTS}/photos-colleague.png` })
    expect(requests.outside()).toEqual([])
    expect(pageErrors).toEqual([])
  })

  it('re-encodes a small phone photo, so that its EXIF (GPS position, device) never reaches the room', async () => {
    const own = await createRoom('写真の位置情報', 'community')
    const a = await newPage()
    await enterRoom(a, own.links.edit, ALICE, { board: true })
    await makeImage(a, 'photo', 800, 600)
    // Put an EXIF block (an empty TIFF directory and a marker text) right after the JPEG's SOI.
    const made = await a.evaluate(async () => {
      const w = window as unknown as { __made: File }
      const jpeg = new Uint8Array(await w.__made.arrayBuffer())
      const body = new TextEncoder().encode('Exif\0\0MM\0*\0\0\0\x08\0\0GPS-MARKER-35.6N-139.7E')
      const app1 = new Uint8Array([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body])
      const file = new File([jpeg.slice(0, 2), app1, jpeg.slice(2)], 'IMG_0002.jpg', { type: 'image/jpeg' })
      w.__made = file
      return { size: file.size, hasMarker: new TextDecoder('latin1').decode(new Uint8Array(await file.arrayBuffer())).includes('GPS-MARKER') }
    })
    expect(made.hasMarker).toBe(true)
    expect(made.size).toBeLessThan(LIMIT)
    await pasteMade(a)
    await expect.poll(async () => (await storedImages(a)).length, { timeout: 20_000 }).toBe(1)
    const stored = await a.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.tl-shape[data-shape-type=image] img.tl-image')!
      return atob(img.src.slice(img.src.indexOf(',') + 1))
    })
    expect(stored.length).toBeGreaterThan(1000)
    expect(stored).not.toContain('GPS-MARKER')
    expect(stored).not.toContain('Exif')
    expect(pageErrors).toEqual([])
  })

  it('says in Japanese what to do with a file the board cannot take', async () => {
    const page = await newPage()
    await enterRoom(page, room.links.edit, ALICE, { board: true })
    const before = (await storedImages(page)).length
    await dropMade(page, { name: '議事録.pdf', type: 'application/pdf', text: '%PDF-1.4 not really' })
    await expect.poll(() => toastTexts(page), { timeout: 5_000 }).toContainEqual(expect.stringContaining('このファイルはボードに追加できません'))
    const text = (await toastTexts(page)).join(' | ')
    expect(text).toContain('追加できるのは画像（JPEG・PNG・WebP・GIF・SVG）と動画')
    expect(text).not.toMatch(/not allowed|too big|Upload failed/i)
    // (after tldraw's slide-in)
    await page.waitForTimeout(600)
    await page.screenshot({ path: `${SHOTS}/photos-refused.png` })

    // A picture the browser cannot decode (a HEIC photo saved with a .jpg name, say).
    await dropMade(page, { name: 'IMG_0002.jpg', type: 'image/jpeg', text: 'not a jpeg' })
    await expect.poll(() => toastTexts(page), { timeout: 5_000 }).toContainEqual(expect.stringContaining('この画像を読み込めませんでした'))
    expect((await storedImages(page)).length).toBe(before)
  })

  it('shows tldraw in Japanese, following as 画面に合わせる and never 追跡', async () => {
    const a = await newPage()
    const b = await newPage()
    await enterRoom(a, room.links.edit, ALICE, { board: true })
    await enterRoom(b, room.links.edit, { name: '鈴木', org: '社会福祉協議会' }, { board: true })
    // The people menu lists the colleagues, each with a button to follow their view.
    await a.locator('.tlui-people-menu__avatars-button').first().click()
    const colleague = a.locator('.tlui-people-menu__item', { hasText: '鈴木（社会福祉協議会）' })
    const follow = colleague.locator('.tlui-people-menu__item__follow')
    await follow.waitFor()
    expect(await follow.getAttribute('title')).toBe('この人の画面に合わせる')
    await follow.click()
    await expect.poll(() => follow.getAttribute('title')).toBe('この人の画面に合わせています')
    await a.screenshot({ path: `${SHOTS}/people-menu.png` })
    await a.keyboard.press('Escape')
    // The button that ends following, over the board.
    const stop = a.getByText('画面合わせをやめる')
    await stop.waitFor({ timeout: 5_000 })
    await a.screenshot({ path: `${SHOTS}/following.png` })
    // b is told that someone follows them.
    await b.locator('.tlui-people-menu__avatars-button').first().click()
    const leader = b.locator('.tlui-people-menu__item', { hasText: '山田（福祉総務課）' }).locator('.tlui-people-menu__item__follow[title="あなたの画面に合わせています"]')
    await expect.poll(() => leader.count(), { timeout: 5_000 }).toBeGreaterThan(0)
    for (const page of [a, b]) {
      const titles = await page.locator('[title]').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''))
      expect(titles.filter((t) => t.includes('追跡'))).toEqual([])
      expect(await page.getByText('追跡').count()).toBe(0)
    }
    await stop.click()
    await expect.poll(() => stop.count()).toBe(0)

    // tldraw's Japanese translation is the one loaded, from our origin, and its menus use it.
    expect(requests.urls.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/assets\/ja-[\w-]+\.json$/.test(u))).toBe(true)
    await a.keyboard.press('Escape')
    const menus: string[] = []
    await a.locator('[data-testid="main-menu.button"]').click()
    await a.locator('.tlui-menu').first().waitFor()
    menus.push(...(await a.locator('.tlui-menu').allInnerTexts()))
    await a.keyboard.press('Escape')
    const box = (await a.locator('.tl-canvas').boundingBox())!
    await a.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5, { button: 'right' })
    await a.locator('.tlui-menu').first().waitFor()
    menus.push(...(await a.locator('.tlui-menu').allInnerTexts()))
    await a.screenshot({ path: `${SHOTS}/context-menu.png` })
    await a.keyboard.press('Escape')
    const text = menus.join('\n')
    console.log(`menus: ${text.replaceAll('\n', ' / ')}`)
    // File formats and key names may stay Latin (SVG, PNG, JSON, Ctrl…); words may not.
    const english = (text.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !/^(SVG|PNG|JSON|Ctrl|Shift|Alt|Del|Esc|Enter|Tab)$/i.test(w))
    expect(english).toEqual([])
  })
})
