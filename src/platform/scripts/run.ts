/**
 * Entry point of the npm scripts that need a database.
 *
 *   run.ts dev            embedded PostgreSQL (unless DATABASE_URL), migrations, `next dev`
 *   run.ts start          migrations, then the production server (src/platform/server.ts,
 *                         Next.js's handler; takes `next start`'s -p and -H)
 *   run.ts exec [--migrate] [-- CMD]
 *                         CMD with DATABASE_URL pointing at the project's database
 *                         (after applying migrations with --migrate; alone, just those)
 *
 * With DATABASE_URL set nothing is started. Without it, a server already
 * running on the data directory (a `npm run dev` in another terminal) is used.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { DEFAULT_DATABASE } from '../db/databaseUrl'
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from '../db/embeddedPostgres'
import { dataRoot, projectRoot } from '../paths'
import { checkApiKeysReadable, checkDatabase, refuseEmbeddedInProduction, withMigrationLock } from '../startup'

const log = (message: string) => process.stdout.write(`[pythondotorg] ${message}\n`)
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name)

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A second `npm run dev` on the same data folder is refused, not started. */
const acquireDevLock = () => {
  const lockFile = path.join(dataRoot(), 'dev.pid')
  fs.mkdirSync(dataRoot(), { recursive: true })
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      break
    } catch {
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim() || 0)
      if (owner && owner !== process.pid && isAlive(owner)) {
        log(`Another "npm run dev" is already running (pid ${owner}) on ${dataRoot()}.`)
        log('Stop it first, or run seed/migrate commands beside it: they use its database.')
        process.exit(1)
      }
      fs.rmSync(lockFile, { force: true })
    }
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile)
    } catch {
      /* already gone */
    }
  }
}

/** With DATABASE_URL: that database must exist (only `dev` creates it). Without: the embedded server. */
const prepareDatabase = async (adopt: boolean, { create = false } = {}): Promise<EmbeddedServer | null> => {
  if (process.env.DATABASE_URL) {
    await checkDatabase(process.env.DATABASE_URL, { create, log })
    return null
  }
  refuseEmbeddedInProduction()
  const server = await ensureEmbeddedPostgres({ adopt, log })
  if (await ensureDatabase(server.urlFor('postgres'), DEFAULT_DATABASE)) {
    log(`Created database "${DEFAULT_DATABASE}"`)
  }
  process.env.DATABASE_URL = server.urlFor(DEFAULT_DATABASE)
  log(`Database: ${process.env.DATABASE_URL} (data in ${server.dataDir})`)
  return server
}

const runChild = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { env: process.env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })

const migrate = async () => {
  const code = await withMigrationLock(process.env.DATABASE_URL!, log, () => runChild(bin('payload'), ['migrate']))
  if (code !== 0) throw new Error(`payload migrate failed with exit code ${code}`)
}

const main = async () => {
  const [mode, ...rest] = process.argv.slice(2)
  process.env.PAYLOAD_DATA_DIR = dataRoot()
  let releaseLock = () => undefined as void
  let server: EmbeddedServer | null = null
  let exitCode = 0
  try {
    switch (mode) {
      case 'dev': {
        releaseLock = acquireDevLock()
        server = await prepareDatabase(true, { create: true })
        await migrate()
        exitCode = await runChild(bin('next'), ['dev', ...rest])
        break
      }
      case 'start': {
        if (!process.env.PAYLOAD_SECRET) {
          log('PAYLOAD_SECRET is not set: refusing to start in production without it.')
          process.exit(1)
        }
        server = await prepareDatabase(false)
        await migrate()
        await checkApiKeysReadable(process.env.DATABASE_URL!, process.env.PAYLOAD_SECRET, log)
        exitCode = await runChild(bin('tsx'), [path.join(projectRoot, 'src/platform/scripts/serve.ts'), ...rest])
        break
      }
      case 'exec': {
        const withMigrations = rest[0] === '--migrate'
        const afterFlags = withMigrations ? rest.slice(1) : rest
        const command = afterFlags[0] === '--' ? afterFlags.slice(1) : afterFlags
        if (!command.length && !withMigrations) throw new Error('usage: run.ts exec [--migrate] [-- COMMAND [ARGS...]]')
        server = await prepareDatabase(false)
        if (withMigrations) await migrate()
        // `npm run migrate`: the migrations (under the lock) and nothing else
        if (!command.length) break
        const [cmd, ...args] = command
        const local = bin(cmd!)
        exitCode = await runChild(fs.existsSync(local) ? local : cmd!, args)
        break
      }
      default:
        throw new Error(`unknown mode "${mode}" (dev, start, exec)`)
    }
  } catch (err) {
    log(err instanceof Error ? err.message : String(err))
    exitCode = 1
  } finally {
    releaseLock()
    if (server?.owned) {
      log('Stopping PostgreSQL...')
      await server.stop()
      log('PostgreSQL stopped.')
    }
  }
  process.exit(exitCode)
}

void main()
