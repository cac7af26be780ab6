/**
 * oneLogLinePerAttempt: every task attempt logs exactly one short line (the
 * mailing tests check it on the real sending path; these check each case).
 */
import type { TaskConfig } from 'payload'

import { oneLogLinePerAttempt } from '../../src/platform/queue/logging'

type Line = { fields: Record<string, unknown>; level: string }

const run = async (task: TaskConfig<any>, totalTried: number, input: unknown = { feed: 'f-1', nested: { a: 1 } }) => {
  const lines: Line[] = []
  const logger = Object.fromEntries(
    ['debug', 'error', 'info', 'warn'].map((level) => [
      level,
      (fields: Record<string, unknown>) => void lines.push({ fields, level }),
    ]),
  )
  const handler = oneLogLinePerAttempt(task).handler as (args: unknown) => Promise<unknown>
  const outcome = await handler({ input, job: { id: 'job-1', totalTried }, req: { payload: { logger } } }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  )
  return { lines, outcome }
}

const task = (handler: () => Promise<unknown>): TaskConfig<any> => ({
  slug: 'fetchFeeds',
  handler: handler as never,
  retries: { attempts: 2 },
})

describe('one log line per task attempt', () => {
  it('a success: one info line with the input, the output counts and the attempt; the result passes through', async () => {
    const { lines, outcome } = await run(task(async () => ({ output: { created: 3, items: [1, 2], ok: true } })), 0)
    expect(outcome).toEqual({ result: { output: { created: 3, items: [1, 2], ok: true } } })
    expect(lines).toEqual([
      {
        fields: {
          attempt: 1,
          created: 3,
          feed: 'f-1',
          job: 'job-1',
          maxAttempts: 3,
          msg: 'fetchFeeds succeeded (attempt 1)',
          ok: true,
          task: 'fetchFeeds',
        },
        level: 'info',
      },
    ])
  })

  it('a failure to be retried: one warn line with the first line of the error; the error is rethrown', async () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:25\n    at some stack')
    const { lines, outcome } = await run(task(async () => Promise.reject(error)), 1)
    expect(outcome).toEqual({ error })
    expect(lines).toEqual([
      {
        fields: expect.objectContaining({
          attempt: 2,
          error: 'connect ECONNREFUSED 127.0.0.1:25',
          msg: 'fetchFeeds failed (attempt 2 of 3, will retry)',
        }),
        level: 'warn',
      },
    ])
  })

  it('the last attempt failing: one error line saying it gives up', async () => {
    const { lines } = await run(task(async () => Promise.reject(new Error('still down'))), 2)
    expect(lines).toEqual([
      { fields: expect.objectContaining({ msg: 'fetchFeeds failed (attempt 3 of 3, giving up)' }), level: 'error' },
    ])
  })

  it('a task without retries has one attempt', async () => {
    const { lines } = await run({ slug: 'once', handler: (async () => Promise.reject(new Error('no'))) as never }, 0)
    expect(lines.map((line) => [line.level, line.fields.msg])).toEqual([
      ['error', 'once failed (attempt 1 of 1, giving up)'],
    ])
  })
})
