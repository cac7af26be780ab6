import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { projectRoot } from '../../src/platform/paths'
import { MIGRATION_LOCK } from '../../src/platform/startup'
import { createTestDatabase } from '../helpers/harness'
import { appliedMigrations } from '../helpers/schema'

/**
 * The committed migrations are the schema. If a collection changed without
 * a new migration, `payload migrate:create --skip-empty` would write one:
 * run it against a copy of the migrations folder and expect nothing new.
 */
describe('committed migrations', () => {
  it('match the collection config (migrate:create --skip-empty writes nothing)', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-migrations-'))
    fs.cpSync(path.join(projectRoot, 'migrations'), copy, { recursive: true })
    const before = fs.readdirSync(copy).sort()
    const { databaseUrl, drop } = await createTestDatabase()
    try {
      const result = spawnSync(
        path.join(projectRoot, 'node_modules/.bin/payload'),
        ['migrate:create', 'drift_check', '--skip-empty'],
        {
          cwd: projectRoot,
          encoding: 'utf8',
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PAYLOAD_MIGRATION_DIR: copy,
            PAYLOAD_SECRET: 'test-secret',
          },
          timeout: 120_000,
        },
      )
      expect(result.status).toBe(0)
      const added = fs.readdirSync(copy).filter((file) => !before.includes(file))
      // a non-empty list names the migration the config change still needs
      expect(added).toEqual([])
    } finally {
      await drop()
      fs.rmSync(copy, { force: true, recursive: true })
    }
  })

  it('bring an empty database to the current schema with `payload migrate`', async () => {
    const { databaseUrl, drop } = await createTestDatabase({ empty: true })
    try {
      const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/payload'), ['migrate'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret' },
        timeout: 120_000,
      })
      expect(result.status).toBe(0)
      const status = spawnSync(path.join(projectRoot, 'node_modules/.bin/payload'), ['migrate:status'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'test-secret' },
        timeout: 120_000,
      })
      const migrations = fs.readdirSync(path.join(projectRoot, 'migrations')).filter((f) => /^\d.*\.ts$/.test(f))
      for (const file of migrations) expect(status.stdout).toContain(file.replace(/\.ts$/, ''))
      expect(status.stdout).not.toMatch(/\bNo\b/)
    } finally {
      await drop()
    }
  })

  it('wait for another instance applying them (`npm start` and `npm run migrate` take a lock)', async () => {
    const { databaseUrl, drop } = await createTestDatabase({ empty: true })
    // this test plays the other instance, in the middle of its migrations
    const other = new pg.Client({ connectionString: databaseUrl })
    await other.connect()
    await other.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    let locked = true
    try {
      const env: Record<string, string | undefined> = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PAYLOAD_SECRET: 'test-secret',
      }
      delete env.NODE_OPTIONS
      const child = spawn('npm', ['run', '--silent', 'migrate'], { cwd: projectRoot, env: env as NodeJS.ProcessEnv })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      for (let waited = 0; !output.includes('Another instance is applying migrations'); waited += 100) {
        if (waited > 60_000 || child.exitCode !== null) throw new Error(`npm run migrate did not wait:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(await appliedMigrations(databaseUrl)).toEqual([])
      await other.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
      locked = false
      expect(await exited).toBe(0)
      const migrations = fs.readdirSync(path.join(projectRoot, 'migrations')).filter((f) => /^\d.*\.ts$/.test(f))
      // the command's output beside the list, should it ever differ
      expect({ applied: await appliedMigrations(databaseUrl), output }).toEqual({
        applied: migrations.map((file) => file.replace(/\.ts$/, '')).sort(),
        output: expect.any(String),
      })
    } finally {
      if (locked) await other.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      await other.end()
      await drop()
    }
  }, 240_000)
})
