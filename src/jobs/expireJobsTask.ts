import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type TaskConfig } from 'payload'

import { SYSTEM_TRANSITION } from '../../hooks/jobs/enforceJobWorkflow'
import { startOfTodayUtc } from '../platform/clock'
import { execute } from '../platform/db/sql'

/**
 * Moves APPROVED jobs whose `expires` date has passed to EXPIRED. Runs on a
 * schedule; a second run finds nothing left to change.
 *
 * One job at a time, each in its own transaction: the row is locked and
 * checked again first, so a job withdrawn, extended or expired by another
 * run meanwhile is skipped rather than failing the whole run.
 */
export const expireJobsTask: TaskConfig<{ input: Record<string, never>; output: { expired: number } }> = {
  slug: 'expireJobs',
  handler: async ({ req }) => {
    const today = startOfTodayUtc()
    // overrideAccess: the system, not a user, expires jobs
    const { docs } = await req.payload.find({
      collection: 'jobs',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { status: true },
      sort: 'expires',
      where: { and: [{ status: { equals: 'APPROVED' } }, { expires: { less_than: today.toISOString() } }] },
    })
    let expired = 0
    const failures: string[] = []
    for (const { id } of docs) {
      const shouldCommit = await initTransaction(req)
      try {
        const [row] = await execute(req, sql`SELECT status, expires FROM jobs WHERE id = ${id} FOR UPDATE`)
        const stillDue = row?.status === 'APPROVED' && row.expires && new Date(row.expires as string) < today
        if (stillDue) {
          await req.payload.update({
            collection: 'jobs',
            context: { [SYSTEM_TRANSITION]: true },
            data: { status: 'EXPIRED' },
            id,
            overrideAccess: true,
            req,
          })
          expired += 1
        }
        if (shouldCommit) await commitTransaction(req)
      } catch (err) {
        await killTransaction(req)
        failures.push(`${String(id)}: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    if (failures.length) {
      throw new Error(`expired ${expired} job(s), could not expire ${failures.length}: ${failures.join('; ')}`)
    }
    return { output: { expired } }
  },
  inputSchema: [],
  retries: 2,
  // hourly, at a quarter past (seconds field first)
  schedule: [{ cron: '0 15 * * * *', queue: 'default' }],
}
