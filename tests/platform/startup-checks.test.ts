import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ensureEmbeddedPostgres, readPostmaster } from '../../src/platform/db/embeddedPostgres'
import { projectRoot } from '../../src/platform/paths'
import { secretReadsApiKey } from '../../src/platform/startup'
import { makeActors } from '../helpers/actors'
import { json, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { withDatabase } from '../setup/testDatabase'

/**
 * What `npm start` (and `npm run dev`, and the database commands) refuse
 * before the app touches a database: the embedded PostgreSQL in production,
 * a database that does not exist (a typo in DATABASE_URL must never become
 * a new, empty site), and a PAYLOAD_SECRET that cannot read the API keys.
 */
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx')
let t: TestContext
const dataDirs: string[] = []

beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
  for (const dir of dataDirs) {
    const running = readPostmaster(path.join(dir, 'postgres'))
    if (running) await (await ensureEmbeddedPostgres({ adopt: true, dataDir: path.join(dir, 'postgres') })).stop()
    fs.rmSync(dir, { force: true, recursive: true })
  }
})

const freshDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-startup-'))
  // the cluster runs as the `postgres` OS user when we are root: let it reach its folder
  fs.chmodSync(dir, 0o755)
  dataDirs.push(dir)
  return dir
}

const launcher = (args: string[], env: Record<string, string | undefined>) => {
  const merged: Record<string, string | undefined> = { ...process.env, PAYLOAD_SECRET: 'test-secret', ...env }
  delete merged.NODE_OPTIONS // Jest's flags are not for the app
  return spawnSync(tsx, ['src/platform/scripts/run.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    timeout: 180_000,
  })
}

