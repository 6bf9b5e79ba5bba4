import WebSocket from 'ws'

/** A bare WebSocket to the room endpoint, for feeding the server bytes no stock client sends. */
export async function openRaw(wsUrl: string, roomId: string, token: string | null) {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const ws = new WebSocket(`${wsUrl}/${encodeURIComponent(roomId)}${query}`)
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, messages, closed }
}
