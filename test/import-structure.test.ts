/**
 * The client's folders form a hierarchy, not a web: if board/ imports room/, room/ may not import
 * board/. A loop between folders means neither can be changed or tested without the other (the
 * issue that split board/ and room/ found two). Also checks that no source file outside tests and
 * benchmarks grows past ~400 lines without saying at its top why.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

function files(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(full, pattern)
    return pattern.test(entry.name) ? [full] : []
  })
}

/**
 * The client folder a file belongs to: 'board', 'room', … Files at client/ itself are nodes of
 * their own (App.tsx composes the folders; i18n.ts, downloads.ts… are leaves every folder uses).
 */
function folderOf(file: string): string {
  const rel = path.relative(path.join(root, 'client'), file).split(path.sep)
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.tsx?$/, '')
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of files(path.join(root, 'client'), /\.tsx?$/)) {
    const from = folderOf(file)
    const edges = graph.get(from) ?? new Set<string>()
    graph.set(from, edges)
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
      const target = path.resolve(path.dirname(file), spec)
      if (!target.startsWith(path.join(root, 'client') + path.sep)) continue
      const to = folderOf(target)
      if (to !== from) edges.add(to)
    }
  }
  return graph
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = []
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next)
      if (at >= 0) found.push([...trail.slice(at), next])
      else visit(next, [...trail, next])
    }
  }
  for (const start of graph.keys()) visit(start, [start])
  return found
}

describe('code structure', () => {
  it('has no import loop between client folders', () => {
    const graph = folderGraph()
    expect(graph.get('board')?.size ?? 0).toBeGreaterThan(0)
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([])
  })

  it('finds a loop when there is one', () => {
    const looped = new Map([
      ['board', new Set(['session'])],
      ['session', new Set<string>()],
      ['room', new Set(['board'])],
    ])
    expect(cycles(looped)).toEqual([])
    looped.get('board')!.add('room')
    expect(cycles(looped).length).toBeGreaterThan(0)
  })

  it('keeps source files under ~400 lines unless they say why at the top', () => {
    const long = ['client', 'server', 'shared']
      .flatMap((dir) => files(path.join(root, dir), /\.(tsx?|css)$/))
      .filter((file) => !/\.test\.tsx?$/.test(file))
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8')
        const lines = text.split('\n').length
        return lines > 420 && !/^\/[*/][^\n]*\n?[^\n]*(longer than|over) 400 lines because/i.test(text.slice(0, 600))
      })
      .map((file) => path.relative(root, file))
    expect(long).toEqual([])
  })
})
