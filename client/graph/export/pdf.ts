/**
 * Pictures as the pages of a PDF, written directly (a page is only paths: no PDF library is
 * needed). Text is drawn from the glyph outlines of fontBook.ts, each glyph once as a form
 * XObject that every page reuses, so the file carries no font and reads the same everywhere.
 * Streams are compressed with `deflate` when given (zlib format, as FlateDecode expects).
 */
import { EM_UNITS, type FontBook, type GlyphOutline } from './fontBook'
import { HALO_EM, circlePath, rectPath, type Item, type Paint, type PathCmd, type Picture } from './picture'

export type Deflate = (data: Uint8Array) => Promise<Uint8Array>

const num = (n: number) => String(Math.round(n * 100) / 100)

function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return '0 0 0'
  return [m[1], m[2], m[3]].map((h) => num(parseInt(h, 16) / 255)).join(' ')
}

/** Path construction operators; quadratic curves become cubic ones (PDF has only cubic). */
function pathOps(cmds: PathCmd[]): string {
  const out: string[] = []
  let cx = 0
  let cy = 0
  for (const c of cmds) {
    switch (c[0]) {
      case 'M':
      case 'L':
        out.push(`${num(c[1])} ${num(c[2])} ${c[0] === 'M' ? 'm' : 'l'}`)
        cx = c[1]
        cy = c[2]
        break
      case 'Q': {
        const [, qx, qy, x, y] = c
        out.push(`${num(cx + (2 / 3) * (qx - cx))} ${num(cy + (2 / 3) * (qy - cy))} ${num(x + (2 / 3) * (qx - x))} ${num(y + (2 / 3) * (qy - y))} ${num(x)} ${num(y)} c`)
        cx = x
        cy = y
        break
      }
      case 'C':
        out.push(`${num(c[1])} ${num(c[2])} ${num(c[3])} ${num(c[4])} ${num(c[5])} ${num(c[6])} c`)
        cx = c[5]
        cy = c[6]
        break
      case 'Z':
        out.push('h')
    }
  }
  return out.join(' ')
}

