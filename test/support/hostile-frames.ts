/**
 * A seeded generator of hostile y-websocket frames, as an attacker with a room link would send
 * them: raw garbage, valid prefixes with garbage tails, malformed state vectors, huge length
 * claims, deep JSON in presence and in document values, spoofed and flooded presence ids,
 * updates with missing dependencies, writes to facilitator-only settings, text frames. Used by
 * the fuzz test (test/fuzz.test.ts) and the longer campaign (npm run bench:fuzz).
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export type Frame = Uint8Array | string

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(0, 255))
  return { next, int, pick, bytes }
}
export type Rng = ReturnType<typeof prng>

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
export const syncFrame = (sub: number, payload: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
  })
export const awarenessFrame = (entries: [clientId: number, clock: number, json: string][]) =>
  frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(
      e,
      frame((u) => {
        encoding.writeVarUint(u, entries.length)
        for (const [id, clock, json] of entries) {
          encoding.writeVarUint(u, id)
          encoding.writeVarUint(u, clock)
          encoding.writeVarString(u, json)
        }
      }),
    )
  })

/** JSON nested `depth` levels deep, as arrays or objects. */
export function nestedJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

/** A document update whose map entry holds an array nested `depth` levels deep. */
export function deepValueUpdate(depth: number, key = 'deep'): Uint8Array {
  const doc = new Y.Doc()
  let value: unknown = []
  for (let i = 1; i < depth; i++) value = [value]
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

/** The second of two edits, without the first: an update whose dependencies are missing. */
export function missingDependencyUpdate(rng: Rng): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = rng.int(1, 2 ** 30)
  const text = doc.getText('t')
  text.insert(0, 'a'.repeat(rng.int(1, 20)))
  const sv = Y.encodeStateVector(doc)
  text.insert(text.length, 'b')
  return Y.encodeStateAsUpdate(doc, sv)
}

/**
 * The same gap as clockGapUpdate, as a pair of one client's updates: `first` (an ordinary write)
 * and `second` (the clocks after it: `later`, e.g. a restricted write). Sent second-first, the
 * room holds `second` until `first` completes it (server/sync/room-closure.test.ts).
 */
export function clockGapPair(doc: Y.Doc, ordinary: (doc: Y.Doc) => void, later: (doc: Y.Doc) => void): { first: Uint8Array; second: Uint8Array } {
  const start = Y.encodeStateVector(doc)
  ordinary(doc)
  const first = Y.encodeStateAsUpdate(doc, start)
  const middle = Y.encodeStateVector(doc)
  later(doc)
  return { first, second: Y.encodeStateAsUpdate(doc, middle) }
}

/**
 * An update whose own clock starts past what the room has (the author's first edit is
 * missing), without depending on any other item's position: Yjs holds it pending.
 */
export function clockGapUpdate(rng: Rng): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = rng.int(1, 2 ** 30)
  doc.getMap('gap').set('first', 1)
  const sv = Y.encodeStateVector(doc)
  doc.getMap('gap').set(`k${rng.int(0, 1e6)}`, 'x'.repeat(50))
  return Y.encodeStateAsUpdate(doc, sv)
}

/** A legitimate edit: accepted from edit links, refused (not stored) from view links. */
export function smallEdit(rng: Rng): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('fuzz').set(`k${rng.int(0, 50)}`, { n: rng.int(0, 1000), s: 'x'.repeat(rng.int(0, 40)) })
  return Y.encodeStateAsUpdate(doc)
}

export function settingsWrite(rng: Rng): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('quadrantSettings').set('voteLimit', rng.int(0, 99))
  return Y.encodeStateAsUpdate(doc)
}

function varuintGarbage(rng: Rng): Uint8Array {
  // Continuation bits set to the end: "Integer out of range" / a length claim of gigabytes.
  return Uint8Array.from({ length: rng.int(1, 12) }, () => rng.int(0x80, 0xff))
}

