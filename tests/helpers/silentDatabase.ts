import net from 'node:net'

/**
 * Databases that stop answering, on loopback only:
 * - `startSilentServer()`: accepts TCP connections and never replies;
 * - `startFreezableProxy(url)`: forwards to a real PostgreSQL until
 *   `freeze()`, then holds every byte (connections stay open, nothing is
 *   answered) until `thaw()` delivers them in order.
 */
export type SilentServer = { close: () => Promise<void>; port: number; url: (database?: string) => string }

const listen = async (server: net.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)))

const closer = (server: net.Server, sockets: Set<net.Socket>) => () =>
  new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  })

export const startSilentServer = async (): Promise<SilentServer> => {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  const port = await listen(server)
  return {
    close: closer(server, sockets),
    port,
    url: (database = 'pythondotorg') => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
  }
}

export type FreezableProxy = {
  close: () => Promise<void>
  freeze: () => void
  thaw: () => void
  /** `url` with its host and port replaced by the proxy's */
  urlFor: (url: string) => string
}

export const startFreezableProxy = async (target: { host: string; port: number }): Promise<FreezableProxy> => {
  const sockets = new Set<net.Socket>()
  let frozen = false
  let held: [net.Socket, Buffer][] = []
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  }
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => (frozen ? held.push([to, chunk]) : to.write(chunk)))
    from.on('close', () => to.destroy())
  }
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host)
    track(client)
    track(upstream)
    forward(client, upstream)
    forward(upstream, client)
  })
  const port = await listen(server)
  return {
    close: closer(server, sockets),
    freeze: () => {
      frozen = true
    },
    thaw: () => {
      frozen = false
      const pending = held
      held = []
      for (const [to, chunk] of pending) if (!to.destroyed) to.write(chunk)
    },
    urlFor: (url) => {
      const parsed = new URL(url)
      parsed.hostname = '127.0.0.1'
      parsed.port = String(port)
      return parsed.toString()
    },
  }
}
