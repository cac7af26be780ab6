/**
 * `npm run seed`: creates the first superuser and the standard data.
 * Runs against DATABASE_URL, or the embedded server (started for the
 * command, or the one `npm run dev` is running).
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { seed } from './seed'

const payload = await getPayload({ config })
try {
  await seed(payload, (message) => process.stdout.write(`[seed] ${message}\n`))
} finally {
  await payload.destroy()
}
process.exit(0)
