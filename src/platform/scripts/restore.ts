/**
 * `npm run restore -- FILE [--replace]`: puts a backup of `npm run backup`
 * into the database of DATABASE_URL (or the embedded one) and the uploads
 * folder (see src/platform/backup.ts).
 *
 * The database must be empty (a new `createdb`), unless --replace: then
 * everything in it, and every uploaded file, is replaced by the backup.
 * PAYLOAD_SECRET, when set, must be the backup's; when not set (development)
 * the backup's secret becomes the data folder's.
 */
import './holdOpen'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { databaseIsEmpty, emptyDatabase, loadRows, openBackup, restoreUploads } from '../backup'
import { resolveDatabaseUrl } from '../db/databaseUrl'
import { dataRoot, projectRoot } from '../paths'
import { uploadsRoot } from '../uploads'

// the migrations and the COPY of whole tables get the long (migration) statement timeout
process.env.PAYLOAD_MIGRATING = 'true'

const log = (line: string) => process.stdout.write(`[restore] ${line}\n`)

const refuse = (message: string): never => {
  throw new Error(message)
}

const main = async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { replace: { type: 'boolean' } },
  })
  if (positionals.length !== 1) refuse('usage: npm run restore -- BACKUP_FILE [--replace]')
  const file = path.resolve(positionals[0]!)
  const databaseUrl = resolveDatabaseUrl()
  const opened = await openBackup(file, dataRoot())
  try {
    const { manifest } = opened
    log(`Backup of ${manifest.createdAt}: ${manifest.tables.length} tables, ${manifest.uploads.files} files.`)

    // everything is checked before anything is changed
    const fromEnv = process.env.PAYLOAD_SECRET
    if (fromEnv && fromEnv !== opened.secret) {
      refuse(
        'PAYLOAD_SECRET is not the secret of this backup: its API keys and sessions would not work. ' +
          `Run the restore (and then the site) with the backup's secret, which is in the archive: ` +
          `tar -xzOf ${file} --wildcards '*/secret'`,
      )
    }
    const migrationDir = process.env.PAYLOAD_MIGRATION_DIR ?? path.join(projectRoot, 'migrations')
    const known = new Set(fs.readdirSync(migrationDir).map((name) => name.replace(/\.(ts|js)$/, '')))
    const unknown = manifest.migrations.filter((name) => !known.has(name))
    if (unknown.length) {
      refuse(
        `The backup needs migrations this code does not have (${unknown.join(', ')}): restore with a newer version.`,
      )
    }
    const uploadsInUse = fs.existsSync(uploadsRoot()) && fs.readdirSync(uploadsRoot()).length > 0
    if (!values.replace && (!(await databaseIsEmpty(databaseUrl)) || uploadsInUse)) {
      refuse(
        `The database or ${uploadsRoot()} is not empty. Restore into a new database (createdb), ` +
          'or add --replace to replace everything in them with the backup.',
      )
    }

    if (!fromEnv) {
      const secretFile = path.join(dataRoot(), 'payload-secret')
      fs.mkdirSync(dataRoot(), { recursive: true })
      fs.writeFileSync(secretFile, opened.secret, { mode: 0o600 })
      log(`The backup's secret is now the development secret (${secretFile}).`)
    }
    process.env.PAYLOAD_SECRET = opened.secret
    if (values.replace) await emptyDatabase(databaseUrl)

    // the schema: exactly the migrations the backup was taken at, through Payload
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../../payload.config')
    const { committedMigrations } = await import('../db/committedMigrations')
    const payload = await getPayload({ config, disableOnInit: true })
    try {
      await payload.db.migrate({
        migrations: committedMigrations.filter((migration) => manifest.migrations.includes(migration.name)),
      })
    } finally {
      await payload.destroy()
    }

    await loadRows(databaseUrl, opened, log)
    restoreUploads(opened, log)
    log('Done. `npm start` (or `npm run dev`) applies any newer migrations of this code.')
  } finally {
    opened.cleanup()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`Restore failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
