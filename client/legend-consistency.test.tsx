/**
 * One legend: the board (tldraw's palette and its panel legend), the graph (cytoscape stylesheet
 * and element data), the printed eco-map and the graph's legend all draw each kind of tie with
 * the colour and dash of shared/legend/legend.ts.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { DEFAULT_THEME } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { ecomapSvg } from '../shared/ecomap/svg'
import type { GraphEdge } from '../shared/graph/derive'
import { tieLegend, tieLegendKeys, tiePalette, tieStyle } from '../shared/legend/legend'
import { loadSample } from '../shared/graph/fixtures'
import { Legend as BoardLegend } from './board/panel/Legend'
import { relationArrowStyle } from './board/relation-style'
import { edgeData, stylesheet } from './graph/elements'
import { Legend as GraphLegend } from './graph/Legend'

const light = DEFAULT_THEME.colors.light as unknown as Record<string, { solid: string }>

/** What a view's sample says, as `colour|dash` per `data-tie` entry. */
function samples(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/data-tie="(\w+)"[^]*?data-color="([^"]*)" data-dash="([^"]*)"/g)) out[m[1]] = `${m[2]}|${m[3]}`
  return out
}

describe('the one legend', () => {
  it('uses tldraw’s own hexes for the colours the board names', () => {
    for (const { hex, tldraw } of Object.values(tiePalette)) expect(light[tldraw].solid.toLowerCase()).toBe(hex)
  })

  it('draws each tie alike on the board, in the graph and on the eco-map', () => {
    const board = samples(renderToStaticMarkup(<BoardLegend />))
    const graphLegend = samples(renderToStaticMarkup(<GraphLegend />))
    const sheet = stylesheet() as { selector: string; style: Record<string, unknown> }[]
    const dashedRule = sheet.find((r) => r.selector === 'edge[dash]')!
    expect(dashedRule.style['line-dash-pattern']).toBe('data(dash)')
    const svg = ecomapSvg(loadSample('case-8050'))
    for (const key of tieLegendKeys) {
      const tie = tieLegend[key]
      const style = tieStyle(tie)
      const want = `${style.color}|${style.dash ?? ''}`
      // Board canvas: the tldraw colour whose hex is the legend's, and the dash style.
      const arrow = relationArrowStyle({ ...tie, direction: 'forward' })
      expect(light[arrow.color].solid.toLowerCase(), key).toBe(style.color)
      expect(arrow.dash, key).toBe(style.zigzag ? 'draw' : style.line)
      expect(board[key], key).toBe(want)
      expect(graphLegend[key], key).toBe(want)
      // Graph canvas: element data the stylesheet maps to line-color and line-dash-pattern.
      const edge: GraphEdge = { id: 'e', source: 'a', target: 'b', type: 'つなぎ', direction: 'forward', ...tie }
      const data = edgeData(edge)
      expect(`${data.color}|${(data.dash as string | undefined) ?? ''}`, key).toBe(want)
      // Printed eco-map: its legend sample strokes.
      const dashAttr = style.dash ? ` stroke-dasharray="${style.dash}"` : ''
      expect(svg, key).toContain(`stroke="${style.color}" stroke-width="${style.width}"${dashAttr} stroke-linecap="round"`)
    }
    expect(board.missing).toBe(`${tiePalette.missing.hex}|${tieStyle(tieLegend.missing).dash}`)
    expect(tiePalette.missing.tldraw).toBe('orange')
    expect(tiePalette.planned.tldraw).toBe('blue')
  })

  it('says the same colour words on the board and in the graph', () => {
    const boardText = renderToStaticMarkup(<BoardLegend />)
    const graphText = renderToStaticMarkup(<GraphLegend />)
    for (const words of ['予定（青の破線）', '不足＝必要だがない（橙の点線）', '既存（黒の実線）']) {
      expect(boardText).toContain(words)
      expect(graphText).toContain(words)
    }
  })

  it('lists the graph’s own marks only when drawn', () => {
    expect(renderToStaticMarkup(<GraphLegend />)).not.toContain('data-tie="family"')
    const html = renderToStaticMarkup(<GraphLegend marks={{ family: true, cut: true }} />)
    expect(html).toContain('家族関係（灰色の実線）')
    expect(html).toContain('data-mark="cut"')
  })
})
