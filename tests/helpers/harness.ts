import crypto from 'node:crypto'

import pg from 'pg'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { withDatabase } from '../setup/testDatabase'

export type Role = 'anonymous' | 'member' | 'staff' | 'superuser'

export type TestUser = { email: string; id: string; password: string; role: Role; token: string; username: string }

export type Auth = { apiKey: string } | { token: string } | TestUser | undefined

type RequestOptions = { auth?: Auth; body?: unknown; headers?: Record<string, string>; rawBody?: string }

export type TestContext = {
  /** a REST call answered by the app's route module (Payload's Next.js handlers, as the app wraps them) */
  api: (method: string, path: string, options?: RequestOptions) => Promise<Response>
  close: () => Promise<void>
  config: SanitizedConfig
  /** a GraphQL query answered by Payload's route handler */
  graphql: (
    query: string,
    options?: { auth?: Auth; variables?: Record<string, unknown> },
  ) => Promise<{ data?: any; errors?: any[]; status: number }>
  /** the GraphQL route's raw Response (headers included) */
  graphqlResponse: (
    query: string,
    options?: { auth?: Auth; headers?: Record<string, string>; variables?: Record<string, unknown> },
  ) => Promise<Response>
  makeUser: (role: Exclude<Role, 'anonymous'>, overrides?: Record<string, unknown>) => Promise<TestUser>
  payload: Payload
  databaseUrl: string
  /**
   * Another Payload instance on this test's database, with its own
   * connection pool, as a second `npm start` would be (close it before `close()`).
   */
  startAnotherInstance: () => Promise<{ close: () => Promise<void>; payload: Payload }>
}

const authHeader = (auth: Auth): Record<string, string> => {
  if (!auth) return {}
  if ('apiKey' in auth) return { Authorization: `users API-Key ${auth.apiKey}` }
  return { Authorization: `JWT ${auth.token}` }
}

let userCounter = 0
let instanceCounter = 0

/** Payload's destroy() leaves the pool's checked-out client open: end the pool too. */
const closePayload = async (payload: Payload) => {
  const pool = (payload.db as unknown as { pool?: pg.Pool }).pool
  await payload.destroy()
  pool?.on('error', () => undefined)
  // idle clients close now; a checked-out one is closed by DROP DATABASE ... WITH (FORCE)
  void pool?.end()
}

const adminQuery = async (sql: string) => {
  const serverUrl = process.env.TEST_PG_SERVER_URL
  if (!serverUrl) throw new Error('tests/setup/globalSetup.ts did not run')
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/**
 * A database of this test file's own: a copy of the migrated template, or
 * an empty one (`{ empty: true }`) for tests of the migration path itself.
 */
export const createTestDatabase = async ({ empty = false } = {}) => {
  const serverUrl = process.env.TEST_PG_SERVER_URL
  const template = process.env.TEST_TEMPLATE_DATABASE
  if (!serverUrl || !template) throw new Error('tests/setup/globalSetup.ts did not run')
  const database = `pdo_t_${crypto.randomBytes(5).toString('hex')}`
  await adminQuery(empty ? `CREATE DATABASE ${database}` : `CREATE DATABASE ${database} TEMPLATE ${template}`)
  return {
    databaseUrl: withDatabase(serverUrl, database),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  }
}

/**
 * Boots Payload on a fresh database copied from the migrated template.
 * Call once per test file (beforeAll) and `close()` in afterAll.
 * `databaseUrlFor` lets the app reach that database another way (e.g.
 * through a proxy that can stop answering); `t.databaseUrl` stays direct.
 */
export const startTestPayload = async (
  env: Record<string, string> = {},
  { databaseUrlFor = (url: string) => url }: { databaseUrlFor?: (url: string) => string } = {},
): Promise<TestContext> => {
  const { databaseUrl, drop } = await createTestDatabase()
  Object.assign(process.env, { DATABASE_URL: databaseUrlFor(databaseUrl), PAYLOAD_SECRET: 'test-secret' }, env)
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })

  // the app's own route modules: Payload's handlers as the app wraps them (src/platform/requests.ts)
  const routes = (await import('../../src/app/(payload)/api/[...slug]/route')) as unknown as Record<
    string,
    (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
  >
  const graphqlRoute = (await import('../../src/app/(payload)/api/graphql/route')).POST

  const api: TestContext['api'] = async (method, path, { auth, body, headers = {}, rawBody } = {}) => {
    const [pathname] = path.split('?')
    const slug = pathname!.replace(/^\/+/, '').split('/').filter(Boolean)
    const request = new Request(`http://localhost:3000/api/${path.replace(/^\/+/, '')}`, {
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      headers: { 'Content-Type': 'application/json', ...authHeader(auth), ...headers },
      method,
    })
    const handler = routes[method]
    if (!handler) throw new Error(`no route handler for ${method}`)
    return handler(request, { params: Promise.resolve({ slug }) })
  }

  const graphqlResponse: TestContext['graphqlResponse'] = (query, { auth, headers = {}, variables } = {}) =>
    graphqlRoute(
      new Request('http://localhost:3000/api/graphql', {
        body: JSON.stringify({ query, variables }),
        headers: { 'Content-Type': 'application/json', ...authHeader(auth), ...headers },
        method: 'POST',
      }),
    )

  const graphql: TestContext['graphql'] = async (query, options = {}) => {
    const response = await graphqlResponse(query, options)
    const json = (await response.json()) as { data?: unknown; errors?: unknown[] }
    return { ...json, status: response.status } as Awaited<ReturnType<TestContext['graphql']>>
  }

  const makeUser: TestContext['makeUser'] = async (role, overrides = {}) => {
    userCounter += 1
    const username = `${role}${userCounter}${crypto.randomBytes(2).toString('hex')}`
    const email = `${username}@example.org`
    const password = `pw-${username}-secret`
    // overrideAccess: test fixtures are written by the system, not by a user
    const doc = await payload.create({
      collection: 'users',
      data: {
        email,
        isActive: true,
        isStaff: role === 'staff' || role === 'superuser',
        isSuperuser: role === 'superuser',
        password,
        username,
        ...overrides,
      } as never,
      overrideAccess: true,
    })
    let token = ''
    if (doc.isActive !== false) {
      const login = await payload.login({ collection: 'users', data: { email, password } })
      token = login.token ?? ''
    }
    return { email, id: String(doc.id), password, role, token, username }
  }

  const close = async () => {
    // The postgres adapter keeps one pool client checked out for the life of
    // the process and destroy() does not end the pool: end it ourselves, and
    // let DROP ... WITH (FORCE) cut that last connection.
    await closePayload(payload)
    await drop()
  }

  const startAnotherInstance: TestContext['startAnotherInstance'] = async () => {
    instanceCounter += 1
    // a cache key of its own: getPayload would otherwise hand back the first instance
    const other = await getPayload({ config, key: `instance-${instanceCounter}` })
    return { close: () => closePayload(other), payload: other }
  }

  return { api, close, config, databaseUrl, graphql, graphqlResponse, makeUser, payload, startAnotherInstance }
}
