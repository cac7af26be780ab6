/**
 * Entry point of the npm scripts that need a database.
 *
 *   run.ts dev            embedded PostgreSQL (unless DATABASE_URL), migrations, `next dev`
 *   run.ts start          migrations, then the production server (src/platform/server.ts,
 *                         Next.js's handler; takes `next start`'s -p and -H) and, beside
 *                         it, the jobs queue worker (scripts/worker.ts)
 *   run.ts exec [--migrate] [-- CMD]
 *                         CMD with DATABASE_URL pointing at the project's database
 *                         (after applying migrations with --migrate; alone, just those)
 *
 * With DATABASE_URL set nothing is started. Without it, a server already
 * running on the data directory (a `npm run dev` in another terminal) is used.
 *
 * SIGTERM and SIGINT are forwarded to the children, which finish what they
 * are doing (Next.js its in-flight requests, the worker its running jobs);
 * whatever still runs SHUTDOWN_TIMEOUT_MS later (plus a margin for the
 * children's own deadline) is killed. npm runs this file with `exec` so that
 * a SIGTERM sent to npm alone reaches it (a `sh -c` in between would die
 * without passing it on, leaving the server running).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DEFAULT_DATABASE } from '../db/databaseUrl'
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from '../db/embeddedPostgres'
import { dataRoot, projectRoot } from '../paths'
import { checkApiKeysReadable, checkDatabase, refuseEmbeddedInProduction, withMigrationLock } from '../startup'
import { SHUTDOWN_KILL_MARGIN_MS, shutdownTimeoutMs, signalExitCode } from '../shutdown'

// Lexical's Node entry points choose their build with a top-level await, and in Node 20 a module graph
// holding several of those now and then never settles: the import of the config never finishes (the
// process exits 13, or 0 from a dynamic import) and a migration, the worker or a command silently
// does not run. The `production` export condition resolves them to the build itself. Every process
// started from here inherits it.
if (!/--conditions[= ]production/.test(process.env.NODE_OPTIONS ?? '')) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--conditions=production'].filter(Boolean).join(' ')
}

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

// --- children and signals ------------------------------------------------------

type Stop = { forced: boolean; reason: 'child-exited' | NodeJS.Signals }

const children = new Set<ChildProcess>()
let stop: null | Stop = null
let deadline: NodeJS.Timeout | undefined

/** Asks every child to stop (once), and kills what is still running after the deadline. */
const stopChildren = (reason: Stop['reason']) => {
  if (stop) return
  stop = { forced: false, reason }
  if (!children.size) return
  const signal = reason === 'child-exited' ? 'SIGTERM' : reason
  for (const child of children) child.kill(signal)
  // the children keep their own deadline (SHUTDOWN_TIMEOUT_MS); this one is the backstop
  deadline = setTimeout(() => {
    if (!children.size) return
    const waited = shutdownTimeoutMs() + SHUTDOWN_KILL_MARGIN_MS
    log(`Still running ${waited} ms after ${signal}: killing ${children.size} process(es).`)
    stop!.forced = true
    for (const child of children) child.kill('SIGKILL')
  }, shutdownTimeoutMs() + SHUTDOWN_KILL_MARGIN_MS)
}

// npm, a supervisor or a terminal may send the same signal more than once
// (to npm and to the whole process group): the first one counts
process.on('SIGTERM', () => stopChildren('SIGTERM'))
process.on('SIGINT', () => stopChildren('SIGINT'))

const exitCodeOf = (code: null | number, signal: NodeJS.Signals | null) =>
  code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 0)

const runChild = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<number>((resolve) => {
    // stopping before this step began: do not start it
    if (stop) return resolve(stop.reason === 'child-exited' ? 1 : signalExitCode(stop.reason))
    const child = spawn(command, args, { env, stdio: 'inherit' })
    children.add(child)
    child.on('exit', (code, signal) => {
      children.delete(child)
      if (!children.size) clearTimeout(deadline)
      resolve(exitCodeOf(code, signal))
    })
  })

/**
 * Runs processes that make up one service (the web server and the queue
 * worker): when one exits the others are stopped, since a server without its
 * worker (or the reverse) is not the service. Exit code: 128 + the signal
 * when stopped by one and every process stopped cleanly in time, otherwise
 * 1 (or the exit code of the process that stopped on its own).
 */
const runTogether = async (processes: { args: string[]; command: string; env?: NodeJS.ProcessEnv }[]) => {
  const runs = processes.map(({ args, command, env }) => runChild(command, args, env))
  const first = await Promise.race(runs)
  stopChildren('child-exited')
  const codes = await Promise.all(runs)
  const { forced, reason } = stop!
  // a command that ends by itself gives its own exit code; a service that does has failed
  if (reason === 'child-exited') return processes.length === 1 ? first : first || 1
  const clean = new Set([0, signalExitCode(reason)])
  return !forced && codes.every((code) => clean.has(code)) ? signalExitCode(reason) : 1
}

const migrate = async () => {
  const code = await withMigrationLock(process.env.DATABASE_URL!, log, () =>
    runChild(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/platform/scripts/migrate.ts')]),
  )
  if (stop) throw new Error('Stopped before the migrations completed.')
  if (code !== 0) throw new Error(`the migrations failed (exit code ${code})`)
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
        exitCode = await runTogether([{ args: ['dev', ...rest], command: bin('next') }])
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
        // the web server never works the queue: the worker does, from startup,
        // unless this instance is told not to (PAYLOAD_JOBS_AUTORUN=false)
        const web = {
          args: ['--import', 'tsx', path.join(projectRoot, 'src/platform/scripts/serve.ts'), ...rest],
          command: process.execPath,
          env: { ...process.env, PAYLOAD_JOBS_AUTORUN: 'false' },
        }
        const worker = {
          args: ['--import', 'tsx', path.join(projectRoot, 'src/platform/scripts/worker.ts')],
          command: process.execPath,
        }
        exitCode = await runTogether(process.env.PAYLOAD_JOBS_AUTORUN === 'false' ? [web] : [web, worker])
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
        exitCode = await runTogether([{ args, command: fs.existsSync(local) ? local : cmd! }])
        break
      }
      default:
        throw new Error(`unknown mode "${mode}" (dev, start, exec)`)
    }
  } catch (err) {
    log(err instanceof Error ? err.message : String(err))
    exitCode = stop && stop.reason !== 'child-exited' ? signalExitCode(stop.reason) : 1
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
