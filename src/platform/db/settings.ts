/**
 * How long anything waits for PostgreSQL, from the environment, for the app,
 * the npm scripts and the launcher alike. A database that stops answering
 * must turn into errors (and a 503 from /api/health), never into requests or
 * commands that hang.
 *
 *   DATABASE_CONNECT_TIMEOUT_MS               10000   opening a connection, and waiting for a free one in the pool
 *   DATABASE_STATEMENT_TIMEOUT_MS             30000   one statement (the server cancels it)
 *   DATABASE_MIGRATION_STATEMENT_TIMEOUT_MS  600000   one statement of a migration (they may rewrite big tables)
 *   DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS   60000   a transaction left open with nothing running (the server ends the session)
 *   DATABASE_POOL_MAX                            20   connections per app instance
 *
 * 0 means no limit. The client also gives up on a reply 5 s after the
 * statement timeout: that is what ends a query on a server that no longer
 * answers at all (the server cannot cancel anything then).
 */
const CLIENT_GRACE_MS = 5_000

const readWhole = (name: string, fallback: number, what: string): number => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be ${what}, not "${raw}"`)
  return value
}

const readMs = (name: string, fallback: number) =>
  readWhole(name, fallback, 'a whole number of milliseconds (0 for no limit)')

export type DatabaseTimeouts = { connect: number; idleInTransaction: number; query: number; statement: number }

export const databaseTimeouts = (): DatabaseTimeouts => {
  // `payload migrate` and `npm run migrate:down-one` set PAYLOAD_MIGRATING
  const statement =
    process.env.PAYLOAD_MIGRATING === 'true'
      ? readMs('DATABASE_MIGRATION_STATEMENT_TIMEOUT_MS', 600_000)
      : readMs('DATABASE_STATEMENT_TIMEOUT_MS', 30_000)
  return {
    connect: readMs('DATABASE_CONNECT_TIMEOUT_MS', 10_000),
    idleInTransaction: readMs('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000),
    query: statement ? statement + CLIENT_GRACE_MS : 0,
    statement,
  }
}

/** node-postgres client options: every connection carries the timeouts (pg leaves out the unset ones). */
export const clientOptions = (connectionString: string) => {
  const timeouts = databaseTimeouts()
  return {
    application_name: 'pythondotorg',
    connectionString,
    connectionTimeoutMillis: timeouts.connect || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransaction || undefined,
    // TCP keepalive notices a peer that vanished without closing the connection
    keepAlive: true,
    query_timeout: timeouts.query || undefined,
    statement_timeout: timeouts.statement || undefined,
  }
}

/** The app's pool (Payload's postgres adapter). */
export const poolOptions = (connectionString: string) => ({
  ...clientOptions(connectionString),
  max: readWhole('DATABASE_POOL_MAX', 20, 'a positive whole number') || 20,
})
