import crypto from 'node:crypto'

import type { JobsConfig, PayloadRequest } from 'payload'

import { userIsSuperuser } from './roles'

/** The environment variable holding the secret a scheduler (cron) presents to work the queue. */
export const JOBS_RUN_SECRET_ENV = 'PAYLOAD_JOBS_RUN_SECRET'

/** `Authorization: Bearer <PAYLOAD_JOBS_RUN_SECRET>`, compared in constant time; never true while the secret is unset. */
const presentsRunSecret = (req: PayloadRequest): boolean => {
  const secret = process.env[JOBS_RUN_SECRET_ENV]
  if (!secret) return false
  const given = Buffer.from(req.headers.get('authorization') ?? '')
  const expected = Buffer.from(`Bearer ${secret}`)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/**
 * Who may work Payload's jobs queue on request. The in-process runner
 * (autoRun) and our own code queue and run jobs through the Local API, which
 * skips these checks; these decide GET /api/payload-jobs/run and
 * /handle-schedules, and Local API calls made with `overrideAccess: false`.
 */
export const jobsQueueAccess: NonNullable<JobsConfig['access']> = {
  // cancelling queued work (emails, feed fetches): superusers
  cancel: ({ req }) => userIsSuperuser(req),
  // queueing arbitrary tasks: superusers (the system queues its own work)
  queue: ({ req }) => userIsSuperuser(req),
  // running the queue and the schedules: superusers, or a scheduler with the run secret
  run: ({ req }) => userIsSuperuser(req) || presentsRunSecret(req),
}
