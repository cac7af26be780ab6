import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { EmailLogs } from './collections/mailing/EmailLogs'
import { EmailTemplates } from './collections/mailing/EmailTemplates'
import { Memberships } from './collections/users/Memberships'
import { UserGroups } from './collections/users/UserGroups'
import { Users } from './collections/users/Users'
import { rejectInactiveUsers } from './src/auth/rejectInactiveUsers'
import { resolveDatabaseUrl } from './src/db/databaseUrl'
import { healthEndpoint } from './src/endpoints/health'
import { sendEmailTask } from './src/mailing/sendEmailTask'
import { emailAdapter } from './src/mailing/transport'
import { resolvePayloadSecret } from './src/secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  admin: {
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' - python.org' },
    user: Users.slug,
  },
  collections: [
    // users
    Users,
    Memberships,
    UserGroups,
    // mailing
    EmailTemplates,
    EmailLogs,
  ],
  db: postgresAdapter({
    idType: 'uuid',
    migrationDir: process.env.PAYLOAD_MIGRATION_DIR ?? path.resolve(dirname, 'migrations'),
    pool: { connectionString: resolveDatabaseUrl(), max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
    // the schema comes from committed migrations only, in development too
    push: false,
  }),
  defaultDepth: 1,
  email: emailAdapter(),
  endpoints: [healthEndpoint],
  graphQL: { disablePlaygroundInProduction: true, schemaOutputFile: path.resolve(dirname, 'schema.graphql') },
  jobs: {
    // `npm start` / `npm run dev` work the queue in-process; tests run it by hand
    autoRun:
      process.env.PAYLOAD_JOBS_AUTORUN === 'false' || process.env.NODE_ENV === 'test'
        ? undefined
        : [{ cron: '*/10 * * * * *', limit: 50, queue: 'default' }],
    tasks: [sendEmailTask],
  },
  maxDepth: 4,
  onInit: rejectInactiveUsers,
  secret: resolvePayloadSecret(),
  sharp,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
