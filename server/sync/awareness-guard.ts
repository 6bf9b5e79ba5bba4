import type { RoomConnection } from './connection.ts'

/**
 * Who may write which presence entry, and how big one may be.
 *
 * Why: awareness entries are keyed by a client id the sender chooses. Without owners, a view
 * link could send a higher clock for another participant's id (everyone saw the victim renamed,
 * and the victim's own client adopted the fake state), or announce thousands of fresh ids (8,645
 * fake participants per observer). An entry nested ≈4,200 deep overflowed the stack of the
 * JSON encoder. So: an id belongs to the first connection that announces it until that
 * connection leaves; a connection may own only a few ids (a stock client uses one per
 * document); an entry's JSON is bounded in bytes and depth before anything parses it.
 */
export const MAX_AWARENESS_STATE_BYTES = 256 * 1024
export const MAX_AWARENESS_DEPTH = 32

/** The sender broke a presence rule: its connection is closed. */
export class AwarenessViolation extends Error {
  constructor(
    message: string,
    /** Too many ids is a policy matter (reconnect allowed); a malformed entry is not. */
    readonly policy: boolean,
  ) {
    super(message)
  }
}

export class AwarenessOwners {
  private readonly owners = new Map<number, RoomConnection>()

  constructor(private readonly maxIdsPerConnection: number) {}

  /**
   * An admission check for one message of `conn`: false drops another participant's entry;
   * throws AwarenessViolation for an oversized or too deep entry or one id too many.
   */
  admitter(conn: RoomConnection): (clientID: number, rawState: Uint8Array) => boolean {
    let claimed = 0
    return (clientID, rawState) => {
      const owner = this.owners.get(clientID)
      if (owner !== undefined && owner !== conn) return false
      if (rawState.byteLength > MAX_AWARENESS_STATE_BYTES) throw new AwarenessViolation('presence entry too large', false)
      if (jsonDepthExceeds(rawState, MAX_AWARENESS_DEPTH)) throw new AwarenessViolation('presence entry nested too deep', false)
      if (owner === undefined) {
        if (this.ownedBy(conn) + claimed >= this.maxIdsPerConnection) throw new AwarenessViolation('too many presence ids on one connection', true)
        claimed++
      }
      return true
    }
  }

  /** Records ownership once the room has applied a connection's entries. */
  claim(conn: RoomConnection, clientIDs: Iterable<number>): void {
    for (const id of clientIDs) this.owners.set(id, conn)
  }

  /** Ids a leaving connection owned, now free again (a reconnecting client reuses its id). */
  release(conn: RoomConnection): void {
    for (const [id, owner] of this.owners) if (owner === conn) this.owners.delete(id)
  }

  private ownedBy(conn: RoomConnection): number {
    let n = 0
    for (const owner of this.owners.values()) if (owner === conn) n++
    return n
  }
}

/**
 * Whether UTF-8 JSON nests arrays/objects deeper than `max`, by scanning bytes: no parse, no
 * recursion. Multi-byte UTF-8 sequences never contain ASCII bytes, so brackets and quotes
 * inside them cannot be mistaken.
 */
export function jsonDepthExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (inString) {
      if (b === 0x5c) i++ // backslash: skip the escaped byte
      else if (b === 0x22) inString = false
    } else if (b === 0x22) inString = true
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return true
    } else if (b === 0x5d || b === 0x7d) depth--
  }
  return false
}
