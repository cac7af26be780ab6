/** Shared fixtures for the jobs tests (not a test file itself). */
import crypto from 'node:crypto'

import { adminSave as adminSaveOf, asRequestUser, json, type Json, query } from '../helpers/assertions'
import type { Auth, TestContext, TestUser } from '../helpers/harness'

export { errorPaths, json, messages, query, unique } from '../helpers/assertions'
export type { Json }

export const TEAM_EMAIL = 'jobs-team@example.org'

export const STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'REJECTED', 'ARCHIVED', 'EXPIRED'] as const
export type Status = (typeof STATUSES)[number]

export const DAY_MS = 24 * 60 * 60 * 1000

/** A valid job as a poster would send it; every call gets its own title and contact. */
export const jobBody = (overrides: Json = {}): Json => {
  const tag = crypto.randomBytes(3).toString('hex')
  return {
    companyName: `Acme ${tag}`,
    country: 'Netherlands',
    description: `We build web services in Python. Ref ${tag}.`,
    email: `hr-${tag}@example.org`,
    jobTitle: `Python developer ${tag}`,
    ...overrides,
  }
}

/** The jobs row as stored, or undefined. */
export const jobRow = async (t: TestContext, id: string) =>
  (await query(t, 'SELECT * FROM jobs WHERE id = $1', [id])).rows[0] as Json | undefined

/** Everything the jobs domain stores about one job, to check that a refused write wrote nothing. */
export const snapshot = async (t: TestContext, id: string) => {
  const [job, rels, comments, logs] = await Promise.all([
    query(t, 'SELECT * FROM jobs WHERE id = $1', [id]),
    query(t, 'SELECT * FROM jobs_rels WHERE parent_id = $1 ORDER BY id', [id]),
    query(t, 'SELECT * FROM job_review_comments WHERE job_id = $1 ORDER BY id', [id]),
    query(t, `SELECT * FROM email_logs WHERE context->>'jobId' = $1 ORDER BY id`, [id]),
  ])
  return JSON.stringify({ comments: comments.rows, job: job.rows, logs: logs.rows, rels: rels.rows })
}

/** Fixture shortcut: put a job straight into a status (and expiry), as the system would. */
export const setStatus = async (t: TestContext, id: string, status: Status, expires: Date | null = null) => {
  await query(t, 'UPDATE jobs SET status = $2, expires = $3 WHERE id = $1', [id, status, expires])
}

/** A job created by `owner` through REST (so `creator` is the owner). */
export const createJob = async (t: TestContext, owner: TestUser, overrides: Json = {}): Promise<Json> => {
  const response = await t.api('POST', 'jobs', { auth: owner, body: jobBody(overrides) })
  const body = await json(response)
  if (response.status !== 201) throw new Error(`creating a job failed: ${response.status} ${JSON.stringify(body)}`)
  return body.doc as Json
}

/** A job of `owner` in `status` (created as a draft, then moved there by fixture SQL). */
export const jobIn = async (
  t: TestContext,
  owner: TestUser,
  status: Status,
  overrides: Json = {},
  expires: Date | null = null,
): Promise<Json> => {
  const job = await createJob(t, owner, overrides)
  if (status !== 'DRAFT' || expires) await setStatus(t, String(job.id), status, expires)
  return { ...job, expires: expires?.toISOString() ?? null, status }
}

/** The email-logs rows about one job, oldest first. */
export const jobEmailLogs = async (t: TestContext, jobId: string) =>
  (await query(t, `SELECT * FROM email_logs WHERE context->>'jobId' = $1 ORDER BY created_at, id`, [jobId]))
    .rows as Json[]

/** Cancels the email jobs left in the queue, so one test's mail never reaches the next test's sink. */
export const cancelQueuedEmails = async (t: TestContext) => {
  await t.payload.jobs.cancel({ where: { taskSlug: { equals: 'sendEmail' } } })
}

/** Today's date (UTC) plus `days`, as YYYY-MM-DD. */
export const utcDay = (date: Date | string) => new Date(date).toISOString().slice(0, 10)

/** The full users row, as `req.user` carries it, for Local API calls with `user`. */
export const userDoc = asRequestUser

/** The admin panel's whole-form save of a job. */
export const adminSave = (t: TestContext, auth: Auth, id: string, changes: Json) =>
  adminSaveOf(t, auth, 'jobs', id, changes, { omit: ['reviewComments'] })