/** A PDF text string: UTF-16BE with its byte-order mark, in hex. */
function pdfText(s: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

const encoder = new TextEncoder()

export async function renderPdf(pages: Picture[], fonts: FontBook, options: { title: string; deflate?: Deflate }): Promise<Uint8Array> {
  const objects: (Uint8Array | null)[] = [null] // 1-based object numbers
  const reserve = () => objects.push(null) - 1
  const put = (id: number, body: string | Uint8Array) => {
    objects[id] = typeof body === 'string' ? encoder.encode(body) : body
  }
  const stream = async (dict: string, content: string): Promise<Uint8Array> => {
    let data: Uint8Array = encoder.encode(content)
    let filter = ''
    if (options.deflate) {
      data = await options.deflate(data)
      filter = ' /Filter /FlateDecode'
    }
    const head = encoder.encode(`<< ${dict}${filter} /Length ${data.length} >>\nstream\n`)
    const tail = encoder.encode('\nendstream')
    const out = new Uint8Array(head.length + data.length + tail.length)
    out.set(head, 0)
    out.set(data, head.length)
    out.set(tail, head.length + data.length)
    return out
  }

  const catalog = reserve()
  const pagesId = reserve()
  const resources = reserve()
  const info = reserve()
  // Each glyph as a form, filled ('f'), or filled and stroked ('B': bold type, white halos).
  const glyphForms = new Map<string, string>()
  const formObjects: { name: string; glyph: GlyphOutline; paint: 'f' | 'B' }[] = []
  const glyphForm = (g: GlyphOutline, paint: 'f' | 'B') => {
    const key = `${paint}:${g.key}`
    let name = glyphForms.get(key)
    if (!name) {
      name = `${paint === 'f' ? 'F' : 'B'}${glyphForms.size}`
      glyphForms.set(key, name)
      formObjects.push({ name, glyph: g, paint })
    }
    return name
  }
  const opacities = new Map<number, string>()

  function paintOps(p: Paint, closed: boolean): { setup: string; op: string } {
    const setup: string[] = []
    const fill = closed && p.fill ? p.fill : null
    if (fill) setup.push(`${rgb(fill)} rg`)
    if (fill && p.fillOpacity !== undefined && p.fillOpacity < 1) {
      let gs = opacities.get(p.fillOpacity)
      if (!gs) opacities.set(p.fillOpacity, (gs = `GS${opacities.size}`))
      setup.push(`/${gs} gs`)
    }
    if (p.stroke) {
      setup.push(`${rgb(p.stroke)} RG`, `${num(p.strokeWidth ?? 1)} w`, p.lineCap === 'round' ? '1 J' : '0 J', '1 j')
      setup.push(p.dash ? `[${p.dash.split(/\s+/).map(Number).map(num).join(' ')}] 0 d` : '[] 0 d')
    }
    const op = fill && p.stroke ? 'B' : fill ? 'f' : p.stroke ? 'S' : 'n'
    return { setup: setup.join(' '), op }
  }

  function itemOps(it: Item, out: string[]): void {
    switch (it.kind) {
      case 'group':
        for (const child of it.items) itemOps(child, out)
        return
      case 'text': {
        const width = fonts.width(it.text, it.size)
        const x0 = it.anchor === 'middle' ? it.x - width / 2 : it.anchor === 'end' ? it.x - width : it.x
        const s = it.size / EM_UNITS
        const placed = fonts.layout(it.text, it.size).filter((p) => p.glyph.cmds.length > 0)
        const sc = +s.toFixed(5)
        const draw = (paint: 'f' | 'B') => placed.map((p) => `q ${sc} 0 0 ${-sc} ${num(x0 + p.x)} ${num(it.y)} cm /${glyphForm(p.glyph, paint)} Do Q`).join('\n')
        if (it.halo) out.push(`q 1 1 1 rg 1 1 1 RG ${HALO_EM * EM_UNITS} w 1 j`, draw('B'), 'Q')
        if (it.bold) out.push(`q ${rgb(it.fill)} rg ${rgb(it.fill)} RG ${Math.round(0.035 * EM_UNITS)} w 1 j`, draw('B'), 'Q')
        else out.push(`q ${rgb(it.fill)} rg`, draw('f'), 'Q')
        return
      }
      default: {
        const closed = it.kind !== 'poly' || it.closed
        const cmds: PathCmd[] =
          it.kind === 'rect'
            ? rectPath(it.x, it.y, it.w, it.h, it.rx)
            : it.kind === 'circle'
              ? circlePath(it.cx, it.cy, it.r)
              : it.kind === 'poly'
                ? [...it.points.map(([x, y], i): PathCmd => [i === 0 ? 'M' : 'L', x, y]), ...(it.closed ? [['Z'] as PathCmd] : [])]
                : it.cmds
        const { setup, op } = paintOps(it, closed && (it.kind !== 'path' || !!it.fill))
        out.push(`q ${setup} ${pathOps(cmds)} ${op} Q`)
      }
    }
  }

  const pageIds: number[] = []
  for (const picture of pages) {
    const pageId = reserve()
    const contentId = reserve()
    pageIds.push(pageId)
    // Drawn in the pictures' own coordinates: y down from the top of the page.
    const ops = [`1 0 0 -1 0 ${num(picture.height)} cm`]
    for (const it of picture.items) itemOps(it, ops)
    put(contentId, await stream('', ops.join('\n')))
    put(pageId, `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${num(picture.width)} ${num(picture.height)}] /Resources ${resources} 0 R /Contents ${contentId} 0 R >>`)
  }

  const xobjects: string[] = []
  for (const form of formObjects) {
    const id = reserve()
    const glyphOps = `${pathOps(form.glyph.cmds)} ${form.paint}`
    put(id, await stream('/Type /XObject /Subtype /Form /BBox [-300 -500 1500 1400]', glyphOps))
    xobjects.push(`/${form.name} ${id} 0 R`)
  }
  const states = [...opacities].map(([a, name]) => `/${name} << /Type /ExtGState /ca ${a} >>`)
  put(resources, `<< /XObject << ${xobjects.join(' ')} >> /ExtGState << ${states.join(' ')} >> >>`)
  put(pagesId, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`)
  put(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R >>`)
  put(info, `<< /Title ${pdfText(options.title)} /Producer (jusou-map) >>`)

  // Header with a binary comment (so that tools treat the file as binary), objects, xref table.
  const chunks: Uint8Array[] = [encoder.encode('%PDF-1.7\n'), new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]
  let offset = chunks.reduce((n, c) => n + c.length, 0)
  const offsets: number[] = []
  for (let id = 1; id < objects.length; id++) {
    const body = objects[id]
    if (!body) throw new Error(`PDF object ${id} was never written`)
    offsets[id] = offset
    const head = encoder.encode(`${id} 0 obj\n`)
    const tail = encoder.encode('\nendobj\n')
    chunks.push(head, body, tail)
    offset += head.length + body.length + tail.length
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  chunks.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`))
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
