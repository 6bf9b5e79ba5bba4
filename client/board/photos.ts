/**
 * Makes a pasted or dropped image fit the board: downscaled to at most MAX_IMAGE_DIMENSION
 * pixels on its longer side and recompressed (JPEG for photos, WebP where transparency may
 * matter) until it is under the asset limit, all in the browser.
 *
 * The board's images travel inside the room's Yjs document (as data: URLs), so the limit is a
 * share of the server's message limit (assets.ts). A 4032×3024 phone photo or a 2 MB
 * screenshot is far over it, but at 2048 px it is a few hundred KB and still sharp on a
 * projector. What cannot be made to fit (an animation, a video, an undecodable file) is refused
 * with a reason the participant can act on.
 */
import { MediaHelpers } from 'tldraw'

/** Longer side of an image on the board, in pixels: sharp on a 1080p projector, still small. */
export const MAX_IMAGE_DIMENSION = 2048
/** Below this longer side we stop shrinking and refuse: the image would be unreadable. */
const MIN_IMAGE_DIMENSION = 320
const QUALITIES = [0.85, 0.72, 0.6, 0.45]
const SHRINK = 0.75

/** File types the board accepts, by what can be done with them. */
const RECOMPRESSIBLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/bmp', 'image/heic', 'image/heif'])
/** Of those, the ones tldraw takes as they are (BMP and HEIC/HEIF are always converted). */
const TLDRAW_TAKES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif'])
const KEPT_AS_IS = new Set(['image/gif', 'image/apng', 'image/svg+xml', 'video/mp4', 'video/webm', 'video/quicktime'])

export type PhotoRefusal =
  | { reason: 'unsupported-type'; type: string }
  | { reason: 'undecodable' }
  | { reason: 'too-big-as-is'; what: 'animation' | 'video' | 'vector'; size: number; limit: number }
  | { reason: 'cannot-shrink'; limit: number }

export class PhotoRefused extends Error {
  constructor(readonly refusal: PhotoRefusal) {
    super(refusal.reason)
    this.name = 'PhotoRefused'
  }
}

export interface FitResult {
  file: File
  /** Pixel size of the result (of the original when it was kept as it was). */
  width: number
  height: number
  /** Whether the image was downscaled or recompressed. */
  changed: boolean
}

/** The MIME type of a file, from its name when the browser gave none (some pastes do that). */
function typeOf(file: File): string {
  if (file.type) return file.type.toLowerCase()
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  const byExt: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', svg: 'image/svg+xml', bmp: 'image/bmp', heic: 'image/heic', heif: 'image/heif' }
  return (ext && byExt[ext]) || ''
}

/**
 * The file to put on the board, fitted to `maxBytes`; throws PhotoRefused with the reason
 * when it cannot be added.
 */
export async function fitImageForBoard(file: File, maxBytes: number): Promise<FitResult> {
  const type = typeOf(file)
  // Animations, vectors and videos cannot be recompressed here: they go on as they are, or not at all.
  const animated = RECOMPRESSIBLE.has(type) && (await MediaHelpers.isAnimated(file))
  if (animated || KEPT_AS_IS.has(type)) {
    const what = type.startsWith('video/') ? 'video' : type === 'image/svg+xml' ? 'vector' : 'animation'
    if (file.size > maxBytes) throw new PhotoRefused({ reason: 'too-big-as-is', what, size: file.size, limit: maxBytes })
    return { file, width: 0, height: 0, changed: false }
  }
  if (!RECOMPRESSIBLE.has(type)) throw new PhotoRefused({ reason: 'unsupported-type', type: type || file.name })

  let bitmap: ImageBitmap
  try {
    // (HEIC decodes only where the browser can, e.g. Safari; elsewhere the message says what to do.)
    bitmap = await createImageBitmap(file)
  } catch {
    throw new PhotoRefused({ reason: 'undecodable' })
  }
  try {
    const longer = Math.max(bitmap.width, bitmap.height)
    // A photo is always re-encoded, small or not: that drops its EXIF block (a phone photo's GPS
    // position — a client's home — device and time), which would otherwise be stored in the room
    // and in every export. A PNG (screenshots, scans) within the limits goes on as it is.
    if (type === 'image/png' && file.size <= maxBytes && longer <= MAX_IMAGE_DIMENSION && TLDRAW_TAKES.has(type)) {
      return { file: file.type ? file : new File([file], file.name, { type }), width: bitmap.width, height: bitmap.height, changed: false }
    }
    // Photos stay JPEG; anything that may have transparency (PNG, WebP…) becomes WebP.
    const target = type === 'image/jpeg' ? 'image/jpeg' : 'image/webp'
    let scale = Math.min(1, MAX_IMAGE_DIMENSION / longer)
    while (longer * scale >= MIN_IMAGE_DIMENSION) {
      const width = Math.max(1, Math.round(bitmap.width * scale))
      const height = Math.max(1, Math.round(bitmap.height * scale))
      for (const quality of QUALITIES) {
        const blob = await encode(bitmap, width, height, target, quality)
        if (blob.size <= maxBytes) {
          const name = file.name.replace(/\.[a-z0-9]+$/i, '') + (blob.type === 'image/webp' ? '.webp' : '.jpg')
          // `changed` (the 縮小しました notice) only when the picture did get smaller.
          const changed = width !== bitmap.width || blob.size < file.size
          return { file: new File([blob], name || 'image', { type: blob.type }), width, height, changed }
        }
      }
      scale *= SHRINK
    }
    throw new PhotoRefused({ reason: 'cannot-shrink', limit: maxBytes })
  } finally {
    bitmap.close()
  }
}

/** The bitmap drawn at width × height and encoded; JPEG when the browser cannot write WebP. */
async function encode(bitmap: ImageBitmap, width: number, height: number, type: string, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new PhotoRefused({ reason: 'undecodable' })
  context.imageSmoothingQuality = 'high'
  const draw = (background: boolean) => {
    context.clearRect(0, 0, width, height)
    // JPEG has no transparency: transparent pixels would turn black without a white ground.
    if (background) {
      context.fillStyle = '#ffffff'
      context.fillRect(0, 0, width, height)
    }
    context.drawImage(bitmap, 0, 0, width, height)
  }
  draw(type === 'image/jpeg')
  const blob = await toBlob(canvas, type, quality)
  if (blob.type === type) return blob
  // (Safari before 17 writes PNG when asked for WebP.)
  draw(true)
  return toBlob(canvas, 'image/jpeg', quality)
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoRefused({ reason: 'undecodable' }))), type, quality)
  })
}
