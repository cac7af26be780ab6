import type { JobsConfig, TaskConfig } from 'payload'

type AutorunCronConfig = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]

/** Seconds between two polls of the queue by one instance (JOBS_POLL_SECONDS, 1 to 59, default 10). */
function pollSeconds() {
  const seconds = Number(process.env.JOBS_POLL_SECONDS ?? 10)
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 59 ? seconds : 10
}

/**
 * How the queue is worked in production (payload.config.ts autoRun, the
 * worker of `npm start`). `silent`: Payload's runner logs every failed
 * attempt with the whole job, its input and its growing task history (one
 * email retried five times printed over a thousand lines) and a "Running N
 * jobs" line per poll; our tasks log one line per attempt instead
 * (`oneLogLinePerAttempt`).
 */
export const QUEUE_POLL: AutorunCronConfig = {
  cron: `*/${pollSeconds()} * * * * *`,
  limit: 50,
  queue: 'default',
  silent: true,
}

const maxAttempts = (task: TaskConfig): number => {
  const { retries } = task
  const extra = typeof retries === 'number' ? retries : typeof retries === 'object' ? (retries?.attempts ?? 0) : 0
  return extra + 1
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]

/** An object's plain values (ids, counts, flags), not nested objects: fields of one short line. */
const plainValues = (value: unknown): Record<string, boolean | number | string> =>
  Object.fromEntries(
    Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(([, item]) =>
      ['boolean', 'number', 'string'].includes(typeof item),
    ),
  )

/**
 * One log line per attempt of a task: info when it succeeds (with the
 * task's output counts), warn when it fails and will be retried, error when
 * it fails for the last time. Tasks do not log their outcome themselves.
 */
export const oneLogLinePerAttempt = <T extends TaskConfig<any>>(task: T): T => {
  const { handler } = task
  if (typeof handler !== 'function') return task
  const wrapped: typeof handler = async (args) => {
    const attempt = (args.job.totalTried ?? 0) + 1
    const fields = {
      // what the job was about: an email log id, a feed id
      ...plainValues(args.input),
      attempt,
      job: String(args.job.id),
      maxAttempts: maxAttempts(task),
      task: task.slug,
    }
    try {
      const result = await handler(args)
      // and what it did (counts of fetched entries...), in the same line
      const output = plainValues((result as { output?: unknown } | undefined)?.output)
      args.req.payload.logger.info({ ...output, ...fields, msg: `${task.slug} succeeded (attempt ${attempt})` })
      return result
    } catch (err) {
      const final = attempt >= fields.maxAttempts
      args.req.payload.logger[final ? 'error' : 'warn']({
        ...fields,
        error: errorMessage(err),
        msg: `${task.slug} failed (attempt ${attempt} of ${fields.maxAttempts}, ${final ? 'giving up' : 'will retry'})`,
      })
      throw err
    }
  }
  return { ...task, handler: wrapped }
}
