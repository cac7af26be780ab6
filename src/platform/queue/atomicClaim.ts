import { sql } from '@payloadcms/db-postgres'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Job, Payload, UpdateJobsArgs } from 'payload'

type SQL = ReturnType<typeof sql>
type Drizzle = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }
type DrizzleAdapter = BaseDatabaseAdapter & {
  drizzle: Drizzle
  payload: Payload
  sessions?: Record<string, { db: Drizzle }>
  tableNameMap: Map<string, string>
}

/**
 * Why this module exists: Payload 3.90's queue runner claims work by marking
 * jobs `processing: true`, and its PostgreSQL adapter does that as a SELECT of
 * the runnable jobs followed by one UPDATE per job. Two instances polling at
 * the same moment both read the same jobs as free and both run them: every
 * email went out twice, and the loser's log writes failed on the foreign key
 * of `payload_jobs_log` once the winner had deleted the finished job.
 *
 * The claim (and only the claim: `updateJobs` called with nothing but
 * `processing: true`) becomes one conditional UPDATE: a job is claimed by
 * whoever flips `processing` from false, and rows another claimer holds are
 * skipped (`FOR UPDATE SKIP LOCKED`), so each job is handed to exactly one
 * runner. Every other job update goes to Payload's own code. (Payload's
 * later releases claim the same way; drop this when upgrading to one.)
 *
 * A claim outlives its runner only when an instance dies mid-job (killed, or
 * stopped past its shutdown deadline): such a job would stay `processing`
 * forever. A poll first releases claims untouched for JOBS_STALE_AFTER_MINUTES
 * (default 30, far longer than any of our tasks may take), so the job runs again.
 */
const isClaim = (data: Record<string, unknown>) =>
  data.processing === true && Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt')

const drizzleFor = async (adapter: DrizzleAdapter, req: UpdateJobsArgs['req']): Promise<Drizzle> => {
  if (!req?.transactionID) return adapter.drizzle
  return adapter.sessions?.[String(await req.transactionID)]?.db ?? adapter.drizzle
}

const staleAfterMinutes = () => {
  const minutes = Number(process.env.JOBS_STALE_AFTER_MINUTES ?? 30)
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 30
}

type Table = ReturnType<typeof sql.identifier>

const releaseAbandonedClaims = async (adapter: DrizzleAdapter, db: Drizzle, table: Table) => {
  const { rows } = await db.execute(sql`
    UPDATE ${table} SET processing = false
    WHERE processing AND completed_at IS NULL AND updated_at < now() - make_interval(mins => ${staleAfterMinutes()})
    RETURNING id`)
  if (rows.length) {
    adapter.payload.logger.warn({
      jobs: rows.map((row) => String(row.id)),
      msg: `Released ${rows.length} job(s) claimed over ${staleAfterMinutes()} minutes ago by an instance that stopped`,
    })
  }
}

const claimJobs = async (adapter: DrizzleAdapter, args: UpdateJobsArgs): Promise<Job[]> => {
  const { req } = args
  const table = sql.identifier(adapter.tableNameMap.get('payload_jobs') ?? 'payload_jobs')
  const db = await drizzleFor(adapter, req)
  if (args.id === undefined) await releaseAbandonedClaims(adapter, db, table)
  // the candidates, found with Payload's own query (its where, sort and limit)
  const candidates =
    args.id !== undefined
      ? [String(args.id)]
      : (
          await adapter.find({
            collection: 'payload-jobs',
            limit: args.limit,
            pagination: false,
            req,
            select: { id: true },
            sort: args.sort,
            where: args.where,
          })
        ).docs.map((doc) => String(doc.id))
  if (!candidates.length) return []
  const updatedAt = String(args.data.updatedAt ?? new Date().toISOString())
  // runByID may run a finished or failed job on purpose; a poll never does,
  // and a job cancelled since the candidates were read is no longer runnable
  const stillRunnable = args.id !== undefined ? sql`` : sql` AND completed_at IS NULL AND has_error IS NOT TRUE`
  const { rows } = await db.execute(sql`
    UPDATE ${table} SET processing = true, updated_at = ${updatedAt}
    WHERE id IN (
      SELECT id FROM ${table}
      WHERE id IN (${sql.join(
        candidates.map((id) => sql`${id}`),
        sql`, `,
      )}) AND processing IS NOT TRUE${stillRunnable}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`)
  if (!rows.length) return []
  // the claimed jobs, whole (with their task log), in the runner's order
  const { docs } = await adapter.find({
    collection: 'payload-jobs',
    limit: 0,
    pagination: false,
    req,
    sort: args.sort,
    where: { id: { in: rows.map((row) => String(row.id)) } },
  })
  return docs as unknown as Job[]
}

/** Wraps the PostgreSQL adapter so that every instance it creates claims jobs atomically. */
export const withAtomicJobClaim = <T extends DatabaseAdapterObj>(result: T): T => ({
  ...result,
  init: (args: { payload: Payload }) => {
    const adapter = result.init(args) as DrizzleAdapter
    // the claim goes through the adapter only while jobs.runHooks and jobs.depth are off
    if (args.payload.config.jobs?.runHooks || args.payload.config.jobs?.depth) {
      throw new Error('withAtomicJobClaim needs jobs.runHooks and jobs.depth unset')
    }
    const original = adapter.updateJobs.bind(adapter)
    adapter.updateJobs = async (updateArgs) =>
      isClaim(updateArgs.data) ? claimJobs(adapter, updateArgs) : original(updateArgs)
    return adapter
  },
})
