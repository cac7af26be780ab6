import type { TaskConfig } from 'payload'

import { SYSTEM_TRANSITION } from '../../hooks/jobs/enforceJobWorkflow'

/**
 * Moves APPROVED jobs whose `expires` date has passed to EXPIRED. Runs on a
 * schedule; a second run finds nothing left to change.
 */
export const expireJobsTask: TaskConfig<{ input: Record<string, never>; output: { expired: number } }> = {
  slug: 'expireJobs',
  handler: async ({ req }) => {
    const now = new Date()
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
    // overrideAccess: the system, not a user, expires jobs
    const result = await req.payload.update({
      collection: 'jobs',
      context: { [SYSTEM_TRANSITION]: true },
      data: { status: 'EXPIRED' },
      overrideAccess: true,
      req,
      where: { and: [{ status: { equals: 'APPROVED' } }, { expires: { less_than: today.toISOString() } }] },
    })
    if (result.errors.length) {
      throw new Error(`could not expire ${result.errors.length} job(s): ${result.errors.map((e) => e.message).join('; ')}`)
    }
    return { output: { expired: result.docs.length } }
  },
  inputSchema: [],
  retries: 2,
  schedule: [{ cron: '0 15 * * * *', queue: 'default' }],
}
