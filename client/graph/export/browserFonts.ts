/**
 * The export font in the browser: the subset files are built into the app's own assets
 * (vite, by URL) and fetched from the app's origin only when an export needs them.
 */
import unicode from '@fontsource/noto-sans-jp/unicode.json'
import { FontBook } from './fontBook'

// The subsets 400.css uses; the single 1.4 MB "japanese" file duplicates them and is left out.
const urls = import.meta.glob(['../../../node_modules/@fontsource/noto-sans-jp/files/noto-sans-jp-*-400-normal.woff', '!../../../node_modules/@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-400-normal.woff'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>

const byFile = new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]))

let book: FontBook | null = null

export function browserFontBook(): FontBook {
  book ??= new FontBook(unicode as Record<string, string>, async (file) => {
    const url = byFile.get(file)
    if (!url) throw new Error(`font file ${file} is not in the build`)
    const res = await fetch(url)
    if (!res.ok) throw new Error(`font file ${file}: HTTP ${res.status}`)
    return res.arrayBuffer()
  })
  return book
}
