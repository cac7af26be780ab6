/**
 * The jobs queue worker (src/platform/scripts/worker.ts), as `npm start`
 * runs it beside the web server and `npm run worker` runs it alone: a real
 * process on the test's database, sending to a local SMTP sink. It works the
 * queue from startup, and on SIGTERM finishes the job it is running before
 * it exits, within SHUTDOWN_TIMEOUT_MS.
 */
import path from 'node:path'

import { queueEmail } from '../../src/mailing/queueEmail'
import { projectRoot } from '../../src/platform/paths'
import { query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { killTree, productionEnv, start, type Started, waitForExit } from '../helpers/processes'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, requestAs, sleep, unique } from '../mailing/fixtures'

let t: TestContext
let sink: SmtpSink
let worker: Started | undefined
let templateName: string

const startWorker = (env: Record<string, string> = {}) =>
  start(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/platform/scripts/worker.ts')], {
    env: productionEnv({
      DATABASE_URL: t.databaseUrl,
      // poll every second, not every 10: the test waits less
      JOBS_POLL_SECONDS: '1',
      PAYLOAD_SECRET: 'test-secret',
      ...sink.env,
      ...env,
    }),
  })

const queue = async () => {
  const to = `${unique('worker')}@example.org`
  const log = await queueEmail(await requestAs(t), { context: { name: 'Wu' }, template: templateName, to })
  return { id: String(log.id), to }
}

const getLog = (id: string) => t.payload.findByID({ collection: 'email-logs', id, overrideAccess: true })

/** The log once the worker has recorded the outcome (the sink hears of the email a moment before). */
const settledLog = async (id: string) => {
  for (let tries = 0; tries < 100; tries += 1) {
    const log = await getLog(id)
    if (log.status !== 'QUEUED') return log
    await sleep(100)
  }
  return getLog(id)
}

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  await t.makeUser('superuser') // the first account of a database is a superuser
  templateName = (await createTemplate(t, { contentText: 'Hi {{ name }}', subject: 'For {{ name }}' })).internalName
})
afterAll(async () => {
  await killTree(worker)
  await t?.close()
  await sink?.close()
})

describe('the jobs queue worker', () => {
  it('works the queue from startup: a queued email goes out with nothing else running', async () => {
    worker = startWorker()
    const email = await queue()
    const [message] = await sink.waitFor(1, 60_000)
    expect(message!.rcptTo).toEqual([email.to])
    expect(await settledLog(email.id)).toMatchObject({ attempts: 1, status: 'SENT' })
    expect(worker.output()).toContain('Working the jobs queue')
  })

  it('on SIGTERM stops polling, finishes the email it is sending, then exits 0', async () => {
    sink.clear()
    const hold = sink.hold()
    const sending = await queue()
    await sink.waitForHeld(1, 60_000)

    worker!.child.kill('SIGTERM')
    // queued after the signal: a stopping worker takes no new work
    const late = await queue()
    await sleep(1_000)
    expect(worker!.child.exitCode).toBeNull()

    hold.release()
    expect(await waitForExit(worker!, 30_000)).toEqual({ code: 0, signal: null })
    expect(sink.messagesTo(sending.to)).toHaveLength(1)
    expect(await getLog(sending.id)).toMatchObject({ attempts: 1, status: 'SENT' })
    expect(await getLog(late.id)).toMatchObject({ attempts: 0, status: 'QUEUED' })
    expect(worker!.output()).toMatch(/SIGTERM: the jobs queue worker stopped/)

    // the next worker sends what was left
    worker = startWorker()
    await sink.waitFor(2, 60_000)
    expect(sink.messagesTo(late.to)).toHaveLength(1)
    worker.child.kill('SIGTERM')
    expect(await waitForExit(worker, 30_000)).toEqual({ code: 0, signal: null })
  })

  it('gives up on a job still running at SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    worker = startWorker({ SHUTDOWN_TIMEOUT_MS: '500' })
    const hold = sink.hold()
    try {
      const stuck = await queue()
      await sink.waitForHeld(1, 60_000)
      worker.child.kill('SIGTERM')
      expect(await waitForExit(worker, 30_000)).toEqual({ code: 1, signal: null })
      expect(worker.output()).toMatch(/jobs still running after 500 ms, abandoned/)
      // still claimed: another instance takes it over once the claim is stale
      const { rows } = await query(t, `SELECT processing FROM payload_jobs WHERE input->>'emailLog' = $1`, [stuck.id])
      expect(rows).toEqual([{ processing: true }])
    } finally {
      hold.release()
    }
  })
})
