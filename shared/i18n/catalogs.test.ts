import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Catalog } from './catalog.ts'

/**
 * Every catalog in the tree, found by reading the sources, so a new catalog is checked
 * without anyone registering it.
 */
const root = join(import.meta.dirname, '..', '..')
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}
const definingFiles = ['client', 'server', 'shared']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .filter((file) => /\bdefineCatalog\s*[<(]/.test(readFileSync(file, 'utf8')) && !file.endsWith('catalog.ts'))

async function loadCatalogs(): Promise<Catalog<string>[]> {
  const found: Catalog<string>[] = []
  for (const file of definingFiles) {
    const mod = (await import(file)) as Record<string, unknown>
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'name' in value && 'ja' in value && 'en' in value) {
        found.push(value as Catalog<string>)
      }
    }
  }
  return found
}

// Kana, kanji and full-width forms. English strings name no Japanese term; user data is not here.
const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/

describe('translation catalogs', () => {
  it('are found in the tree', async () => {
    expect(definingFiles.length).toBeGreaterThan(0)
    const catalogs = await loadCatalogs()
    expect(catalogs.length).toBeGreaterThanOrEqual(definingFiles.length)
  })

  it('have every key in both languages, none empty, and no Japanese in English', async () => {
    const problems: string[] = []
    const names = new Set<string>()
    for (const catalog of await loadCatalogs()) {
      if (names.has(catalog.name)) problems.push(`${catalog.name}: two catalogs have this name`)
      names.add(catalog.name)
      const ja = Object.keys(catalog.ja)
      const en = Object.keys(catalog.en)
      for (const key of ja) if (!en.includes(key)) problems.push(`${catalog.name}.${key}: no English`)
      for (const key of en) if (!ja.includes(key)) problems.push(`${catalog.name}.${key}: no Japanese`)
      for (const key of ja) if (!catalog.ja[key]?.trim()) problems.push(`${catalog.name}.${key}: empty Japanese`)
      for (const key of en) {
        const text = catalog.en[key]
        if (!text?.trim()) problems.push(`${catalog.name}.${key}: empty English`)
        else if (japanese.test(text)) problems.push(`${catalog.name}.${key}: Japanese in English: ${text}`)
        const holes = (s: string | undefined) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join()
        if (holes(text) !== holes(catalog.ja[key])) problems.push(`${catalog.name}.${key}: placeholders differ`)
      }
    }
    expect(problems, `in ${definingFiles.map((f) => relative(root, f)).join(', ')}`).toEqual([])
  })
})
