import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'
import { createTestDatabase } from '../helpers/harness'
import { appliedMigrations, type SchemaSnapshot, schemaSnapshot } from '../helpers/schema'

/**
 * Every committed migration can be rolled back: its `down` brings the schema
 * back to exactly what it was before its `up`, and `up` works again after.
 * The schema is compared through the catalogs (tests/helpers/schema.ts).
 */
const migrationsDir = path.join(projectRoot, 'migrations')
const names = fs
  .readdirSync(migrationsDir)
  .filter((file) => /^\d.*\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort()

const run = (command: string, args: string[], env: Record<string, string>) => {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, PAYLOAD_SECRET: 'test-secret', ...env },
    // the stepwise schemas come back on stdout
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout + result.stderr
}

const payloadMigrate = (databaseUrl: string) =>
  run(path.join(projectRoot, 'node_modules/.bin/payload'), ['migrate'], { DATABASE_URL: databaseUrl })

/** what operators run: `npm run migrate:down-one` */
const migrateDownOne = (databaseUrl: string) =>
  run('npm', ['run', '--silent', 'migrate:down-one'], { DATABASE_URL: databaseUrl })

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('migration rollback', () => {
  // the schema after the first k migrations, k = 0..N, applied one batch each
  const after: SchemaSnapshot[] = []

  beforeAll(async () => {
    const stepwise = await createTestDatabase({ empty: true })
    cleanups.push(stepwise.drop)
    const output = run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['tests/helpers/migrateStepwise.ts'], {
      DATABASE_URL: stepwise.databaseUrl,
    })
    const line = output.split('\n').find((candidate) => candidate.startsWith('STEPS '))!
    const result = JSON.parse(line.slice('STEPS '.length)) as { names: string[]; steps: SchemaSnapshot[] }
    expect(result.names).toEqual(names)
    after.push(...result.steps)
  }, 600_000)

  it('reverts one migration at a time, each back to the schema before it, and migrates up again', async () => {
    const database = await createTestDatabase({ empty: true })
    cleanups.push(database.drop)
    // one `payload migrate` on a fresh database: every migration in ONE batch,
    // which `payload migrate:down` would revert whole
    payloadMigrate(database.databaseUrl)
    expect(await schemaSnapshot(database.databaseUrl)).toEqual(after[names.length])

    // the newest ones as operators roll back, one command each
    const byCommand = 2
    for (let k = names.length; k > names.length - byCommand; k -= 1) {
      const output = migrateDownOne(database.databaseUrl)
      expect(output).toContain(`Rolled back ${names[k - 1]}`)
      expect(await appliedMigrations(database.databaseUrl)).toEqual(names.slice(0, k - 1))
      expect(await schemaSnapshot(database.databaseUrl)).toEqual(after[k - 1])
    }
    // the rest with the same code in one process (a command starts Payload each time: minutes in all)
    const output = run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['tests/helpers/migrateDownStepwise.ts'], {
      DATABASE_URL: database.databaseUrl,
      MIGRATE_DOWN_STEPS: String(names.length - byCommand),
    })
    const line = output.split('\n').find((candidate) => candidate.startsWith('DOWN '))!
    const steps = JSON.parse(line.slice('DOWN '.length)) as {
      applied: string[]
      name: string
      schema: SchemaSnapshot
    }[]
    expect(steps.map((step) => step.name)).toEqual(names.slice(0, names.length - byCommand).reverse())
    steps.forEach((step, i) => {
      const k = names.length - byCommand - i
      expect([step.name, step.applied]).toEqual([names[k - 1], names.slice(0, k - 1)])
      expect([step.name, step.schema]).toEqual([names[k - 1], after[k - 1]])
    })
    expect(migrateDownOne(database.databaseUrl)).toContain('No migrations to roll back')

    payloadMigrate(database.databaseUrl)
    expect(await appliedMigrations(database.databaseUrl)).toEqual(names)
    expect(await schemaSnapshot(database.databaseUrl)).toEqual(after[names.length])
  }, 900_000)
})
