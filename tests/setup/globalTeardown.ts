import type { EmbeddedServer } from '../../src/db/embeddedPostgres'

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testPostgres?: EmbeddedServer }).__testPostgres
  if (server?.owned) await server.stop()
}
