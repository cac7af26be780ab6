/**
 * `npm run seed [-- --scale N] [-- --reset]`: a realistic demo site, every
 * domain filled (docs/operations.md, "Seed data"). Runs against
 * DATABASE_URL, or the embedded server (started for the command, or the
 * one `npm run dev` is running).
 *
 *   --scale N   N times the volume of releases, files, download statistics,
 *               jobs, events, blog entries and pages (benchmarks)
 *   --reset     first delete what earlier runs seeded, and only that
 *   --essentials  only the first superuser, the email templates and the
 *               operating systems (a real site's first run)
 */
import '../src/platform/scripts/holdOpen'
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import config from '../payload.config'
import { createProgress } from './progress'
import { MAX_SCALE, seed, seedEssentials } from './seed'
import { formatSummary } from './summary'

const usage = `usage: npm run seed [-- --scale N] [--reset] [--essentials]\n`

let options: { essentials: boolean; reset: boolean; scale: number }
try {
  const { values } = parseArgs({
    options: {
      essentials: { default: false, type: 'boolean' },
      help: { default: false, type: 'boolean' },
      reset: { default: false, type: 'boolean' },
      scale: { default: '1', type: 'string' },
    },
  })
  if (values.help) {
    process.stdout.write(usage)
    process.exit(0)
  }
  const scale = Number(values.scale)
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new Error(`--scale must be a whole number from 1 to ${MAX_SCALE}, not "${values.scale}"`)
  }
  if (values.essentials && (values.reset || scale !== 1))
    throw new Error('--essentials takes neither --reset nor --scale')
  options = { essentials: values.essentials, reset: values.reset, scale }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}

const progress = createProgress()
const payload = await getPayload({ config })
let failed = false
try {
  const result = options.essentials
    ? await seedEssentials(payload, progress.line)
    : await seed(payload, { log: progress.line, progress, reset: options.reset, scale: options.scale })
  for (const line of formatSummary(result)) progress.line(line)
} catch (error) {
  failed = true
  process.stderr.write(`[seed] failed: ${(error as Error).stack ?? String(error)}\n`)
} finally {
  await payload.destroy()
}
process.exit(failed ? 1 : 0)
