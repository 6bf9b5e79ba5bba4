import { connectClient, destroyAll, type Client } from './clients.ts'
import { startServerProcess, type ServerProcess } from './server-process.ts'

/**
 * The server processes and stock clients one test file starts, so that each test can end them
 * all (SIGKILL, as a crash would) without keeping its own lists.
 */
export function fleet() {
  const servers: ServerProcess[] = []
  const clients: Client[] = []
  const track = (s: ServerProcess) => {
    servers.push(s)
    return s
  }
  const disconnectAll = () => destroyAll(clients.splice(0))
  return {
    track,
    disconnectAll,
    start: async (opts: Parameters<typeof startServerProcess>[0] = {}) => track(await startServerProcess(opts)),
    connect: (s: ServerProcess, roomId: string, token: string) => {
      const c = connectClient(s.wsUrl, roomId, token)
      clients.push(c)
      return c
    },
    async stopAll() {
      disconnectAll()
      for (const s of servers.splice(0)) await s.kill('SIGKILL')
    },
  }
}
