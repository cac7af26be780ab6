import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { ensureEmbeddedPostgres, readPostmaster } from '../../src/platform/db/embeddedPostgres'
import { projectRoot } from '../../src/platform/paths'

/**
 * The launcher behind `npm run dev` / `seed` / `migrate` without
 * DATABASE_URL, on a data folder of this test's own.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pdo-embedded-'))
// the cluster runs as the `postgres` OS user when we are root: let it reach its folder
fs.chmodSync(root, 0o755)
const dataDir = path.join(root, 'postgres')
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx')

const query = async (url: string, text: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text)).rows
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  const running = readPostmaster(dataDir)
  if (running) {
    const server = await ensureEmbeddedPostgres({ adopt: true, dataDir })
    await server.stop()
  }
  fs.rmSync(root, { force: true, recursive: true })
})

describe('embedded PostgreSQL launcher', () => {
  it('creates a cluster once, and commands started at the same time share one server', async () => {
    const servers = await Promise.all([1, 2, 3].map(() => ensureEmbeddedPostgres({ dataDir })))
    expect(new Set(servers.map((s) => s.port)).size).toBe(1)
    expect(servers.filter((s) => s.owned)).toHaveLength(1)
    expect(await query(servers[0]!.urlFor('postgres'), 'select 1 as ok')).toEqual([{ ok: 1 }])
    await servers.find((s) => s.owned)!.stop()
    expect(readPostmaster(dataDir)).toBeNull()
  })

  it('survives a killed owner: the next command reuses the running server with the data intact', async () => {
    const script = `
      import { ensureEmbeddedPostgres } from ${JSON.stringify(path.join(projectRoot, 'src/platform/db/embeddedPostgres.ts'))}
      const server = await ensureEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} })
      process.stdout.write(server.urlFor('postgres') + '\\n')
      setInterval(() => undefined, 1000)
    `
    const scriptFile = path.join(root, 'owner.mts')
    fs.writeFileSync(scriptFile, script)
    // node itself (with tsx's loader), not the tsx CLI: SIGKILL must hit the process that owns the server
    const owner = spawn(process.execPath, ['--import', 'tsx', scriptFile], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const url = await new Promise<string>((resolve, reject) => {
      owner.stdout!.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
      owner.on('exit', (code) => reject(new Error(`owner exited with ${code}`)))
    })
    await query(url, 'create table kept (value text); insert into kept values (\'before the kill\')')
    owner.kill('SIGKILL')
    await new Promise((resolve) => owner.once('exit', resolve))

    const next = await ensureEmbeddedPostgres({ dataDir })
    expect(next.owned).toBe(false)
    expect(next.urlFor('postgres')).toBe(url)
    expect(await query(url, 'select value from kept')).toEqual([{ value: 'before the kill' }])

    // adopting stops it cleanly; a restart recovers nothing and loses nothing
    const adopted = await ensureEmbeddedPostgres({ adopt: true, dataDir })
    await adopted.stop()
    expect(readPostmaster(dataDir)).toBeNull()
    const restarted = await ensureEmbeddedPostgres({ dataDir })
    expect(restarted.owned).toBe(true)
    expect(await query(restarted.urlFor('postgres'), 'select value from kept')).toEqual([{ value: 'before the kill' }])
    await restarted.stop()
  })

  it('refuses a second `npm run dev` on the same data folder with a clear message', () => {
    fs.writeFileSync(path.join(root, 'dev.pid'), String(process.pid))
    const result = spawnSync(tsx, ['src/platform/scripts/run.ts', 'dev'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '', PAYLOAD_DATA_DIR: root },
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`Another "npm run dev" is already running (pid ${process.pid})`)
    expect(readPostmaster(dataDir)).toBeNull()
  })
})