const databaseExists = async (name: string) => {
  const client = new pg.Client({ connectionString: withDatabase(process.env.TEST_PG_SERVER_URL!, 'postgres') })
  await client.connect()
  try {
    return Boolean((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount)
  } finally {
    await client.end()
  }
}

describe('the embedded PostgreSQL in production', () => {
  it('is refused by `npm start` without DATABASE_URL, with a message, before anything is created', () => {
    const dataDir = freshDataDir()
    const result = launcher(['start'], { DATABASE_URL: '', NODE_ENV: 'production', PAYLOAD_DATA_DIR: dataDir })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('DATABASE_URL is not set')
    expect(result.stdout).toContain('ALLOW_EMBEDDED_POSTGRES=true')
    expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false)
  })

  it('is started when ALLOW_EMBEDDED_POSTGRES=true says so explicitly', () => {
    const dataDir = freshDataDir()
    const result = launcher(['exec', '--', 'node', '-e', 'process.stdout.write("url=" + process.env.DATABASE_URL)'], {
      ALLOW_EMBEDDED_POSTGRES: 'true',
      DATABASE_URL: '',
      NODE_ENV: 'production',
      PAYLOAD_DATA_DIR: dataDir,
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/url=postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/pythondotorg/)
    // stopped again by the command that started it
    expect(readPostmaster(path.join(dataDir, 'postgres'))).toBeNull()
  })
})

describe('a DATABASE_URL naming a database that does not exist', () => {
  const typo = () => `pdo_typo_${crypto.randomBytes(4).toString('hex')}`
  const urlOf = (name: string) => withDatabase(process.env.TEST_PG_SERVER_URL!, name)

  it('makes `npm start` refuse and never creates the database', async () => {
    const name = typo()
    const result = launcher(['start'], { DATABASE_URL: urlOf(name), NODE_ENV: 'production' })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`Database "${name}" does not exist`)
    expect(result.stdout).toContain('Check DATABASE_URL for a typo')
    expect(await databaseExists(name)).toBe(false)
  })

  it('makes `npm run migrate` and `payload migrate` itself fail without creating it', async () => {
    const name = typo()
    expect(launcher(['exec', '--', 'payload', 'migrate'], { DATABASE_URL: urlOf(name) }).status).toBe(1)
    const bare = spawnSync(path.join(projectRoot, 'node_modules/.bin/payload'), ['migrate'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: urlOf(name), PAYLOAD_SECRET: 'test-secret' },
      timeout: 120_000,
    })
    expect(bare.status).not.toBe(0)
    expect(bare.stdout + bare.stderr).toContain('does not exist')
    expect(await databaseExists(name)).toBe(false)
  })

  it('is created by `npm run dev` (development only), which says so', async () => {
    const name = typo()
    const merged: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: urlOf(name),
      // its own dev lock, whatever `npm run dev` a developer has running
      PAYLOAD_DATA_DIR: freshDataDir(),
      PAYLOAD_SECRET: 'test-secret',
    }
    delete merged.NODE_OPTIONS
    delete merged.NODE_ENV
    // its own process group: `next dev` is stopped with the launcher
    const dev = spawn(tsx, ['src/platform/scripts/run.ts', 'dev', '-p', '0'], {
      cwd: projectRoot,
      detached: true,
      env: merged as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no migration within 120 s:\n${output}`)), 120_000)
        const onData = (chunk: Buffer) => {
          output += chunk
          if (/Migrated: +\d+_\w+/.test(output) || /Done\./.test(output)) {
            clearTimeout(timer)
            resolve()
          }
        }
        dev.stdout!.on('data', onData)
        dev.stderr!.on('data', onData)
        dev.on('exit', (code) => reject(new Error(`npm run dev exited ${code}:\n${output}`)))
      })
    } finally {
      try {
        process.kill(-dev.pid!, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }
    expect(output).toContain(`Created the empty database "${name}"`)
    expect(output).toContain('development only')
    expect(await databaseExists(name)).toBe(true)
    const admin = new pg.Client({ connectionString: withDatabase(process.env.TEST_PG_SERVER_URL!, 'postgres') })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }, 180_000)
})

describe('a PAYLOAD_SECRET that cannot read the stored API keys', () => {
  let apiKey: string

  beforeAll(async () => {
    const { member } = await makeActors(t)
    apiKey = (await json(await t.api('POST', '/users/api-key', { auth: member }))).apiKey
    expect(apiKey).toEqual(expect.any(String))
  })

  it('is told apart from the right secret the way Payload reads keys', async () => {
    const { rows } = await query(t, `select api_key, api_key_index from users where api_key is not null`)
    expect(rows).toHaveLength(1)
    const { api_key: encrypted, api_key_index: index } = rows[0] as { api_key: string; api_key_index: string }
    expect(secretReadsApiKey('test-secret', encrypted, index)).toBe(true)
    expect(secretReadsApiKey('another-secret', encrypted, index)).toBe(false)
    // and the key itself authenticates with the right one
    const me = await json(await t.api('GET', '/users/me', { auth: { apiKey } }))
    expect(me.user).toEqual(expect.objectContaining({ collection: 'users' }))
  })

  it('makes `npm start` refuse with a message', () => {
    const result = launcher(['start'], {
      DATABASE_URL: t.databaseUrl,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-new-secret-per-deploy',
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('PAYLOAD_SECRET cannot read 1 of the 1 API keys in the database')
  })

  it('lets `npm start` go on with the right secret, or with ALLOW_UNREADABLE_API_KEYS=true and a warning', () => {
    // no build in this folder: getting as far as `next start` failing on it proves the checks passed
    const noBuild = { NEXT_DIST_DIR: `.next-missing-${crypto.randomBytes(3).toString('hex')}` }
    const right = launcher(['start'], { ...noBuild, DATABASE_URL: t.databaseUrl, NODE_ENV: 'production' })
    expect(right.stdout).not.toContain('cannot read')
    expect(right.stdout + right.stderr).toMatch(/production build/i)

    const allowed = launcher(['start'], {
      ...noBuild,
      ALLOW_UNREADABLE_API_KEYS: 'true',
      DATABASE_URL: t.databaseUrl,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-new-secret-per-deploy',
    })
    expect(allowed.stdout).toContain('Starting anyway (ALLOW_UNREADABLE_API_KEYS=true)')
    expect(allowed.stdout + allowed.stderr).toMatch(/production build/i)
  })
})
