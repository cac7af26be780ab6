import crypto from 'node:crypto'

import pg from 'pg'

import { clientOptions, databaseTimeouts } from './db/settings'

/**
 * What `npm start` / `npm run dev` / the database commands check before they
 * let the app touch a database (src/platform/scripts/run.ts calls these).
 * Each refusal says what is wrong and what to do.
 */

export class StartupRefused extends Error {}

const describe = (url: string) => {
  const parsed = new URL(url)
  return { database: decodeURIComponent(parsed.pathname.replace(/^\//, '')), server: `${parsed.hostname}:${parsed.port || 5432}` }
}

/**
 * Without DATABASE_URL the launcher starts the embedded PostgreSQL, whose
 * superuser is postgres/postgres: fine on a laptop, not for a site. In
 * production that needs an explicit ALLOW_EMBEDDED_POSTGRES=true.
 */
export const refuseEmbeddedInProduction = (): void => {
  if (process.env.DATABASE_URL || process.env.NODE_ENV !== 'production') return
  if (process.env.ALLOW_EMBEDDED_POSTGRES === 'true') return
  throw new StartupRefused(
    'DATABASE_URL is not set. In production that would start the embedded PostgreSQL (user postgres, ' +
      'password postgres, data in the project folder). Set DATABASE_URL to your PostgreSQL, or set ' +
      'ALLOW_EMBEDDED_POSTGRES=true if a single-machine site on the embedded server is really what you want.',
  )
}

const connectError = (err: unknown, url: string): StartupRefused => {
  const { database, server } = describe(url)
  const message = err instanceof Error ? err.message : String(err)
  if (/timeout/i.test(message)) {
    return new StartupRefused(
      `PostgreSQL at ${server} did not answer within ${databaseTimeouts().connect} ms ` +
        `(DATABASE_CONNECT_TIMEOUT_MS): is it up, and is DATABASE_URL the right address?`,
    )
  }
  return new StartupRefused(`Database "${database}" at ${server}: ${message}`)
}

/**
 * The database must exist. Only development (`npm run dev`, `create: true`)
 * creates a missing one, and says so; everywhere else a missing database is
 * most likely a typo in DATABASE_URL, and creating it would start an empty site.
 */
export const checkDatabase = async (url: string, { create, log }: { create: boolean; log: (line: string) => void }) => {
  const { database, server } = describe(url)
  const client = new pg.Client(clientOptions(url))
  try {
    await client.connect()
    await client.query('select 1')
    return
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw connectError(err, url)
  } finally {
    await client.end().catch(() => undefined)
  }
  if (!create) {
    throw new StartupRefused(
      `Database "${database}" does not exist on ${server}. Check DATABASE_URL for a typo; ` +
        `a new site needs its database created first (createdb ${database}). Only "npm run dev" creates one.`,
    )
  }
  const maintenance = new URL(url)
  maintenance.pathname = '/postgres'
  const admin = new pg.Client(clientOptions(maintenance.toString()))
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`)
  } catch (err) {
    throw connectError(err, url)
  } finally {
    await admin.end().catch(() => undefined)
  }
  log(`Created the empty database "${database}" on ${server} (development only: production never creates one).`)
}

/** Payload's key for API keys: the first 32 hex characters of sha256(PAYLOAD_SECRET). */
const payloadKey = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)

/** Whether `secret` reads a stored API key as Payload does: decrypt it, and its HMAC must be the stored index. */
export const secretReadsApiKey = (secret: string, encrypted: string, index: string): boolean => {
  const key = payloadKey(secret)
  try {
    const decipher = crypto.createDecipheriv('aes-256-ctr', key, Buffer.from(encrypted.slice(0, 32), 'hex'))
    const apiKey = decipher.update(encrypted.slice(32), 'hex', 'utf8') + decipher.final('utf8')
    // keys saved before Payload 3.46 are indexed with sha1
    return ['sha256', 'sha1'].some((algorithm) => crypto.createHmac(algorithm, key).update(apiKey).digest('hex') === index)
  } catch {
    return false
  }
}

/**
 * A PAYLOAD_SECRET other than the one the API keys were made with turns
 * every key into "anonymous", silently. Refuse to start instead, unless
 * ALLOW_UNREADABLE_API_KEYS=true (the secret was changed on purpose; the
 * old keys stay dead until their owners generate new ones).
 */
export const checkApiKeysReadable = async (url: string, secret: string, log: (line: string) => void) => {
  const client = new pg.Client(clientOptions(url))
  let unreadable: string[] = []
  let total = 0
  try {
    await client.connect()
    const { rows } = await client.query<{ api_key: string; api_key_index: string; username: string }>(
      `select username, api_key, api_key_index from users where api_key is not null and api_key_index is not null`,
    )
    total = rows.length
    unreadable = rows.filter((row) => !secretReadsApiKey(secret, row.api_key, row.api_key_index)).map((row) => row.username)
  } catch (err) {
    throw connectError(err, url)
  } finally {
    await client.end().catch(() => undefined)
  }
  if (!unreadable.length) return
  const shown = unreadable.slice(0, 5).join(', ') + (unreadable.length > 5 ? ', ...' : '')
  const problem =
    `PAYLOAD_SECRET cannot read ${unreadable.length} of the ${total} API keys in the database (${shown}): ` +
    'it is not the secret they were made with, and every request with one of them would be anonymous.'
  if (process.env.ALLOW_UNREADABLE_API_KEYS === 'true') {
    log(`${problem} Starting anyway (ALLOW_UNREADABLE_API_KEYS=true): their owners must generate new keys.`)
    return
  }
  throw new StartupRefused(
    `${problem} Start with the secret this database was used with (it is in your backups: docs/operations.md), ` +
      'or, if the secret was changed on purpose, set ALLOW_UNREADABLE_API_KEYS=true once.',
  )
}

// any constant of our own: pg_advisory_lock keys are per database
export const MIGRATION_LOCK = 2_024_112_501

/**
 * Runs `fn` (the `payload migrate` of `npm start`) while holding a database
 * advisory lock: instances started together migrate one after the other, the
 * later ones finding nothing left to do. Payload itself takes no lock, and
 * two concurrent runs would both try the same CREATE TABLE.
 */
export const withMigrationLock = async <T>(url: string, log: (line: string) => void, fn: () => Promise<T>) => {
  // waiting for the lock is not a statement to time out: the other migration may take minutes
  const client = new pg.Client({ ...clientOptions(url), query_timeout: undefined, statement_timeout: undefined })
  await client.connect().catch((err: unknown) => {
    throw connectError(err, url)
  })
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [MIGRATION_LOCK])
    if (!rows[0]?.locked) {
      log('Another instance is applying migrations: waiting for it to finish...')
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    }
    return await fn()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    await client.end().catch(() => undefined)
  }
}
