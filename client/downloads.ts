/**
 * Files made entirely in the browser: no request leaves the page (blob: URLs only), so they
 * work on closed town-hall networks and the content never reaches a server.
 */

/**
 * A file name Windows, macOS and Excel accept: no path or reserved characters, not too long.
 * `fallback` names the file when nothing of `base` is left (an empty or all-dots title);
 * `ext` is appended after the cleaning, so callers that add their own suffixes leave it out.
 */
export function safeFileName(base: string, { fallback, ext }: { fallback: string; ext?: string }): string {
  const cleaned = base
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
  const name = cleaned || fallback
  return ext ? `${name}.${ext}` : name
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(text: string, type: string, fileName: string): void {
  downloadBlob(new Blob([text], { type }), fileName)
}

/**
 * Renders a standalone SVG document to PNG: the SVG becomes an image through a blob: URL
 * (allowed by the page's CSP: img-src blob:), is drawn on a canvas, and the canvas is encoded.
 * The SVG names installed Japanese fonts (Noto Sans CJK JP, Hiragino, Yu Gothic, Meiryo), which
 * an SVG used as an image may use; it loads nothing else. Generic (any SVG string), so it lives
 * with the downloads: the quadrant diagram and the graph both use it.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 1): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = new Image()
    image.decoding = 'async'
    const loaded = new Promise<void>((resolve, reject) => {
      image.addEventListener('load', () => resolve(), { once: true })
      image.addEventListener('error', () => reject(new Error('SVG image could not be loaded')), { once: true })
    })
    image.src = url
    await loaded
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
