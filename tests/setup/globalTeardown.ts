import type { EmbeddedServer } from '../../src/platform/db/embeddedPostgres'
import { unregisterTestRun } from './testServer'

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __testPostgres?: EmbeddedServer }).__testPostgres
  if (server && unregisterTestRun()) await server.stop()
}
