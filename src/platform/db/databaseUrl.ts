import { defaultDataDir, PG_PASSWORD, PG_USER, readPostmaster } from './embeddedPostgres'

export const DEFAULT_DATABASE = 'pythondotorg'

/**
 * DATABASE_URL when set. Otherwise the embedded server already running on the
 * default data directory (the npm scripts start it before anything reads this).
 */
export const resolveDatabaseUrl = (): string => {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  const running = readPostmaster(defaultDataDir())
  const port = running?.port ?? 54329
  return `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${DEFAULT_DATABASE}`
}
