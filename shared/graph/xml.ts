/**
 * Just enough XML for GraphML, with no dependency so it runs in the browser and in Node:
 * escaping for our writer, and a small non-validating parser for our reader (elements,
 * attributes, text, CDATA, comments, processing instructions, the five predefined entities
 * and character references). Not handled, and refused: DTDs (<!DOCTYPE>), whose entities a
 * hostile file could use to blow up memory.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference (C0 controls
 * other than tab / LF / CR, lone surrogates, U+FFFE/U+FFFF). They are replaced with U+FFFD so
 * that the output stays well-formed.
 */
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text content. CR is written as a reference because parsers turn a raw CR into LF. */
export function escapeText(value: string): string {
  return value
    .replace(notXmlChar, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Attribute values: also quotes, and tab / LF / CR, which attribute normalisation would turn into spaces. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
}

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** Concatenated character data directly inside this element. */
  text: string
}

export class XmlParseError extends Error {}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, at: number): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (match, ref: string | undefined) => {
    if (!ref) throw new XmlParseError(`unescaped & near offset ${at}`)
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      if (!(code <= 0x10ffff)) throw new XmlParseError(`bad character reference ${match} near offset ${at}`)
      return String.fromCodePoint(code)
    }
    const value = entities[ref]
    if (value === undefined) throw new XmlParseError(`unknown entity ${match} near offset ${at}`)
    return value
  })
}

/** Whitespace normalisation of attribute values (XML 1.0 §3.3.3), before references are expanded. */
function decodeAttr(raw: string, at: number): string {
  return decode(raw.replace(/[\t\n\r]/g, ' '), at)
}

const nameChars = /[^\s/>=]+/y
const attrPattern = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y

/** Parses a document and returns its root element. */
export function parseXml(source: string): XmlElement {
  const xml = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  // Line-end normalisation (XML 1.0 §2.11); CR written as &#13; survives it.
  const text = xml.replace(/\r\n?/g, '\n')
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let i = 0
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    const chunk = text.slice(i, lt < 0 ? text.length : lt)
    if (chunk.length > 0) {
      if (stack.length > 0) stack[stack.length - 1].text += decode(chunk, i)
      else if (chunk.trim() !== '') throw new XmlParseError(`text outside the root element at offset ${i}`)
    }
    if (lt < 0) break
    i = lt
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end < 0) throw new XmlParseError('unterminated comment')
      i = end + 3
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end < 0) throw new XmlParseError('unterminated processing instruction')
      i = end + 2
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9)
      if (end < 0 || stack.length === 0) throw new XmlParseError('misplaced or unterminated CDATA section')
      stack[stack.length - 1].text += text.slice(i + 9, end)
      i = end + 3
    } else if (text.startsWith('<!', i)) {
      throw new XmlParseError('DTDs and declarations are not accepted')
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i)
      const name = text.slice(i + 2, end).trim()
      const open = stack.pop()
      if (!open || open.name !== name) throw new XmlParseError(`unexpected </${name}> at offset ${i}`)
      i = end + 1
    } else {
      nameChars.lastIndex = i + 1
      const name = nameChars.exec(text)?.[0]
      if (!name) throw new XmlParseError(`bad tag at offset ${i}`)
      const element: XmlElement = { name, attributes: {}, children: [], text: '' }
      let j = i + 1 + name.length
      for (;;) {
        attrPattern.lastIndex = j
        const m = attrPattern.exec(text)
        if (!m) break
        if (m[1] in element.attributes) throw new XmlParseError(`duplicate attribute ${m[1]} at offset ${j}`)
        element.attributes[m[1]] = decodeAttr(m[2] ?? m[3], j)
        j = attrPattern.lastIndex
      }
      while (/\s/.test(text[j] ?? '')) j++
      const selfClosing = text.startsWith('/>', j)
      if (!selfClosing && text[j] !== '>') throw new XmlParseError(`bad tag <${name}> at offset ${i}`)
      i = j + (selfClosing ? 2 : 1)
      if (stack.length > 0) stack[stack.length - 1].children.push(element)
      else if (root) throw new XmlParseError('more than one root element')
      else root = element
      if (!selfClosing) stack.push(element)
    }
  }
  if (stack.length > 0) throw new XmlParseError(`<${stack[stack.length - 1].name}> is not closed`)
  if (!root) throw new XmlParseError('no root element')
  return root
}

/** Local part of a possibly prefixed name: GraphML files may use a `g:` prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}
