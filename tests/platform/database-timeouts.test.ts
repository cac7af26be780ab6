import { spawnSync } from 'node:child_process'
import path from 'node:path'

import type pg from 'pg'

import { projectRoot } from '../../src/platform/paths'
import { json } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import {
  type FreezableProxy,
  type SilentServer,
  startFreezableProxy,
  startSilentServer,
} from '../helpers/silentDatabase'

/**
 * A database that stops answering turns into errors, never into requests
 * or commands that hang: connection, statement, idle-transaction and
 * client-side reply timeouts (src/platform/db/settings.ts), and a health
 * check with its own deadline.
 */
const bin = (name: string) => path.join(projectRoot, 'node_modules/.bin', name)

let silent: SilentServer
let proxy: FreezableProxy
let t: TestContext

beforeAll(async () => {
  silent = await startSilentServer()
  const server = new URL(process.env.TEST_PG_SERVER_URL!)
  proxy = await startFreezableProxy({ host: server.hostname, port: Number(server.port) })
  t = await startTestPayload(
    {
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1500',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      HEALTH_TIMEOUT_MS: '500',
    },
    { databaseUrlFor: proxy.urlFor },
  )
})
afterAll(async () => {
  proxy?.thaw()
  await t?.close()
  await proxy?.close()
  await silent?.close()
})

const pool = () => (t.payload.db as unknown as { pool: pg.Pool }).pool

const runCommand = (args: string[], env: Record<string, string>) =>
  spawnSync(args[0]!, args.slice(1), {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_CONNECT_TIMEOUT_MS: '1000', PAYLOAD_SECRET: 'test-secret', ...env },
    // far above the 1 s connection timeout: reaching it means the command hung
    timeout: 60_000,
  })

describe('a database server that accepts connections and never replies', () => {
  it('makes `npm run migrate` fail with a message', () => {
    const result = runCommand(['npm', 'run', '--silent', 'migrate'], { DATABASE_URL: silent.url() })
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
    expect(result.stdout + result.stderr).toContain(
      `PostgreSQL at 127.0.0.1:${silent.port} did not answer within 1000 ms (DATABASE_CONNECT_TIMEOUT_MS)`,
    )
  })

  it('makes `payload migrate` itself (the app config, no launcher) fail instead of hanging', () => {
    const result = runCommand([bin('payload'), 'migrate'], { DATABASE_URL: silent.url() })
    expect(result.signal).toBeNull()
    expect(result.status).not.toBe(0)
    expect(result.stdout + result.stderr).toMatch(/cannot connect to Postgres.*timeout/i)
  })

  it('makes `npm start` refuse with a message', () => {
    const result = runCommand([bin('tsx'), 'src/platform/scripts/run.ts', 'start'], {
      DATABASE_URL: silent.url(),
      NODE_ENV: 'production',
    })
    expect(result.signal).toBeNull()
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`PostgreSQL at 127.0.0.1:${silent.port} did not answer within 1000 ms`)
  })
})

describe('the app’s connections', () => {
  it('carry the configured statement and idle-transaction timeouts', async () => {
    const { rows } = await pool().query<{ idle: string; statement: string }>(
      `select current_setting('statement_timeout') as statement,
              current_setting('idle_in_transaction_session_timeout') as idle`,
    )
    expect(rows).toEqual([{ idle: '1500ms', statement: '1500ms' }])
  })

  it('cancel a statement that runs past the statement timeout', async () => {
    await expect(pool().query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' })
  })

  it('end a transaction left idle past the idle-transaction timeout', async () => {
    const client = await pool().connect()
    const errors: Error[] = []
    client.on('error', (err) => errors.push(err))
    await client.query('begin')
    await new Promise((resolve) => setTimeout(resolve, 2500))
    // the server ends the session, and says why
    expect(errors[0]).toMatchObject({ code: '25P03' })
    await expect(client.query('select 1')).rejects.toThrow()
    client.release(true)
  })
})

describe('GET /api/health', () => {
  it('answers 503 within its own deadline when the database stops answering, and 200 once it answers again', async () => {
    expect((await t.api('GET', '/health')).status).toBe(200)
    proxy.freeze()
    try {
      const response = await t.api('GET', '/health')
      expect(response.status).toBe(503)
      // "timeout" is the health deadline; the pool's own timeouts (6.5 s here) would say "unreachable"
      expect(await json(response)).toEqual({ database: 'timeout', status: 'error' })
    } finally {
      proxy.thaw()
    }
    expect((await t.api('GET', '/health')).status).toBe(200)
  }, 20_000)

  it('a query on a silent connection gives up on the client side after the statement timeout and its grace', async () => {
    proxy.freeze()
    try {
      await expect(pool().query('select 1')).rejects.toThrow(/timeout/i)
    } finally {
      proxy.thaw()
    }
  }, 20_000)
})
