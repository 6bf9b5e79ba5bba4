import { describe, expect, it } from 'vitest'
import { BOM, csvField, edgesCsv, nodesCsv, parseCsv } from './csv.ts'
import { deriveGraph, type GraphElements } from './derive.ts'
import { loadSample } from './fixtures.ts'

describe('CSV for Excel', () => {
  const graph = deriveGraph(loadSample('case-8050'))

  it('starts with a BOM, ends every record with CRLF and has one row per node and edge', () => {
    const nodes = nodesCsv(graph)
    const edges = edgesCsv(graph)
    for (const text of [nodes, edges]) {
      expect(text.startsWith(BOM)).toBe(true)
      expect(text.endsWith('\r\n')).toBe(true)
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    }
    const nodeRows = parseCsv(nodes)
    expect(nodeRows[0].slice(0, 3)).toEqual(['ID', '種別', '名称・続柄'])
    expect(nodeRows).toHaveLength(1 + graph.nodes.length)
    const edgeRows = parseCsv(edges)
    expect(edgeRows).toHaveLength(1 + graph.edges.length)
    const son = nodeRows.find((r) => r[0] === 'p-son')!
    expect(son).toContain('人物')
    expect(son).toContain('ひきこもり、精神疾患の疑い（未受診）、無職')
    const missingTie = edgeRows.find((r) => r[1] === 'a-hoken' && r[3] === 'p-son')!
    expect(missingTie).toContain('不足（必要だが未整備）')
  })

  it('writes headings and vocabulary in English when asked, names and free tags as written', () => {
    const nodeRows = parseCsv(nodesCsv(graph, { lang: 'en' }))
    expect(nodeRows[0]).toEqual([
      'ID', 'Kind', 'Name or role', 'Main field', 'Fields', 'Level', 'Formal / informal', 'Department or contact point',
      'Age band', 'Household member', 'Issue tags', 'Note', 'Colour',
    ])
    const son = nodeRows.find((r) => r[0] === 'p-son')!
    expect(son.slice(1, 2)).toEqual(['Person'])
    expect(son[10]).toBe('Social withdrawal (hikikomori); 精神疾患の疑い（未受診）; Out of work')
    const edgeRows = parseCsv(edgesCsv(graph, { lang: 'en' }))
    expect(edgeRows[0].slice(0, 3)).toEqual(['ID', 'From ID', 'From'])
    const missingTie = edgeRows.find((r) => r[1] === 'a-hoken' && r[3] === 'p-son')!
    expect(missingTie).toContain('Missing (needed but not in place)')
  })

  it('round-trips commas, quotes and line breaks (RFC 4180)', () => {
    const tricky: GraphElements = {
      nodes: [
        { id: 'a-1', kind: 'actor', label: '相談, 支援 "窓口"', color: '#000000', field: '高齢', fields: ['高齢'], level: '地域', formal: true, note: '一行目\r\n二行目\n三行目' },
        { id: 'a-2', kind: 'actor', label: '"', color: '#000000', field: '高齢', fields: ['高齢'], level: '地域', formal: true },
      ],
      edges: [{ id: 'r-1', source: 'a-1', target: 'a-2', type: 'つなぎ', direction: 'forward', strength: 'normal', status: 'existing', note: ',,"",' }],
    }
    const rows = parseCsv(nodesCsv(tricky))
    expect(rows[1][2]).toBe('相談, 支援 "窓口"')
    expect(rows[1][11]).toBe('一行目\r\n二行目\n三行目')
    expect(rows[2][2]).toBe('"')
    const edgeRows = parseCsv(edgesCsv(tricky))
    expect(edgeRows[1][9]).toBe(',,"",')
    expect(edgeRows[1][2]).toBe('相談, 支援 "窓口"')
    expect(csvField('a"b')).toBe('"a""b"')
  })

  it('defuses cells Excel would run as formulas', () => {
    expect(csvField('=IF(A1,"x","y")')).toBe(`"'=IF(A1,""x"",""y"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('相談-窓口')).toBe('相談-窓口')
  })

  it('leaves persons and their ties out on request', () => {
    const nodes = parseCsv(nodesCsv(graph, { includePersons: false }))
    const edges = parseCsv(edgesCsv(graph, { includePersons: false }))
    expect(nodes.slice(1).every((r) => r[1] === '機関・団体')).toBe(true)
    expect(nodes).toHaveLength(1 + graph.nodes.filter((n) => n.kind === 'actor').length)
    expect(edges.slice(1).some((r) => r[1].startsWith('p-') || r[3].startsWith('p-'))).toBe(false)
    expect(nodesCsv(graph, { includePersons: false }) + edgesCsv(graph, { includePersons: false })).not.toMatch(/長男|母|長女/)
  })
})
