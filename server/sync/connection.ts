/**
 * What a room needs from one participant's connection. The WebSocket glue implements it;
 * tests can implement it without sockets.
 */
export interface RoomConnection {
  readonly id: number
  /** Edit and facilitate links may change the document; view links may not. */
  readonly canEdit: boolean
  /** Facilitate links may also change facilitator-only maps (shared/doc-access.ts). */
  readonly canFacilitate?: boolean
  /**
   * Whether another sync step 1 may be answered now. Each answer can be the whole document:
   * a client asking over and over must not make the server encode and queue it each time.
   */
  allowSyncRequest?(): boolean
  /** Awareness client ids this connection has announced, removed when it leaves. */
  readonly awarenessIds: Set<number>
  /** Bytes queued on the socket but not yet sent: how far behind this client is. */
  readonly bufferedAmount: number
  readonly isOpen: boolean
  /** Set when awareness ticks were skipped for this slow client: it needs the full state. */
  awarenessStale: boolean
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/** A message the protocol cannot read: the connection is closed with closeCodes.badMessage. */
export class ProtocolError extends Error {}
/** A well-formed message whose document update Yjs cannot apply: closeCodes.invalidUpdate. */
export class InvalidUpdateError extends Error {}
/** A readable message beyond what one connection may ask of the server: closeCodes.policy. */
export class PolicyError extends Error {}
