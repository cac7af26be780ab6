import type { Payload } from 'payload'

import { now } from '../src/platform/clock'
import { type Counts, type SeedLog, type SeedRun, Tally } from './context'
import { type Progress, silentProgress } from './progress'
import { type ResetSummary, resetSeededRows } from './reset'
import { seedScaled } from './scale'
import { seedBlogs } from './steps/blogs'
import { seedContent } from './steps/content'
import { seedDownloads, seedOperatingSystemsOnly } from './steps/downloads'
import { seedElections } from './steps/elections'
import { seedEvents } from './steps/events'
import { seedJobs } from './steps/jobs'
import { seedMailing } from './steps/mailing'
import { seedPages } from './steps/pages'
import { seedSponsors } from './steps/sponsors'
import { seedSuperuserOnly, seedUsers } from './steps/users'

export type { SeedLog } from './context'

export type SeedOptions = {
  /** messages worth a line of their own (the superuser's generated password) */
  log?: SeedLog
  /** progress bars or lines; silent by default */
  progress?: Progress
  /** delete what earlier runs seeded (and only that) before seeding */
  reset?: boolean
  /** multiply the volume of the scalable collections (default 1) */
  scale?: number
}

export type SeedResult = {
  createdSuperuser: boolean
  generatedPassword?: string
  /** what `--reset` deleted (and kept, because other data points at it), per collection */
  reset?: ResetSummary
  scale: number
  seconds: number
  /** rows created and rows found already there, per collection */
  summary: Record<string, Counts>
}

/** The largest --scale: a thousand copies is far beyond any benchmark this seed is for. */
export const MAX_SCALE = 1000

/**
 * `npm run seed`: a realistic, internally consistent site, every domain
 * filled through its own workflows (docs/operations.md, "Seed data").
 * Safe to run any number of times: a row the seed recorded, or one already
 * there under the same natural key, is skipped; nothing else is touched.
 */
export const seed = async (payload: Payload, options: SeedLog | SeedOptions = {}): Promise<SeedResult> => {
  const {
    log = (message: string) => payload.logger.info(message),
    progress = silentProgress,
    reset = false,
    scale = 1,
  } = typeof options === 'function' ? { log: options } : options
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) {
    throw new Error(`scale must be a whole number from 1 to ${MAX_SCALE}, not ${String(scale)}`)
  }
  const started = Date.now()
  const run: SeedRun = { actors: new Map(), log, now: now(), payload, progress, scale, tally: new Tally() }

  const resetSummary = reset ? await resetSeededRows(payload, progress) : undefined
  const superuser = await seedUsers(run)
  await seedMailing(run)
  await seedPages(run)
  await seedDownloads(run)
  await seedBlogs(run)
  await seedJobs(run)
  await seedEvents(run)
  await seedSponsors(run)
  await seedElections(run)
  await seedContent(run)
  if (scale > 1) await seedScaled(run)

  return {
    createdSuperuser: superuser.createdSuperuser,
    generatedPassword: superuser.generatedPassword,
    reset: resetSummary,
    scale,
    seconds: (Date.now() - started) / 1000,
    summary: run.tally.toJSON(),
  }
}

/**
 * What every installation needs and nothing else: the first superuser, the
 * email templates the code sends and python.org's operating systems (a
 * real site runs this part of the seed only; tests that need a superuser
 * and the templates too).
 */
export const seedEssentials = async (
  payload: Payload,
  log: SeedLog = (message) => payload.logger.info(message),
): Promise<SeedResult> => {
  const started = Date.now()
  const run: SeedRun = {
    actors: new Map(),
    log,
    now: now(),
    payload,
    progress: silentProgress,
    scale: 1,
    tally: new Tally(),
  }
  const superuser = await seedSuperuserOnly(run)
  await seedMailing(run, { history: false })
  await seedOperatingSystemsOnly(run)
  return {
    createdSuperuser: superuser.createdSuperuser,
    generatedPassword: superuser.generatedPassword,
    scale: 1,
    seconds: (Date.now() - started) / 1000,
    summary: run.tally.toJSON(),
  }
}
