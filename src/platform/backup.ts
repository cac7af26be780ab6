import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import * as tar from 'tar'

import { clientOptions } from './db/settings'
import { uploadsRoot } from './uploads'

/**
 * `npm run backup` / `npm run restore`: one .tar.gz with the database, the
 * uploaded files and PAYLOAD_SECRET.
 *
 * Why not pg_dump: the embedded PostgreSQL package ships no pg_dump, and an
 * older system pg_dump refuses a newer server. The schema does not need
 * dumping anyway: it comes only from the committed migrations. So the backup
 * records WHICH migrations had run and the rows of every table, in
 * PostgreSQL's own COPY text format (lossless for every column type),
 * streamed with pg-copy-streams over an ordinary connection, from one
 * REPEATABLE READ snapshot, so the tables agree with each other. A restore
 * applies exactly those migrations to an empty database (with the code that
 * has them), then COPYs the rows back in one transaction. This works the
 * same against the embedded server and any PostgreSQL 12+, from anywhere
 * the app itself can connect.
 *
 * Layout of the archive (one top folder, named after the file):
 *   manifest.json        format, time, migrations, tables (columns, rows), sequences
 *   database/<table>.copy
 *   uploads/<collection>/<file>
 *   secret               PAYLOAD_SECRET: API keys and sessions only work with it
 */

export const BACKUP_FORMAT = 'pythondotorg-backup'
const FORMAT_VERSION = 1

type TableEntry = { columns: string[]; name: string; rows: number }
type SequenceEntry = { isCalled: boolean; name: string; value: string }

export type Manifest = {
  createdAt: string
  format: typeof BACKUP_FORMAT
  migrations: string[]
  sequences: SequenceEntry[]
  tables: TableEntry[]
  uploads: { files: number }
  version: number
}

export type Log = (line: string) => void

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

const countFiles = (dir: string): number =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .reduce((sum, entry) => sum + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0)
    : 0

const connect = async (databaseUrl: string) => {
  const client = new pg.Client(clientOptions(databaseUrl))
  await client.connect()
  return client
}

const publicTables = async (client: pg.Client): Promise<{ columns: string[]; name: string }[]> => {
  const { rows } = await client.query<{ columns: string[]; name: string }>(`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
    group by c.relname
    order by c.relname`)
  return rows
}