function mutate(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = rng.next() < 0.5 ? bytes.slice(0, rng.int(1, Math.max(1, bytes.length - 1))) : bytes.slice()
  const flips = rng.int(0, 4)
  for (let i = 0; i < flips && out.length > 0; i++) out[rng.int(0, out.length - 1)] = rng.int(0, 255)
  if (rng.next() < 0.5) return Uint8Array.from([...out, ...rng.bytes(rng.int(1, 16))])
  return out
}

const validStateVector = () => {
  const doc = new Y.Doc()
  doc.getMap('m').set('x', 1)
  return Y.encodeStateVector(doc)
}

/** The kinds of frame, each a function of the generator. */
export const frameKinds: Record<string, (rng: Rng) => Frame> = {
  randomBytes: (rng) => rng.bytes(rng.int(0, 64)),
  malformedStateVector: (rng) => (rng.next() < 0.2 ? new Uint8Array([0, 0, 0]) : syncFrame(0, rng.bytes(rng.int(0, 24)))),
  stateVectorGarbageTail: (rng) => mutate(rng, syncFrame(0, validStateVector())),
  syncStep1Valid: () => syncFrame(0, new Uint8Array([0])),
  updateGarbage: (rng) => syncFrame(rng.pick([1, 2]), rng.bytes(rng.int(0, 48))),
  updateGarbageTail: (rng) => mutate(rng, syncFrame(rng.pick([1, 2]), smallEdit(rng))),
  lengthClaim: (rng) => Uint8Array.from([rng.pick([0, 1]), rng.pick([0, 1, 2]), ...varuintGarbage(rng)]),
  unknownType: (rng) => Uint8Array.from([rng.int(4, 200), ...rng.bytes(rng.int(0, 8))]),
  unknownSyncType: (rng) => syncFrame(rng.int(3, 100), rng.bytes(rng.int(0, 8))),
  awarenessQuery: () => Uint8Array.from([3]),
  awarenessGarbage: (rng) => mutate(rng, awarenessFrame([[rng.int(1, 1e6), rng.int(1, 100), '{"user":{"name":"x"}}']])),
  awarenessBadJson: (rng) => awarenessFrame([[rng.int(1, 1e6), rng.int(1, 100), rng.pick(['{', '{"a":', 'nul', '[1,2', '"\\u12'])]]),
  awarenessDeep: (rng) => awarenessFrame([[rng.int(1, 1e6), rng.int(1, 100), nestedJson(rng.int(40, 5000), rng.pick(['array', 'object']))]]),
  awarenessHuge: (rng) => awarenessFrame([[rng.int(1, 1e6), 1, JSON.stringify({ s: 'x'.repeat(rng.int(260_000, 320_000)) })]]),
  awarenessSpoof: (rng) => awarenessFrame([[rng.int(1, 50), rng.int(1e6, 2e6), '{"user":{"name":"なりすまし","org":"x"}}']]),
  awarenessFlood: (rng) =>
    awarenessFrame(Array.from({ length: rng.int(5, 60) }, () => [rng.int(1, 2 ** 31), 1, '{"user":{"name":"p"}}'] as [number, number, string])),
  awarenessValid: (rng) => awarenessFrame([[rng.int(1e7, 2e7), rng.int(1, 1e4), JSON.stringify({ user: { name: '参加者', org: '福祉課' }, cursor: { x: rng.int(0, 900), y: 2 } })]]),
  deepValue: (rng) => syncFrame(rng.pick([1, 2]), deepValueUpdate(rng.int(65, 5000))),
  missingDependency: (rng) => syncFrame(2, missingDependencyUpdate(rng)),
  settingsWrite: (rng) => syncFrame(2, settingsWrite(rng)),
  smallEdit: (rng) => syncFrame(rng.pick([1, 2]), smallEdit(rng)),
  textFrame: (rng) => rng.pick(['hello', '{"type":"sync"}', '\u0000\u0001']),
  empty: () => new Uint8Array(0),
}

export function hostileFrame(rng: Rng): { kind: string; frame: Frame } {
  const kind = rng.pick(Object.keys(frameKinds))
  return { kind, frame: frameKinds[kind](rng) }
}
