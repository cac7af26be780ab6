/**
 * SMTP server down: the send fails, the log says why, the job is retried
 * and goes out once the server is back. Its own file, because it stops the
 * sink the email adapter points at.
 */
import { queueEmail } from '../../src/mailing/queueEmail'
import { QUEUE_POLL } from '../../src/platform/queue/logging'
import { captureLogs, query } from '../helpers/assertions'
import { startTestPayload, type TestContext } from '../helpers/harness'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { createTemplate, findJobs, requestAs, unique, waitPast } from './fixtures'

let t: TestContext
let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
  t = await startTestPayload(sink.env)
  await t.makeUser('superuser') // the first account of a database is a superuser
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
})

it('logs FAILED with the connection error, keeps the job, and sends once the server is back', async () => {
  const template = await createTemplate(t, { contentText: 'Body for {{ name }}', subject: 'Subject for {{ name }}' })
  const port = sink.port
  await sink.close()

  const to = `${unique('down')}@example.org`
  const member = await t.makeUser('member')
  // queueing does not touch SMTP: it cannot fail because the server is down
  const log = await queueEmail(await requestAs(t, member), { context: { name: 'Flo' }, template: template.internalName, to })
  expect(log.status).toBe('QUEUED')

  await expect(t.payload.jobs.run()).resolves.toBeDefined()
  const failed = await t.payload.findByID({ collection: 'email-logs', id: log.id, overrideAccess: true })
  expect(failed).toMatchObject({ attempts: 1, status: 'FAILED', subject: 'Subject for Flo' })
  expect(failed.errorMessage).toMatch(/ECONNREFUSED|connect/i)

  const [job] = await findJobs(t, String(log.id))
  expect(job).toMatchObject({ totalTried: 1 })
  expect(job!.hasError ?? false).toBe(false)
  expect(job!.completedAt ?? null).toBeNull()

  // a worker running before the backoff is over does not retry yet
  await t.payload.jobs.run()
  expect((await findJobs(t, String(log.id)))[0]).toMatchObject({ totalTried: 1 })

  // the server comes back on the same port
  sink = await startSmtpSink({ port })
  await waitPast(job!.waitUntil)
  await t.payload.jobs.run()
  const [message] = await sink.waitFor(1)
  expect(message!.rcptTo).toEqual([to])
  expect(message!.subject).toBe('Subject for Flo')
  expect(message!.text).toBe('Body for Flo')
  const sent = await t.payload.findByID({ collection: 'email-logs', id: log.id, overrideAccess: true })
  expect(sent).toMatchObject({ attempts: 2, status: 'SENT' })
  expect(sent.errorMessage ?? null).toBeNull()
})

it('gives up after five attempts, one short log line each; staff resend it once the server is back', async () => {
  const template = await createTemplate(t, { contentText: 'Body', subject: 'Subject' })
  const port = sink.port
  await sink.close()
  let restarted = false
  try {
    const to = `${unique('down')}@example.org`
    const log = await queueEmail(await requestAs(t), { template: template.internalName, to })
    const [job] = await findJobs(t, String(log.id))
    const logs = captureLogs(t.payload)
    try {
      for (let poll = 1; poll <= 6; poll += 1) {
        // the retry is due (without sitting out the backoff)
        await query(t, 'UPDATE payload_jobs SET wait_until = NULL WHERE id = $1', [job!.id])
        // a poll as the production worker makes it; the sixth finds nothing left to do
        await t.payload.jobs.run({ limit: QUEUE_POLL.limit, queue: QUEUE_POLL.queue, silent: QUEUE_POLL.silent })
      }
    } finally {
      logs.restore()
    }
    expect(logs.lines.map((line) => line.level)).toEqual(['warn', 'warn', 'warn', 'warn', 'error'])
    logs.lines.forEach((line, index) => {
      const text = JSON.stringify(line.args)
      // the attempt, the job and its input; never the job's whole history or a stack
      expect(text).toContain(`attempt ${index + 1} of 5`)
      expect(text).toContain(String(log.id))
      expect(text).not.toMatch(/"log"|"stack"|\\n    at /)
      expect(text.length).toBeLessThan(600)
    })
    expect(JSON.stringify(logs.lines[4]!.args)).toContain('giving up')

    const failed = await t.payload.findByID({ collection: 'email-logs', id: log.id, overrideAccess: true })
    expect(failed).toMatchObject({ attempts: 5, status: 'FAILED' })
    expect(failed.errorMessage).toMatch(/ECONNREFUSED|connect/i)
    const [final] = await findJobs(t, String(log.id))
    expect(final).toMatchObject({ hasError: true, totalTried: 5 })

    // the server is back: staff resend the email that failed for good
    sink = await startSmtpSink({ port })
    restarted = true
    const staff = await t.makeUser('staff')
    const resent = await t.api('POST', `/email-logs/${log.id}/resend`, { auth: staff })
    expect(resent.status).toBe(202)
    const { emailLog } = (await resent.json()) as { emailLog: string }
    await t.payload.jobs.run({ limit: QUEUE_POLL.limit, queue: QUEUE_POLL.queue, silent: QUEUE_POLL.silent })
    const [message] = await sink.waitFor(1)
    expect(message!.rcptTo).toEqual([to])
    const copy = await t.payload.findByID({ collection: 'email-logs', id: emailLog, overrideAccess: true })
    expect(copy).toMatchObject({ attempts: 1, status: 'SENT' })
    expect(copy.resendOf).toMatchObject({ id: String(log.id) })
  } finally {
    if (!restarted) sink = await startSmtpSink({ port })
  }
})