/** Writes the backup archive to `file`; returns its manifest. */
export const createBackup = async ({
  databaseUrl,
  file,
  log,
  secret,
}: {
  databaseUrl: string
  file: string
  log: Log
  secret: string
}): Promise<Manifest> => {
  const folder = path.basename(file).replace(/\.tar\.gz$|\.tgz$/, '')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // staged beside the archive: same filesystem, and never a half-written archive
  const staging = fs.mkdtempSync(path.join(path.dirname(file), '.backup-'))
  const root = path.join(staging, folder)
  fs.mkdirSync(path.join(root, 'database'), { recursive: true })
  try {
    const client = await connect(databaseUrl)
    let manifest: Manifest
    try {
      await client.query('begin isolation level repeatable read read only')
      const migrationsTable = await client.query(`select to_regclass('public.payload_migrations') as t`)
      if (!migrationsTable.rows[0]?.t) throw new Error('The database has no migrations applied: nothing to back up.')
      const migrations = (await client.query<{ name: string }>('select name from payload_migrations order by name')).rows
      const tables: TableEntry[] = []
      for (const table of await publicTables(client)) {
        const stream = client.query(
          copyStreams.to(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) TO STDOUT`),
        )
        await pipeline(stream, fs.createWriteStream(path.join(root, 'database', `${table.name}.copy`)))
        tables.push({ ...table, rows: stream.rowCount })
      }
      const sequences: SequenceEntry[] = []
      const names = await client.query<{ name: string }>(
        `select sequencename as name from pg_sequences where schemaname = 'public' order by 1`,
      )
      for (const { name } of names.rows) {
        const { rows } = await client.query<{ is_called: boolean; last_value: string }>(
          `select last_value::text, is_called from ${ident(name)}`,
        )
        sequences.push({ isCalled: rows[0]!.is_called, name, value: rows[0]!.last_value })
      }
      await client.query('commit')
      manifest = {
        createdAt: new Date().toISOString(),
        format: BACKUP_FORMAT,
        migrations: migrations.map((row) => row.name),
        sequences,
        tables,
        uploads: { files: 0 },
        version: FORMAT_VERSION,
      }
    } finally {
      await client.end().catch(() => undefined)
    }

    // files come after the snapshot: one uploaded meanwhile is extra, never missing from a row
    if (fs.existsSync(uploadsRoot())) fs.cpSync(uploadsRoot(), path.join(root, 'uploads'), { recursive: true })
    manifest.uploads.files = countFiles(path.join(root, 'uploads'))
    fs.writeFileSync(path.join(root, 'secret'), `${secret}\n`, { mode: 0o600 })
    fs.writeFileSync(path.join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)

    const partial = `${file}.partial`
    await tar.create({ cwd: staging, file: partial, gzip: true, portable: true }, [folder])
    fs.chmodSync(partial, 0o600)
    fs.renameSync(partial, file)
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0)
    log(`Backed up ${manifest.tables.length} tables (${rows} rows), ${manifest.uploads.files} uploaded files and the secret to ${file}`)
    log('The archive contains PAYLOAD_SECRET: store it like a password, and off this machine.')
    return manifest
  } finally {
    fs.rmSync(staging, { force: true, recursive: true })
  }
}

export type Extracted = { cleanup: () => void; manifest: Manifest; root: string; secret: string }

/** Unpacks an archive into a folder beside `workDir` and reads its manifest. */
export const openBackup = async (file: string, workDir: string): Promise<Extracted> => {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`)
  fs.mkdirSync(workDir, { recursive: true })
  const staging = fs.mkdtempSync(path.join(workDir, '.restore-'))
  const cleanup = () => fs.rmSync(staging, { force: true, recursive: true })
  try {
    await tar.extract({ cwd: staging, file })
    const [folder, ...others] = fs.readdirSync(staging)
    const root = path.join(staging, folder ?? '')
    const manifestFile = path.join(root, 'manifest.json')
    if (!folder || others.length || !fs.existsSync(manifestFile)) throw new Error(`${file} is not a backup of this project`)
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest
    if (manifest.format !== BACKUP_FORMAT || manifest.version !== FORMAT_VERSION) {
      throw new Error(`${file} is not a backup this version can restore (format ${manifest.format} ${manifest.version})`)
    }
    const secret = fs.readFileSync(path.join(root, 'secret'), 'utf8').trim()
    return { cleanup, manifest, root, secret }
  } catch (err) {
    cleanup()
    throw err
  }
}

/** True when the database has no tables of its own yet. */
export const databaseIsEmpty = async (databaseUrl: string): Promise<boolean> => {
  const client = await connect(databaseUrl)
  try {
    const { rows } = await client.query(
      `select 1 from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v', 'm', 'S') limit 1`,
    )
    return rows.length === 0
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Drops everything in the public schema (restore --replace). */
export const emptyDatabase = async (databaseUrl: string): Promise<void> => {
  const client = await connect(databaseUrl)
  try {
    await client.query('drop schema public cascade; create schema public')
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Loads the rows of an opened backup into a database that has exactly the
 * backup's migrations applied: one transaction; foreign keys are dropped
 * while the tables fill (in any order) and added back after, which checks
 * every row against them.
 */
export const loadRows = async (databaseUrl: string, { manifest, root }: Extracted, log: Log): Promise<void> => {
  const client = await connect(databaseUrl)
  try {
    await client.query('begin')
    const present = new Set((await publicTables(client)).map((table) => table.name))
    const missing = manifest.tables.filter((table) => !present.has(table.name)).map((table) => table.name)
    if (missing.length) throw new Error(`The migrated database lacks tables of the backup: ${missing.join(', ')}`)
    const { rows: foreignKeys } = await client.query<{ definition: string; name: string; table: string }>(`
      select conrelid::regclass::text as "table", conname as name, pg_get_constraintdef(oid) as definition
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`)
    for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${ident(fk.name)}`)
    // rows the migrations wrote (their own bookkeeping) give way to the backup's
    await client.query(`truncate ${manifest.tables.map((table) => ident(table.name)).join(', ')}`)
    for (const table of manifest.tables) {
      const stream = client.query(
        copyStreams.from(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`),
      )
      await pipeline(fs.createReadStream(path.join(root, 'database', `${table.name}.copy`)), stream)
      if (stream.rowCount !== table.rows) {
        throw new Error(`${table.name}: restored ${stream.rowCount} rows, the backup has ${table.rows}`)
      }
    }
    for (const sequence of manifest.sequences) {
      await client.query(`select setval($1::regclass, $2::bigint, $3)`, [ident(sequence.name), sequence.value, sequence.isCalled])
    }
    for (const fk of foreignKeys) {
      await client.query(`alter table ${fk.table} add constraint ${ident(fk.name)} ${fk.definition}`)
    }
    await client.query('commit')
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0)
    log(`Restored ${manifest.tables.length} tables (${rows} rows).`)
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Puts the backup's uploaded files in place (the uploads folder must be empty or replaced). */
export const restoreUploads = ({ manifest, root }: Extracted, log: Log): void => {
  const from = path.join(root, 'uploads')
  fs.rmSync(uploadsRoot(), { force: true, recursive: true })
  if (fs.existsSync(from)) fs.cpSync(from, uploadsRoot(), { recursive: true })
  log(`Restored ${manifest.uploads.files} uploaded files to ${uploadsRoot()}.`)
}
