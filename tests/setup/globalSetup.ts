import { spawnSync } from 'node:child_process'
import path from 'node:path'

import pg from 'pg'

import { ensureEmbeddedPostgres } from '../../src/platform/db/embeddedPostgres'
import { projectRoot } from '../../src/platform/paths'
import { templateDatabaseName, withDatabase } from './testDatabase'
import { registerTestRun, testDataDir } from './testServer'

/**
 * Starts (or reuses) PostgreSQL for the suite and builds one template
 * database by running the committed migrations through `payload migrate`,
 * exactly as production does. Every test file then gets its own copy
 * (CREATE DATABASE ... TEMPLATE), so files run in parallel and never share rows.
 */
export default async function globalSetup(): Promise<void> {
  // one id per `npm test`: test files share what is built once per run (tests/helpers/builtApp.ts)
  process.env.TEST_RUN_ID ??= `${process.pid}-${Date.now()}`
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    registerTestRun()
    const server = await ensureEmbeddedPostgres({
      adopt: true,
      dataDir: testDataDir(),
      log: (message) => process.stdout.write(`\n[tests] ${message}`),
      port: 54339,
    })
    serverUrl = server.urlFor('postgres')
    ;(globalThis as { __testPostgres?: typeof server }).__testPostgres = server
  }
  const template = templateDatabaseName()
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
  await admin.connect()
  // concurrent test runs build the template once, one after the other
  await admin.query('select pg_advisory_lock(424242)')
  try {
    const exists = await admin.query(
      `select 1 from pg_database where datname = $1 and datistemplate`,
      [template],
    )
    if (!exists.rowCount) {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${template}`)
      const migrate = spawnSync(path.join(projectRoot, 'node_modules/.bin/payload'), ['migrate'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: withDatabase(serverUrl, template), NODE_ENV: 'test', PAYLOAD_SECRET: 'test-secret' },
      })
      if (migrate.status !== 0) {
        throw new Error(`payload migrate failed on the template database:\n${migrate.stdout}\n${migrate.stderr}`)
      }
      // marks it complete: an interrupted build is rebuilt next time
      await admin.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true`)
    }
  } finally {
    await admin.end()
  }
  process.env.TEST_PG_SERVER_URL = serverUrl
  process.env.TEST_TEMPLATE_DATABASE = template
}
