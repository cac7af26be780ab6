import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import sharp from 'sharp'

import { projectRoot } from '../../src/platform/paths'
import { type Actors, makeActors } from '../helpers/actors'
import { json } from '../helpers/assertions'
import { createTestDatabase, startTestPayload, type TestContext } from '../helpers/harness'
import { appliedMigrations, schemaSnapshot } from '../helpers/schema'
import { seedPage } from '../pages/fixtures'

/**
 * `npm run backup` and `npm run restore`: database, uploaded files and
 * secret in one archive; a restore into a fresh database serves the same
 * site, and an existing API key still logs in. Both commands run as
 * operators run them (npm scripts, separate processes).
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-backup-'))
const sourceData = path.join(work, 'source-data')
const archive = path.join(work, 'site.tar.gz')

let t: TestContext
let actors: Actors
let apiKey: string
let image: { filename: string; id: string }
let pngBytes: Buffer
const databases: Awaited<ReturnType<typeof createTestDatabase>>[] = []

const npm = (script: string, args: string[], env: Record<string, string>) => {
  const merged: Record<string, string | undefined> = { ...process.env, PAYLOAD_SECRET: 'test-secret', ...env }
  delete merged.NODE_OPTIONS
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    timeout: 180_000,
  })
}

type ProbeResult = { json: any; sha256: string; status: number }
const probe = (env: Record<string, string>, requests: unknown[]): ProbeResult[] => {
  const merged: Record<string, string | undefined> = { ...process.env, PAYLOAD_SECRET: 'test-secret', ...env }
  delete merged.NODE_OPTIONS
  const result = spawnSync(
    path.join(projectRoot, 'node_modules/.bin/tsx'),
    ['tests/helpers/apiProbe.ts', JSON.stringify(requests)],
    { cwd: projectRoot, encoding: 'utf8', env: merged as NodeJS.ProcessEnv, timeout: 120_000 },
  )
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('PROBE '))
  if (!line) throw new Error(`probe failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return JSON.parse(line.slice('PROBE '.length)) as ProbeResult[]
}

const freshDatabase = async () => {
  const database = await createTestDatabase({ empty: true })
  databases.push(database)
  return database
}

const count = async (databaseUrl: string, table: string) => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return Number((await client.query(`select count(*) from ${table}`)).rows[0].count)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  t = await startTestPayload({ PAYLOAD_DATA_DIR: sourceData })
  actors = await makeActors(t)
  apiKey = (await json(await t.api('POST', '/users/api-key', { auth: actors.owner }))).apiKey
  const page = await seedPage(t, { isPublished: true })
  pngBytes = await sharp({ create: { background: '#3776ab', channels: 3, height: 40, width: 60 } })
    .png()
    .toBuffer()
  // overrideAccess: a fixture written by the system
  const created = await t.payload.create({
    collection: 'page-images',
    data: { page: page.id },
    file: { data: pngBytes, mimetype: 'image/png', name: 'logo.png', size: pngBytes.length },
    overrideAccess: true,
  })
  image = { filename: created.filename!, id: String(created.id) }
})
afterAll(async () => {
  await t?.close()
  for (const database of databases) await database.drop()
  fs.rmSync(work, { force: true, recursive: true })
})

describe('npm run backup / npm run restore', () => {
  it('backs up, and restores into a fresh database where the API key, the rows and the files are back (with the backup’s secret)', async () => {
    const backup = npm('backup', ['--output', archive], { DATABASE_URL: t.databaseUrl, PAYLOAD_DATA_DIR: sourceData })
    expect(backup.stderr).toBe('')
    expect(backup.status).toBe(0)
    expect(backup.stdout).toMatch(/Backed up \d+ tables \(\d+ rows\), \d+ uploaded files and the secret/)
    expect(fs.statSync(archive).mode & 0o077).toBe(0)

    // a developer's restore: no PAYLOAD_SECRET, the backup's secret becomes the data folder's
    const target = await freshDatabase()
    const targetData = path.join(work, 'restored-data')
    const restored = { DATABASE_URL: target.databaseUrl, PAYLOAD_DATA_DIR: targetData, PAYLOAD_SECRET: '' }
    const restore = npm('restore', [archive], restored)
    expect(restore.status).toBe(0)
    expect(restore.stdout).toContain('Restored')
    expect(fs.readFileSync(path.join(targetData, 'payload-secret'), 'utf8')).toBe('test-secret')

    expect(await schemaSnapshot(target.databaseUrl)).toEqual(await schemaSnapshot(t.databaseUrl))
    expect(await appliedMigrations(target.databaseUrl)).toEqual(await appliedMigrations(t.databaseUrl))
    for (const table of ['users', 'pages', 'page_images', 'payload_migrations']) {
      expect(await count(target.databaseUrl, table)).toBe(await count(t.databaseUrl, table))
    }

    const [me, file, asAnonymous] = probe(restored, [
      { headers: { Authorization: `users API-Key ${apiKey}` }, method: 'GET', path: '/users/me' },
      { method: 'GET', path: `/page-images/file/${image.filename}` },
      { method: 'GET', path: '/users/me' },
    ])
    expect(me!.status).toBe(200)
    expect(me!.json.user).toMatchObject({ id: actors.owner.id, username: actors.owner.username })
    expect(asAnonymous!.json.user).toBeNull()
    expect(file!.status).toBe(200)
    expect(file!.sha256).toBe(crypto.createHash('sha256').update(pngBytes).digest('hex'))
  })

  it('refuses a PAYLOAD_SECRET other than the backup’s, before touching the database', async () => {
    const target = await freshDatabase()
    const result = npm('restore', [archive], {
      DATABASE_URL: target.databaseUrl,
      PAYLOAD_DATA_DIR: path.join(work, 'wrong-secret'),
      PAYLOAD_SECRET: 'not-the-backups-secret',
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('PAYLOAD_SECRET is not the secret of this backup')
    expect(await appliedMigrations(target.databaseUrl)).toEqual([])
  })

  it('refuses a database that is not empty unless --replace, which replaces it', async () => {
    const target = await freshDatabase()
    const targetData = path.join(work, 'replaced-data')
    const env = { DATABASE_URL: target.databaseUrl, PAYLOAD_DATA_DIR: targetData }
    expect(npm('restore', [archive], env).status).toBe(0)
    const client = new pg.Client({ connectionString: target.databaseUrl })
    await client.connect()
    await client.query(`update pages set title = 'Changed after the backup'`)
    await client.end()

    const refused = npm('restore', [archive], env)
    expect(refused.status).toBe(1)
    expect(refused.stdout).toContain('is not empty')
    expect(await count(target.databaseUrl, `pages where title = 'Changed after the backup'`)).toBe(1)

    expect(npm('restore', [archive, '--replace'], env).status).toBe(0)
    expect(await count(target.databaseUrl, `pages where title = 'Changed after the backup'`)).toBe(0)
    expect(await count(target.databaseUrl, 'pages')).toBe(await count(t.databaseUrl, 'pages'))
  })
})

describe('an upload row whose file is missing (a database restored without its files)', () => {
  it('answers 404, not 500', async () => {
    expect((await t.api('GET', `/page-images/file/${image.filename}`)).status).toBe(200)
    fs.rmSync(path.join(sourceData, 'uploads', 'page-images', image.filename))
    const response = await t.api('GET', `/page-images/file/${image.filename}`)
    expect(response.status).toBe(404)
    expect(await json(response)).toEqual({ errors: [{ message: 'Not Found' }] })
  })
})
