/**
 * The graph's picture exports in the browser (loaded only when one is asked for): SVG, PNG and
 * the A4 PDF, all made from the same page (export/compose.ts) with the text drawn as outlines
 * of the app's own Noto Sans JP, so that a PC without Japanese fonts shows the words too.
 * The PNG is the SVG drawn onto a canvas; the PDF's streams are compressed by the browser.
 */
import type { GraphExportRequest } from './export/graphExport'
import { graphPdf, graphSvg } from './export/graphExport'
import { svgToPng } from '../downloads'
import { browserFontBook } from './export/browserFonts'

export type { GraphExportRequest } from './export/graphExport'
export { sceneFromCytoscape } from './export/scene'

/** Largest side of the PNG in px: big enough for a projector at 2×, small enough for any canvas. */
const PNG_MAX_SIDE = 6000

export function graphToSvg(req: GraphExportRequest): Promise<string> {
  return graphSvg(req, browserFontBook())
}

export async function graphToPng(req: GraphExportRequest, scale = 2): Promise<Blob> {
  const svg = await graphToSvg(req)
  const size = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)
  const w = Number(size?.[1] ?? 800)
  const h = Number(size?.[2] ?? 600)
  const k = Math.min(scale, PNG_MAX_SIDE / w, PNG_MAX_SIDE / h)
  return svgToPng(svg, w, h, k)
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export async function graphToPdf(req: GraphExportRequest): Promise<Blob> {
  const bytes = await graphPdf(req, browserFontBook(), typeof CompressionStream === 'undefined' ? undefined : deflate)
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
}
